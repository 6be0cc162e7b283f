/**
 * Serves the window's files through app://renderer/ instead of file://, so the page has a real
 * origin (for the CSP and the IPC sender check) and can read nothing outside the renderer folder.
 */
import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { APP_SCHEME, resolveAppUrl } from './app-url'
import { CONTENT_SECURITY_POLICY } from './csp'

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ])
}

/** Answers app:// requests from files under `rendererDir` only. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppUrl(rendererDir, request.url)
    if (!resolved.ok) return new Response(null, { status: resolved.status })
    try {
      const body = await readFile(resolved.file)
      return new Response(body, {
        headers: {
          'content-type': resolved.mime,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        },
      })
    } catch {
      return new Response(null, { status: 404 })
    }
  })
}
