/**
 * Serves the window's files through app://renderer/ instead of file://, so the page has a real
 * origin (for the CSP and the IPC sender check) and can read nothing outside the renderer folder.
 * Scan images are served under the same origin (app://renderer/case-file/…), answered by the case
 * file server with its own path check, and the letter font for the preview likewise
 * (app://renderer/letter-font/…), so the CSP needs no extra source.
 */
import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { isLetterFontPath, letterFontFile } from '../services/export/letter-font-file'
import { isCaseFilePath, type CaseFileResponse } from '../services/handlers'
import { APP_HOST, APP_SCHEME, resolveAppUrl } from './app-url'
import { CONTENT_SECURITY_POLICY } from './csp'

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ])
}

const HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // Never in Chromium's disk cache: scan images show ID cards.
  'cache-control': 'no-store',
}

/** Answers app:// requests from files under `rendererDir`, and scan images from `caseFiles`. */
export function handleAppScheme(rendererDir: string, caseFiles: (urlPath: string) => Promise<CaseFileResponse>): void {
  protocol.handle(APP_SCHEME, async (request) => {
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return new Response(null, { status: 400 })
    }
    if (url.host === APP_HOST && isCaseFilePath(url.pathname)) {
      try {
        const answer = await caseFiles(url.pathname)
        if (answer.status !== 200) return new Response(null, { status: answer.status })
        return new Response(new Uint8Array(answer.body), { headers: { ...HEADERS, 'content-type': answer.mime } })
      } catch {
        return new Response(null, { status: 500 })
      }
    }
    if (url.host === APP_HOST && isLetterFontPath(url.pathname)) {
      const file = letterFontFile(url.pathname)
      const body = file ? await readFile(file).catch(() => null) : null
      if (!body) return new Response(null, { status: 404 })
      return new Response(body, { headers: { ...HEADERS, 'content-type': 'font/ttf' } })
    }
    const resolved = resolveAppUrl(rendererDir, request.url)
    if (!resolved.ok) return new Response(null, { status: resolved.status })
    try {
      const body = await readFile(resolved.file)
      return new Response(body, { headers: { ...HEADERS, 'content-type': resolved.mime } })
    } catch {
      return new Response(null, { status: 404 })
    }
  })
}
