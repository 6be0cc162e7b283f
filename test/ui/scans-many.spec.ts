/**
 * Forty scans in one go, and the keyboard: a folder of forty documents dropped at once, the list
 * and its thumbnails, the progress bar while they are read (an OCR engine held by the test, so the
 * moment is known, not slept for), cancel; Ctrl/Cmd+O (add scans) and Ctrl/Cmd+E (export) arrive
 * as the native menu sends them; the scans view in English.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { OcrPool } from '../../electron/services/ocr/pool'
import { GateEngine } from '../support/gate-engine'
import { makeScan } from '../support/scan-images'
import { openApp, type Harness } from './support/app-harness'
import { dropFiles, openCaseId, shot } from './support/ui'

let harness: Harness

test.afterEach(() => {
  expect(harness.problems, 'page errors, CSP violations or handler bugs').toEqual([])
  expect(harness.blocked, 'requests outside the app').toEqual([])
})

/** Forty different document photos in one folder (different text, so none is a duplicate). */
async function fortyScans(): Promise<string> {
  const folder = path.join(await mkdtemp(path.join(tmpdir(), 'icp-forty-')), '四十份扫描件')
  await mkdir(folder)
  const kinds = ['licence', 'id-front', 'id-back', 'domain', 'letter'] as const
  for (let i = 0; i < 40; i += 1) {
    const kind = kinds[i % kinds.length] ?? 'plain'
    const jpeg = await makeScan({ width: 1400, height: 1000, kind, exif: false, lines: [`客户 ${i + 1} 号`, `第 ${i + 1} 份材料`] })
    await writeFile(path.join(folder, `扫描件-${String(i + 1).padStart(2, '0')}.jpg`), jpeg)
  }
  return folder
}

test('adds forty scans at once and reads them with a progress bar that can be cancelled', async ({ page }) => {
  test.setTimeout(180_000)
  const gate = new GateEngine(12)
  harness = await openApp(page, { ocrPool: () => new OcrPool({ size: 2, createEngine: () => gate }) })
  const folder = await fortyScans()
  await page.getByRole('button', { name: '新建案件' }).first().click()
  await openCaseId(harness)

  // Ctrl/Cmd+O as the menu sends it: the scans view and the native picker (here: cancelled).
  harness.send('menu.command', { command: 'scans.add' })
  await expect(page.getByRole('tab', { name: /扫描件与识别/ })).toHaveAttribute('aria-selected', 'true')
  await expect.poll(() => harness.nextScans).toEqual([])

  await dropFiles(page, page.locator('.scan-column .drop-zone'), [folder])
  await expect(page.locator('.scan-card')).toHaveCount(40, { timeout: 30_000 })
  await expect(page.locator('.case-tab .tab-count').first()).toHaveText('40')

  await page.locator('.read-button').click()
  const bar = page.locator('.read-progress')
  await expect(bar).toContainText('/40')
  await expect(bar.locator('progress')).toHaveAttribute('value', /^[1-9]\d*$/)
  await shot(page, '42-forty-scans-reading')
  await bar.getByRole('button', { name: '取消' }).click()
  gate.open()
  await expect(bar).toHaveCount(0)
  await expect(page.locator('.notice-info')).toContainText('任务已取消')
  // What was read before the cancel is kept; the rest waits for the next reading.
  await expect(page.locator('.scan-card[data-state="unread"]')).not.toHaveCount(0)
  await expect(page.locator('.scan-card:not([data-state="unread"])')).not.toHaveCount(0)

  // Ctrl/Cmd+E as the menu sends it: the export view, refused while errors remain.
  harness.send('menu.command', { command: 'case.export' })
  await expect(page.getByRole('tab', { name: /导出材料包/ })).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.export-status.blocked')).toContainText('导出前须修正')
  await expect(page.getByRole('button', { name: '导出…' })).toBeDisabled()

  // The scans view in English.
  await page.locator('.language-switch').getByRole('button', { name: 'English' }).click()
  await page.getByRole('tab', { name: /Scans & OCR/ }).click()
  await expect(page.locator('.scan-column h2')).toContainText('Scans')
  await shot(page, '43-scans-english')
})
