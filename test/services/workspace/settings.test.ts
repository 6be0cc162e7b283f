/** The settings file in the user-data folder, and the handlers that change it. */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SETTINGS_FILE, SettingsStore } from '../../../electron/services/workspace/settings-store'
import { dispatch } from '../../../shared/ipc/dispatch'
import { makeTestApp } from '../../support/app-services'
import { sampleCase, writeCaseFolder } from '../../support/sample-case'

describe('the settings store', () => {
  it('starts with defaults and remembers changes across restarts', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'icp-settings-'))
    const first = await SettingsStore.open(dir, '/默认/工作区')
    expect(first.view()).toEqual({ workspace: '/默认/工作区', language: 'zh-CN', lastCaseId: null, lastScreen: 'cases' })
    const changes: string[] = []
    first.onChange((s) => changes.push(s.language))
    await first.update({
      language: 'en',
      lastScreen: 'case',
      lastCaseId: '20261129-101500-ab12',
      window: { x: 10, y: 20, width: 1300, height: 800, maximized: false },
    })
    expect(changes).toEqual(['en'])
    const again = await SettingsStore.open(dir, '/默认/工作区')
    expect(again.view()).toEqual({ workspace: '/默认/工作区', language: 'en', lastCaseId: '20261129-101500-ab12', lastScreen: 'case' })
    expect(again.get().window).toEqual({ x: 10, y: 20, width: 1300, height: 800, maximized: false })
  })

  it('survives a damaged file, keeping every value that is still good', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'icp-settings-'))
    await writeFile(
      path.join(dir, SETTINGS_FILE),
      JSON.stringify({ language: 'fr', lastCaseId: '../../etc', workspace: '/cases', window: { x: 'a' } }),
    )
    expect((await SettingsStore.open(dir, '/d')).view()).toEqual({
      workspace: '/cases',
      language: 'zh-CN',
      lastCaseId: null,
      lastScreen: 'cases',
    })
    await writeFile(path.join(dir, SETTINGS_FILE), 'not json at all')
    expect((await SettingsStore.open(dir, '/d')).view().workspace).toBe('/d')
    await writeFile(path.join(dir, SETTINGS_FILE), '[1,2]')
    expect((await SettingsStore.open(dir, '/d')).view().language).toBe('zh-CN')
  })

  it('writes one change after another, the last one winning', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'icp-settings-'))
    const store = await SettingsStore.open(path.join(dir, 'nested', 'user-data'), '/d')
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.update({ lastScreen: i % 2 === 0 ? 'case' : 'cases', language: i === 9 ? 'en' : 'zh-CN' }),
      ),
    )
    const disk = JSON.parse(await readFile(path.join(dir, 'nested', 'user-data', SETTINGS_FILE), 'utf8')) as Record<string, unknown>
    expect(disk).toMatchObject({ language: 'en', lastScreen: 'cases' })
  })
})

describe('the settings and workspace handlers', () => {
  it('changes the workspace only to a usable folder the user picked', async () => {
    const app = await makeTestApp()
    app.nextFolder = null
    expect(await dispatch(app.handlers, 'workspace.choose', {})).toEqual({ ok: true, value: null })
    app.nextFolder = path.join(app.root, 'missing')
    expect(await dispatch(app.handlers, 'workspace.choose', {})).toMatchObject({ ok: false, error: { code: 'workspace-unusable' } })
    const other = path.join(app.root, '另一个')
    await mkdir(other)
    await writeCaseFolder(sampleCase(), other)
    app.nextFolder = other
    expect(await dispatch(app.handlers, 'workspace.choose', {})).toMatchObject({
      ok: true,
      value: { workspace: other, lastScreen: 'cases' },
    })
    expect(await dispatch(app.handlers, 'case.list', {})).toMatchObject({ ok: true, value: { total: 1 } })
  })

  it('forgets the last case when it is deleted, and shows a case folder on request', async () => {
    const app = await makeTestApp()
    const created = await dispatch(app.handlers, 'case.create', {})
    if (!created.ok) throw new Error('create failed')
    const caseId = (created.value as { id: string }).id
    await dispatch(app.handlers, 'settings.update', { lastCaseId: caseId, lastScreen: 'case' })
    expect(await dispatch(app.handlers, 'case.reveal', { caseId })).toEqual({ ok: true, value: {} })
    expect(app.revealed).toEqual([path.join(app.workspace, caseId)])
    expect(await dispatch(app.handlers, 'case.delete', { caseId })).toEqual({ ok: true, value: { caseId } })
    expect(app.services.settings.view()).toMatchObject({ lastCaseId: null, lastScreen: 'cases' })
    expect(await dispatch(app.handlers, 'case.reveal', { caseId })).toMatchObject({ ok: false, error: { code: 'case-not-found' } })
    expect(await dispatch(app.handlers, 'settings.update', { language: 'de' })).toMatchObject({ ok: false, error: { code: 'bad-input' } })
  })
})
