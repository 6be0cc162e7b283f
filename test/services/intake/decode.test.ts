/**
 * Intake of every supported input and every kind of bad input, with real files in a temp folder:
 * formats judged from the bytes, EXIF and PDF page rotation applied, scanner PDFs split into pages,
 * electronic PDFs flagged, and empty, truncated, foreign and oversized files refused with a reason.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { degrees, PDFDocument } from '@cantoo/pdf-lib'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeBytes, loadScan } from '../../../electron/services/intake/decode'
import { decodeBmp } from '../../../electron/services/intake/formats'
import { electronicPdf, generateDocument, makeSponsorSet, scannerPdf, type GeneratedDocument } from '../../generator/index'
import { PNG_SIGNATURE, pngChunk } from '../../support/png-chunks'

let dir: string
let card: GeneratedDocument
const set = makeSponsorSet(11)

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-'))
  card = await generateDocument(set, { type: 'id-front', dpi: 200, format: 'png', seed: 1 })
})

async function file(name: string, data: Uint8Array): Promise<string> {
  const p = path.join(dir, name)
  await writeFile(p, data)
  return p
}

/** A PNG whose header claims `width`×`height` pixels, with almost no data behind it. */
function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(10))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

describe('formats', () => {
  it.each(['jpg', 'png', 'webp', 'tiff', 'bmp'] as const)('reads %s, judged from its bytes not its name', async (format) => {
    const doc = await generateDocument(set, { type: 'id-back', dpi: 150, format, seed: 2 })
    const r = await loadScan(await file(`card-${format}.dat`, doc.data))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.format).toBe(format === 'jpg' ? 'jpeg' : format)
    expect(r.pages).toHaveLength(1)
    expect(r.pages[0]?.image).toMatchObject({ width: doc.width, height: doc.height })
  })

  it('decodes BMP pixels exactly (sharp cannot read BMP)', async () => {
    const doc = await generateDocument(set, { type: 'id-back', dpi: 80, format: 'bmp', seed: 3 })
    const png = await generateDocument(set, { type: 'id-back', dpi: 80, format: 'png', seed: 3 })
    const a = decodeBmp(doc.data, 1e8)
    const b = await sharp(png.data).removeAlpha().raw().toBuffer()
    expect(a.data.equals(b)).toBe(true)
  })

  it('applies EXIF orientation', async () => {
    const doc = await generateDocument(set, { type: 'id-front', dpi: 150, format: 'jpg', degradations: ['exif-rotate'], seed: 4 })
    const meta = await sharp(doc.data).metadata()
    expect(meta.orientation).toBe(6)
    expect((meta.width ?? 0) < (meta.height ?? 0)).toBe(true)
    const r = await decodeBytes(doc.data)
    expect(r.ok && r.pages[0]?.image.width).toBeGreaterThan(r.ok ? (r.pages[0]?.image.height ?? 0) : 0)
  })

  it('splits a scanner PDF into its page images, one per page, applying /Rotate', async () => {
    const a = await generateDocument(set, { type: 'id-front', dpi: 150, format: 'jpg', seed: 5 })
    const b = await generateDocument(set, { type: 'id-back', dpi: 150, format: 'jpg', seed: 5 })
    const pdf = await scannerPdf([
      { jpeg: a.data, width: a.width, height: a.height },
      { jpeg: b.data, width: b.width, height: b.height },
    ])
    const doc = await PDFDocument.load(pdf)
    doc.getPage(1).setRotation(degrees(90))
    const r = await loadScan(await file('two-pages.pdf', await doc.save()))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.pages.map((p) => [p.page, p.electronic, p.findings.length])).toEqual([
      [1, false, 0],
      [2, false, 0],
    ])
    expect(r.pages[0]?.image).toMatchObject({ width: a.width, height: a.height })
    expect(r.pages[1]?.image).toMatchObject({ width: b.height, height: b.width })
  })

  it('flags an electronic PDF (text layer, vector drawing) instead of treating it as a scan', async () => {
    const pdf = await electronicPdf(['营业执照', `统一社会信用代码 ${set.sponsor.creditCode}`, `名称 ${set.sponsor.entityName}`])
    const r = await loadScan(await file('electronic.pdf', pdf))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.pages[0]?.electronic).toBe(true)
    expect(r.pages[0]?.findings.map((f) => f.rule)).toEqual(['scan-electronic-document', 'scan-unreadable'])
  })
})

