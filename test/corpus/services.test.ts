/**
 * Every service meets every file of the bad-input corpus (test/corpus/files.ts, cases.ts): intake
 * (loadScan, decodeScan), the packager's decoder, loadCase, check, addScans, readCaseDocuments and
 * packCase. Each file is read or refused with a reason in Chinese and English, never a throw or a
 * hang, and a good file in the same batch is never lost. The CLI, with time and memory bounds per
 * process, is in cli.test.ts.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addScansReport, readCaseDocuments } from '../../electron/services/case-folder/case-documents'
import { caseFileFacts, loadCase } from '../../electron/services/case-folder/case-store'
import { isPlaceholder, loadScan } from '../../electron/services/intake/decode'
import { decodeScan } from '../../electron/services/intake/upright'
import type { OcrEngine } from '../../electron/services/ocr/engine'
import { OcrPool } from '../../electron/services/ocr/pool'
import { packCase } from '../../electron/services/package/pack-case'
import { loadScanImage } from '../../electron/services/package/scan-image'
import { readExtracted } from '../../shared/model/extracted'
import { isSafeRelativePath } from '../../shared/model/paths'
import { checkCase } from '../../shared/rules/engine'
import { writeBrokenCases, writeEscapeCase, type BrokenCase } from './cases'
import { GOOD_NAME, writeFileCorpus, type CorpusFile } from './files'

const CJK = /[\u4e00-\u9fff]/
const TODAY = '2026-12-01'

/** An OCR engine that reads nothing at once: these tests are about files, not about reading. */
const blankEngine = (): OcrEngine => ({
  description: 'blank test engine',
  recognize: async () => ({ text: '', confidence: 0, lines: [] }),
  close: async () => {},
})

let root: string
let dir: string
let corpus: CorpusFile[]
const file = (item: CorpusFile): string => path.join(dir, item.name)

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'icp-corpus-'))
  dir = path.join(root, 'files')
  await mkdir(dir)
  corpus = await writeFileCorpus(dir)
}, 120_000)

afterAll(() => rm(root, { recursive: true, force: true }))

