/**
 * Runs the real renderer in Chromium against the real handlers: the page calls window.icpPrep
 * (the preload's buildApi), which reaches dispatch() and createHandlers() in this Node process
 * through page.exposeFunction — the same contract validation, handlers and workspace service the
 * main process runs, over real folders in a temporary directory. The page is served from the
 * built renderer through the same path check as the app:// scheme, scan images through the same
 * case-file server, and every other request is refused and recorded, like the app's request blocker.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import type { BrowserWindow } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp'
import { resolveAppPath } from '../../../electron/main/app-url'
import { createEventSender, type EventSender } from '../../../electron/main/ipc/events'
import { isLetterFontPath, letterFontFile } from '../../../electron/services/export/letter-font-file'
import { isCaseFilePath } from '../../../electron/services/handlers'
import type { OcrPool } from '../../../electron/services/ocr/pool'
import { dispatch } from '../../../shared/ipc/dispatch'
import { makeTestApp, type TestApp } from '../../support/app-services'
import { BRIDGE_BUNDLE, RENDERER_DIR } from './paths'

/** The origin the test page is served from (never resolved: every request is answered by a route). */
export const TEST_ORIGIN = 'https://icp-prep.invalid'

export interface Harness extends TestApp {
  /** Requests the page tried to make outside the app: must stay empty. */
  readonly blocked: string[]
  /** Page errors, failed calls that were bugs, and console errors (CSP violations among them). */
  readonly problems: string[]
  /** Pushes a contract event to the page exactly as the main process does (validated first). */
  readonly send: EventSender
}

export interface HarnessOptions {
  /** "Today" for the rules (the sample case is correct on 2026-12-01). */
  readonly today?: string
  /** Fills the workspace before the page loads. */
  readonly prepare?: (workspace: string) => Promise<void>
  /** The OCR pool of each reading job (default: the real tesseract.js pool). */
  readonly ocrPool?: () => OcrPool
}

/** Opens the app in `page` over fresh temporary folders. */
export async function openApp(page: Page, options: HarnessOptions = {}): Promise<Harness> {
  const problems: string[] = []
  const send = createEventSender(
    () =>
      ({
        isDestroyed: () => page.isClosed(),
        webContents: {
          send: (event: string, payload: unknown) =>
            void page
              .evaluate(([e, p]) => (window as unknown as { __icpEmit(e: string, p: unknown): void }).__icpEmit(e, p), [
                event,
                payload,
              ] as const)
              .catch(() => undefined),
        },
      }) as unknown as BrowserWindow,
    (event, problem) => problems.push(`invalid event ${event}: ${problem}`),
  )
  const app = await makeTestApp({
    ...(options.today !== undefined ? { today: options.today } : {}),
    ...(options.ocrPool ? { ocrPool: options.ocrPool } : {}),
    sink: { progress: (e) => send('job.progress', e), finished: (e) => send('job.finished', e) },
  })
  await options.prepare?.(app.workspace)
  app.services.settings.onChange(() => send('settings.changed', app.services.settings.view()))
  const harness = Object.assign(app, { blocked: [] as string[], problems, send }) as Harness
  const { handlers } = harness

  await page.exposeFunction('__icpInvoke', (channel: unknown, raw: unknown) =>
    dispatch(handlers, channel, raw, (c, error) => problems.push(`unexpected error in ${c}: ${String(error)}`)),
  )
  await page.addInitScript({ content: await readFile(BRIDGE_BUNDLE, 'utf8') })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== TEST_ORIGIN) {
      harness.blocked.push(url.href)
      return route.abort('blockedbyclient')
    }
    if (isCaseFilePath(url.pathname)) {
      const answer = await harness.caseFiles(url.pathname).catch((error: unknown) => {
        problems.push(`case file ${url.pathname}: ${String(error)}`)
        return { status: 500 as const }
      })
      if (answer.status !== 200) return route.fulfill({ status: answer.status })
      return route.fulfill({
        status: 200,
        body: answer.body,
        headers: { 'content-type': answer.mime, 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' },
      })
    }
    if (isLetterFontPath(url.pathname)) {
      const file = letterFontFile(url.pathname)
      const body = file ? await readFile(file).catch(() => null) : null
      if (!body) return route.fulfill({ status: 404 })
      return route.fulfill({
        status: 200,
        body,
        headers: { 'content-type': 'font/ttf', 'content-security-policy': CONTENT_SECURITY_POLICY },
      })
    }
    const resolved = resolveAppPath(RENDERER_DIR, url.pathname)
    if (!resolved.ok) return route.fulfill({ status: resolved.status })
    try {
      const body = await readFile(resolved.file)
      return route.fulfill({
        status: 200,
        body,
        headers: { 'content-type': resolved.mime, 'content-security-policy': CONTENT_SECURITY_POLICY },
      })
    } catch {
      return route.fulfill({ status: 404 })
    }
  })
  await page.goto(`${TEST_ORIGIN}/index.html`)
  return harness
}
