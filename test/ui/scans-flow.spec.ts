/**
 * The whole flow in a real browser over the real handlers and real OCR, on synthetic scans: create
 * a case, drop a folder of scans (and two bad files), read them, accept what was read into the
 * form (a typo the scan contradicts is marked and fixed), make the Guangdong letter, drop its signed
 * scan, export, and unzip the package. Slow (OCR of seven scans on two cores): generous timeout.
 */
import { execFileSync } from 'node:child_process'
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { generateLetter } from '../../electron/services/letter'
import { parseCase } from '../../shared/model/case'
import { makeScan, renderPage } from '../support/letter-scan'
import { openApp, type Harness } from './support/app-harness'
import { makeFlowScans, type FlowScans } from './support/scan-fixtures'
import { caseOnDisk, dropFiles, field, openCaseId, saved, shot } from './support/ui'

let harness: Harness
let scans: FlowScans

test.afterEach(() => {
  expect(harness.problems, 'page errors, CSP violations or handler bugs').toEqual([])
  expect(harness.blocked, 'requests outside the app').toEqual([])
})

/** Entry names and the manifest of a zip, read back with the standard `unzip` tool (as people will). */
function readZip(file: string): { names: string[]; manifest: Record<string, unknown> } {
  const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n')
  const manifest = JSON.parse(execFileSync('unzip', ['-p', file, 'manifest.json'], { encoding: 'utf8' })) as Record<string, unknown>
  return { names, manifest }
}

/** Waits for the reading job the page started to finish. */
async function readAll(page: Page): Promise<void> {
  await page.locator('.read-button').click()
  // Not just "no progress bar": the job may not have shown one yet when this looks.
  await expect(page.locator('.scan-card[data-state="unread"]')).toHaveCount(0, { timeout: 300_000 })
  await expect(page.locator('.read-progress')).toHaveCount(0, { timeout: 300_000 })
}