describe('intake meets every corpus file', () => {
  it('has the corpus the issue asks for (HEIC and encrypted PDFs need heif-enc and qpdf, which CI installs)', () => {
    const names = corpus.map((c) => c.name)
    for (const needed of ['empty.jpg', 'truncated.jpg', 'truncated.png', 'program.jpg', 'bomb-20000x20000.png', 'bomb-65000.jpg'])
      expect(names).toContain(needed)
    for (const needed of ['blank.pdf', 'javascript.pdf', 'cmyk.jpg', '16-bit.png', 'animated.gif', 'garbage.heic'])
      expect(names).toContain(needed)
    for (const needed of [
      'bomb-pdf-50-pages.pdf',
      'bomb-pdf-10x10-3gb.pdf',
      'bomb-pdf-content.pdf',
      'quadratic-lines.pdf',
      'quadratic-bt.pdf',
    ])
      expect(names).toContain(needed)
    if (process.env.CI)
      expect(names).toEqual(expect.arrayContaining(['iPhone 照片.heic', 'encrypted-password.pdf', 'encrypted-permissions.pdf']))
  })

  it('loadScan reads each file or refuses it with a reason in Chinese and English', { timeout: 120_000 }, async () => {
    for (const item of corpus) {
      const r = await loadScan(file(item))
      if (item.intake === 'refused') {
        expect(r.ok, item.name).toBe(false)
        if (r.ok) continue
        expect(r.reasonEn, item.name).toMatch(item.reason ?? /./)
        expect(r.reason, item.name).toMatch(CJK)
      } else {
        expect(r.ok, `${item.name}: ${r.ok ? '' : r.reasonEn}`).toBe(true)
        if (!r.ok) continue
        const usable = r.pages.filter((p) => !isPlaceholder(p))
        if (item.pageFinding)
          expect(
            r.pages.flatMap((p) => p.findings.map((f) => f.messageEn ?? '')),
            item.name,
          ).toContainEqual(expect.stringMatching(item.pageFinding))
        if (item.intake === 'read') expect(usable.length, item.name).toBeGreaterThan(0)
        else {
          expect(usable, item.name).toEqual([])
          expect(
            r.pages[0]?.findings.map((f) => f.rule),
            item.name,
          ).toContain('scan-unreadable')
        }
      }
    }
  })

  it('the packager packs exactly what intake reads, and refuses the rest with intake’s reason', { timeout: 120_000 }, async () => {
    for (const item of corpus) {
      const [upright, packed] = [await decodeScan(file(item)), await loadScanImage(file(item), `scans/${item.name}`)]
      if (item.intake === 'read') {
        expect(upright.ok && upright.pages.some((p) => p.usable), item.name).toBe(true)
        expect(packed.kind, `${item.name}: ${JSON.stringify(packed.kind === 'problem' ? packed.params : '')}`).not.toBe('problem')
        continue
      }
      expect(packed.kind, item.name).toBe('problem')
      if (packed.kind !== 'problem') continue
      expect(packed.params.file).toBe(`scans/${item.name}`)
      expect(String(packed.params.reason), item.name).toMatch(CJK)
      if (item.reason) expect(String(packed.params.reasonEn), item.name).toMatch(item.reason)
    }
  })

  it('reads a HEIC phone photo like the JPEG it was made from', { timeout: 60_000 }, async () => {
    const heic = corpus.find((c) => c.name.endsWith('.heic') && c.intake === 'read')
    if (!heic) return expect(process.env.CI, 'heif-enc is missing: .ci/run installs libheif-examples').toBeUndefined()
    const [a, b] = [await loadScan(file(heic)), await loadScan(path.join(dir, GOOD_NAME))]
    if (!a.ok || !b.ok) throw new Error('not read')
    const [x, y] = [a.pages[0]?.image, b.pages[0]?.image]
    if (!x || !y) throw new Error('no page')
    expect([a.format, x.width, x.height]).toEqual(['heic', y.width, y.height])
    let diff = 0
    for (let i = 0; i < x.data.length; i += 1) diff += Math.abs((x.data[i] as number) - (y.data[i] as number))
    // Two lossy encodings of the same card (JPEG, then HEVC at quality 80): close, not equal.
    expect(diff / x.data.length).toBeLessThan(6)
  })
})

