/**
 * Issue 14 in a real browser over the real handlers: typed values normalised on leaving a field
 * and when a case is opened, said once; the rules and the disk see the normalised value.
 */
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { sampleCase, writeCaseFolder } from '../support/sample-case'
import { openApp, type Harness } from './support/app-harness'
import { SCREENSHOTS } from './support/paths'
import { caseOnDisk, field, fieldFindings, openCaseId, saved, shot } from './support/ui'

let harness: Harness

test.afterEach(() => {
  expect(harness.problems, 'page errors, CSP violations or handler bugs').toEqual([])
  expect(harness.blocked, 'requests outside the app').toEqual([])
})

test('normalises a value on leaving its field and says so once (item 4)', async ({ page }) => {
  harness = await openApp(page)
  await page.getByRole('button', { name: '新建案件' }).first().click()
  const caseId = await openCaseId(harness)

  await field(page, 'principal.mobile').fill('１３８ ００１３-８０００')
  await field(page, 'principal.mobile').press('Tab')
  await expect(field(page, 'principal.mobile')).toHaveValue('13800138000')
  const notice = page.locator('.notice-info').filter({ hasText: '已规范 1 个值' })
  await expect(notice).toContainText('主体负责人手机号码：１３８ ００１３-８０００ → 13800138000')
  await expect(fieldFindings(page, 'principal.mobile')).toHaveCount(0)

  await field(page, 'principal.email').fill('chen.siyuan@Yunfan-Tech。cn')
  await field(page, 'principal.email').press('Tab')
  await expect(field(page, 'principal.email')).toHaveValue('chen.siyuan@yunfan-tech.cn')
  await expect(page.locator('.checks .finding[data-rule="email-invalid"]')).toHaveCount(0)
  await page.screenshot({ path: path.join(SCREENSHOTS, 'i14-01-normalised-on-blur.png') })
  await shot(page, 'i14-01b-normalised-field')

  // Leaving a field already in form says nothing more (shot() closed the notices).
  await field(page, 'principal.mobile').focus()
  await field(page, 'principal.mobile').press('Tab')
  await expect(page.locator('.notice-info').filter({ hasText: '已规范' })).toHaveCount(0)
  await saved(page)
  await expect
    .poll(async () => (await caseOnDisk(harness, caseId)).principal)
    .toMatchObject({
      mobile: '13800138000',
      email: 'chen.siyuan@yunfan-tech.cn',
    })
})

test('normalises a case.json typed elsewhere when it is opened, and saves it so (item 4)', async ({ page }) => {
  let id = ''
  harness = await openApp(page, {
    today: '2026-12-01',
    prepare: async (workspace) => {
      const c = sampleCase()
      c.principal.mobile = '139 0013 8000'
      const site = c.websites[0]!
      site.domain = 'http://yunfan-tech.cn./'
      site.manager.email = 'lin.xiaotong@yunfan-tech。cn'
      id = path.basename(await writeCaseFolder(c, workspace))
    },
  })
  await page.locator('.case-table .row-open').first().click()
  await expect(field(page, 'websites[0].domain')).toHaveValue('yunfan-tech.cn')
  await expect(field(page, 'principal.mobile')).toHaveValue('13900138000')
  await expect(page.locator('.notice-info').filter({ hasText: '已规范' })).toContainText('已规范 3 个值')
  await page.screenshot({ path: path.join(SCREENSHOTS, 'i14-02-normalised-on-open.png') })
  await saved(page)
  const disk = await caseOnDisk(harness, id)
  expect((disk.websites as Array<{ domain: string }>)[0]?.domain).toBe('yunfan-tech.cn')
  expect((disk.principal as { mobile: string }).mobile).toBe('13900138000')
})