test('adds, reads and reviews scans, then makes the letter and exports the package', async ({ page }) => {
  test.setTimeout(240_000)
  scans = await makeFlowScans(11)
  const { principal, manager, sponsor, domain } = scans.set
  harness = await openApp(page)
  await page.getByRole('button', { name: '新建案件' }).first().click()
  const caseId = await openCaseId(harness)

  // What no scan shows, typed by hand — and the principal's ID number with two digits swapped.
  const typo = `${principal.idNumber.slice(0, 10)}${principal.idNumber[11]}${principal.idNumber[10]}${principal.idNumber.slice(12)}`
  await field(page, 'province').selectOption('广东')
  await field(page, 'sponsor.type').selectOption('企业')
  await field(page, 'sponsor.certificateType').selectOption('营业执照')
  await field(page, 'sponsor.mailingAddress').fill(sponsor.address)
  await field(page, 'principal.name').fill(principal.name)
  await field(page, 'principal.idType').selectOption('居民身份证')
  await field(page, 'principal.idNumber').fill(typo)
  await field(page, 'principal.mobile').fill('13800138000')
  await field(page, 'principal.emergencyPhone').fill('13900139000')
  await field(page, 'principal.email').fill('principal@example.cn')
  await field(page, 'websites[0].name').fill('客户服务中心官网')
  await field(page, 'websites[0].homepage').fill(`www.${domain.domain}`)
  await field(page, 'websites[0].manager.name').fill(manager.name)
  await field(page, 'websites[0].manager.idType').selectOption('居民身份证')
  await field(page, 'websites[0].manager.mobile').fill('13700137000')
  await field(page, 'websites[0].manager.emergencyPhone').fill('13600136000')
  await field(page, 'websites[0].manager.email').fill('manager@example.cn')
  await saved(page)

  // Drop the folder of scans, a damaged photo and a text file named .jpg onto the scans column.
  await page.getByRole('tab', { name: /扫描件与识别/ }).click()
  await expect(page.locator('.drop-zone.large')).toBeVisible()
  await shot(page, '30-scans-empty')
  await dropFiles(page, page.locator('.scan-column .drop-zone'), [scans.folder, scans.damaged, scans.notScan])
  await expect(page.locator('.scan-card')).toHaveCount(6)
  await expect(page.locator('.notice-error')).toContainText('备注.jpg：不是图片或 PDF 扫描件')
  await shot(page, '31-scans-added')
  await page.locator('.notice-error').getByRole('button').click()

  // Read them: a progress bar while it runs; the damaged photo does not stop the others.
  await page.locator('.read-button').click()
  await expect(page.locator('.read-progress progress')).toBeVisible()
  await shot(page, '32-scans-reading')
  await expect(page.locator('.read-progress')).toHaveCount(0, { timeout: 300_000 })
  await expect(page.locator('.scan-card[data-state="read"]')).toHaveCount(5)
  await expect(page.locator('.scan-card[data-state="failed"]')).toHaveCount(1)
  await shot(page, '33-scans-read')

  // Roles come from the readings where the form names the person; the emblem side is set by hand.
  const card = (name: string) => page.locator(`.scan-card[data-name="${name}"]`)
  const role = (name: string) => card(name).locator('select').first()
  await expect(role('营业执照.jpg')).toHaveValue('sponsor-certificate')
  await expect(role('域名证书.jpg')).toHaveValue('domain-certificate')
  await expect(role('主体负责人身份证.jpg')).toHaveValue('principal-id')
  await expect(role('网站负责人身份证-人像面.jpg')).toHaveValue('manager-id')
  await role('网站负责人身份证-国徽面.jpg').selectOption('manager-id')
  await expect(card('网站负责人身份证-国徽面.jpg').locator('.website-select')).toHaveValue('0')

  // Review the licence: each value beside its crop; accept all, undo twice, accept again.
  await card('营业执照.jpg').locator('.scan-select').click()
  const review = page.locator('.review')
  const codeRow = review.locator('.review-row[data-target="sponsor.certificateNumber"]')
  await expect(codeRow.locator('.read-value')).toHaveText(sponsor.creditCode)
  await expect(codeRow.locator('img.crop')).toBeVisible()
  await shot(page, '34-review-licence')
  const agreed = review.locator('.review-row .chip-ok')
  await review.getByRole('button', { name: /全部采用/ }).click()
  await expect(codeRow.locator('.chip-ok')).toBeVisible()
  const accepted = await agreed.count()
  expect(accepted).toBeGreaterThanOrEqual(3)
  await review.getByRole('button', { name: '撤销' }).click()
  await expect(agreed).toHaveCount(accepted - 1)
  await page.keyboard.press('Control+z')
  await expect(agreed).toHaveCount(accepted - 2)
  await review.getByRole('button', { name: /全部采用/ }).click()
  await expect(agreed).toHaveCount(accepted)

  // The principal's card: the typed ID number disagrees with the scan, marked red; one click fixes it.
  await card('主体负责人身份证.jpg').locator('.scan-select').click()
  const idRow = review.locator('.review-row[data-target="principal.idNumber"]')
  await expect(idRow).toHaveClass(/row-differs/)
  await expect(idRow.locator('.form-value.differs')).toHaveText(typo)
  await expect(page.locator('.checks .finding[data-rule="id-number-invalid"]')).toHaveCount(1)
  await shot(page, '35-review-differs', { docs: 'review-screen.png' })
  // 识别有误 would say the scan was misread (the form stands): the comparison goes, and comes back when unmarked.
  await expect(page.locator('.checks .finding[data-rule="scan-person-mismatch"]')).toHaveCount(1)
  await idRow.getByRole('button', { name: '识别有误' }).click()
  await expect(idRow).toHaveClass(/row-misread/)
  await expect(page.locator('.checks .finding[data-rule="scan-person-mismatch"]')).toHaveCount(0)
  await idRow.getByRole('button', { name: '取消标记' }).click()
  await expect(idRow).toHaveClass(/row-differs/)
  await expect(page.locator('.checks .finding[data-rule="scan-person-mismatch"]')).toHaveCount(1)
  await idRow.getByRole('button', { name: '采用' }).click()
  await expect(idRow.locator('.chip-ok')).toBeVisible()
  await expect(page.locator('.checks .finding[data-rule="id-number-invalid"]')).toHaveCount(0)

  // The rest: every value read with confidence at once; uncertain ones stay for a person to check.
  for (const name of ['主体负责人身份证.jpg', '网站负责人身份证-人像面.jpg', '网站负责人身份证-国徽面.jpg', '域名证书.jpg']) {
    await card(name).locator('.scan-select').click()
    const all = review.getByRole('button', { name: /全部采用/ })
    if (await all.isEnabled()) await all.click()
  }
  await saved(page)
  const onDisk = await caseOnDisk(harness, caseId)
  expect((onDisk.principal as Record<string, unknown>).idNumber).toBe(principal.idNumber)
  expect((onDisk.sponsor as Record<string, unknown>).certificateNumber).toBe(sponsor.creditCode)
  expect(onDisk.documents as unknown[]).toHaveLength(6) // the window never wrote documents; the scan service did

  // The damaged photo goes to the trash.
  await card('手机照片-损坏.jpg').getByRole('button', { name: /移除/ }).click()
  await page.locator('dialog[open]').getByRole('button', { name: '移除' }).click()
  await expect(page.locator('.scan-card')).toHaveCount(5)
  await expect(page.locator('.checks .finding[data-rule="scan-unreadable"]')).toHaveCount(0)
  await stat(path.join(harness.trash, '手机照片-损坏.jpg'))

  // What OCR could not read for sure, the person reads off the scan and types; the form is complete.
  await page.getByRole('tab', { name: '填写资料' }).click()
  const truth: ReadonlyArray<readonly [string, string]> = [
    ['sponsor.name', sponsor.entityName],
    ['sponsor.certificateAddress', sponsor.address],
    ['sponsor.legalRepresentative', sponsor.legalRepresentative],
    ['sponsor.certificateValidFrom', sponsor.validFrom ?? sponsor.establishedOn],
    ['principal.idValidFrom', principal.validFrom],
    ['principal.idValidTo', principal.validTo === 'long-term' ? '长期' : principal.validTo],
    ['websites[0].manager.idNumber', manager.idNumber],
    ['websites[0].manager.idValidFrom', manager.validFrom],
    ['websites[0].manager.idValidTo', manager.validTo === 'long-term' ? '长期' : manager.validTo],
    ['websites[0].domain', domain.domain],
    ['websites[0].domainCertificate.owner', domain.owner],
    ['websites[0].domainCertificate.registeredOn', domain.registeredOn],
    ['websites[0].domainCertificate.expiresOn', domain.expiresOn],
  ]
  for (const [fieldPath, value] of truth) {
    if ((await field(page, fieldPath).inputValue()) !== '') continue
    await field(page, fieldPath).fill(value)
    await field(page, fieldPath).blur() // dates typed as printed are stored as ISO dates on leaving the field
  }
  await saved(page)
  await expect(page.locator('.checks .finding[data-rule="field-missing"]')).toHaveCount(0)
  await expect(page.locator('.checks .finding-error')).toHaveCount(1)
  await expect(page.locator('.checks .finding[data-rule="gd-letter-missing"]')).toHaveCount(1)
  await shot(page, '36-form-after-review')

  // The Guangdong letter: exact preview, saved through the save dialog, handed to the PDF viewer.
  await page.getByRole('tab', { name: '广东承诺书' }).click()
  await expect(page.locator('.letter-page text').first()).toBeVisible()
  await expect(page.locator('.letter-page')).toContainText(sponsor.entityName)
  await shot(page, '37-letter')
  const letterFile = path.join(harness.root, '承诺书.pdf')
  harness.nextSaveFile = letterFile
  await page.getByRole('button', { name: '保存为 PDF…' }).click()
  await expect
    .poll(() =>
      stat(letterFile).then(
        (s) => s.size,
        () => 0,
      ),
    )
    .toBeGreaterThan(1000)
  expect((await readFile(letterFile)).subarray(0, 5).toString()).toBe('%PDF-')
  expect(harness.saveRequests.at(-1)?.name).toContain('_广东承诺书_')
  await page.getByRole('button', { name: '打印…' }).click()
  await expect.poll(() => harness.opened.length).toBe(1)

  // Printed, signed, sealed, scanned: dropped onto the letter's zone and read.
  const parsed = parseCase(await caseOnDisk(harness, caseId))
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  const generated = await generateLetter(parsed.case, { today: '2026-12-01' })
  const signedScan = path.join(harness.root, '承诺书-已签字.jpg')
  // Stamped with the unit's 公章 (its full name round the ring): a 合同专用章 would be refused (gd-letter-seal-type).
  const companySeal = { ring: parsed.case.sponsor.name ?? '', centre: '' }
  const scanned = renderPage(await readFile(letterFile), 150)
  await writeFile(signedScan, await makeScan(scanned, generated.scanLayout, { sign: true, seal: true, sealText: companySeal }))
  await dropFiles(page, page.locator('.signed .drop-zone'), [signedScan])
  await expect(page.locator('.signed-item')).toHaveCount(1)
  await expect(page.locator('.checks .finding[data-rule="gd-letter-missing"]')).toHaveCount(0)
  await page.getByRole('tab', { name: /扫描件与识别/ }).click()
  await expect(role('承诺书-已签字.jpg')).toHaveValue('commitment-letter')
  await readAll(page)
  await page.getByRole('tab', { name: '广东承诺书' }).click()
  await expect(page.locator('.signed-item .ok')).toBeVisible()
  await shot(page, '38-letter-signed')

  // Export for Tencent Cloud: see the files in upload order, export, and open the folder.
  await page.getByRole('tab', { name: /导出材料包/ }).click()
  await page.locator('.provider', { hasText: '腾讯云' }).click()
  await expect(page.locator('.export-table tbody tr').first()).toContainText('01_主办单位证件_营业执照.jpg')
  await expect(page.locator('.export-status')).toContainText('检查通过')
  await shot(page, '39-export')
  const zip = path.join(harness.root, '备案材料.zip')
  harness.nextSaveFile = zip
  await page.getByRole('button', { name: '导出…' }).click()
  await expect(page.locator('.export-result.ready')).toContainText('材料包已导出', { timeout: 120_000 })
  await shot(page, '40-export-done', { docs: 'export-screen.png' })
  await page.getByRole('button', { name: '在文件夹中显示' }).click()
  await expect.poll(() => harness.shown).toEqual([zip])

  const { names, manifest } = readZip(zip)
  expect(names).toEqual([
    '01_主办单位证件_营业执照.jpg',
    // 腾讯云 wants the ID sides apart: the principal's one scan of both sides is cut into two cards.
    '02_主体负责人_身份证_人像面.jpg',
    '03_主体负责人_身份证_国徽面.jpg',
    '04_网站1_负责人_身份证_人像面.jpg',
    '05_网站1_负责人_身份证_国徽面.jpg',
    `06_网站1_域名证书_${domain.domain}.jpg`,
    '07_广东承诺书.jpg',
    '报告.html',
    'manifest.json',
  ])
  expect(manifest).toMatchObject({ ready: true, provider: { name: 'tencent' } })
  const exported = (await caseOnDisk(harness, caseId)).exports as Array<Record<string, unknown>>
  expect(exported).toHaveLength(1)
  expect(exported[0]).toMatchObject({ file: zip, provider: 'tencent', ready: true })

  // The case list now says 已导出.
  await page.getByRole('button', { name: '案件列表' }).click()
  await expect(page.locator('.case-table tbody tr').first().locator('.badge')).toHaveText('已导出')
  await shot(page, '41-case-list-exported')
})
