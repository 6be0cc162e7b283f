/**
 * Many customers (issue 17) in the real renderer over a generated 50-case workspace: the list's
 * filing status, 缺什么, search of several words, sorting and filing filter; the status dialog
 * (已提交 with provider and order, 管局退回 from the catalogue with its rule); the 到期提醒 screen
 * with its start-up badge, ranges and .ics export; a duplicate named 「… 副本」 with its warning.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { writeFleetWorkspace } from '../support/fleet-workspace'
import { openApp, type Harness } from './support/app-harness'
import { caseOnDisk, shot } from './support/ui'

const TODAY = '2026-12-01'
let harness: Harness
let ids: string[]

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  harness = await openApp(page, {
    today: TODAY,
    prepare: async (workspace) => {
      ids = await writeFleetWorkspace(workspace, { count: 50, today: TODAY })
    },
  })
})

test.afterEach(() => {
  expect(harness.problems).toEqual([])
  expect(harness.blocked).toEqual([])
})

const rows = (page: Page) => page.locator('.case-table tbody tr')
const row = (page: Page, id: string) => page.locator(`.case-table tbody tr[data-case="${id}"]`)

test('lists 50 cases with filing status and 缺什么, searches several words, sorts and filters', async ({ page }) => {
  await expect(rows(page)).toHaveCount(50)
  // fleet-0004 is filed (stage 3), fleet-0003 submitted, fleet-0001 preparing.
  await expect(row(page, 'fleet-0004').locator('.col-filing')).toContainText('已备案')
  await expect(row(page, 'fleet-0004').locator('.col-filing')).toContainText('粤ICP备2026000003号')
  await expect(row(page, 'fleet-0003').locator('.filing-badge')).toHaveText('已提交')
  await expect(row(page, 'fleet-0001').locator('.filing-badge')).toHaveText('准备中')
  await shot(page, '60-fleet-list')

  await page.getByRole('searchbox').fill('云帆 深圳')
  await expect(rows(page)).toHaveCount(3) // fleet-0001, -0025, -0049: 深圳 and 云帆 together
  for (const text of await rows(page).locator('.col-sponsor .row-open').allTextContents()) expect(text).toMatch(/^深圳市云帆/)
  await page.getByRole('searchbox').fill('粤ICP备2026000008号')
  await expect(rows(page)).toHaveCount(1)
  await page.getByRole('searchbox').fill('')
  await expect(rows(page)).toHaveCount(50)

  const sponsor = page.locator('th.col-sponsor')
  await sponsor.getByRole('button').click()
  await expect(sponsor).toHaveAttribute('aria-sort', 'ascending')
  const names = await rows(page).locator('.col-sponsor .row-open').allTextContents()
  expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare))
  await sponsor.getByRole('button').click()
  await expect(sponsor).toHaveAttribute('aria-sort', 'descending')

  await page.getByRole('combobox', { name: '备案状态' }).selectOption('filed')
  await expect(rows(page)).toHaveCount(20)
  await expect(page.getByRole('combobox', { name: '备案状态' }).locator('option[value="filed"]')).toHaveText('已备案 (20)')
})

test('changes the filing status in one dialog: 已提交 with provider and order, then 管局退回 from the catalogue', async ({ page }) => {
  await row(page, 'fleet-0001').locator('.filing-button').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('当前：准备中')
  await dialog.getByLabel('已提交').check()
  await dialog.getByLabel('接入商').selectOption('tencent')
  await dialog.getByLabel('订单号').fill('TC20261201001')
  await shot(page, '61-fleet-status-dialog')
  await dialog.getByRole('button', { name: '更改状态' }).click()
  await expect(dialog).toBeHidden()
  await expect(row(page, 'fleet-0001').locator('.filing-badge')).toHaveText('已提交')

  await row(page, 'fleet-0001').locator('.filing-button').click()
  await dialog.getByLabel('管局退回').check()
  await dialog.getByRole('button', { name: '更改状态' }).click()
  await expect(dialog.getByRole('alert')).toContainText('驳回需要原因')
  await dialog.getByLabel('驳回原因（目录）').selectOption('manager-id-expired')
  await expect(dialog).toContainText('对应检查规则：id-expired')
  await dialog.locator('summary').click()
  await expect(dialog.locator('.status-history li')).toHaveCount(1)
  await shot(page, '62-fleet-status-rejected')
  await dialog.getByRole('button', { name: '更改状态' }).click()
  await expect(row(page, 'fleet-0001').locator('.filing-badge')).toHaveText('管局退回')
  const onDisk = (await caseOnDisk(harness, 'fleet-0001')).filing as { history: Array<Record<string, unknown>> }
  expect(onDisk.history).toMatchObject([
    { status: 'submitted', date: TODAY, provider: 'tencent', orderNumber: 'TC20261201001' },
    { status: 'rejected-bureau', date: TODAY, reasonCode: 'manager-id-expired' },
  ])
})

test('到期提醒: a quiet badge at start, items soonest first with what to do, ranges, and an .ics file', async ({ page }) => {
  const tab = page.getByRole('button', { name: /到期提醒/ })
  await expect(tab.locator('.quiet-badge')).toBeVisible()
  const badge = Number(await tab.locator('.quiet-badge').textContent())
  expect(badge).toBeGreaterThan(0)
  await tab.click()
  await expect(page.getByRole('heading', { name: '到期提醒' })).toBeVisible()
  const items = page.locator('.expiry-table tbody tr')
  await expect(items.first()).toBeVisible()
  const dates = await items.locator('.col-date').allTextContents()
  expect(dates).toEqual([...dates].sort())
  await expect(items.filter({ hasText: '已过' }).first()).toContainText('换领新证')
  await shot(page, '63-fleet-expiry')
  const in90 = await items.count()
  await page.getByRole('button', { name: '30 天内' }).click()
  await expect.poll(() => items.count()).toBeLessThan(in90)
  expect(await items.count()).toBe(badge)
  await page.getByLabel('包括未提交的案件').check()
  await expect.poll(() => items.count()).toBeGreaterThan(badge)

  harness.nextSaveFile = path.join(harness.root, '到期.ics')
  await page.getByRole('button', { name: '导出日历 (.ics)' }).click()
  await expect(page.locator('.notice-info')).toContainText('已保存 到期.ics')
  const ics = await readFile(harness.nextSaveFile, 'utf8')
  expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(await items.count())
  expect(harness.saveRequests.at(-1)).toEqual({ name: `备案到期提醒_${TODAY}.ics`, kind: 'ics' })

  // From a filed case's item to its case; its header changes the filing status too.
  await items
    .filter({ has: page.locator('.filing-filed') })
    .first()
    .locator('.row-open')
    .click()
  const header = page.locator('.case-header')
  await expect(header.locator('.filing-badge')).toHaveText('已备案')
  await header.locator('.filing-button').click()
  await page.getByRole('dialog').getByLabel('变更中').check()
  await page.getByRole('dialog').getByRole('button', { name: '更改状态' }).click()
  await expect(header.locator('.filing-badge')).toHaveText('变更中')
  await shot(page, '64-fleet-case-header-status')
})

test('a duplicate is named 「… 副本」 and warns that it shares the credit code', async ({ page }) => {
  await row(page, ids[0] as string)
    .getByRole('button', { name: '复制' })
    .click()
  await expect(page.locator('.notice-info')).toContainText('副本与原案件的统一社会信用代码相同')
  const copy = row(page, '深圳市云帆网络科技有限公司 副本')
  await expect(copy).toBeVisible()
  await expect(copy.locator('.same-code')).toHaveText('另有 1 个案件的统一社会信用代码相同')
  await expect(copy.locator('.filing-badge')).toHaveText('准备中')
})
