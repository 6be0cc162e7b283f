/**
 * The workspace for many customers (issue 17): filing status changes through the service, the
 * export's automatic 已导出, search across people, phones, ID last 4 and 备案号 with several words,
 * 缺什么, credit-code duplicates and copies named 「… 副本」, over real case folders.
 */
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runExport } from '../../../electron/services/export/export-case'
import { LIST_CACHE_FILE } from '../../../electron/services/workspace/list-cache'
import { Workspace } from '../../../electron/services/workspace/workspace'
import { makeUscc } from '../../support/ids'
import { MANAGER_ID, sampleCase, writeCaseFolder } from '../../support/sample-case'

async function workspace(): Promise<{ ws: Workspace; root: string }> {
  const base = await mkdtemp(path.join(tmpdir(), 'icp-fleet-'))
  const root = path.join(base, '工作区')
  await mkdir(root)
  await mkdir(path.join(base, 'trash'))
  let tick = Date.parse('2026-12-01T02:00:00Z')
  const ws = new Workspace(root, {
    today: () => '2026-12-01',
    now: () => new Date((tick += 1000)),
    trash: async (folder) => rename(folder, path.join(base, 'trash', path.basename(folder))),
  })
  return { ws, root }
}

const read = async (root: string, id: string) =>
  JSON.parse(await readFile(path.join(root, id, 'case.json'), 'utf8')) as Record<string, unknown>

describe('the workspace with filing status', () => {
  it('records status changes on disk, refuses one that does not follow, and filters the list by status', async () => {
    const { ws, root } = await workspace()
    const id = path.basename(await writeCaseFolder(sampleCase(), root))
    const other = path.basename(await writeCaseFolder(sampleCase(), root))
    await expect(
      ws.setFilingStatus(id, { status: 'filed', date: '2026-12-02', filingNumber: '粤ICP备2026012345号' }),
    ).rejects.toMatchObject({
      code: 'status-refused',
    })
    const row = await ws.setFilingStatus(id, { status: 'submitted', date: '2026-12-02', provider: 'tencent', orderNumber: 'T-1' })
    expect(row.filing).toEqual({ status: 'submitted', date: '2026-12-02', filingNumber: null })
    await ws.setFilingStatus(id, { status: 'filed', date: '2026-12-20', filingNumber: '粤ICP备2026012345号' })
    const onDisk = (await read(root, id)).filing as { history: Array<Record<string, unknown>> }
    expect(onDisk.history.map((e) => e.status)).toEqual(['submitted', 'filed'])
    expect(onDisk.history[1]).toMatchObject({ siteNumbers: ['粤ICP备2026012345号-1'] })

    const filed = await ws.list({ filing: 'filed' })
    expect(filed.cases.map((r) => r.id)).toEqual([id])
    expect(filed.byFiling).toMatchObject({ filed: 1, preparing: 1 })
    expect((await ws.list({ query: '粤ICP备2026012345号-1' })).cases.map((r) => r.id)).toEqual([id])
    expect((await ws.list()).cases.find((r) => r.id === other)?.filing.status).toBe('preparing')

    // A window's save keeps the history it does not own, even from a copy opened before the change.
    const opened = await ws.open(id)
    const stale = { ...opened.case, filing: { history: [] }, remark: '改了备注' }
    await ws.save(id, stale, opened.revision)
    expect(((await read(root, id)).filing as { history: unknown[] }).history).toHaveLength(2)
  })

  it('moves a case to 已导出 when its package is exported, and not once it is submitted', async () => {
    const { ws, root } = await workspace()
    const id = path.basename(await writeCaseFolder(sampleCase(), root))
    const out = await mkdtemp(path.join(tmpdir(), 'icp-fleet-out-'))
    const options = { provider: 'tencent', force: false, today: '2026-12-01', now: () => new Date('2026-12-01T03:00:00Z') }
    await runExport(ws, id, { ...options, opened: (await ws.open(id)).case, output: path.join(out, 'a.zip') })
    expect((await ws.list()).cases[0]?.filing).toMatchObject({ status: 'exported', date: '2026-12-01' })
    await ws.setFilingStatus(id, { status: 'submitted', date: '2026-12-02', provider: 'tencent' })
    await runExport(ws, id, { ...options, opened: (await ws.open(id)).case, output: path.join(out, 'b.zip') })
    const history = ((await read(root, id)).filing as { history: Array<{ status: string; auto?: boolean }> }).history
    expect(history.map((e) => e.status)).toEqual(['exported', 'submitted'])
    expect(history[0]?.auto).toBe(true)
  }, 60_000)
})

