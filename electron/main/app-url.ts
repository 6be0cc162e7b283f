/**
 * The app:// scheme the window is served from, and the checks on it. Pure (no 'electron'), so the
 * path-traversal check runs in Node tests and in the UI tests' page server exactly as in the app.
 */
import path from 'node:path'

/** The scheme the window is served from (registered as standard and secure). */
export const APP_SCHEME = 'app'
/** The one host of the scheme; any other host is refused. */
export const APP_HOST = 'renderer'
/** The app page's origin: what the IPC sender check trusts. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** What the window loads in a packaged or previewed app. */
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** A file to serve, or the HTTP status to answer with. */
export type Resolved = { ok: true; file: string; mime: string } | { ok: false; status: 400 | 403 | 404 }

/**
 * Maps a URL path to a file inside `root`, refusing anything that would leave it: `..` (plain or
 * percent-encoded), backslashes, NUL, absolute paths. `/` serves index.html.
 */
export function resolveAppPath(root: string, urlPath: string): Resolved {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return { ok: false, status: 400 }
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403 }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const base = path.resolve(root)
  const file = path.resolve(base, relative)
  if (file !== base && !file.startsWith(base + path.sep)) return { ok: false, status: 403 }
  const mime = MIME_TYPES[path.extname(file).toLowerCase()]
  if (!mime) return { ok: false, status: 404 }
  return { ok: true, file, mime }
}

/** Resolves an app:// URL; other schemes and hosts are refused. */
export function resolveAppUrl(root: string, url: string): Resolved {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { ok: false, status: 400 }
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 404 }
  return resolveAppPath(root, parsed.pathname)
}

/** True when a frame's URL is the app itself (or the dev server while developing). */
export function isTrustedUrl(url: string, devOrigin: string | null): boolean {
  let origin: string
  try {
    const parsed = new URL(url)
    origin = parsed.protocol === `${APP_SCHEME}:` ? `${parsed.protocol}//${parsed.host}` : parsed.origin
  } catch {
    return false
  }
  return origin === APP_ORIGIN || (devOrigin !== null && origin === devOrigin)
}

/**
 * True for every request the app must not make: all http(s) and ws(s) traffic, except the local
 * dev server while developing. The app is offline by design; this makes it provable.
 */
export function shouldCancelRequest(url: string, devOrigin: string | null): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return true
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return false
  if (devOrigin === null) return true
  const dev = new URL(devOrigin)
  return !(parsed.hostname === dev.hostname && parsed.port === dev.port)
}
