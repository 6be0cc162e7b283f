/** Where the browser tests find the built app and keep their artefacts. */
import path from 'node:path'

/** The repository root. */
export const REPO = path.resolve(import.meta.dirname, '../../..')
/** electron-vite's output: out/main, out/preload, out/renderer. */
export const OUT = path.join(REPO, 'out')
/** The built window, served to the test page as the app:// scheme serves it. */
export const RENDERER_DIR = path.join(OUT, 'renderer')
/** The preload bridge rebuilt for a plain browser page (see bridge-entry.ts). */
export const BRIDGE_BUNDLE = path.join(REPO, 'test-results', '.bridge', 'bridge.js')
/** Screenshots of every screen, kept as test artefacts. */
export const SCREENSHOTS = path.join(REPO, 'test-results', 'screenshots')
/** The screenshot the README shows, refreshed when UPDATE_DOCS_SCREENSHOTS=1. */
export const DOCS = path.join(REPO, 'docs')
