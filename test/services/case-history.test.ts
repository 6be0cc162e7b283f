import { spawn } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  COALESCE_MS,
  HISTORY_DIR,
  HISTORY_LIMIT,
  listHistory,
  readSnapshot,
  restoreSnapshot,
} from '../../electron/services/case-folder/case-history'
import { CASE_FILE, loadCase, saveCase } from '../../electron/services/case-folder/case-store'
import { seededRandom } from '../support/misread'
import { writeCaseFolder } from '../support/sample-case'

async function load(folder: string) {
  const r = await loadCase(folder)
  if (!r.ok) throw new Error(r.message)
  return r.case
}

describe('case history', () => {
  it('keeps the state before each burst of edits, newest first', async () => {
    const folder = await writeCaseFolder()
    const base = await load(folder)
    const t0 = Date.parse('2026-12-01T08:00:00Z')
    await saveCase(folder, { ...base, remark: 'edit 1' }, new Date(t0))
    await saveCase(folder, { ...base, remark: 'edit 2' }, new Date(t0 + 5_000)) // same burst: no snapshot
    await saveCase(folder, { ...base, remark: 'edit 3' }, new Date(t0 + COALESCE_MS + 10_000))
    const history = await listHistory(folder)
    expect(history.map((h) => h.savedAt)).toEqual(['2026-12-01T08:01:10.000Z', '2026-12-01T08:00:00.000Z'])
    expect((await readSnapshot(folder, history[0]?.id as string))?.remark).toBe('edit 2')
    expect((await readSnapshot(folder, history[1]?.id as string))?.remark).toBeNull()
  })

  it('restores a snapshot after a restart, keeping the replaced state too', async () => {
    const folder = await writeCaseFolder()
    const base = await load(folder)
    await saveCase(folder, { ...base, remark: 'bad edit' }, new Date('2026-12-01T08:00:00Z'))
    const [before] = await listHistory(folder)
    const restored = await restoreSnapshot(folder, before?.id as string, path.join(folder, CASE_FILE))
    expect(restored?.remark).toBeNull()
    expect((await load(folder)).remark).toBeNull()
    const snapshots = await Promise.all((await listHistory(folder)).map((h) => readSnapshot(folder, h.id)))
    expect(snapshots.map((s) => s?.remark)).toContain('bad edit')
    expect(await restoreSnapshot(folder, '../case.json', path.join(folder, CASE_FILE))).toBeNull()
  })

  it(`prunes to the last ${HISTORY_LIMIT} snapshots`, async () => {
    const folder = await writeCaseFolder()
    const base = await load(folder)
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1)
      await saveCase(folder, { ...base, remark: `v${i}` }, new Date(Date.UTC(2026, 11, 1, 8, i * 2)))
    expect((await readdir(path.join(folder, HISTORY_DIR))).length).toBe(HISTORY_LIMIT)
  })

  it('a case folder copied elsewhere still opens, with its history', async () => {
    const folder = await writeCaseFolder()
    await saveCase(folder, { ...(await load(folder)), remark: 'x' })
    const copy = await writeCaseFolder()
    const { cp } = await import('node:fs/promises')
    await cp(folder, copy, { recursive: true, force: true })
    expect((await load(copy)).remark).toBe('x')
    expect((await listHistory(copy)).length).toBe(1)
  })
})

describe('killing the process while it saves', () => {
  it('always leaves the old or the new case on disk, never a mix', async () => {
    const folder = await writeCaseFolder()
    const random = seededRandom(42)
    const script = path.resolve(import.meta.dirname, '../support/save-loop.ts')
    // node --import tsx runs the script in this very process: the tsx CLI would put the writer in a
    // grandchild that survives the parent's SIGKILL.
    for (let round = 0; round < 12; round += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, folder], { stdio: ['ignore', 'pipe', 'inherit'] })
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve())
        child.once('exit', (code) => reject(new Error(`save loop exited early (${code})`)))
      })
      await new Promise((r) => setTimeout(r, 5 + Math.floor(random() * 150)))
      child.kill('SIGKILL')
      await new Promise((r) => child.once('exit', r))
      const text = await readFile(path.join(folder, CASE_FILE), 'utf8')
      const c = await load(folder)
      const bulk = (c as { bulk?: string }).bulk
      expect(c.remark === 'A' || c.remark === 'B', `round ${round}: ${text.length} bytes`).toBe(true)
      expect(bulk === (c.remark as string).repeat(2_000_000), `round ${round}`).toBe(true)
      for (const h of await listHistory(folder)) expect(await readSnapshot(folder, h.id), h.id).not.toBeNull()
    }
  }, 120_000)
})
