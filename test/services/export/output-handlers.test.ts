/**
 * The letter and export channels over the real handlers, packager and letter service, with real
 * temp folders: the letter's preview (its pages, or the findings that refuse it), saving through the
 * save dialog, printing through the system viewer; the export plan, the export job that appends its
 * record to case.json (so the list says 已导出), the refusal while errors remain, the explicit
 * NOT-ready export, a cancelled save dialog, and showing the package in the file manager.
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ExportResult } from '../../../shared/ipc/letter-export-schemas'
import type { ResultOf } from '../../../shared/ipc/contract'
import { dispatch } from '../../../shared/ipc/dispatch'
import { CaseSchema } from '../../../shared/model/case'
import { makeTestApp, type TestApp } from '../../support/app-services'
import { sampleCase, writeCaseFolder, type EditableCase } from '../../support/sample-case'
import { makeScan, type ScanKind } from '../../support/scan-images'

async function call(app: TestApp, channel: Parameters<typeof dispatch>[1], input: unknown): Promise<unknown> {
  const envelope = await dispatch(app.handlers, channel, input)
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.messageEn), { code: envelope.error.code })
  return envelope.value
}

const KINDS: Record<string, ScanKind> = {
  'scans/licence.jpg': 'licence',
  'scans/principal-id.jpg': 'id-front',
  'scans/manager-id.jpg': 'id-front',
  'scans/domain.jpg': 'domain',
  'scans/letter.jpg': 'letter',
}

/** The complete sample case in the app's workspace, with scans large enough to package. */
async function sampleInWorkspace(app: TestApp, edit: (c: EditableCase) => void = () => {}): Promise<string> {
  const data = sampleCase()
  edit(data)
  const folder = await writeCaseFolder(data, app.workspace)
  for (const doc of data.documents)
    await writeFile(
      path.join(folder, ...doc.file.split('/')),
      await makeScan({ width: 1600, height: 1100, kind: KINDS[doc.file] ?? 'plain', exif: false }),
    )
  return path.basename(folder)
}

async function record(app: TestApp, caseId: string) {
  return CaseSchema.parse(JSON.parse(await readFile(path.join(app.workspace, caseId, 'case.json'), 'utf8'))).exports ?? []
}

