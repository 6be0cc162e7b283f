/**
 * Issue 14 in a real browser over the real handlers: typed values normalised on leaving a field
 * and when a case is opened, said once; the rules and the disk see the normalised value.
 */
import { cp, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { sampleCase, writeCaseFolder } from '../support/sample-case'
import { openApp, type Harness } from './support/app-harness'
import { REPO, SCREENSHOTS } from './support/paths'
import { caseOnDisk, dropFiles, field, fieldFindings, openCaseId, saved, shot } from './support/ui'

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

const SAMPLE = path.join(REPO, 'resources', 'sample-case')

/** Marks every confident reading that differs from the typed truth as misread, scan by scan (as the README walk-through does). */
async function markMisreads(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /扫描件与识别/ }).click()
  const cards = page.locator('.scan-card')
  for (let i = 0; i < (await cards.count()); i += 1) {
    await cards.nth(i).locator('.scan-select').click()
    const differs = page.locator('.review .review-row.row-differs:not(.unsure)')
    while ((await differs.count()) > 0) {
      const count = await differs.count()
      await differs.first().getByRole('button', { name: '识别有误' }).click()
      await expect(differs).toHaveCount(count - 1)
    }
  }
}

async function readAll(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /扫描件与识别/ }).click()
  await page.locator('.read-button').click()
  await expect(page.locator('.scan-card[data-state="unread"]')).toHaveCount(0, { timeout: 240_000 })
  await expect(page.locator('.read-progress')).toHaveCount(0, { timeout: 60_000 })
}