describe('bad input is refused with a reason, never a crash', () => {
  it('empty file', async () => {
    const r = await loadScan(await file('empty.jpg', new Uint8Array()))
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('为空') })
  })

  it('missing file', async () => {
    expect(await loadScan(path.join(dir, 'nope.jpg'))).toMatchObject({ ok: false, reasonEn: expect.stringContaining('does not exist') })
  })

  it('truncated JPEG (passes a header check, fails when decoded)', async () => {
    const jpeg = await sharp(card.data).jpeg().toBuffer()
    const r = await loadScan(await file('truncated.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2))))
    expect(r).toMatchObject({ ok: false, format: 'jpeg', reasonEn: expect.stringMatching(/damaged|incomplete|cannot be decoded/) })
  })

  it('truncated PNG', async () => {
    const r = await loadScan(await file('truncated.png', card.data.subarray(0, Math.floor(card.data.length / 3))))
    expect(r.ok).toBe(false)
  })

  it('not an image', async () => {
    const r = await loadScan(await file('notes.jpg', Buffer.from('这不是图片 this is not an image\n')))
    expect(r).toMatchObject({ ok: false, format: 'unknown', reasonEn: expect.stringContaining('not a supported image') })
  })

  it('a HEIC container with nothing decodable is refused as damaged (real HEIC photos: test/corpus)', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(32)])
    expect(await loadScan(await file('photo.heic', heic))).toMatchObject({
      ok: false,
      format: 'heic',
      reason: expect.stringContaining('HEIC'),
      reasonEn: expect.stringContaining('damaged or incomplete'),
    })
  })

  it('a decompression bomb (400 megapixels claimed) is refused before decoding', async () => {
    const r = await loadScan(await file('bomb.png', pngClaiming(20_000, 20_000)))
    expect(r).toMatchObject({ ok: false, reasonEn: expect.stringContaining('too many pixels') })
  })

  it('a huge BMP header is refused before any pixel is allocated', async () => {
    const header = Buffer.alloc(54)
    header.write('BM', 0, 'ascii')
    header.writeUInt32LE(54, 10)
    header.writeUInt32LE(40, 14)
    header.writeInt32LE(30_000, 18)
    header.writeInt32LE(30_000, 22)
    header.writeUInt16LE(24, 28)
    expect(await loadScan(await file('bomb.bmp', header))).toMatchObject({
      ok: false,
      reasonEn: expect.stringContaining('too many pixels'),
    })
  })

  it('a broken PDF', async () => {
    const r = await loadScan(await file('broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF garbage')))
    expect(r.ok).toBe(false)
  })

  it('an encrypted PDF (qpdf, as CI installs it)', async () => {
    const a = await generateDocument(set, { type: 'id-front', dpi: 100, format: 'jpg', seed: 6 })
    const plain = await file('plain.pdf', await scannerPdf([{ jpeg: a.data, width: a.width, height: a.height }]))
    const locked = path.join(dir, 'locked.pdf')
    const q = spawnSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plain, locked])
    if (q.error) return // qpdf missing on this machine: .ci/run installs it
    const r = await loadScan(locked)
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('加密') })
  })
})

describe('decodeScan (for packaging)', () => {
  it('turns pages upright: from the stored turn, by reading them, or from the ink alone', { timeout: 120_000 }, async () => {
    const { decodeScan } = await import('../../../electron/services/intake/upright')
    const { TesseractEngine } = await import('../../../electron/services/ocr/tesseract-engine')
    const doc = await generateDocument(set, { type: 'domain-certificate', degradations: ['rotate-180'], format: 'jpg', seed: 8 })
    const f = await file('upside-down.jpg', doc.data)
    const ink = await decodeScan(f)
    expect(ink.ok && ink.pages.map((p) => [p.orientedBy, p.usable])).toEqual([['ink', true]])
    const stored = await decodeScan(f, { rotations: [180] })
    expect(stored.ok && stored.pages[0]).toMatchObject({ rotation: 180, orientedBy: 'stored' })
    const engine = new TesseractEngine()
    const read = await decodeScan(f, { engine })
    await engine.close()
    expect(read.ok && read.pages[0]).toMatchObject({ rotation: 180, orientedBy: 'ocr' })
    const sideways = await generateDocument(set, { type: 'licence', degradations: ['rotate-90'], format: 'jpg', seed: 8 })
    const s = await decodeScan(await file('sideways.jpg', sideways.data))
    expect(s.ok && s.pages[0]?.image.width).toBe(sideways.height)
  })

  it('passes on what cannot be read', async () => {
    const { decodeScan } = await import('../../../electron/services/intake/upright')
    expect(await decodeScan(await file('junk.png', Buffer.from('junk')))).toMatchObject({ ok: false })
    const pdf = await electronicPdf(['电子营业执照'])
    const r = await decodeScan(await file('e.pdf', pdf))
    expect(r.ok && r.pages[0]).toMatchObject({ usable: false })
  })
})
