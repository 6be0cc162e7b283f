/** The app:// scheme's path check and the request blocker's decisions. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ENTRY, isTrustedUrl, resolveAppPath, resolveAppUrl, shouldCancelRequest } from '../../electron/main/app-url'

describe('the app scheme', () => {
  it('serves files inside the renderer folder with their type', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'icp-renderer-'))
    await mkdir(path.join(root, 'assets'))
    await writeFile(path.join(root, 'index.html'), '<!doctype html>')
    expect(resolveAppUrl(root, APP_ENTRY)).toEqual({ ok: true, file: path.join(root, 'index.html'), mime: 'text/html; charset=utf-8' })
    expect(resolveAppUrl(root, 'app://renderer/')).toMatchObject({ ok: true, file: path.join(root, 'index.html') })
    expect(resolveAppUrl(root, 'app://renderer/assets/index-1.js')).toMatchObject({ ok: true, mime: 'text/javascript; charset=utf-8' })
    expect(resolveAppUrl(root, 'app://renderer/assets/%E4%B8%AD.css')).toMatchObject({
      ok: true,
      file: path.join(root, 'assets', '中.css'),
    })
  })

  it('refuses every way out of the renderer folder', () => {
    const root = path.join(tmpdir(), 'renderer-root')
    for (const p of [
      '/../secret.js',
      '/..%2f..%2fetc%2fpasswd.js',
      '/%2e%2e/%2e%2e/x.js',
      '/assets/..%5c..%5cx.js',
      '/x.js%00.html',
      '/%2e%2e',
    ]) {
      expect(resolveAppPath(root, p), p).toMatchObject({ ok: false })
    }
    expect(resolveAppPath(root, '/%E0%A4%A')).toEqual({ ok: false, status: 400 })
    expect(resolveAppPath(root, '/package.exe')).toEqual({ ok: false, status: 404 })
    expect(resolveAppUrl(root, 'app://elsewhere/index.html')).toEqual({ ok: false, status: 404 })
    expect(resolveAppUrl(root, 'file:///etc/passwd')).toEqual({ ok: false, status: 404 })
    // URL parsing folds plain ../ segments; what is left must still resolve inside the root.
    const folded = resolveAppUrl(root, 'app://renderer/../../../etc/x.js')
    expect(folded.ok && folded.file.startsWith(root + path.sep)).toBe(true)
  })

  it('trusts only the app origin (and the dev server while developing)', () => {
    expect(isTrustedUrl('app://renderer/index.html', null)).toBe(true)
    expect(isTrustedUrl('app://renderer.evil/index.html', null)).toBe(false)
    expect(isTrustedUrl('https://renderer/index.html', null)).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/', null)).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isTrustedUrl('not a url', null)).toBe(false)
  })

  it('cancels all http(s) and ws(s) traffic except the dev server', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/x',
      'ws://localhost:5173/',
      'wss://cdn.jsdelivr.net/',
      'http://[::1]/',
    ]) {
      expect(shouldCancelRequest(url, null), url).toBe(true)
    }
    expect(shouldCancelRequest('app://renderer/index.html', null)).toBe(false)
    expect(shouldCancelRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(false)
    expect(shouldCancelRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(false)
    expect(shouldCancelRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(true)
    expect(shouldCancelRequest('https://example.com/', 'http://localhost:5173')).toBe(true)
  })
})
