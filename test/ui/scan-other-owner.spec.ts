/**
 * Issue 14.5 in the window: a licence of another company dropped into a case (its credit code read
 * surely and valid, but not the form's) is one clear finding, the review offers no 全部采用 for it,
 * and changing its role to 其他材料 ends both. Uses stored readings: no OCR.
 */
import { expect, test } from '@playwright/test'
import { readLicence, withReadings } from '../support/extracted'
import { makeUscc } from '../support/ids'
import { sampleCase, writeCaseFolder } from '../support/sample-case'
import { openApp, type Harness } from './support/app-harness'
import { shot } from './support/ui'

let harness: Harness
let caseId = ''

test.afterEach(() => {
  expect(harness.problems, 'page errors, CSP violations or handler bugs').toEqual([])
  expect(harness.blocked, 'requests outside the app').toEqual([])
})

test('another company’s licence is one error, and 全部采用 is off for it', async ({ page }) => {
  harness = await openApp(page, {
    prepare: async (workspace) => {
      const c = withReadings(sampleCase())
      const licence = c.documents.find((d) => d.role === 'sponsor-certificate')
      if (!licence) throw new Error('sample has a licence')
      const read = readLicence()
      read.fields = {
        ...read.fields,
        entityName: { value: '深圳市别家贸易有限公司', confidence: 0.97 },
        creditCode: { value: makeUscc('91440300', 'MA5GQ2R7'), confidence: 0.98 },
        legalRepresentative: { value: '王大明', confidence: 0.97 },
      }
      licence.extracted = read
      caseId = (await writeCaseFolder(c, workspace)).split(/[\\/]/).pop() ?? ''
    },
  })
  await page.locator(`.case-table tbody tr[data-case="${caseId}"]`).getByRole('button').first().click()
  const scanFindings = page.locator('.checks .finding[data-rule^="scan-"]')
  await expect(page.locator('.checks .finding[data-rule="scan-other-owner"]')).toHaveCount(1)
  await expect(scanFindings).toHaveCount(1)
  await expect(page.locator('.checks .finding[data-rule="scan-other-owner"]')).toContainText('此证件不属于本案件主办单位')

  await page.getByRole('tab', { name: /扫描件与识别/ }).click()
  const card = page.locator('.scan-card[data-name="licence.jpg"]')
  await card.locator('.scan-select').click()
  const review = page.locator('.review')
  await expect(review.locator('.review-notice')).toContainText('此证件不属于本案件主办单位')
  await expect(review.getByRole('button', { name: /全部采用/ })).toBeDisabled()
  await shot(page, '36-review-other-owner')

  // Not this case's licence: 其他材料. The finding goes (its values are no longer compared).
  await card.locator('select').first().selectOption('other')
  await expect(page.locator('.checks .finding[data-rule="scan-other-owner"]')).toHaveCount(0)
  await expect(review.locator('.review-notice')).not.toContainText('此证件不属于')
})
