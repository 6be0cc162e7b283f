/**
 * Scans whose file names on disk are not UTF-8 (issue 13 item 18): a case folder unzipped from a
 * zip made on Chinese Windows has GBK names. case.json names such a file by its GB18030 reading
 * (营业执照.jpg); check, pack and the app's reading find it by its bytes instead of calling it missing.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, renameSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diskNameText, resolveDocumentFile } from '../../electron/services/case-folder/case-files'
import { readCaseDocuments } from '../../electron/services/case-folder/case-documents'
import { loadCase } from '../../electron/services/case-folder/case-store'
import { packCase } from '../../electron/services/package/pack-case'
import { cli } from '../support/cli'
import { cleanScratch, scratch, writeScannedCase, type FixtureDoc } from '../support/pack-fixtures'
import { SAMPLE_DATE } from '../support/sample-case'

/** 营业执照.jpg and 身份证.jpg as a Windows zip stores them: GBK bytes. */
const GBK_LICENCE = Buffer.from('d3aad2b5d6b4d5d52e6a7067', 'hex')
const GBK_ID = Buffer.from('c9edb7ddd6a42e6a7067', 'hex')

const DOCS: FixtureDoc[] = [
  { doc: { file: 'scans/营业执照.jpg', role: 'sponsor-certificate' }, scan: { width: 1800, height: 1300, kind: 'licence' } },
  { doc: { file: 'scans/身份证.jpg', role: 'principal-id' }, scan: { width: 1000, height: 640, kind: 'id-front' } },
  { doc: { file: 'scans/m.jpg', role: 'manager-id', website: 0 }, scan: { width: 1000, height: 640, kind: 'id-front' } },
  { doc: { file: 'scans/d.jpg', role: 'domain-certificate', website: 0 }, scan: { width: 1240, height: 1754, kind: 'domain' } },
  { doc: { file: 'scans/l.jpg', role: 'commitment-letter' }, scan: { width: 1240, height: 1754, kind: 'letter' } },
]

let folder: string

beforeAll(async () => {
  folder = await writeScannedCase(DOCS)
  // What unzip leaves on disk for names stored in GBK: the bytes as they are.
  const scans = Buffer.from(path.join(folder, 'scans') + path.sep)
  renameSync(path.join(folder, 'scans', '营业执照.jpg'), Buffer.concat([scans, GBK_LICENCE]))
  renameSync(path.join(folder, 'scans', '身份证.jpg'), Buffer.concat([scans, GBK_ID]))
  const names = readdirSync(Buffer.from(path.join(folder, 'scans')), { encoding: 'buffer' })
  expect(names.some((n) => n.equals(GBK_LICENCE))).toBe(true)
}, 60_000)

afterAll(cleanScratch)

describe('file names that are not UTF-8', () => {
  it('reads a name by GB18030 when it is not UTF-8, else escapes the bytes', () => {
    expect(diskNameText(GBK_LICENCE)).toBe('营业执照.jpg')
    expect(diskNameText(Buffer.from('scan.jpg'))).toBe('scan.jpg')
    expect(diskNameText(Buffer.from('营业执照.jpg'))).toBe('营业执照.jpg')
    expect(diskNameText(Buffer.from([0x61, 0xff, 0x2e, 0x6a]))).toBe('a%FF.j')
  })

  it('resolves the case.json name to the bytes on disk, still inside the case', () => {
    const r = resolveDocumentFile(folder, 'scans/营业执照.jpg')
    expect(r).toMatchObject({ ok: true })
    if (!r.ok) return
    expect(Buffer.isBuffer(r.fsPath)).toBe(true)
    expect(r.path.endsWith(`scans${path.sep}营业执照.jpg`)).toBe(true)
    expect(resolveDocumentFile(folder, 'scans/不存在.jpg')).toEqual({ ok: false, problem: 'missing' })
  })

  it('check finds them: no document-file-missing', async () => {
    const r = await cli('check', '--json', '--date', SAMPLE_DATE, folder)
    expect(JSON.parse(r.stdout).findings).toEqual([])
    expect(r.code).toBe(0)
  })

  it('pack reads them by their bytes and packs them', async () => {
    const zip = path.join(await scratch('icp-gbk-'), 'pkg.zip')
    const outcome = await packCase(folder, { output: zip, today: SAMPLE_DATE })
    expect(outcome.findings).toEqual([])
    expect(outcome.ready).toBe(true)
    const sources = outcome.manifest?.files.flatMap((f) => f.sources.map((s) => s.file)) ?? []
    expect(sources).toContain('scans/营业执照.jpg')
    expect(sources).toContain('scans/身份证.jpg')
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' })
    expect(names).toContain('01_主办单位证件_营业执照.jpg')
  })

  it('the app reads them (OCR) by their bytes and stores the reading under the case.json name', async () => {
    const one = await writeScannedCase([DOCS[0] as FixtureDoc])
    const scans = Buffer.from(path.join(one, 'scans') + path.sep)
    renameSync(path.join(one, 'scans', '营业执照.jpg'), Buffer.concat([scans, GBK_LICENCE]))
    const summary = await readCaseDocuments(one, { today: SAMPLE_DATE })
    expect(summary).toMatchObject({ read: 1, failed: 0 })
    const loaded = await loadCase(one)
    expect(loaded.ok && loaded.case.documents[0]?.file).toBe('scans/营业执照.jpg')
    expect(loaded.ok && loaded.case.documents[0]?.extracted).toBeTruthy()
  }, 180_000)
})