test('the walk-through with a second website is refused until the letter is regenerated and re-signed (item 1)', async ({ page }) => {
  test.setTimeout(480_000)
  const second = JSON.parse(await readFile(path.join(SAMPLE, 'second-website', 'website.json'), 'utf8')) as {
    website: Record<string, unknown>
    files: { certificate: string; letter: string }
  }
  let id = ''
  harness = await openApp(page, {
    today: '2026-12-01',
    prepare: async (workspace) => {
      id = '示例案件'
      await mkdir(path.join(workspace, id), { recursive: true })
      await cp(path.join(SAMPLE, 'case.json'), path.join(workspace, id, 'case.json'))
      await cp(path.join(SAMPLE, 'scans'), path.join(workspace, id, 'scans'), { recursive: true })
    },
  })
  await page.locator(`.case-table tbody tr[data-case="${id}"] .row-open`).click()
  await readAll(page)
  await markMisreads(page)
  await expect(page.locator('.checks .finding-error')).toHaveCount(0)

  // A second website, typed, with its domain certificate; the signed letter still lists one.
  await page.getByRole('tab', { name: '填写资料' }).click()
  await page.locator('.add-website').click()
  const site = second.website as { name: string; domain: string; homepage: string; domainCertificate: Record<string, string> }
  await field(page, 'websites[1].name').fill(site.name)
  await field(page, 'websites[1].domain').fill(site.domain)
  await field(page, 'websites[1].homepage').fill(site.homepage)
  for (const [key, value] of Object.entries(second.website.manager as Record<string, string>)) {
    const input = field(page, `websites[1].manager.${key}`)
    if ((await input.count()) === 0) continue
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value)
    else await input.fill(value)
  }
  for (const [key, value] of Object.entries(site.domainCertificate)) {
    const input = field(page, `websites[1].domainCertificate.${key}`)
    if ((await input.count()) > 0) await input.fill(value)
  }
  await field(page, 'websites[1].domainCertificate.owner').blur()
  await saved(page)
  await page.getByRole('tab', { name: /扫描件与识别/ }).click()
  await dropFiles(page, page.locator('.scan-column .drop-zone'), [path.join(SAMPLE, second.files.certificate)])
  const cert = page.locator('.scan-card[data-name="域名证书-网站2.jpg"]')
  await cert.locator('select').first().selectOption('domain-certificate')
  await cert.locator('.website-select').selectOption('1')
  await readAll(page)
  await markMisreads(page)
  const mismatch = page.locator('.checks .finding-error[data-rule="gd-letter-mismatch"]')
  await expect(mismatch).toHaveCount(3)
  await expect(mismatch.first()).toContainText('列出 1 个网站，本案件有 2 个网站')
  await expect(page.locator('.checks .finding-error').filter({ hasText: site.domain })).toHaveCount(1)
  await expect(page.locator('.case-header .badge')).not.toHaveText('可提交')
  await page.getByRole('tab', { name: '广东承诺书' }).click()
  await expect(page.locator('.signed-item .finding-error[data-rule="gd-letter-mismatch"]')).toHaveCount(3)
  await shot(page, 'i14-03-letter-lists-one-website')

  // Regenerated for both websites, signed, sealed and scanned: the old scan goes, the new one is read.
  await page.locator('.letter-actions').getByRole('button', { name: /打印/ }).click()
  await expect(page.getByText('已生成的承诺书与当前资料一致')).toBeVisible()
  await page.getByRole('tab', { name: /扫描件与识别/ }).click()
  await page.locator('.scan-card[data-name="承诺书-已签字.jpg"] .scan-remove').click()
  const confirm = page.locator('dialog[open]')
  if ((await confirm.count()) > 0)
    await confirm
      .getByRole('button', { name: /移除|删除|确定/ })
      .first()
      .click()
  await expect(page.locator('.scan-card[data-name="承诺书-已签字.jpg"]')).toHaveCount(0)
  await dropFiles(page, page.locator('.scan-column .drop-zone'), [path.join(SAMPLE, second.files.letter)])
  await page.locator('.scan-card[data-name="承诺书-两个网站-已签字.jpg"] select').first().selectOption('commitment-letter')
  await readAll(page)
  await markMisreads(page)
  await expect(page.locator('.checks .finding[data-rule^="gd-letter"]')).toHaveCount(0)
  await expect(page.locator('.checks .finding-error')).toHaveCount(0)
  await page.getByRole('tab', { name: '广东承诺书' }).click()
  await expect(page.locator('.signed-item .ok')).toContainText('签字、印章与内容检查通过')
  await shot(page, 'i14-04-letter-two-websites-ok')

  // A later edit to a printed field makes the paper generated above stale.
  await page.getByRole('tab', { name: '填写资料' }).click()
  await field(page, 'websites[1].name').fill(`${site.name}二`)
  await field(page, 'websites[1].name').blur()
  await saved(page)
  await page.getByRole('tab', { name: '广东承诺书' }).click()
  await expect(page.getByTestId('letter-stale')).toContainText('网站 2 名称')
  await shot(page, 'i14-05-letter-stale')
})

test('roles are proposed from the file names as soon as the scans are added (item 7)', async ({ page }) => {
  harness = await openApp(page)
  await page.getByRole('button', { name: '新建案件' }).first().click()
  await openCaseId(harness)
  await page.getByRole('tab', { name: /扫描件与识别/ }).click()
  await dropFiles(page, page.locator('.scan-column .drop-zone'), [path.join(SAMPLE, 'scans')])
  await expect(page.locator('.scan-card')).toHaveCount(5)
  const role = (name: string) => page.locator(`.scan-card[data-name="${name}"] select`).first()
  await expect(role('营业执照.jpg')).toHaveValue('sponsor-certificate')
  await expect(role('主体负责人身份证.jpg')).toHaveValue('principal-id')
  await expect(role('网站负责人身份证.jpg')).toHaveValue('manager-id')
  await expect(role('域名证书.jpg')).toHaveValue('domain-certificate')
  await expect(role('承诺书-已签字.jpg')).toHaveValue('commitment-letter')
  await expect(page.locator('.scan-card[data-state="unread"]')).toHaveCount(5)
  await shot(page, 'i14-06-roles-from-file-names')
})
