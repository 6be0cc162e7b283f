/**
 * The case screen in a real browser over the real handlers: create a case, fill the form, watch a
 * finding appear at its field as the user types and go away when fixed, follow the checks panel
 * to a field, use the "same as the principal" shortcut, add and remove websites.
 */
import { expect, test } from '@playwright/test'
import { SAMPLE_USCC } from '../support/sample-case'
import { openApp, type Harness } from './support/app-harness'
import { caseOnDisk, field, fieldFindings, openCaseId, saved, shot } from './support/ui'

let harness: Harness

test.afterEach(() => {
  expect(harness.problems, 'page errors, CSP violations or handler bugs').toEqual([])
  expect(harness.blocked, 'requests outside the app').toEqual([])
})

test('creates a case and shows each finding at its field while the user types', async ({ page }) => {
  harness = await openApp(page)
  await expect(page.getByRole('heading', { name: '工作区中还没有案件' })).toBeVisible()
  await shot(page, '01-case-list-empty')

  await page.getByRole('button', { name: '新建案件' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: '未命名案件' })).toBeVisible()
  await expect(page.locator('.case-header .badge')).toHaveText('资料不全')
  const caseId = await openCaseId(harness)
  await shot(page, '02-case-new')

  await field(page, 'province').selectOption('广东')
  await field(page, 'sponsor.type').selectOption('企业')
  await field(page, 'sponsor.certificateType').selectOption('营业执照')
  await field(page, 'sponsor.name').fill('深圳市云帆网络科技有限公司')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('深圳市云帆网络科技有限公司')

  // A credit code with a wrong check character: the finding appears at the field and in the panel.
  const wrong = SAMPLE_USCC.slice(0, 17) + (SAMPLE_USCC.endsWith('A') ? 'B' : 'A')
  await field(page, 'sponsor.certificateNumber').fill(wrong)
  await expect(fieldFindings(page, 'sponsor.certificateNumber')).toContainText('无效')
  await expect(field(page, 'sponsor.certificateNumber')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('.checks .finding[data-rule="uscc-invalid"]')).toHaveCount(1)
  await saved(page)
  await shot(page, '03-case-finding-at-field')

  // Fixed while typing: the mark and the panel entry go away, and the disk has the new value.
  await field(page, 'sponsor.certificateNumber').fill(SAMPLE_USCC)
  await expect(fieldFindings(page, 'sponsor.certificateNumber')).toHaveCount(0)
  await expect(page.locator('.checks .finding[data-rule="uscc-invalid"]')).toHaveCount(0)
  await saved(page)
  await expect
    .poll(async () => ((await caseOnDisk(harness, caseId)).sponsor as Record<string, unknown>).certificateNumber)
    .toBe(SAMPLE_USCC)

  // Dates typed the way they are printed are stored as ISO dates when the field is left.
  await field(page, 'principal.idValidFrom').fill('2019.6.30')
  await field(page, 'principal.idValidFrom').press('Tab')
  await expect(field(page, 'principal.idValidFrom')).toHaveValue('2019-06-30')
  await expect(page.locator(':focus')).toHaveAttribute('id', 'field-principal-idValidTo')

  // 长期 is a tick, stored as "long-term".
  await page.locator('[data-field="sponsor.certificateValidTo"] .long-term input').check()
  await expect(field(page, 'sponsor.certificateValidTo')).toHaveValue('长期')
  await saved(page)
  await expect
    .poll(async () => ((await caseOnDisk(harness, caseId)).sponsor as Record<string, unknown>).certificateValidTo)
    .toBe('long-term')
})

test('follows a finding from the checks panel to its field', async ({ page }) => {
  harness = await openApp(page)
  await page.getByRole('button', { name: '新建案件' }).first().click()
  await field(page, 'principal.mobile').fill('1380013800')
  const item = page.locator('.checks .finding[data-rule="phone-invalid"]')
  await expect(item).toContainText('主体负责人手机号码')
  await expect(item.locator('.finding-fix')).toContainText('如何修改')
  await field(page, 'province').focus()
  await item.getByRole('button').click()
  await expect(page.locator(':focus')).toHaveAttribute('id', 'field-principal-mobile')

  // Empty required fields are folded into one line; unfolded, each leads to its field too.
  const toggle = page.locator('.missing-toggle')
  await expect(toggle).toContainText('项必填信息未填写')
  await toggle.click()
  await page.locator('.missing-group .finding[data-field="sponsor.name"] button').click()
  await expect(page.locator(':focus')).toHaveAttribute('id', 'field-sponsor-name')

  // Groups are ordered by severity: errors before warnings.
  await field(page, 'principal.idNumber').fill('110105194912310021')
  const severities = await page.locator('.checks .check-group').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-severity')))
  expect(severities[0]).toBe('error')
  expect(severities).toEqual(
    [...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a ?? '') - ['error', 'warning', 'info'].indexOf(b ?? '')),
  )
})

