/**
 * "A user's case is never lost" (issue 13, items 1–4), over real case folders in temporary
 * directories: a save never overwrites what it did not read, limits are enforced where data enters,
 * `.history` can neither block a save nor reach outside the case, and no temporary file holding a
 * case outlives its save.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { addScansReport } from '../../../electron/services/case-folder/case-documents'
import { HISTORY_DIR, listHistory, readSnapshot } from '../../../electron/services/case-folder/case-history'
import { CASE_FILE, loadCase, saveCase } from '../../../electron/services/case-folder/case-store'
import { addScanFiles } from '../../../electron/services/scans/case-scans'
import { Workspace } from '../../../electron/services/workspace/workspace'
import { AppError } from '../../../shared/ipc/errors'
import { CASE_LIMITS, type Case } from '../../../shared/model/case'
import { sampleCase, writeCaseFolder } from '../../support/sample-case'

async function workspace(): Promise<{ ws: Workspace; root: string }> {
  const base = await mkdtemp(path.join(tmpdir(), 'icp-safety-'))
  const root = path.join(base, 'ws')
  await mkdir(root)
  let tick = Date.parse('2026-11-29T02:00:00Z')
  const ws = new Workspace(root, {
    today: () => '2026-12-01',
    now: () => new Date((tick += 1000)),
    trash: async () => undefined,
  })
  return { ws, root }
}

async function caseIn(root: string, data: object = sampleCase()): Promise<string> {
  return path.basename(await writeCaseFolder(data as Case, root))
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
  return 'saved'
}

const caseText = (root: string, id: string) => readFile(path.join(root, id, CASE_FILE), 'utf8')

async function jpeg(file: string, red: number): Promise<string> {
  await writeFile(
    file,
    await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: red, g: 10, b: 10 } } })
      .jpeg()
      .toBuffer(),
  )
  return file
}

describe('1. a save never overwrites what it did not read', () => {
  it('refuses a save when case.json was changed by someone else, or no longer parses, and keeps their file', async () => {
    const { ws, root } = await workspace()
    const id = await caseIn(root)
    const opened = await ws.open(id)
    expect(opened.revision).toMatch(/^[0-9a-f]{64}$/)
    // Someone edits the file by hand (or the CLI restores a version) while the window is open.
    const theirs = { ...JSON.parse(await caseText(root, id)), remark: '手动修改' }
    await writeFile(path.join(root, id, CASE_FILE), JSON.stringify(theirs))
    expect(await refusal(ws.save(id, { ...opened.case, remark: '窗口修改' }, opened.revision))).toBe('case-changed-on-disk')
    expect(JSON.parse(await caseText(root, id)).remark).toBe('手动修改')
    // A file that no longer parses is not overwritten either.
    await writeFile(path.join(root, id, CASE_FILE), '{ "schemaVersion": 1, "sponsor": ')
    expect(await refusal(ws.save(id, opened.case, opened.revision))).toBe('case-changed-on-disk')
    expect(await caseText(root, id)).toBe('{ "schemaVersion": 1, "sponsor": ')
    // The message says what happened, in both languages.
    const error = await ws.save(id, opened.case, opened.revision).catch((e: unknown) => e as AppError)
    expect(error).toMatchObject({
      message: expect.stringContaining('已在其他地方被修改'),
      messageEn: expect.stringContaining('changed elsewhere'),
    })
  })

  it('refuses the second of two windows saving from the same revision; a reload then saves', async () => {
    const { ws, root } = await workspace()
    const id = await caseIn(root)
    const a = await ws.open(id)
    const b = await ws.open(id)
    await ws.save(id, { ...a.case, remark: 'A' }, a.revision)
    expect(await refusal(ws.save(id, { ...b.case, remark: 'B' }, b.revision))).toBe('case-changed-on-disk')
    expect(JSON.parse(await caseText(root, id)).remark).toBe('A')
    const reloaded = await ws.open(id)
    await ws.save(id, { ...reloaded.case, remark: 'B' }, reloaded.revision)
    expect(JSON.parse(await caseText(root, id)).remark).toBe('B')
  })

  it('另存为副本 keeps the window version as a new case with the scans, leaving the changed one alone', async () => {
    const { ws, root } = await workspace()
    const id = await caseIn(root)
    const opened = await ws.open(id)
    const theirs = { ...JSON.parse(await caseText(root, id)), remark: '别处的修改' }
    await writeFile(path.join(root, id, CASE_FILE), JSON.stringify(theirs))
    const copy = await ws.saveCopy(id, { ...opened.case, remark: '我的修改' })
    expect(copy.id).not.toBe(id)
    expect(copy.case.remark).toBe('我的修改')
    expect(copy.case.documents).toHaveLength(5)
    expect(await readdir(path.join(root, copy.id, 'scans'))).toHaveLength(5)
    expect(JSON.parse(await caseText(root, id)).remark).toBe('别处的修改')
  })

  it('opens a case of a newer schemaVersion read-only and never writes it back', async () => {
    const { ws, root } = await workspace()
    const future = { ...sampleCase(), schemaVersion: 2, newSection: { only: 'v2 knows this' } }
    const id = await caseIn(root, future)
    const before = await caseText(root, id)
    const opened = await ws.open(id)
    expect(opened.readOnly).toBe(true)
    expect(opened.case.schemaVersion).toBe(2)
    expect(await refusal(ws.save(id, opened.case, opened.revision))).toBe('case-read-only')
    expect(await refusal(ws.save(id, { ...opened.case, schemaVersion: 1 }, opened.revision))).toBe('case-read-only')
    expect(await refusal(ws.update(id, (c) => ({ ...c, remark: 'x' })))).toBe('case-read-only')
    expect(await caseText(root, id)).toBe(before)
  })

  it('snapshots content someone else wrote before replacing it, even within the 60-second window', async () => {
    const folder = await writeCaseFolder()
    const loaded = await loadCase(folder)
    if (!loaded.ok) throw new Error(loaded.messageEn)
    const t0 = Date.parse('2026-12-01T08:00:00Z')
    await saveCase(folder, { ...loaded.case, remark: '第一次' }, new Date(t0))
    // A hand edit 2 s later, then the app saves 3 s later: the hand edit must be in the history.
    const hand = { ...loaded.case, remark: '手动编辑' }
    await writeFile(path.join(folder, CASE_FILE), JSON.stringify(hand))
    await saveCase(folder, { ...loaded.case, remark: '第二次' }, new Date(t0 + 5_000))
    const kept = await Promise.all((await listHistory(folder)).map(async (h) => (await readSnapshot(folder, h.id))?.remark))
    expect(kept).toContain('手动编辑')
    // The app's own keystroke states are still coalesced.
    await saveCase(folder, { ...loaded.case, remark: '第三次' }, new Date(t0 + 8_000))
    expect(await listHistory(folder)).toHaveLength(kept.length)
  })

  it('refuses a service write when case.json changes between its read and its write', async () => {
    const folder = await writeCaseFolder()
    const loaded = await loadCase(folder)
    if (!loaded.ok) throw new Error(loaded.messageEn)
    await writeFile(path.join(folder, CASE_FILE), JSON.stringify({ ...loaded.case, remark: '并发修改' }))
    expect(await refusal(saveCase(folder, loaded.case, new Date(), { expected: loaded.revision }))).toBe('case-changed-on-disk')
    expect(JSON.parse(await readFile(path.join(folder, CASE_FILE), 'utf8')).remark).toBe('并发修改')
  })
})

describe('2. limits are enforced where data enters', () => {
  const full = (n: number) => ({
    ...sampleCase(),
    documents: Array.from({ length: n }, (_, i) => ({ file: `scans/x${i}.jpg`, role: 'other' })),
  })

  it('adds scans only up to the 1000-document cap, refusing the rest with a reason; the case still opens', async () => {
    const { ws, root } = await workspace()
    const base = await mkdtemp(path.join(tmpdir(), 'icp-cap-src-'))
    const id = await caseIn(root, {})
    await writeFile(path.join(root, id, CASE_FILE), JSON.stringify(full(CASE_LIMITS.documents - 1)))
    const sources = [
      await jpeg(path.join(base, 'a.jpg'), 10),
      await jpeg(path.join(base, 'b.jpg'), 90),
      await jpeg(path.join(base, 'c.jpg'), 200),
    ]
    const outcome = await addScanFiles(ws, id, sources)
    expect(outcome.added).toHaveLength(1)
    expect(outcome.refused.map((r) => r.messageEn)).toEqual([
      expect.stringMatching(/limit of 1000/),
      expect.stringMatching(/limit of 1000/),
    ])
    expect(outcome.refused[0]?.message).toMatch(/上限/)
    const opened = await ws.open(id)
    expect(opened.case.documents).toHaveLength(CASE_LIMITS.documents)
    // The files refused were not copied into the case.
    expect(await readdir(path.join(root, id, 'scans'))).toHaveLength(1)
    // The CLI-level service refuses the same way.
    const more = await addScansReport(path.join(root, id), [sources[2] as string])
    expect(more.added).toEqual([])
    expect((await loadCase(path.join(root, id))).ok).toBe(true)
  })

  it('refuses an export record past the cap of exports instead of writing a case that cannot open', async () => {
    const { ws, root } = await workspace()
    const exports = Array.from({ length: CASE_LIMITS.exports }, (_, i) => ({
      at: `2026-11-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
      file: `/x${i}.zip`,
      provider: 'generic',
      ready: true,
    }))
    const id = await caseIn(root, { ...sampleCase(), exports })
    const before = await caseText(root, id)
    const record = { at: '2026-12-01T00:00:00Z', file: '/y.zip', provider: 'generic', ready: true }
    const error = await ws.update(id, (c) => ({ ...c, exports: [...(c.exports ?? []), record] })).catch((e: unknown) => e as AppError)
    expect(error).toMatchObject({ code: 'case-limit', messageEn: expect.stringMatching(/at most 1000 export records/) })
    expect(await caseText(root, id)).toBe(before)
    expect((await ws.open(id)).case.exports).toHaveLength(CASE_LIMITS.exports)
  })
})

describe('3. .history never blocks a save nor reaches outside the case', () => {
  async function handEdited(): Promise<{ folder: string; c: Case }> {
    const folder = await writeCaseFolder()
    const loaded = await loadCase(folder)
    if (!loaded.ok) throw new Error(loaded.messageEn)
    return { folder, c: loaded.case }
  }
  const remarkOnDisk = async (folder: string) => JSON.parse(await readFile(path.join(folder, CASE_FILE), 'utf8')).remark as unknown

  it('saves past a dangling link, a regular file, and a link to another folder at .history, touching none of their targets', async () => {
    // A dangling link.
    const dangling = await handEdited()
    const nowhere = path.join(await mkdtemp(path.join(tmpdir(), 'icp-nowhere-')), 'gone')
    await symlink(nowhere, path.join(dangling.folder, HISTORY_DIR))
    await saveCase(dangling.folder, { ...dangling.c, remark: '一' })
    expect(await remarkOnDisk(dangling.folder)).toBe('一')
    expect(existsSync(nowhere)).toBe(false)
    expect(await listHistory(dangling.folder)).toHaveLength(1)

    // A regular file: kept (moved aside), not overwritten.
    const file = await handEdited()
    await writeFile(path.join(file.folder, HISTORY_DIR), 'my notes')
    await saveCase(file.folder, { ...file.c, remark: '二' })
    expect(await remarkOnDisk(file.folder)).toBe('二')
    const aside = (await readdir(file.folder)).find((n) => n.startsWith(`${HISTORY_DIR}.moved-`)) as string
    expect(await readFile(path.join(file.folder, aside), 'utf8')).toBe('my notes')

    // A link to another folder holding 40 files with snapshot names: never written to, never pruned.
    const linked = await handEdited()
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'icp-elsewhere-'))
    for (let i = 0; i < 40; i += 1) await writeFile(path.join(elsewhere, `2020-01-01T00-00-${String(i).padStart(2, '0')}.000Z.json`), '{}')
    await symlink(elsewhere, path.join(linked.folder, HISTORY_DIR))
    for (let i = 0; i < 3; i += 1)
      await saveCase(linked.folder, { ...linked.c, remark: `三${i}` }, new Date(Date.UTC(2026, 11, 1, 8, i * 2)))
    expect(await remarkOnDisk(linked.folder)).toBe('三2')
    expect(await readdir(elsewhere)).toHaveLength(40)
  })

  it('saves past a folder in a snapshot’s place and prunes around it', async () => {
    const { folder, c } = await handEdited()
    const now = new Date('2026-12-01T08:00:00.000Z')
    await mkdir(path.join(folder, HISTORY_DIR, '2026-12-01T08-00-00.000Z.json'), { recursive: true })
    for (let i = 0; i < 35; i += 1) await mkdir(path.join(folder, HISTORY_DIR, `2020-01-01T00-00-${String(i).padStart(2, '0')}.000Z.json`))
    await saveCase(folder, { ...c, remark: '四' }, now)
    expect(await remarkOnDisk(folder)).toBe('四')
    const history = await listHistory(folder)
    expect(history).toHaveLength(1)
    expect((await readSnapshot(folder, history[0]?.id as string))?.remark).toBe(c.remark)
  })

  it('keeps snapshotting after a snapshot dated in the future', async () => {
    const { folder, c } = await handEdited()
    await mkdir(path.join(folder, HISTORY_DIR))
    await writeFile(path.join(folder, HISTORY_DIR, '2099-01-01T00-00-00.000Z.json'), JSON.stringify({ ...c, remark: '未来' }))
    const t0 = Date.parse('2026-12-01T08:00:00Z')
    for (let i = 0; i < 3; i += 1) {
      await writeFile(path.join(folder, CASE_FILE), JSON.stringify({ ...c, remark: `别人写的${i}` }))
      await saveCase(folder, { ...c, remark: `五${i}` }, new Date(t0 + i * 1000))
    }
    const kept = await Promise.all((await listHistory(folder)).map(async (h) => (await readSnapshot(folder, h.id))?.remark))
    expect(kept).toEqual(['未来', '别人写的2', '别人写的1', '别人写的0'])
  })

  it('lists versions with size and what differs, and restores one after snapshotting the current state', async () => {
    const { ws, root } = await workspace()
    const id = await caseIn(root)
    const opened = await ws.open(id)
    const saved = await ws.save(
      id,
      { ...opened.case, remark: '改坏了', sponsor: { ...opened.case.sponsor, name: '错误名称' } },
      opened.revision,
    )
    const items = await ws.history(id)
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ valid: true, changed: ['sponsor', 'remark'] })
    expect(items[0]?.size).toBeGreaterThan(100)
    const restored = await ws.restore(id, items[0]?.id as string)
    expect(restored.case.sponsor.name).toBe(sampleCase().sponsor.name)
    // The bad state is itself a version now, and a window on the old revision must reload.
    const after = await ws.history(id)
    expect(after.map((h) => h.changed)).toContainEqual(['sponsor', 'remark'])
    expect(await Promise.all(after.map(async (h) => (await readSnapshot(path.join(root, id), h.id))?.remark))).toContain('改坏了')
    expect(await refusal(ws.save(id, opened.case, saved.revision))).toBe('case-changed-on-disk')
    const reloaded = await ws.open(id)
    expect((await ws.save(id, { ...reloaded.case, remark: '恢复后再改' }, reloaded.revision)).revision).toMatch(/^[0-9a-f]{64}$/)
    expect(await refusal(ws.restore(id, '../case.json'))).toBe('snapshot-not-found')
    expect(await refusal(ws.restore(id, '2020-01-01T00-00-00.000Z.json'))).toBe('snapshot-not-found')
  })
})

describe('4. no temporary file outlives its save', () => {
  it('removes the temporary file when the write fails (a file size limit, as a full disk would)', async () => {
    const folder = await writeCaseFolder()
    const script = path.resolve(import.meta.dirname, '../../support/save-loop.ts')
    // 64 KB of file size allowed, a 4 MB case to write: the write fails with EFBIG, the process lives.
    const run = spawnSync(
      'bash',
      ['-c', `trap '' XFSZ; ulimit -f 64; exec "${process.execPath}" --import tsx "${script}" "${folder}" once`],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    expect(run.stderr).toMatch(/EFBIG|too large/i)
    expect((await readdir(folder)).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect((await loadCase(folder)).ok).toBe(true)
  }, 60_000)

  it('sweeps temporary files of killed saves on open, keeps a live one, and never copies them on duplicate', async () => {
    const { ws, root } = await workspace()
    const id = await caseIn(root)
    const folder = path.join(root, id)
    // A real kill during a save loop …
    const script = path.resolve(import.meta.dirname, '../../support/save-loop.ts')
    const child = spawn(process.execPath, ['--import', 'tsx', script, folder], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve())
      child.once('exit', (code) => reject(new Error(`save loop exited early (${code})`)))
    })
    await new Promise((r) => setTimeout(r, 80))
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    // … plus one left by a process known to be gone, one old one, and one of a save in flight now.
    const gone = spawnSync(process.execPath, ['-e', '']).pid as number
    await writeFile(path.join(folder, `.case.json.${gone}.0a1b2c3d.tmp`), 'whole case')
    const old = path.join(folder, `.case.json.${process.pid}.00000001.tmp`)
    await writeFile(old, 'whole case')
    await utimes(old, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000))
    const live = `.case.json.${process.pid}.0fedcba9.tmp`
    await writeFile(path.join(folder, live), 'in flight')
    await writeFile(path.join(folder, 'notes.tmp'), 'not ours')

    const copy = await ws.duplicate(id)
    expect((await readdir(path.join(root, copy.id))).filter((n) => n.endsWith('.tmp'))).toEqual(['notes.tmp'])
    await ws.open(id)
    expect((await readdir(folder)).filter((n) => n.endsWith('.tmp')).sort()).toEqual([live, 'notes.tmp'].sort())
  }, 60_000)

  it('opens and saves a case carrying an unknown key nested 20,000 levels deep, and keeps the key', async () => {
    const { ws, root } = await workspace()
    const id = await caseIn(root)
    const n = 20_000
    const text = await caseText(root, id)
    const deep = `${text.trimEnd().slice(0, -1)}, "deep": ${'['.repeat(n)}"核心"${']'.repeat(n)}}`
    await writeFile(path.join(root, id, CASE_FILE), deep)
    const opened = await ws.open(id)
    expect(opened.case.sponsor.name).toBe(sampleCase().sponsor.name)
    // The window gets the case without the deep value (structured clone is recursive) …
    expect(() => structuredClone(opened.case)).not.toThrow()
    const saved = await ws.save(id, { ...opened.case, remark: '仍可保存' }, opened.revision)
    expect(saved.revision).toMatch(/^[0-9a-f]{64}$/)
    // … and the save puts it back from disk.
    const back = await caseText(root, id)
    expect(JSON.parse(back).remark).toBe('仍可保存')
    let value: unknown = JSON.parse(back).deep
    let depth = 0
    while (Array.isArray(value)) {
      value = value[0]
      depth += 1
    }
    expect([depth, value]).toEqual([n, '核心'])
    expect((await stat(path.join(root, id, CASE_FILE))).size).toBeLessThan(text.length + 3 * n)
    await ws.update(id, (c) => ({ ...c, remark: '服务也可保存' }))
    expect(JSON.parse(await caseText(root, id)).remark).toBe('服务也可保存')
  })
})
