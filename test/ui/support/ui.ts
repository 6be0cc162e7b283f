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
  if ((await page.locator('dialog[open]').count()) === 0)
    for (const close of await page.locator('.notice-info button').all()) await close.click()
  await page.evaluate(() => document.fonts.ready)
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

/** Waits until every edit has been saved (no save in flight, a saved time shown). */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toBeVisible()
}
