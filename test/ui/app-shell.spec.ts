/**
 * The window as a whole: English switch, reopening where the user left off, native menu commands
 * (sent as contract events, the way the main process sends them), changing the workspace, jobs
 * with progress and cancel, and what the page can and cannot reach.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { sampleCase, writeCaseFolder } from '../support/sample-case'
import { openApp, type Harness } from './support/app-harness'
import { field, fieldFindings, openCaseId, saved, shot } from './support/ui'

let harness: Harness

test.afterEach(() => {
  expect(harness.problems).toEqual([])
  expect(harness.blocked).toEqual([])
})

test('switches to English and reopens on the same case and screen', async ({ page }) => {
  harness = await openApp(page)
  await page.getByRole('button', { name: '新建案件' }).first().click()
  const caseId = await openCaseId(harness)
  await field(page, 'principal.mobile').fill('12345')
  await expect(fieldFindings(page, 'principal.mobile')).toContainText('格式不正确')

  await page.locator('.language-switch').getByRole('button', { name: 'English' }).click()
  await expect(page.locator('[data-field="sponsor.name"] label')).toContainText('Sponsor name')
  await expect(fieldFindings(page, 'principal.mobile')).toContainText('mobile')
  await expect(page.getByRole('heading', { level: 2, name: 'Checks' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await saved(page)
  await shot(page, '20-case-english')

  await page.reload()
  await expect(page.locator('[data-field="sponsor.name"] label')).toContainText('Sponsor name')
  await expect(field(page, 'principal.mobile')).toHaveValue('12345')
  expect(harness.services.settings.get()).toMatchObject({ language: 'en', lastScreen: 'case', lastCaseId: caseId })

  await page.getByRole('button', { name: 'Cases' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Filing cases' })).toBeVisible()
  await expect(page.locator('.case-table .badge').first()).toHaveText('Incomplete')
  await shot(page, '21-case-list-english')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Filing cases' })).toBeVisible()
})

test('runs the native menu commands on the current screen', async ({ page }) => {
  harness = await openApp(page, { prepare: (ws) => writeCaseFolder(sampleCase(), ws).then(() => undefined) })
  await expect(page.locator('.case-table tbody tr')).toHaveCount(1)

  harness.send('menu.command', { command: 'case.new' })
  await expect(page.getByRole('heading', { level: 1, name: '未命名案件' })).toBeVisible()
  const created = await openCaseId(harness)

  harness.send('menu.command', { command: 'view.checks' })
  await expect(page.getByRole('heading', { level: 2, name: '检查结果' })).toBeFocused()

  harness.send('menu.command', { command: 'case.reveal' })
  await expect.poll(() => harness.revealed).toEqual([path.join(harness.workspace, created)])

  harness.send('menu.command', { command: 'case.duplicate' })
  await expect.poll(() => harness.services.settings.get().lastCaseId).not.toBe(created)
  await expect(page.getByRole('heading', { level: 1, name: '未命名案件' })).toBeVisible()

  harness.send('menu.command', { command: 'case.delete' })
  await page.getByRole('dialog').getByRole('button', { name: '移到废纸篓' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '备案案件' })).toBeVisible()
  await expect(page.locator('.case-table tbody tr')).toHaveCount(2)

  harness.send('menu.command', { command: 'cases.find' })
  await expect(page.getByRole('searchbox')).toBeFocused()
})

test('changes the workspace through the folder picker, and refuses a folder it cannot use', async ({ page }) => {
  harness = await openApp(page)
  const other = path.join(harness.root, '另一个工作区')
  await mkdir(other)
  await writeCaseFolder(sampleCase(), other)

  harness.nextFolder = null // the user cancels the picker: nothing changes
  await page.getByRole('button', { name: '更改…' }).click()
  await expect(page.getByRole('heading', { name: '工作区中还没有案件' })).toBeVisible()

  harness.nextFolder = path.join(harness.root, 'does-not-exist')
  await page.getByRole('button', { name: '更改…' }).click()
  await expect(page.locator('.notice-error')).toContainText('无法使用这个文件夹作为工作区')

  harness.nextFolder = other
  await page.getByRole('button', { name: '更改…' }).click()
  await expect(page.locator('.case-table tbody tr')).toHaveCount(1)
  await expect(page.locator('.workspace-path')).toHaveText(other)
  expect(harness.services.settings.get().workspace).toBe(other)
})

test('shows a running job with its progress, survives a reload, and cancels it', async ({ page }) => {
  harness = await openApp(page)
  let release: () => void = () => undefined
  const started = harness.jobs.start('ocr', async ({ signal, progress }) => {
    for (let done = 0; done < 4; done += 1) {
      progress(done, 4, { message: `正在识别 第${done + 1}份`, messageEn: `Reading scan ${done + 1}` })
      await new Promise<void>((resolve) => {
        release = resolve
        signal.addEventListener('abort', () => resolve(), { once: true })
      })
      signal.throwIfAborted()
    }
    return { read: 4 }
  })
  const job = page.locator(`.job[data-job="${started}"]`)
  await expect(job).toContainText('正在识别 第1份')
  release()
  await expect(job).toContainText('1/4')
  await shot(page, '22-job-running')

  await page.reload()
  await expect(job).toContainText('1/4') // the snapshot after a reload
  await job.getByRole('button', { name: '取消' }).click()
  await expect(job).toHaveCount(0)
  await expect(page.locator('.notice-info')).toContainText('任务已取消')
  expect((await harness.jobs.wait(started)).state).toBe('cancelled')
})

test('gives the page nothing but the contract, and no network', async ({ page }) => {
  harness = await openApp(page)
  await expect(page.getByRole('heading', { name: '工作区中还没有案件' })).toBeVisible()
  const reach = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown> & { icpPrep: { invoke(c: string, i: unknown): Promise<unknown> } }
    const api = w.icpPrep
    const fetched = await fetch('https://example.com/').then(
      () => 'reached',
      () => 'refused',
    )
    return {
      keys: Object.keys(api).sort(),
      frozen: Object.isFrozen(api),
      node: typeof w.require + typeof w.process + typeof w.Buffer,
      unknown: await api.invoke('fs.readFile', { path: '/etc/passwd' }),
      traversal: await api.invoke('case.open', { caseId: '../../etc' }),
      extra: await api.invoke('case.list', { query: 'x', path: '/' }),
      fetched,
    }
  })
  expect(reach.keys).toEqual(['invoke', 'invokeWithFiles', 'on'])
  expect(reach.frozen).toBe(true)
  expect(reach.node).toBe('undefinedundefinedundefined')
  expect(reach.unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
  expect(reach.traversal).toMatchObject({ ok: false, error: { code: 'bad-input' } })
  expect(reach.extra).toMatchObject({ ok: false, error: { code: 'bad-input' } })
  expect(reach.fetched).toBe('refused')
  // The CSP refused the fetch before it left the page; the console error is the proof, not a bug.
  harness.problems.splice(0, harness.problems.length, ...harness.problems.filter((p) => !p.includes('Content Security Policy')))
})