describe('the letter channels', () => {
  it('previews the letter as draw operations, saves it where the user chooses and prints it via the viewer', async () => {
    const app = await makeTestApp()
    const caseId = await sampleInWorkspace(app)
    const preview = (await call(app, 'letter.preview', { caseId })) as ResultOf<'letter.preview'>
    expect(preview).toMatchObject({ applicable: true, variant: 'unit', date: '2026-12-01' })
    expect(preview.findings.filter((f) => f.severity === 'error')).toEqual([])
    const texts = preview.pages.flatMap((p) => p.ops.filter((op) => op.op === 'text').map((op) => (op.op === 'text' ? op.text : '')))
    expect(texts.join('')).toContain('深圳市云帆网络科技有限公司')

    app.nextSaveFile = null
    expect(await call(app, 'letter.save', { caseId })).toEqual({ saved: false, name: null })
    const target = path.join(app.root, '承诺书.pdf')
    app.nextSaveFile = target
    expect(await call(app, 'letter.save', { caseId })).toEqual({ saved: true, name: '承诺书.pdf' })
    expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-')
    expect(app.saveRequests.map((r) => [r.kind, r.name])).toEqual([
      ['pdf', '深圳市云帆网络科技有限公司_广东承诺书_2026-12-01.pdf'],
      ['pdf', '深圳市云帆网络科技有限公司_广东承诺书_2026-12-01.pdf'],
    ])

    expect(await call(app, 'letter.print', { caseId })).toEqual({ opened: true })
    const [printed] = app.opened
    expect(printed?.startsWith(path.join(app.userData, 'cache', 'print'))).toBe(true)
    expect((await readFile(printed as string)).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('refuses a letter that would print a wrong value, with the findings to fix', async () => {
    const app = await makeTestApp()
    const caseId = await sampleInWorkspace(app, (c) => {
      c.sponsor.certificateNumber = '91440300MA5FXK2L9A'
    })
    const preview = (await call(app, 'letter.preview', { caseId })) as ResultOf<'letter.preview'>
    expect(preview.pages).toEqual([])
    expect(preview.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.field])).toEqual([
      ['uscc-invalid', 'sponsor.certificateNumber'],
    ])
    app.nextSaveFile = path.join(app.root, 'x.pdf')
    await expect(call(app, 'letter.save', { caseId })).rejects.toMatchObject({ code: 'letter-refused' })
    await expect(call(app, 'letter.print', { caseId })).rejects.toMatchObject({ code: 'letter-refused' })
    expect([app.saveRequests, app.opened]).toEqual([[], []])
  })
})

describe('the export channels', () => {
  it('plans the zip for a provider, exports as a job and records the export in case.json', async () => {
    const app = await makeTestApp({ now: () => new Date('2026-12-01T08:00:00Z') })
    const caseId = await sampleInWorkspace(app)
    const plan = (await call(app, 'export.plan', { caseId })) as ResultOf<'export.plan'>
    expect(plan.provider).toBe('generic')
    expect(plan.providers.map((p) => p.name)).toEqual(['huawei', 'tencent', 'aliyun', 'generic'])
    expect(plan.errors).toBe(0)
    const tencent = (await call(app, 'export.plan', { caseId, provider: 'tencent' })) as ResultOf<'export.plan'>
    expect(tencent.files.map((f) => [f.name, f.sources.map((s) => s.name)])).toEqual([
      ['01_主办单位证件_营业执照.jpg', ['licence.jpg']],
      ['02_主体负责人_身份证.jpg', ['principal-id.jpg']],
      ['03_网站1_负责人_身份证.jpg', ['manager-id.jpg']],
      ['04_网站1_域名证书_yunfan-tech.cn.jpg', ['domain.jpg']],
      ['05_广东承诺书.jpg', ['letter.jpg']],
    ])
    expect(tencent.files.every((f) => (f.sourceBytes ?? 0) > 10_000)).toBe(true)

    const zip = path.join(app.root, '备案材料.zip')
    app.nextSaveFile = zip
    const started = (await call(app, 'export.start', { caseId, provider: 'tencent', force: false })) as ResultOf<'export.start'>
    expect(started.cancelled).toBe(false)
    const finished = await app.jobs.wait(started.jobId as string)
    expect(finished.state).toBe('succeeded')
    const result = finished.result as ExportResult
    expect(result).toMatchObject({ caseId, refused: false, ready: true, forced: false, name: '备案材料.zip' })
    expect(result.files.map((f) => f.name)).toEqual([...tencent.files.map((f) => f.name), '报告.html'])
    expect(result.summary.status).toBe('exported')
    expect((await stat(zip)).size).toBe(result.bytes)
    expect(await record(app, caseId)).toEqual([expect.objectContaining({ file: zip, provider: 'tencent', ready: true })])
    const list = (await call(app, 'case.list', {})) as ResultOf<'case.list'>
    expect(list.cases.map((c) => c.status)).toEqual(['exported'])
    // The next plan proposes the provider used last, and lists the export.
    const again = (await call(app, 'export.plan', { caseId })) as ResultOf<'export.plan'>
    expect([again.provider, again.exports.map((e) => e.name)]).toEqual(['tencent', ['备案材料.zip']])
    await call(app, 'export.reveal', { caseId })
    expect(app.shown).toEqual([zip])
  })

  it('refuses while errors remain; exports a NOT-ready package only when asked to; a cancelled dialog writes nothing', async () => {
    const app = await makeTestApp()
    const caseId = await sampleInWorkspace(app, (c) => {
      c.principal.mobile = '1380013800'
    })
    await expect(call(app, 'export.reveal', { caseId })).rejects.toMatchObject({ code: 'no-export' })
    await expect(call(app, 'export.start', { caseId, provider: 'generic', force: false })).rejects.toMatchObject({ code: 'export-refused' })
    expect(app.saveRequests).toEqual([])
    await expect(call(app, 'export.start', { caseId, provider: 'nobody', force: true })).rejects.toMatchObject({ code: 'bad-input' })

    app.nextSaveFile = null
    expect(await call(app, 'export.start', { caseId, provider: 'generic', force: true })).toEqual({ jobId: null, cancelled: true })
    expect(await readdir(app.root)).not.toContain('备案材料.zip')

    const zip = path.join(app.root, '未就绪.zip')
    app.nextSaveFile = zip
    const { jobId } = (await call(app, 'export.start', { caseId, provider: 'generic', force: true })) as ResultOf<'export.start'>
    const result = (await app.jobs.wait(jobId as string)).result as ExportResult
    expect(result).toMatchObject({ refused: false, ready: false, forced: true })
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['phone-invalid'])
    expect(result.summary.status).not.toBe('exported')
    expect(await record(app, caseId)).toEqual([expect.objectContaining({ file: zip, ready: false })])
  })
})
