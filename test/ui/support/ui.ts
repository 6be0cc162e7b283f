/** Small helpers for the browser tests: find a form field by its case path, take named screenshots. */
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import type { Harness } from './app-harness'
import { DOCS, SCREENSHOTS } from './paths'

/** The input, select or textarea of the field at a case path such as `websites[0].manager.mobile`. */
export function field(page: Page, fieldPath: string): Locator {
  return page.locator(`.case-form [data-field="${fieldPath}"]`).locator('input:not([type=checkbox]), select, textarea').first()
}

/** The findings shown beside a field. */
export function fieldFindings(page: Page, fieldPath: string): Locator {
  return page.locator(`[data-field="${fieldPath}"] .field-finding`)
}

/** Saves a screenshot of the whole window as a test artefact (and to docs/ when asked to). */
export async function shot(page: Page, name: string, options: { docs?: string } = {}): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  const file = path.join(SCREENSHOTS, `${name}.png`)
  // Screens, not moments: close passing notices (errors stay) and wait for the fonts.
  // (One at a time: a notice may fade by itself between finding it and clicking it.)
  if ((await page.locator('dialog[open]').count()) === 0)
    for (let i = 0; i < 10 && (await page.locator('.notice-info button').count()) > 0; i += 1)
      await page
        .locator('.notice-info button')
        .first()
        .click({ timeout: 2000 })
        .catch(() => undefined)
  await page.evaluate(() => document.fonts.ready)
  // Scan images are made on first request: wait until every one on screen has arrived.
  await page.waitForFunction(
    () =>
      [...document.images].every((img) => {
        const box = img.getBoundingClientRect()
        const visible = box.bottom > 0 && box.top < window.innerHeight && box.width > 0
        return img.complete || !visible
      }),
    undefined,
    { timeout: 60_000 },
  )
  await page.screenshot({ path: file, animations: 'disabled' })
  if (options.docs && process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    await mkdir(DOCS, { recursive: true })
    await copyFile(file, path.join(DOCS, options.docs))
  }
}

/** The case.json of a case in the harness workspace, as saved on disk. */
export async function caseOnDisk(harness: Harness, caseId: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(harness.workspace, caseId, 'case.json'), 'utf8')) as Record<string, unknown>
}

/** The id of the case open on the case screen (from the remembered settings). */
export async function openCaseId(harness: Harness): Promise<string> {
  await expect.poll(() => harness.services.settings.get().lastCaseId).not.toBeNull()
  return harness.services.settings.get().lastCaseId as string
}

/**
 * Drops files and folders from "the file manager" onto a drop target: a DataTransfer of File
 * objects dispatched as a real drag, with the bridge told each File's path (the stand-in for
 * Electron's webUtils.getPathForFile). The page itself never sees the paths.
 */
export async function dropFiles(page: Page, target: Locator, files: readonly string[]): Promise<void> {
  const byName = Object.fromEntries(files.map((f) => [path.basename(f), f]))
  await page.evaluate(
    (paths) => (window as unknown as { __icpRegisterFiles(p: Record<string, string>): void }).__icpRegisterFiles(paths),
    byName,
  )
  const dataTransfer = await page.evaluateHandle((names) => {
    const dt = new DataTransfer()
    for (const name of names) dt.items.add(new File([''], name))
    return dt
  }, Object.keys(byName))
  for (const type of ['dragenter', 'dragover', 'drop'] as const) await target.dispatchEvent(type, { dataTransfer })
}

/** Waits until every edit has been saved (no save in flight, a saved time shown). */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toBeVisible()
}
