/**
 * The scan channels over the real handlers, dispatch and workspace, with real temp folders: adding
 * (de-duplicated by content, refusals with reasons, a role from the drop zone), the native picker,
 * reassigning by hand, removing into the trash, and reading as a job — with an edit made while the
 * scans are read never lost, and a cancelled reading leaving a sound case.
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { OcrPool } from '../../../electron/services/ocr/pool'
import { applyReadings } from '../../../shared/model/documents'
import type { ResultOf } from '../../../shared/ipc/contract'
import { dispatch } from '../../../shared/ipc/dispatch'
import { CaseSchema } from '../../../shared/model/case'
import { makeTestApp, type TestApp } from '../../support/app-services'
import { GateEngine } from '../../support/gate-engine'

type Call = <C extends Parameters<typeof dispatch>[1] & string>(app: TestApp, channel: C, input: unknown) => Promise<unknown>

const ok: Call = async (app, channel, input) => {
  const envelope = await dispatch(app.handlers, channel, input)
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.messageEn}`)
  return envelope.value
}

async function image(colour: string, size = 64): Promise<Buffer> {
  return sharp({ create: { width: size, height: Math.round(size * 0.63), channels: 3, background: colour } })
    .jpeg()
    .toBuffer()
}

async function sources(): Promise<Record<string, string>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'scan-src-'))
  const files: Record<string, string> = {}
  for (const [name, colour] of [
    ['营业执照.jpg', '#c83c28'],
    ['身份证.jpg', '#2860c8'],
    ['同一张.jpg', '#c83c28'],
    ['承诺书.jpg', '#28a050'],
  ] as const) {
    files[name] = path.join(dir, name)
    await writeFile(files[name], await image(colour, name === '同一张.jpg' ? 64 : 64 + name.length))
  }
  // Same bytes as 营业执照.jpg under another name: a duplicate by content.
  await writeFile(files['同一张.jpg'] as string, await readFile(files['营业执照.jpg'] as string))
  return files
}

async function newCase(app: TestApp): Promise<string> {
  return ((await ok(app, 'case.create', {})) as ResultOf<'case.create'>).id
}

async function onDisk(app: TestApp, caseId: string) {
  return CaseSchema.parse(JSON.parse(await readFile(path.join(app.workspace, caseId, 'case.json'), 'utf8')))
}

describe('scan channels', () => {
  it('adds dropped files once each, with reasons for what was refused', async () => {
    const app = await makeTestApp()
    const caseId = await newCase(app)
    const files = await sources()
    const text = path.join(path.dirname(files['营业执照.jpg'] as string), 'notes.jpg')
    await writeFile(text, 'text')
    const added = (await ok(app, 'scan.add', {
      caseId,
      paths: [files['营业执照.jpg'], files['身份证.jpg'], files['同一张.jpg'], text, 'scans/../../etc/passwd'],
    })) as ResultOf<'scan.add'>
    expect(added.added.map((a) => a.name)).toEqual(['营业执照.jpg', '身份证.jpg'])
    expect(added.refused.map((r) => [r.name, r.messageEn])).toEqual([
      ['notes.jpg', 'not an image or PDF scan'],
      ['passwd', 'not a valid file path'],
      ['同一张.jpg', 'the same as a scan already added'],
    ])
    expect(added.scans.map((s) => [s.name, s.role, s.state, s.roleProposed])).toEqual([
      // Proposed from the file name at once (issue 14 item 7).
      ['营业执照.jpg', 'sponsor-certificate', 'unread', true],
      ['身份证.jpg', 'other', 'unread', true],
    ])
    // Scans are named by opaque ids and page-relative image URLs, never by paths.
    expect(JSON.stringify(added)).not.toContain(app.root)
    expect(added.scans[0]?.thumbUrl).toMatch(/^case-file\/[^/]+\/s[0-9a-f]{16}\/thumb\.jpg\?v=/)
    expect(await readdir(path.join(app.workspace, caseId, 'scans'))).toEqual(['营业执照.jpg', '身份证.jpg'])
    // The same files again: all duplicates.
    const again = (await ok(app, 'scan.add', { caseId, paths: [files['营业执照.jpg']] })) as ResultOf<'scan.add'>
    expect(again.added).toEqual([])
    expect(again.refused.map((r) => r.messageEn)).toEqual(['the same as a scan already added'])
  })

  it('takes the role of the zone a file was dropped on, and the native picker (or its cancel)', async () => {
    const app = await makeTestApp()
    const caseId = await newCase(app)
    const files = await sources()
    const letter = (await ok(app, 'scan.add', { caseId, paths: [files['承诺书.jpg']], role: 'commitment-letter' })) as ResultOf<'scan.add'>
    expect(letter.scans.map((s) => [s.role, s.roleProposed])).toEqual([['commitment-letter', false]])
    expect(letter.findings.map((f) => f.rule)).not.toContain('gd-letter-missing')
    app.nextScans = [files['身份证.jpg'] as string]
    const picked = (await ok(app, 'scan.pick', { caseId })) as ResultOf<'scan.pick'>
    expect([picked.cancelled, picked.added.map((a) => a.name)]).toEqual([false, ['身份证.jpg']])
    const cancelled = (await ok(app, 'scan.pick', { caseId, folders: true })) as ResultOf<'scan.pick'>
    expect([cancelled.cancelled, cancelled.added, cancelled.scans.length]).toEqual([true, [], 2])
  })

  it('reassigns by hand, removes into the trash, and refuses what is not a scan of the case', async () => {
    const app = await makeTestApp()
    const caseId = await newCase(app)
    const files = await sources()
    const { scans } = (await ok(app, 'scan.add', { caseId, paths: [files['营业执照.jpg'], files['身份证.jpg']] })) as ResultOf<'scan.add'>
    const [licence, id] = scans
    if (!licence || !id) throw new Error('two scans')
    const domain = (await ok(app, 'scan.update', {
      caseId,
      scanId: id.scanId,
      role: 'domain-certificate',
      website: 7,
    })) as ResultOf<'scan.update'>
    expect(domain.scans[1]).toMatchObject({ role: 'domain-certificate', website: 0, roleProposed: false })
    const principal = (await ok(app, 'scan.update', {
      caseId,
      scanId: id.scanId,
      role: 'principal-id',
      website: 0,
    })) as ResultOf<'scan.update'>
    expect(principal.scans[1]).toMatchObject({ role: 'principal-id', website: null })
    for (const bad of [
      { caseId, scanId: id.scanId, role: 'passport', website: null },
      { caseId, scanId: 'scans/身份证.jpg', role: 'other', website: null },
    ])
      expect(await dispatch(app.handlers, 'scan.update', bad)).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(await dispatch(app.handlers, 'scan.remove', { caseId, scanId: 's0000000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'scan-not-found' },
    })
    const removed = (await ok(app, 'scan.remove', { caseId, scanId: licence.scanId })) as ResultOf<'scan.remove'>
    expect(removed.scans.map((s) => s.name)).toEqual(['身份证.jpg'])
    expect(await readdir(app.trash)).toEqual(['营业执照.jpg'])
    expect((await onDisk(app, caseId)).documents.map((d) => d.file)).toEqual(['scans/身份证.jpg'])
  })

  it('keeps an edit made while the scans are read, and a role chosen by hand meanwhile', async () => {
    const gate = new GateEngine()
    const app = await makeTestApp({ ocrPool: () => new OcrPool({ size: 1, createEngine: () => gate }) })
    const opened = (await ok(app, 'case.create', {})) as ResultOf<'case.create'>
    const caseId = opened.id
    const files = await sources()
    const { scans } = (await ok(app, 'scan.add', { caseId, paths: [files['营业执照.jpg'], files['身份证.jpg']] })) as ResultOf<'scan.add'>
    const { jobId } = (await ok(app, 'scan.read', { caseId })) as ResultOf<'scan.read'>
    await gate.entered
    // The window saves its (older) copy of the case, with no readings in it, and assigns a role.
    await ok(app, 'case.save', {
      caseId,
      case: { ...opened.case, sponsor: { ...opened.case.sponsor, name: '读取期间输入的名称' } },
      revision: opened.revision,
    })
    await ok(app, 'scan.update', { caseId, scanId: scans[1]?.scanId, role: 'principal-id', website: null })
    gate.open()
    expect(await app.jobs.wait(jobId)).toMatchObject({ state: 'succeeded', result: { caseId, read: 2, failed: 0, cancelled: false } })
    const c = await onDisk(app, caseId)
    expect(c.sponsor.name).toBe('读取期间输入的名称')
    expect(c.documents.map((d) => [d.role, (d.extracted as { sourceSha256?: string } | undefined)?.sourceSha256?.length])).toEqual([
      // A reading with no text leaves the role its file name proposed (issue 14 item 7).
      ['sponsor-certificate', 64],
      ['principal-id', 64],
    ])
    const list = (await ok(app, 'scan.list', { caseId })) as ResultOf<'scan.list'>
    // The gate engine reads no text at all: each scan is stored as read, with "no text" as its reason.
    expect(list.scans.map((s) => [s.state, s.findings.map((f) => f.rule)])).toEqual([
      ['failed', ['scan-unreadable']],
      ['failed', ['scan-unreadable']],
    ])
    // The app's own working copy is gone, and nothing but the case's files were touched.
    expect((await readdir(tmpdir())).filter((n) => n.startsWith('icp-prep-read-'))).toEqual([])
  })

  it('runs one reading per case: further starts return the running job, a new one starts after it (issue 13 item 8)', async () => {
    const gate = new GateEngine()
    let pools = 0
    const app = await makeTestApp({
      ocrPool: () => {
        pools += 1
        return new OcrPool({ size: 1, createEngine: () => gate })
      },
    })
    const caseId = await newCase(app)
    const other = await newCase(app)
    const files = await sources()
    await ok(app, 'scan.add', { caseId, paths: [files['营业执照.jpg']] })
    await ok(app, 'scan.add', { caseId: other, paths: [files['身份证.jpg']] })
    const starts = (await Promise.all([1, 2, 3, 4].map(() => ok(app, 'scan.read', { caseId })))) as Array<ResultOf<'scan.read'>>
    const ids = new Set(starts.map((s) => s.jobId))
    expect(ids.size).toBe(1)
    // Another case reads at the same time: the rule is per case.
    const otherJob = ((await ok(app, 'scan.read', { caseId: other })) as ResultOf<'scan.read'>).jobId
    expect(ids.has(otherJob)).toBe(false)
    await gate.entered
    gate.open()
    const [jobId] = [...ids]
    expect((await app.jobs.wait(jobId as string)).state).toBe('succeeded')
    await app.jobs.wait(otherJob)
    expect(pools).toBe(2)
    expect(app.jobs.snapshot().filter((j) => j.kind === 'ocr')).toHaveLength(2)
    // Once finished, a new start is a new job.
    const again = ((await ok(app, 'scan.read', { caseId })) as ResultOf<'scan.read'>).jobId
    expect(again).not.toBe(jobId)
    await app.jobs.wait(again)
  })

  it('ends a cancelled reading as cancelled, with the case still sound', async () => {
    const gate = new GateEngine()
    const app = await makeTestApp({ ocrPool: () => new OcrPool({ size: 1, createEngine: () => gate }) })
    const caseId = await newCase(app)
    const files = await sources()
    await ok(app, 'scan.add', { caseId, paths: [files['营业执照.jpg'], files['身份证.jpg']] })
    const { jobId } = (await ok(app, 'scan.read', { caseId })) as ResultOf<'scan.read'>
    await gate.entered
    expect(app.jobs.cancel(jobId)).toBe(true)
    gate.open()
    expect((await app.jobs.wait(jobId)).state).toBe('cancelled')
    expect((await onDisk(app, caseId)).documents).toHaveLength(2)
  })
})

describe('applyReadings (the proposed mark has one owner: shared/model/documents.ts)', () => {
  it('keeps the suggestion mark on roles reading proposed, and adds none elsewhere', () => {
    const fresh = CaseSchema.parse({
      documents: [
        { file: 'scans/a.jpg', role: 'other', roleProposed: true },
        { file: 'scans/b.jpg', role: 'manager-id', website: 0 },
      ],
    })
    const extracted = {
      version: 1 as const,
      kind: 'id-card' as const,
      colour: true,
      image: { width: 1, height: 1 },
      fields: {},
      findings: [],
    }
    const kept = applyReadings(
      fresh,
      new Map([
        ['scans/a.jpg', { extracted, proposal: { role: 'principal-id' } }],
        ['scans/b.jpg', { extracted, proposal: { role: 'principal-id' } }],
      ]),
    )
    expect(kept.documents.map((d) => [d.file, d.role, d.roleProposed])).toEqual([
      ['scans/a.jpg', 'principal-id', true],
      ['scans/b.jpg', 'manager-id', undefined],
    ])
  })
})
