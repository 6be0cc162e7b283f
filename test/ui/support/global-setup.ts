/**
 * Builds what the browser tests load: the app with electron-vite (the same build `npm start` and
 * the installers use) and the preload's API for a plain page (bridge-entry.ts, bundled with Vite).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { build } from 'vite'
import { BRIDGE_BUNDLE, REPO } from './paths'

export default async function globalSetup(): Promise<void> {
  const cli = path.join(REPO, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const run = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' })
  if (run.status !== 0) throw new Error('electron-vite build failed')
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: path.dirname(BRIDGE_BUNDLE),
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: path.join(import.meta.dirname, 'bridge-entry.ts'),
        formats: ['iife'],
        name: 'IcpPrepBridge',
        fileName: () => 'bridge.js',
      },
    },
  })
}
