// Builds the three Electron layers. The preload is emitted as CommonJS because a sandboxed
// window cannot load an ES module preload (toolchain.md), and it bundles its few imports (channel
// names, error texts) because a sandboxed preload can require nothing but 'electron'. Native and
// wasm-heavy packages stay external and are loaded from node_modules (unpacked from the asar).
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'electron-vite'

// The dev server injects an inline script (React refresh) and talks over a websocket: relax the
// page's CSP for `npm run dev` only. Built files keep the strict policy of renderer/index.html.
const devCsp: Plugin = {
  name: 'icp-prep-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // Started by path as a worker thread (electron/services/ocr/ppocr/engine.ts looks for it next to the bundle).
          'ppocr-worker': resolve(import.meta.dirname, 'electron/services/ocr/ppocr/worker.ts'),
          // The pixel-work worker threads (electron/services/pixel-work/pool.ts looks for it next to the bundle).
          'pixel-worker': resolve(import.meta.dirname, 'electron/services/pixel-work/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: { exclude: [] },
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react(), devCsp],
    build: { rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') } },
  },
})
