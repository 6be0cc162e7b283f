/**
 * A case is never lost, in a real browser over the real handlers: when case.json changes on disk
 * under the window, the next save is refused and the banner offers 重新载入 / 另存为副本; the
 * 历史版本 list shows the saved versions and 恢复 puts one back (after keeping the current state).
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { openApp, type Harness } from './support/app-harness'
import { caseOnDisk, field, saved, shot } from './support/ui'
import { writeFixtures, type Fixtures } from './support/workspace-fixtures'

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
  expect(harness.problems, 'page errors, CSP violations or handler bugs').toEqual([])
  expect(harness.blocked, 'requests outside the app').toEqual([])
})

async function openReady(page: Page): Promise<void> {
  await page.locator(`.case-table tbody tr[data-case="${fixtures.ready}"]`).getByRole('button').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('深圳市云帆网络科技有限公司')
}

test('a change on disk stops the autosave; 重新载入 shows the file as it is and saving goes on', async ({ page }) => {
  await openReady(page)
  await field(page, 'remark').fill('窗口里的备注')
  await saved(page)
  await expect.poll(async () => (await caseOnDisk(harness, fixtures.ready)).remark).toBe('窗口里的备注')

  // Someone else (the CLI, another window, an editor) changes the file.
  const file = path.join(harness.workspace, fixtures.ready, 'case.json')
  const theirs = JSON.parse(await readFile(file, 'utf8')) as { sponsor: Record<string, unknown> }
  theirs.sponsor.mailingAddress = '广州市天河区别处修改的地址88号'
  await writeFile(file, JSON.stringify(theirs, null, 2))

  await field(page, 'remark').fill('这次修改不应覆盖别处的修改')
  const banner = page.getByTestId('case-conflict')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('案件文件已在其他地方被修改')
  await expect(banner.getByRole('button', { name: '重新载入' })).toBeVisible()
  await expect(banner.getByRole('button', { name: '另存为副本' })).toBeVisible()
  // Their change is still on disk; ours was not written over it.
  const onDisk = await caseOnDisk(harness, fixtures.ready)
  expect((onDisk.sponsor as Record<string, unknown>).mailingAddress).toBe('广州市天河区别处修改的地址88号')
  expect(onDisk.remark).toBe('窗口里的备注')
  await shot(page, '40-case-changed-on-disk')

  await banner.getByRole('button', { name: '重新载入' }).click()
  await expect(banner).toHaveCount(0)
  await expect(field(page, 'sponsor.mailingAddress')).toHaveValue('广州市天河区别处修改的地址88号')
  await field(page, 'remark').fill('重新载入后的修改')
  await saved(page)
  await expect.poll(async () => (await caseOnDisk(harness, fixtures.ready)).remark).toBe('重新载入后的修改')
  expect(((await caseOnDisk(harness, fixtures.ready)).sponsor as Record<string, unknown>).mailingAddress).toBe(
    '广州市天河区别处修改的地址88号',
  )
})

test('另存为副本 keeps the window version as a new case', async ({ page }) => {
  await openReady(page)
  await field(page, 'remark').fill('第一版')
  await saved(page)
  const file = path.join(harness.workspace, fixtures.ready, 'case.json')
  await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), remark: '别处的版本' }, null, 2))
  await field(page, 'remark').fill('我的版本')
  await page.getByTestId('case-conflict').getByRole('button', { name: '另存为副本' }).click()
  await expect(page.getByTestId('case-conflict')).toHaveCount(0)
  await expect(field(page, 'remark')).toHaveValue('我的版本')
  await expect.poll(() => harness.services.settings.get().lastCaseId).not.toBe(fixtures.ready)
  const copyId = harness.services.settings.get().lastCaseId as string
  expect((await caseOnDisk(harness, copyId)).remark).toBe('我的版本')
  expect((await caseOnDisk(harness, fixtures.ready)).remark).toBe('别处的版本')
})

test('历史版本 lists the saved versions with what differs, and 恢复 puts one back', async ({ page }) => {
  await openReady(page)
  await field(page, 'sponsor.mailingAddress').fill('写错的地址')
  await field(page, 'remark').fill('写错的备注')
  await saved(page)
  await expect.poll(async () => (await caseOnDisk(harness, fixtures.ready)).remark).toBe('写错的备注')

  await page.getByRole('button', { name: '历史版本' }).click()
  const dialog = page.locator('dialog.history-dialog')
  await expect(dialog).toBeVisible()
  const items = dialog.locator('.history-item')
  await expect(items).toHaveCount(1)
  await expect(items.first()).toContainText('不同：主办单位、备注')
  await expect(items.first()).toContainText('KB')
  await shot(page, '41-case-history')

  await items.first().getByRole('button', { name: '恢复' }).click()
  const confirm = page.locator('dialog.dialog[open]').filter({ hasText: '恢复这个版本？' })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: '恢复' }).click()
  await expect(field(page, 'remark')).toHaveValue('')
  await expect(field(page, 'sponsor.mailingAddress')).not.toHaveValue('写错的地址')
  await expect.poll(async () => (await caseOnDisk(harness, fixtures.ready)).remark ?? null).toBeNull()

  // The state it replaced is a version now, and editing goes on from the restored case.
  await page.getByRole('button', { name: '历史版本' }).click()
  await expect(dialog.locator('.history-item')).toHaveCount(2)
  await dialog.getByRole('button', { name: '关闭' }).click()
  await field(page, 'remark').fill('恢复后继续')
  await saved(page)
  await expect.poll(async () => (await caseOnDisk(harness, fixtures.ready)).remark).toBe('恢复后继续')
})
