/**
 * 报告.html as the person uploading sees it: opened from the unzipped package in a real Chromium,
 * it must render completely without fetching anything (thumbnails are data: URIs, styles inline),
 * show the status first, and escape whatever the case contains. A screenshot is kept in
 * test-results/ for a person to look at.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packCase } from '../../../electron/services/package/pack-case'
import { cleanScratch, scratch, tenDocuments, writeScannedCase } from '../../support/pack-fixtures'
import { PRINCIPAL_ID } from '../../support/sample-case'

const CHROMIUM = '/usr/bin/chromium'
const SHOTS = path.resolve(import.meta.dirname, '../../../test-results')

let browser: Browser
let report: string
let manager: string

beforeAll(async () => {
  const docs = tenDocuments().filter((d) => !['manager-id', 'residence-permit', 'authorisation-letter', 'other'].includes(d.doc.role))
  const small = docs.map((d) => ({ ...d, scan: { ...d.scan, width: Math.round(d.scan.width / 2), height: Math.round(d.scan.height / 2) } }))
  const folder = await writeScannedCase(small, (c) => {
    c.sponsor.name = '深圳市云帆网络科技有限公司<img src="https://example.com/x.png">'
    const site = c.websites[0]
    if (site) site.manager = { ...c.principal, idNumber: PRINCIPAL_ID }
    c.documents.push({ file: 'scans/missing.jpg', role: 'other', keep: true })
  })
  await rm(path.join(folder, 'scans', 'missing.jpg')) // listed in case.json, absent on disk
  const out = await scratch('icp-report-')
  const zip = path.join(out, 'pkg.zip')
  const outcome = await packCase(folder, { output: zip, provider: 'huawei', force: true })
  expect(outcome.ready).toBe(false)
  execFileSync('unzip', ['-q', zip, '-d', out])
  report = path.join(out, '报告.html')
  manager = outcome.manifest?.files.find((f) => f.role === 'manager-id')?.sha256 ?? ''
  expect(manager).toBe(outcome.manifest?.files.find((f) => f.role === 'principal-id')?.sha256)
  if (existsSync(CHROMIUM))
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await cleanScratch()
})

describe.skipIf(!existsSync(CHROMIUM))('报告.html in Chromium', () => {
  it('renders offline with every thumbnail, fetching nothing but itself', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    const requests: string[] = []
    const errors: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(pathToFileURL(report).href)
    expect(requests.filter((u) => !u.startsWith('data:'))).toEqual([pathToFileURL(report).href])
    expect(errors).toEqual([])
    const thumbs = await page.$$eval('img', (imgs) => imgs.map((i) => ({ src: i.src.slice(0, 23), ok: i.complete && i.naturalWidth > 0 })))
    expect(thumbs.length).toBe(5)
    expect(thumbs.every((t) => t.ok && t.src === 'data:image/jpeg;base64,')).toBe(true)
    await mkdir(SHOTS, { recursive: true })
    await page.screenshot({ path: path.join(SHOTS, 'package-report.png'), fullPage: true })
    await page.close()
  })

  it('puts the status first, escapes the case’s text, and lists the missing file as an error', async () => {
    const page = await browser.newPage()
    await page.goto(pathToFileURL(report).href)
    expect(await page.locator('header.banner h1').innerText()).toMatch(/^未就绪：有 \d+ 个错误需要修改$/)
    expect(await page.locator('.summary dd').first().innerText()).toContain('<img src="https://example.com/x.png">')
    // In words (the scan's name), never the rule id or the field path: those are in manifest.json (issue 14 item 12).
    const missing = page.locator('.finding.error').filter({ hasText: 'scans/missing.jpg' })
    expect(await missing.locator('.where').innerText()).toBe('扫描件 missing.jpg scan missing.jpg')
    expect(await page.locator('.file-name').allInnerTexts()).toContain('03_网站1_负责人_身份证.jpg')
    expect(await page.locator('.notes').nth(2).innerText()).toContain('网站负责人与主体负责人为同一人')
    expect(await page.locator('table.fields td.scan.match').count()).toBeGreaterThan(5)
    expect(await page.locator('ul.checks li').count()).toBeGreaterThanOrEqual(8)
    await page.close()
    const html = await readFile(report, 'utf8')
    expect(html).not.toContain('document-file-missing')
    expect(html).not.toMatch(/documents\[\d+\]|principal\.|websites\[\d+\]\./)
    expect(html).not.toMatch(/(src|href)="https?:/)
    expect(html).toContain("default-src 'none'")
  })
})
