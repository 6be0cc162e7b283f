/**
 * The workspace service over real folders: create, list with status and search, save atomically
 * (in order, keeping what other services own), duplicate, delete into a trash folder, and refuse
 * ids that would reach outside the workspace.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/ipc/errors'
import type { Case } from '../../../shared/model/case'
import { Workspace } from '../../../electron/services/workspace/workspace'
import { sampleCase, writeCaseFolder } from '../../support/sample-case'

async function workspace(): Promise<{ ws: Workspace; root: string; trash: string }> {
  const base = await mkdtemp(path.join(tmpdir(), 'icp-ws-'))
  const root = path.join(base, '工作区')
  const trash = path.join(base, 'trash')
  await mkdir(trash)
  let tick = Date.parse('2026-11-29T02:00:00Z')
  const ws = new Workspace(root, {
    today: () => '2026-12-01',
    now: () => new Date((tick += 1000)),
    trash: async (folder) => rename(folder, path.join(trash, path.basename(folder))),
  })
  return { ws, root, trash }
}

const read = async (root: string, id: string) =>
  JSON.parse(await readFile(path.join(root, id, 'case.json'), 'utf8')) as Record<string, unknown>

describe('the workspace', () => {
  it('lists nothing for a folder that does not exist yet, and creates it with the first case', async () => {
    const { ws, root } = await workspace()
    expect(await ws.list()).toMatchObject({ cases: [], total: 0, byStatus: { incomplete: 0, 'to-review': 0, ready: 0, exported: 0 } })
    const created = await ws.create()
    expect(created.case.filingType).toBe('首次备案')
    expect(created.case.websites).toHaveLength(1)
    expect(created.summary.status).toBe('incomplete')
    expect(created.findings.some((f) => f.rule === 'field-missing')).toBe(true)
    expect(await readdir(root)).toEqual([created.id])
    // Named after the customer (none yet), not a time stamp.
    expect(created.id).toMatch(/^新案件-[0-9a-f]{4}$/)
  })

  it('names a new case folder after the customer, then a short id, dropping what no file system takes', async () => {
    const { ws, root } = await workspace()
    const named = await ws.create({ name: '深圳市云帆网络科技有限公司' })
    expect(named.id).toMatch(/^深圳市云帆网络科技有限公司-[0-9a-f]{4}$/)
    const odd = await ws.createEmpty({ name: ' ../客户:A*B?. ' })
    expect(odd).toMatch(/^客户AB-[0-9a-f]{4}$/)
    const twice = await Promise.all([ws.createEmpty({ name: '同名' }), ws.createEmpty({ name: '同名' })])
    expect(new Set(twice).size).toBe(2)
    expect((await readdir(root)).sort()).toEqual([named.id, odd, ...twice].sort())
  })

  it('derives each status from the findings and the export records', async () => {
    const { ws, root } = await workspace()
    await mkdir(root, { recursive: true })
    const ready = path.basename(await writeCaseFolder(sampleCase(), root))
    const broken = sampleCase()
    broken.principal.mobile = '1380013800'
    const review = path.basename(await writeCaseFolder(broken, root))
    const exported = {
      ...sampleCase(),
      updatedAt: '2026-11-20T00:00:00Z',
      exports: [{ at: '2026-11-21T00:00:00Z', file: '/x.zip', provider: 'huawei', ready: true }],
    }
    const exportedId = path.basename(await writeCaseFolder(exported, root))
    const editedAfter = { ...exported, updatedAt: '2026-11-22T00:00:00Z' }
    const editedId = path.basename(await writeCaseFolder(editedAfter, root))
    const notReady = { ...exported, exports: [{ at: '2026-11-21T00:00:00Z', file: '/x.zip', provider: 'huawei', ready: false }] }
    const notReadyId = path.basename(await writeCaseFolder(notReady, root))
    const { cases, byStatus, total } = await ws.list()
    const status = Object.fromEntries(cases.map((c) => [c.id, c.status]))
    expect(status).toEqual({
      [ready]: 'ready',
      [review]: 'to-review',
      [exportedId]: 'exported',
      [editedId]: 'ready',
      [notReadyId]: 'ready',
    })
    expect(byStatus).toEqual({ incomplete: 0, 'to-review': 1, ready: 3, exported: 1 })
    expect(total).toBe(5)
  })

  it('searches by name, credit code (folding full-width input) and domain, and filters by status', async () => {
    const { ws, root } = await workspace()
    await mkdir(root, { recursive: true })
    const id = path.basename(await writeCaseFolder(sampleCase(), root))
    await ws.create()
    expect((await ws.list({ query: '云帆' })).cases.map((c) => c.id)).toEqual([id])
    expect((await ws.list({ query: '９１４４ ０３００ma5f' })).cases.map((c) => c.id)).toEqual([id])
    expect((await ws.list({ query: 'YUNFAN-TECH' })).cases.map((c) => c.id)).toEqual([id])
    expect((await ws.list({ query: '不存在' })).cases).toEqual([])
    expect((await ws.list({ status: 'incomplete' })).cases).toHaveLength(1)
    expect((await ws.list({ query: '云帆', status: 'incomplete' })).byStatus).toMatchObject({ ready: 1, incomplete: 0 })
  })

  it('keeps a damaged case visible with the reason, and ignores folders that are not cases', async () => {
    const { ws, root } = await workspace()
    await mkdir(path.join(root, 'damaged'), { recursive: true })
    await writeFile(path.join(root, 'damaged', 'case.json'), '{ nope')
    await mkdir(path.join(root, 'just-a-folder'))
    await mkdir(path.join(root, '.hidden-copy.partial'))
    await writeFile(path.join(root, '.hidden-copy.partial', 'case.json'), '{}')
    const { cases } = await ws.list()
    expect(cases).toHaveLength(1)
    expect(cases[0]).toMatchObject({ id: 'damaged', status: 'incomplete', problem: { message: expect.stringContaining('JSON') } })
    await expect(ws.open('damaged')).rejects.toMatchObject({ code: 'case-invalid' })
    await expect(ws.open('just-a-folder')).rejects.toMatchObject({ code: 'case-not-found' })
  })

  it('saves atomically, in order, stamps the edit time and keeps scans and exports it does not own', async () => {
    const { ws, root } = await workspace()
    await mkdir(root, { recursive: true })
    const id = path.basename(
      await writeCaseFolder(
        { ...sampleCase(), exports: [{ at: '2026-11-01T00:00:00Z', file: '/a.zip', provider: 'generic', ready: true }] },
        root,
      ),
    )
    const opened = await ws.open(id)
    // A window holding an old copy without scans or exports saves many edits at once.
    const stale: Case = { ...opened.case, documents: [] }
    delete stale.exports
    // Each save names the revision the previous one returned, as the window does.
    const results: Array<Awaited<ReturnType<Workspace['save']>>> = []
    let revision = opened.revision
    for (let n = 0; n < 20; n += 1) {
      const saved = await ws.save(id, { ...stale, remark: `第${n}次` }, revision)
      revision = saved.revision
      results.push(saved)
    }
    const disk = await read(root, id)
    expect(disk.remark).toBe('第19次')
    expect(disk.documents).toHaveLength(5)
    expect(disk.exports).toHaveLength(1)
    expect(Date.parse(disk.updatedAt as string)).toBeGreaterThan(Date.parse('2026-11-29T02:00:00Z'))
    expect(results.at(-1)?.findings).toEqual([])
    expect((await readdir(path.join(root, id))).filter((f) => f.endsWith('.tmp'))).toEqual([])
    // Saving means edited after the export: no longer counted as exported.
    expect(results.at(-1)?.summary.status).toBe('ready')
  })

  it("runs the main process's changes in the same queue as saves, so neither overwrites the other", async () => {
    const { ws, root } = await workspace()
    const { id, case: opened, revision } = await ws.create()
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const order: string[] = []
    // A scan change that waits, then writes documents through the workspace's update …
    const change = ws.change(id, async (_folder, update) => {
      await held
      await update((c) => ({ ...c, documents: [{ file: 'scans/a.jpg', role: 'other' }] }))
      order.push('change')
    })
    // … and an edit saved meanwhile (on the revision before the change): it waits for the change,
    // is accepted because only the workspace's own service wrote since, and keeps its documents.
    const save = ws.save(id, { ...opened, remark: '修改' }, revision).then(() => order.push('save'))
    release()
    await Promise.all([change, save])
    expect(order).toEqual(['change', 'save'])
    expect(await read(root, id)).toMatchObject({ remark: '修改', documents: [{ file: 'scans/a.jpg' }] })
  })

  it('reports findings for exactly what was saved', async () => {
    const { ws, root } = await workspace()
    await mkdir(root, { recursive: true })
    const id = path.basename(await writeCaseFolder(sampleCase(), root))
    const { case: c, revision } = await ws.open(id)
    const saved = await ws.save(id, { ...c, principal: { ...c.principal, email: 'not-an-email' } }, revision)
    expect(saved.findings.map((f) => [f.rule, f.field])).toEqual([['email-invalid', 'principal.email']])
    expect(saved.summary).toMatchObject({ status: 'to-review', counts: { error: 1, warning: 0, info: 0 } })
  })

  it('duplicates a case with its scans but without its exports', async () => {
    const { ws, root } = await workspace()
    await mkdir(root, { recursive: true })
    const id = path.basename(
      await writeCaseFolder(
        { ...sampleCase(), exports: [{ at: '2030-01-01T00:00:00Z', file: '/a.zip', provider: 'tencent', ready: true }] },
        root,
      ),
    )
    const copy = await ws.duplicate(id)
    expect(copy.id).not.toBe(id)
    expect(copy.status).toBe('ready')
    expect(await readdir(path.join(root, copy.id, 'scans'))).toHaveLength(5)
    expect((await read(root, copy.id)).exports).toBeUndefined()
    expect((await read(root, id)).exports).toHaveLength(1)
    expect((await readdir(root)).filter((f) => f.startsWith('.'))).toEqual([])
  })

  it('moves a deleted case to the trash and touches nothing that is not a case', async () => {
    const { ws, root, trash } = await workspace()
    const { id } = await ws.create()
    await ws.remove(id)
    expect(await readdir(root)).toEqual([])
    expect(await readdir(path.join(trash, id))).toEqual(['case.json'])
    await mkdir(path.join(root, 'not-a-case'))
    await expect(ws.remove('not-a-case')).rejects.toMatchObject({ code: 'case-not-found' })
    expect(await readdir(root)).toEqual(['not-a-case'])
  })

  it('refuses ids that could reach outside the workspace', async () => {
    const { ws } = await workspace()
    for (const id of ['..', '../trash', 'a/b', '.', '', 'x\\..\\y']) {
      expect(() => ws.folderOf(id), id).toThrow(AppError)
      await expect(ws.remove(id)).rejects.toMatchObject({ code: 'case-not-found' })
    }
  })

  it('notices a change made to case.json by another tool', async () => {
    const { ws, root } = await workspace()
    const { id } = await ws.create()
    expect((await ws.list()).cases[0]?.name).toBeNull()
    const file = path.join(root, id, 'case.json')
    const data = JSON.parse(await readFile(file, 'utf8')) as { sponsor: { name: string } }
    data.sponsor.name = '东莞市松湖智造有限公司'
    await writeFile(file, JSON.stringify(data, null, 2))
    expect((await ws.list()).cases[0]?.name).toBe('东莞市松湖智造有限公司')
  })
})
