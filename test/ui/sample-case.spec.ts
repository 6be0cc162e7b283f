/**
 * The README's walk-through on the bundled sample scans (resources/sample-case/scans): a new case,
 * the folder added, read, roles set where the reading cannot tell, every confident value accepted,
 * the rest typed (and OCR misreads corrected) from what the scans show — the sample's case.json —
 * values the OCR misread with confidence marked as misread (识别有误) after checking the scan, then
 * exported for Tencent Cloud as a ready package. Slow: real OCR of five scans.
 */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { openApp, type Harness } from './support/app-harness'
import { REPO } from './support/paths'
import { dropFiles, field, openCaseId, saved, shot } from './support/ui'

let harness: Harness

test.afterEach(() => {
  expect(harness.problems, 'page errors, CSP violations or handler bugs').toEqual([])
  expect(harness.blocked, 'requests outside the app').toEqual([])
})

const SAMPLE = path.join(REPO, 'resources', 'sample-case')

/** Every form value of a case as [path, value] pairs, in form order (documents and exports left out). */
function formValues(value: unknown, prefix = ''): Array<[string, string]> {
  if (value === null || value === undefined) return []
  if (Array.isArray(value)) return value.flatMap((v, i) => formValues(v, `${prefix}[${i}]`))
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => formValues(v, prefix ? `${prefix}.${k}` : k))
  return [[prefix, String(value)]]
}

test('the README walk-through: the sample scans become a package', async ({ page }) => {
  test.setTimeout(300_000)
  const truth = JSON.parse(await readFile(path.join(SAMPLE, 'case.json'), 'utf8')) as Record<string, unknown>
  harness = await openApp(page, { today: '2026-12-01' })
  await page.getByRole('button', { name: '新建案件' }).first().click()
  await openCaseId(harness)
  await field(page, 'province').selectOption('广东')

  await page.getByRole('tab', { name: /扫描件与识别/ }).click()
  await dropFiles(page, page.locator('.scan-column .drop-zone'), [path.join(SAMPLE, 'scans')])
  await expect(page.locator('.scan-card')).toHaveCount(5)
  await page.locator('.read-button').click()
  await expect(page.locator('.scan-card[data-state="unread"]')).toHaveCount(0, { timeout: 240_000 })
  await expect(page.locator('.read-progress')).toHaveCount(0)
  await expect(page.locator('.scan-card[data-state="read"]')).toHaveCount(5)

  // Roles: what the reading proposed, and by hand where it could not tell.
  for (const doc of truth.documents as Array<{ file: string; role: string }>) {
    const card = page.locator(`.scan-card[data-name="${path.posix.basename(doc.file)}"]`)
    const role = card.locator('select').first()
    if ((await role.inputValue()) !== doc.role) await role.selectOption(doc.role)
    await card.locator('.scan-select').click()
    const all = page.locator('.review').getByRole('button', { name: /全部采用/ })
    if (await all.isEnabled()) await all.click()
  }
  await saved(page)
  await shot(page, '50-sample-scans-read')

  // The form: what no scan shows is typed; what OCR misread is corrected against the scan.
  await page.getByRole('tab', { name: '填写资料' }).click()
  const { documents: _documents, schemaVersion: _version, ...form } = truth
  for (const [fieldPath, value] of formValues(form)) {
    const input = field(page, fieldPath)
    if ((await input.count()) === 0) continue
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') {
      if ((await input.inputValue()) !== value) await input.selectOption(value)
    } else if ((await input.inputValue()) !== value) {
      await input.fill(value)
      await input.blur()
    }
  }
  await saved(page)
  // Left: where the OCR misread the sample with confidence and the typed truth now disagrees with
  // it. Every field is filled; nothing else stands in the way. The person checks those scans and
  // marks each such reading as misread (识别有误); then the package is ready.
  const errors = await page.locator('.checks .finding-error').evaluateAll((els) => els.map((el) => el.getAttribute('data-rule') ?? ''))
  for (const rule of errors) expect(rule).toMatch(/^scan-.*-(mismatch|inconsistent)$/)
  await shot(page, '51-sample-form')
  await page.getByRole('tab', { name: /扫描件与识别/ }).click()
  for (const doc of truth.documents as Array<{ file: string }>) {
    await page.locator(`.scan-card[data-name="${path.posix.basename(doc.file)}"] .scan-select`).click()
    const differs = page.locator('.review .review-row.row-differs:not(.unsure)')
    while ((await differs.count()) > 0) {
      const count = await differs.count()
      await differs.first().getByRole('button', { name: '识别有误' }).click()
      await expect(differs).toHaveCount(count - 1)
    }
  }
  await shot(page, '52-sample-misread-marked')
  await expect(page.locator('.checks .finding-error')).toHaveCount(0)

  await page.getByRole('tab', { name: /导出材料包/ }).click()
  await page.locator('.provider', { hasText: '腾讯云' }).click()
  await expect(page.locator('.export-status')).toContainText('检查通过')
  const zip = path.join(harness.root, '示例备案材料.zip')
  harness.nextSaveFile = zip
  await page.getByRole('button', { name: '导出…' }).click()
  await expect(page.locator('.export-result.ready')).toContainText('材料包已导出', { timeout: 120_000 })
  await stat(zip)
  await shot(page, '53-sample-exported')
})