test('copies the principal into a website manager and keeps them in step', async ({ page }) => {
  harness = await openApp(page)
  await page.getByRole('button', { name: '新建案件' }).first().click()
  const caseId = await openCaseId(harness)
  await field(page, 'principal.name').fill('陈思远')
  await field(page, 'principal.mobile').fill('13800138000')
  const same = page.getByRole('checkbox', { name: '与主体负责人为同一人' })
  await same.check()
  await expect(field(page, 'websites[0].manager.name')).toHaveValue('陈思远')
  await expect(field(page, 'websites[0].manager.mobile')).toHaveAttribute('readonly', '')
  await field(page, 'principal.mobile').fill('13900139000')
  await expect(field(page, 'websites[0].manager.mobile')).toHaveValue('13900139000')
  await saved(page)
  await expect
    .poll(async () => ((await caseOnDisk(harness, caseId)).websites as Array<{ manager: { mobile: string } }>)[0]?.manager.mobile)
    .toBe('13900139000')
  await same.uncheck()
  await expect(field(page, 'websites[0].manager.name')).toHaveValue('')
  await expect(field(page, 'websites[0].manager.name')).not.toHaveAttribute('readonly', '')
})

test('adds and removes websites and pre-approvals', async ({ page }) => {
  harness = await openApp(page)
  await page.getByRole('button', { name: '新建案件' }).first().click()
  const caseId = await openCaseId(harness)
  await page.locator('.case-form').getByRole('button', { name: '添加网站' }).click()
  await expect(page.locator('[data-field="websites[1].name"]')).toBeVisible()
  await field(page, 'websites[1].name').fill('云帆在线商城')
  await expect(page.locator('.case-nav')).toContainText('网站 2 · 云帆在线商城')

  // Declaring a regulated industry asks for its approval certificate …
  const certificateAsked = page.locator('.checks .finding[data-rule="preapproval-missing"][data-field="websites[1].serviceContent"]')
  await page.locator('#field-websites-1').getByText('药品和医疗器械').click()
  await expect(certificateAsked).toHaveCount(1)
  await page.locator('#field-websites-1').getByRole('button', { name: '添加前置审批证件' }).click()
  await field(page, 'websites[1].preApprovals[0].category').selectOption('药品和医疗器械')
  await field(page, 'websites[1].preApprovals[0].validTo').fill('2020-01-01')
  await field(page, 'websites[1].preApprovals[0].validTo').blur()
  // … which, once entered, is checked for validity and still needs its scan.
  await expect(certificateAsked).toHaveCount(0)
  await expect(page.locator('.checks .finding[data-rule="preapproval-missing"][data-field="websites[1].preApprovals[0]"]')).toHaveCount(1)
  await expect(fieldFindings(page, 'websites[1].preApprovals[0].validTo')).toContainText('过期')
  await shot(page, '04-case-second-website')

  await page.locator('#field-websites-0').getByRole('button', { name: '删除此网站' }).click()
  await expect(page.getByRole('dialog')).toContainText('删除网站 1？')
  await page.getByRole('dialog').getByRole('button', { name: '删除此网站' }).click()
  await expect(page.locator('[data-field="websites[1].name"]')).toHaveCount(0)
  await expect(field(page, 'websites[0].name')).toHaveValue('云帆在线商城')
  await saved(page)
  await expect.poll(async () => ((await caseOnDisk(harness, caseId)).websites as unknown[]).length).toBe(1)
})

test('moves through the form with Tab in the order of the filing form', async ({ page }) => {
  harness = await openApp(page)
  await page.getByRole('button', { name: '新建案件' }).first().click()
  await field(page, 'province').focus()
  const visited: string[] = []
  for (let i = 0; i < 25; i += 1) {
    visited.push(
      await page.evaluate(
        () => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? document.activeElement?.tagName ?? '',
      ),
    )
    await page.keyboard.press('Tab')
  }
  const fields = visited.filter((v, i) => v !== visited[i - 1]) // the 长期 tick shares its field's block
  expect(fields).toEqual([
    'province',
    'filingType',
    'submissionDate',
    'remark',
    'sponsor.type',
    'sponsor.certificateType',
    'sponsor.name',
    'sponsor.certificateNumber',
    'sponsor.legalRepresentative',
    'sponsor.certificateValidFrom',
    'sponsor.certificateValidTo',
    'sponsor.certificateAddress',
    'sponsor.mailingAddress',
    'sponsor.businessScope',
    'principal.name',
    'principal.idType',
    'principal.idNumber',
    'principal.idValidFrom',
    'principal.idValidTo',
    'principal.mobile',
    'principal.emergencyPhone',
    'principal.officePhone',
    'principal.email',
  ])
})
