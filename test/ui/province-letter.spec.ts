/**
 * The letter page follows the filing province (issue 15 item 9): 上海 and 江苏 get their own letter
 * tab, titled with the province's letter, and a signed scan dropped there takes that letter's role;
 * a province whose letter comes from the provider (河南) gets no letter tab.
 */
import { expect, test } from '@playwright/test'
import { openApp, type Harness } from './support/app-harness'
import { field, openCaseId, saved } from './support/ui'

let harness: Harness

test.afterEach(() => {
  expect(harness.problems, 'page errors, CSP violations or handler bugs').toEqual([])
  expect(harness.blocked, 'requests outside the app').toEqual([])
})

test('the letter tab and title follow the filing province', async ({ page }) => {
  harness = await openApp(page, { today: '2026-12-01' })
  await page.getByRole('button', { name: '新建案件' }).first().click()
  await openCaseId(harness)

  await field(page, 'province').selectOption('上海')
  await saved(page)
  await page.getByRole('tab', { name: '上海承诺书' }).click()
  await expect(page.locator('.letter-side h2')).toHaveText(/上海市互联网信息服务备案承诺书/)

  await page.getByRole('tab', { name: '填写资料' }).click()
  await field(page, 'province').selectOption('江苏')
  await saved(page)
  await page.getByRole('tab', { name: '江苏真实性承诺书' }).click()
  await expect(page.locator('.letter-side h2')).toHaveText(/真实性承诺书/)

  await page.getByRole('tab', { name: '填写资料' }).click()
  await field(page, 'province').selectOption('河南')
  await saved(page)
  await expect(page.getByRole('tab', { name: /承诺书/ })).toHaveCount(0)
})
