/**
 * The case list over a real workspace folder: statuses derived from the rules and the export
 * records, search by name or code (as a Chinese IME types it), status filters, duplicate, delete
 * into the trash with confirmation, a damaged case that stays visible, opening a case.
 */
import { access, readdir } from 'node:fs/promises'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { openApp, type Harness } from './support/app-harness'
import { field, fieldFindings, saved, shot } from './support/ui'
import { FOSHAN, GUANGZHOU, GUANGZHOU_USCC, writeFixtures, ZHUHAI, type Fixtures } from './support/workspace-fixtures'

let harness: Harness
let fixtures: Fixtures

test.beforeEach(async ({ page }) => {
  harness = await openApp(page, {
    prepare: async (workspace) => {
      fixtures = await writeFixtures(workspace)
    },
  })
})

test.afterEach(() => {
  // Opening the damaged case is expected to fail with a notice, not with a bug.
  expect(harness.problems).toEqual([])
  expect(harness.blocked).toEqual([])
})

const rows = (page: Page) => page.locator('.case-table tbody tr')
const row = (page: Page, id: string) => page.locator(`.case-table tbody tr[data-case="${id}"]`)

test('lists every case with the status the rules and exports give it', async ({ page }) => {
  await expect(rows(page)).toHaveCount(5)
  await expect(row(page, fixtures.ready).locator('.badge')).toHaveText('可提交')
  await expect(row(page, fixtures.toReview).locator('.badge')).toHaveText('待核对')
  await expect(row(page, fixtures.toReview).locator('.col-problems')).toContainText('2 个错误')
  await expect(row(page, fixtures.toReview).locator('.col-problems')).toContainText('1 个警告')
  await expect(row(page, fixtures.exported).locator('.badge')).toHaveText('已导出')
  await expect(row(page, fixtures.incomplete).locator('.badge')).toHaveText('资料不全')
  await expect(row(page, fixtures.broken)).toContainText('无法读取此案件')
  await expect(page.locator('.filter[data-status="incomplete"] .filter-count')).toHaveText('2')
  await shot(page, '10-case-list')

  await page.locator('.filter[data-status="to-review"]').click()
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first()).toContainText(GUANGZHOU)
  await page.locator('.filter[data-status="to-review"]').click()
  await expect(rows(page)).toHaveCount(5)

  // Full-width digits with a space, as an IME may type them, find the credit code.
  const fullWidth = [...GUANGZHOU_USCC.slice(0, 8)].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')
  await page.getByRole('searchbox').fill(`${fullWidth.slice(0, 4)} ${fullWidth.slice(4)}`)
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first()).toContainText(GUANGZHOU)
  await page.getByRole('searchbox').fill('海岸线')
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first()).toContainText(ZHUHAI)
  await shot(page, '11-case-list-search')
  await page.getByRole('searchbox').fill('没有这个公司')
  await expect(page.getByText('没有符合条件的案件')).toBeVisible()
  await page.getByRole('button', { name: '清除筛选' }).click()
  await expect(rows(page)).toHaveCount(5)
})

test('duplicates a case without its exports and deletes it into the trash after confirmation', async ({ page }) => {
  await row(page, fixtures.exported).getByRole('button', { name: '复制' }).click()
  await expect(rows(page)).toHaveCount(6)
  const copies = page.locator('.case-table tbody tr', { hasText: ZHUHAI })
  await expect(copies).toHaveCount(2)
  // The copy has not been exported: it is ready, not exported.
  const copy = copies.filter({ has: page.locator('.badge', { hasText: '可提交' }) })
  await expect(copy).toHaveCount(1)
  const copyId = (await copy.getAttribute('data-case')) as string
  expect(await readdir(path.join(harness.workspace, copyId))).toContain('scans')

  await copy.getByRole('button', { name: '删除' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('删除案件？')
  await expect(dialog).toContainText(ZHUHAI)
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused()
  await shot(page, '12-delete-confirmation')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(rows(page)).toHaveCount(6)

  await copy.getByRole('button', { name: '删除' }).click()
  await dialog.getByRole('button', { name: '移到废纸篓' }).click()
  await expect(rows(page)).toHaveCount(5)
  await access(path.join(harness.trash, copyId, 'case.json'))
  await expect(access(path.join(harness.workspace, copyId))).rejects.toThrow()
})

test('opens a case from the list, and a damaged one only with an explanation', async ({ page }) => {
  await row(page, fixtures.broken).getByRole('button', { name: '无法读取此案件' }).click()
  await expect(page.locator('.notice-error')).toContainText('案件文件无法打开')
  await expect(rows(page)).toHaveCount(5)

  await row(page, fixtures.ready).getByRole('button').first().click()
  await expect(page.locator('.checks-clear')).toContainText('未发现问题')
  await expect(page.locator('.case-header .badge')).toHaveText('可提交')
  await shot(page, '13-case-ready')

  await field(page, 'websites[0].domainCertificate.expiresOn').fill('2027-01-10')
  await expect(page.locator('.case-header .badge')).toHaveText('待核对')
  await expect(fieldFindings(page, 'websites[0].domainCertificate.expiresOn')).toContainText('不超过90天')
  await field(page, 'websites[0].domainCertificate.expiresOn').fill('2027-05-12')
  await expect(page.locator('.case-header .badge')).toHaveText('可提交')
  await saved(page)

  await page.getByRole('button', { name: '案件列表' }).click()
  await expect(row(page, fixtures.ready).locator('.badge')).toHaveText('可提交')
  await expect(row(page, fixtures.incomplete)).toContainText(FOSHAN)
})

test('shows a case with problems: red at the fields the 管局 would refuse, amber for warnings', async ({ page }) => {
  await row(page, fixtures.toReview).getByRole('button').first().click()
  await expect(page.locator('.case-header .badge')).toHaveText('待核对')
  await expect(page.locator('.checks .group-error .finding')).toHaveCount(2)
  await expect(page.locator('.checks .group-warning .finding')).toHaveCount(1)
  await expect(fieldFindings(page, 'websites[0].manager.idValidTo')).toContainText('不超过3个月')
  await expect(fieldFindings(page, 'principal.emergencyPhone')).toContainText('手机号码相同')
  await expect(page.locator('.case-form [data-field="websites[0].name"]')).toHaveClass(/has-warning/)
  await page.locator('.checks .group-error .finding').first().getByRole('button').click()
  await expect(page.locator(':focus')).toHaveAttribute('id', 'field-principal-emergencyPhone')
  await shot(page, '14-case-with-findings', { docs: 'case-screen.png' })
})