describe('case files meet broken case.json files and documents pointing outside the case', () => {
  let broken: BrokenCase[]
  beforeAll(async () => {
    broken = await writeBrokenCases(path.join(root, 'cases'))
  }, 60_000)

  it('loadCase refuses each broken case.json with its reason (never hanging on a pipe or /dev/zero)', async () => {
    for (const c of broken) {
      const r = await loadCase(c.folder)
      expect(r.ok, c.name).toBe(false)
      if (r.ok) continue
      expect(r.reason, c.name).toBe(c.reason)
      expect(r.messageEn, c.name).toMatch(c.message)
      expect(r.message, c.name).toMatch(CJK)
    }
  })

  it(
    'check reports every hostile document; readCaseDocuments and pack never read or pack a file outside the case',
    { timeout: 120_000 },
    async () => {
      const { folder, secret, hostile } = await writeEscapeCase(root)
      const loaded = await loadCase(folder)
      if (!loaded.ok) throw new Error(loaded.messageEn)
      const findings = checkCase(loaded.case, { today: TODAY, files: caseFileFacts(folder) })
      const first = loaded.case.documents.length - hostile.length
      hostile.forEach((h, i) => {
        const found = findings.filter((f) => f.document === first + i).map((f) => f.rule)
        expect(found, h.what).toEqual([h.rule])
      })
      // Good documents raise no file finding.
      expect(findings.filter((f) => f.document !== undefined && f.document < first && f.rule.startsWith('document-'))).toEqual([])

      const pool = new OcrPool({ size: 1, createEngine: blankEngine })
      const summary = await readCaseDocuments(folder, { pool, today: TODAY }).finally(() => pool.close())
      expect(summary).toMatchObject({ read: first, failed: hostile.length })
      const after = await loadCase(folder)
      if (!after.ok) throw new Error(after.messageEn)
      const secretSha = createHash('sha256')
        .update(await readFile(secret))
        .digest('hex')
      after.case.documents.forEach((d, i) => {
        const read = readExtracted(d.extracted)
        if (i < first) expect(read?.sourceSha256, d.file).toBeDefined()
        else expect(read, d.file).toBeNull()
      })

      const zip = path.join(root, 'escape.zip')
      const outcome = await packCase(folder, { output: zip, force: true, date: TODAY, today: TODAY })
      expect(outcome.manifest?.ready).toBe(false)
      const sources = outcome.manifest?.files.flatMap((f) => f.sources) ?? []
      expect(sources.length).toBeGreaterThan(0)
      for (const s of sources) {
        expect(s.sha256).not.toBe(secretSha)
        expect(isSafeRelativePath(s.file) && s.document < first, s.file).toBe(true)
      }
    },
  )

  it('addScans copies every usable file of a batch and skips, with a reason, what cannot be a scan', async () => {
    const { folder } = await writeEscapeCase(root)
    const pipe = path.join(folder, 'scans', 'pipe.jpg')
    const missing = path.join(root, 'no-such-file.jpg')
    const sources = [...corpus.map(file), pipe, path.join(folder, 'scans', 'folder.jpg'), '/dev/zero', missing]
    const { added, skipped } = await addScansReport(folder, sources)
    const emptyOnes = corpus.filter((c) => c.name === 'empty.jpg').map(file)
    expect(added.map((a) => a.source)).toEqual(corpus.map(file).filter((f) => !emptyOnes.includes(f)))
    expect(skipped.map((s) => s.source)).toEqual([...emptyOnes, pipe, path.join(folder, 'scans', 'folder.jpg'), '/dev/zero', missing])
    for (const s of skipped) {
      expect(s.reason).toMatch(CJK)
      expect(s.reasonEn).toMatch(/empty|regular file|does not exist/)
    }
    for (const a of added) {
      expect(isSafeRelativePath(a.file), a.file).toBe(true)
      expect(existsSync(path.join(folder, ...a.file.split('/')))).toBe(true)
    }
    expect(added.find((a) => a.source.endsWith(GOOD_NAME))?.file).toBe('scans/身份证_人像面.jpg')
  })

  it(
    'readCaseDocuments stores a reading for every corpus scan: refused ones with their reason, the rest read',
    { timeout: 180_000 },
    async () => {
      const { folder } = await writeEscapeCase(root)
      const loaded = await loadCase(folder)
      if (!loaded.ok) throw new Error(loaded.messageEn)
      const before = loaded.case.documents.length
      const { added } = await addScansReport(folder, corpus.map(file))
      const pool = new OcrPool({ size: 1, createEngine: blankEngine })
      await readCaseDocuments(folder, { pool, today: TODAY }).finally(() => pool.close())
      const after = await loadCase(folder)
      if (!after.ok) throw new Error(after.messageEn)
      for (const a of added) {
        const item = corpus.find((c) => file(c) === a.source) as CorpusFile
        const doc = after.case.documents.slice(before).find((d) => d.file === a.file)
        const read = readExtracted(doc?.extracted)
        expect(read, a.file).not.toBeNull()
        const unreadable = read?.findings.find((f) => f.rule === 'scan-unreadable')
        if (item.intake === 'refused') {
          expect(unreadable?.message, a.file).toMatch(CJK)
          if (item.reason) expect(unreadable?.messageEn, a.file).toMatch(item.reason)
        } else if (item.intake === 'read') {
          // A PDF's first page is the reading, later pages follow it: a bomb's good page may be one of those.
          const later = ((doc?.extracted as { pages?: Array<{ image?: { width?: number } }> } | undefined)?.pages ?? []).map(
            (p) => p.image?.width ?? 0,
          )
          expect(Math.max(read?.image.width ?? 0, ...later), a.file).toBeGreaterThan(1)
        }
      }
    },
  )
})