describe('the list for many cases', () => {
  it('finds a case by any person, phone, ID last 4, credit code or domain, several words narrowing', async () => {
    const { ws, root } = await workspace()
    const yunfan = path.basename(await writeCaseFolder(sampleCase(), root))
    const other = sampleCase()
    other.sponsor.name = '广州市青禾文化传播有限公司'
    other.sponsor.certificateNumber = makeUscc('91440101', 'MA59QH7K')
    other.principal.name = '王建国'
    other.principal.mobile = '13512345678'
    const site = other.websites[0]
    if (site) {
      site.domain = 'qinghe-culture.cn'
      site.name = '青禾文化交流'
    }
    const qinghe = path.basename(await writeCaseFolder(other, root))
    const ids = async (query: string) => (await ws.list({ query })).cases.map((r) => r.id).sort()

    expect(await ids('林晓彤')).toEqual([yunfan, qinghe].sort()) // both keep the sample's manager
    expect(await ids('王建国')).toEqual([qinghe])
    expect(await ids('135 1234 5678')).toEqual([qinghe])
    expect(await ids(MANAGER_ID.slice(-4))).toEqual([yunfan, qinghe].sort())
    // Only the last 4 digits of an ID number are searchable.
    expect(await ids(MANAGER_ID.slice(0, 10))).toEqual([])
    expect(await ids('云帆 深圳')).toEqual([yunfan])
    expect(await ids('云帆 广州')).toEqual([])
    expect(await ids('qinghe 青禾')).toEqual([qinghe])
    expect(await ids('ＱＩＮＧＨＥ－ＣＵＬＴＵＲＥ')).toEqual([qinghe])
  })

  it('says what is missing first, flags cases with the same credit code, and names a copy 「… 副本」', async () => {
    const { ws, root } = await workspace()
    const incomplete = sampleCase()
    incomplete.documents = incomplete.documents.filter((d) => d.role !== 'principal-id')
    incomplete.principal.mobile = '1380013800' // an error that is not a missing material
    const id = path.basename(await writeCaseFolder(incomplete, root))
    const list = await ws.list()
    expect(list.cases[0]?.missing?.message).toMatch(/^缺少/)
    expect(list.cases[0]?.sameCreditCode).toBe(0)

    const copy = await ws.duplicate(id)
    expect(copy.id).toBe('深圳市云帆网络科技有限公司 副本')
    expect(copy.sameCreditCode).toBe(1)
    const again = await ws.duplicate(id)
    expect(again.id).toBe('深圳市云帆网络科技有限公司 副本 2')
    expect((await ws.list()).cases.map((r) => r.sameCreditCode)).toEqual([2, 2, 2])
    expect((await read(root, copy.id)).filing).toBeUndefined()
  })
})

describe('the list kept between runs', () => {
  it('reuses the rows of the last run while case.json is unchanged, and checks again what changed', async () => {
    const { root } = await workspace()
    const deps = { today: () => '2026-12-01', now: () => new Date(), trash: async () => undefined, listCache: true }
    const id = path.basename(await writeCaseFolder(sampleCase(), root))
    const other = path.basename(await writeCaseFolder(sampleCase(), root))
    const first = new Workspace(root, deps)
    expect((await first.list()).cases.map((r) => r.status)).toEqual(['ready', 'ready'])
    await first.flushListCache()
    expect(JSON.parse(await readFile(path.join(root, LIST_CACHE_FILE), 'utf8'))).toMatchObject({ version: 2 })

    // A scan removed behind the app's back leaves case.json alone: the kept row is what proves reuse.
    await rm(path.join(root, id, 'scans', 'letter.jpg'))
    const restarted = new Workspace(root, deps)
    expect((await restarted.list()).cases.find((r) => r.id === id)?.status).toBe('ready')
    expect((await new Workspace(root, { ...deps, listCache: false }).list()).cases.find((r) => r.id === id)?.status).toBe('incomplete')
    // The expiry watch still gets the cases themselves from reused rows.
    expect((await restarted.cases()).map((c) => c.case.sponsor.name)).toEqual(['深圳市云帆网络科技有限公司', '深圳市云帆网络科技有限公司'])

    // An edit changes case.json: that row is checked again; a damaged file is ignored.
    const c = sampleCase()
    c.principal.mobile = '1380013800'
    await writeFile(path.join(root, other, 'case.json'), JSON.stringify(c, null, 2))
    expect((await new Workspace(root, deps).list()).cases.find((r) => r.id === other)?.status).toBe('to-review')
    await writeFile(path.join(root, LIST_CACHE_FILE), '{ "version": 1, "entries": ')
    expect((await new Workspace(root, deps).list()).cases.find((r) => r.id === id)?.status).toBe('incomplete')
  })
})
