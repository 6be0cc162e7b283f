/**
 * The bad-input corpus, part one: single files as scanners, phones, e-mail and careless hands
 * produce them — empty, truncated, foreign files renamed .jpg, decompression bombs, PDFs without
 * images, encrypted or with JavaScript, CMYK and 16-bit images, an animated GIF, HEIC, and names
 * with Chinese, spaces and emoji. Generated on the fly (never committed): each is a few bytes to a
 * couple of MB, the bombs are small files that claim or expand to gigabytes.
 *
 * Every item says what intake must make of it, so the tests (test/corpus/*.test.ts) hold every
 * service and command to the same expectations.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createDeflate, deflateSync } from 'node:zlib'
import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib'
import sharp from 'sharp'
import { generateDocument, makeSponsorSet, scannerPdf } from '../generator/index'
import { PNG_SIGNATURE, pngChunk } from '../support/png-chunks'
import { contentStreamBomb, manyPagesBomb, objectStreamBomb, repeatedContentPdf, smallImageBomb } from './pdf-bombs'

/** What intake must do with a file: refuse it, read it, or open it and report a page it cannot use. */
export type IntakeExpectation = 'refused' | 'read' | 'unusable-page'

export interface CorpusFile {
  /** File name in the corpus folder. */
  readonly name: string
  /** What it is, for the report table. */
  readonly what: string
  readonly intake: IntakeExpectation
  /** For refused files: the English reason must match. */
  readonly reason?: RegExp
  /** True for files that are good scans: they must be read and packed. */
  readonly good?: boolean
  /** Needs a tool that may be missing (heif-enc, qpdf); absent when the tool is. */
  readonly needs?: 'heif-enc' | 'qpdf'
  /** A page the file holds must carry a scan-unreadable finding whose English matches (a bomb's page). */
  readonly pageFinding?: RegExp
  /** A hostile PDF of issue 13 (items 5, 6): held to the tighter BOMB_BOUNDS of cli.test.ts. */
  readonly bomb?: boolean
}

const SET = makeSponsorSet(20261201)

function ihdr(width: number, height: number, bitDepth: number, colourType: number): Buffer {
  const h = Buffer.alloc(13)
  h.writeUInt32BE(width, 0)
  h.writeUInt32BE(height, 4)
  h.set([bitDepth, colourType, 0, 0, 0], 8)
  return pngChunk('IHDR', h)
}

/** A PNG whose header claims width×height with almost no pixel data behind it. */
export function pngClaiming(width: number, height: number): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height, 8, 2),
    pngChunk('IDAT', deflateSync(Buffer.alloc(10))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * A complete, valid PNG of width×height whose pixels are all zero, deflated as a stream so that a
 * gigabyte of pixels never sits in memory here: a zip bomb in PNG form (the file is ~1/1000 of
 * its decoded size).
 */
async function zeroPng(width: number, height: number, bitDepth: 1 | 8, colourType: 0 | 2): Promise<Buffer> {
  const channels = colourType === 2 ? 3 : 1
  const rowBytes = 1 + Math.ceil((width * channels * bitDepth) / 8)
  const deflate = createDeflate({ level: 9 })
  const parts: Buffer[] = []
  deflate.on('data', (b: Buffer) => parts.push(b))
  const done = new Promise<void>((resolve, reject) => (deflate.on('end', resolve), deflate.on('error', reject)))
  const block = Buffer.alloc(rowBytes * Math.max(1, Math.floor((4 << 20) / rowBytes)))
  const rowsPerBlock = block.length / rowBytes
  for (let y = 0; y < height; y += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, height - y)
    if (!deflate.write(block.subarray(0, rows * rowBytes))) await new Promise((r) => deflate.once('drain', r))
  }
  deflate.end()
  await done
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height, bitDepth, colourType),
    pngChunk('IDAT', Buffer.concat(parts)),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** A real JPEG whose frame header (SOF) is rewritten to claim width×height. */
export function jpegClaiming(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg)
  for (let pos = 2; pos + 9 < out.length;) {
    const marker = out[pos + 1] as number
    const length = out.readUInt16BE(pos + 2)
    if (marker >= 0xc0 && marker <= 0xc3) {
      out.writeUInt16BE(height, pos + 5)
      out.writeUInt16BE(width, pos + 7)
      return out
    }
    pos += 2 + length
  }
  throw new Error('no SOF marker')
}

/** A minimal Windows PE header (MZ stub + PE signature), as an .exe renamed .jpg starts. */
function peHeader(): Buffer {
  const b = Buffer.alloc(512)
  b.write('MZ', 0, 'latin1')
  b.writeUInt32LE(0x80, 0x3c)
  b.write('PE\0\0', 0x80, 'latin1')
  b.write('This program cannot be run in DOS mode.', 0x4e, 'latin1')
  return b
}

/** A scanner PDF (one JPEG page) that runs JavaScript when opened, and declares a launch action. */
async function javascriptPdf(jpeg: Buffer, width: number, height: number): Promise<Buffer> {
  const doc = await PDFDocument.load(await scannerPdf([{ jpeg, width, height }]))
  const js = doc.context.obj({
    Type: 'Action',
    S: 'JavaScript',
    JS: PDFString.of("app.alert('pwned'); this.submitForm('http://example.com/')"),
  })
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(js))
  const names = doc.context.obj({ JavaScript: doc.context.obj({ Names: [PDFString.of('x'), doc.context.register(js)] }) })
  doc.catalog.set(PDFName.of('Names'), doc.context.register(names))
  doc.getPage(0).node.set(PDFName.of('AA'), doc.context.obj({ O: doc.context.register(js) }))
  return Buffer.from(await doc.save())
}

/** A PDF of one blank page: no image, no text. */
async function blankPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create()
  doc.addPage([595, 842])
  return Buffer.from(await doc.save())
}

export function hasTool(tool: 'heif-enc' | 'qpdf'): boolean {
  return spawnSync(tool, ['--version'], { stdio: 'ignore' }).error === undefined
}

/** The good scan every batch carries beside the bad ones: a colour ID card front, 300 DPI. */
export const GOOD_NAME = '身份证 人像面 😀.jpg'

/** Writes the single-file corpus into `dir`; returns what was written, in a stable order. */
export async function writeFileCorpus(dir: string): Promise<CorpusFile[]> {
  const items: CorpusFile[] = []
  const put = async (item: CorpusFile, data: Buffer | Uint8Array): Promise<void> => {
    await writeFile(path.join(dir, item.name), data)
    items.push(item)
  }
  const card = await generateDocument(SET, { type: 'id-front', dpi: 300, format: 'jpg', seed: 1 })
  const back = await generateDocument(SET, { type: 'id-back', dpi: 300, format: 'png', seed: 2 })
  const refusedDamaged = /damaged|incomplete|cannot be decoded/

  await put(
    { name: GOOD_NAME, what: 'good colour ID card (JPEG), name with Chinese, spaces and emoji', intake: 'read', good: true },
    card.data,
  )
  await put({ name: 'empty.jpg', what: 'empty file (0 bytes)', intake: 'refused', reason: /empty/ }, Buffer.alloc(0))
  await put(
    { name: 'truncated.jpg', what: 'JPEG cut in half', intake: 'refused', reason: refusedDamaged },
    card.data.subarray(0, Math.floor(card.data.length / 2)),
  )
  await put(
    { name: 'truncated.png', what: 'PNG cut at a third', intake: 'refused', reason: refusedDamaged },
    back.data.subarray(0, Math.floor(back.data.length / 3)),
  )
  await put(
    { name: 'header-only.jpg', what: 'JPEG header with no image data', intake: 'refused', reason: refusedDamaged },
    card.data.subarray(0, 600),
  )
  await put(
    { name: 'notes.jpg', what: 'text file renamed .jpg', intake: 'refused', reason: /not a supported image/ },
    Buffer.from('这不是图片，是备忘录。\nThis is not an image.\n'),
  )
  await put(
    { name: 'program.jpg', what: 'ELF executable (/bin/true) renamed .jpg', intake: 'refused', reason: /not a supported image/ },
    await readBinTrue(),
  )
  await put(
    { name: 'setup.exe.jpg', what: 'Windows PE header renamed .jpg', intake: 'refused', reason: /not a supported image/ },
    peHeader(),
  )
  await put(
    {
      name: 'bomb-20000x20000.png',
      what: 'real 20000×20000 PNG (1-bit, 400 MP, 60 KB file)',
      intake: 'refused',
      reason: /too many pixels/,
    },
    await zeroPng(20_000, 20_000, 1, 0),
  )
  await put(
    { name: 'bomb-claims-20000.png', what: 'tiny PNG whose header claims 20000×20000', intake: 'refused', reason: /too many pixels/ },
    pngClaiming(20_000, 20_000),
  )
  await put(
    { name: 'bomb-65000.jpg', what: 'JPEG whose header claims 65000×65000', intake: 'refused', reason: /too many pixels/ },
    jpegClaiming(card.data, 65_000, 65_000),
  )
  await put(
    {
      name: 'bomb-deflate-8000.png',
      what: 'deflate bomb under the pixel limit: 8000×8000 RGB, 200 KB expanding to 192 MB',
      intake: 'read',
    },
    await zeroPng(8000, 8000, 8, 2),
  )
  await put({ name: 'blank.pdf', what: 'PDF with a page and no image', intake: 'unusable-page' }, await blankPdf())
  // Issue 13 item 5: PDF bombs (each once took the process to 5.7–22.9 GB), item 6: content that
  // made the old regular expressions quadratic. Each good page beside a bad one must still read.
  const good = { data: card.data, width: card.width, height: card.height }
  await put(
    {
      name: 'bomb-pdf-50-pages.pdf',
      what: '50 pages sharing one 8944×8944 Flate image of zeros (242 KB, 12 GB of pixels)',
      intake: 'read',
      pageFinding: /megapixels one PDF may hold; page 50 was refused before decoding/,
      bomb: true,
    },
    manyPagesBomb(),
  )
  await put(
    {
      name: 'bomb-pdf-10x10-3gb.pdf',
      what: 'a 10×10 image whose Flate stream inflates to 3 GB (3 MB), then a good page',
      intake: 'read',
      pageFinding: /inflates to more than 65836 bytes \(10×10 pixels need 300\); refused/,
      bomb: true,
    },
    smallImageBomb(good),
  )
  await put(
    {
      name: 'bomb-pdf-content.pdf',
      what: 'a content stream inflating to 1.5 GB (1.5 MB), then a good page',
      intake: 'read',
      pageFinding: /content inflates to more than 16 MB; refused/,
      bomb: true,
    },
    contentStreamBomb(good),
  )
  await put(
    {
      name: 'bomb-pdf-object-stream.pdf',
      what: 'a scan page and an object stream inflating to 1 GB (1 MB), expanded while parsing',
      intake: 'refused',
      reason: /object stream in the PDF inflates to more than 16 MB/,
      bomb: true,
    },
    objectStreamBomb(good),
  )
  await put(
    { name: 'quadratic-lines.pdf', what: 'content "0 0 l " × 80,000, never painted (480 KB)', intake: 'unusable-page', bomb: true },
    repeatedContentPdf('0 0 l ', 80_000),
  )
  await put(
    { name: 'quadratic-bt.pdf', what: 'a scan page whose content adds "BT " × 80,000, never closed', intake: 'read', bomb: true },
    repeatedContentPdf('BT ', 80_000, good),
  )
  const pdf = await scannerPdf([{ jpeg: card.data, width: card.width, height: card.height }])
  await put(
    { name: 'javascript.pdf', what: 'scanner PDF with OpenAction/AA JavaScript', intake: 'read' },
    await javascriptPdf(card.data, card.width, card.height),
  )
  await put(
    { name: 'truncated.pdf', what: 'scanner PDF cut in half', intake: 'refused', reason: /PDF|damaged/ },
    pdf.subarray(0, Math.floor(pdf.length / 2)),
  )
  if (hasTool('qpdf')) {
    const plain = path.join(dir, '.plain.pdf')
    await writeFile(plain, pdf)
    const encrypt = (user: string, name: string): void =>
      void execFileSync('qpdf', ['--encrypt', user, 'owner-secret', '256', '--', plain, path.join(dir, name)])
    encrypt('open-secret', 'encrypted-password.pdf')
    items.push({
      name: 'encrypted-password.pdf',
      what: 'PDF encrypted with an open password',
      intake: 'refused',
      reason: /password|encrypted/,
      needs: 'qpdf',
    })
    encrypt('', 'encrypted-permissions.pdf')
    items.push({
      name: 'encrypted-permissions.pdf',
      what: 'PDF encrypted with an owner (permissions) password only',
      intake: 'read',
      needs: 'qpdf',
    })
  }
  await put(
    { name: 'cmyk.jpg', what: 'CMYK JPEG', intake: 'read' },
    await sharp(card.data).toColourspace('cmyk').jpeg({ quality: 90 }).toBuffer(),
  )
  await put({ name: '16-bit.png', what: '16-bit RGB PNG', intake: 'read' }, await sharp(back.data).toColourspace('rgb16').png().toBuffer())
  await put(
    { name: '16-bit.tiff', what: '16-bit RGB TIFF', intake: 'read' },
    await sharp(back.data).toColourspace('rgb16').tiff().toBuffer(),
  )
  await put({ name: 'animated.gif', what: 'animated GIF, 3 frames', intake: 'read' }, await animatedGif(card.data))
  await put(
    { name: 'rotated-exif-8.jpg', what: 'phone photo with EXIF orientation 8 and GPS', intake: 'read' },
    await sharp(card.data)
      .rotate(90)
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 32/1 1000/100' } })
      .withMetadata({ orientation: 8 })
      .jpeg()
      .toBuffer(),
  )
  if (hasTool('heif-enc')) {
    const png = path.join(dir, '.card.png')
    await writeFile(png, await sharp(card.data).png().toBuffer())
    execFileSync('heif-enc', ['-q', '80', png, '-o', path.join(dir, 'iPhone 照片.heic')], { stdio: 'ignore' })
    items.push({ name: 'iPhone 照片.heic', what: 'HEIC phone photo (made by heif-enc)', intake: 'read', needs: 'heif-enc', good: true })
    const heic = await readFile(path.join(dir, 'iPhone 照片.heic'))
    await put(
      { name: 'truncated.heic', what: 'HEIC cut in half', intake: 'refused', reason: /HEIC|damaged|incomplete/, needs: 'heif-enc' },
      heic.subarray(0, Math.floor(heic.length / 2)),
    )
  }
  await put(
    {
      name: 'vector.jpg',
      what: 'SVG renamed .jpg, referencing a remote image and a local file',
      intake: 'refused',
      reason: /not a supported image/,
    },
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="800" height="600">' +
        '<image xlink:href="http://example.com/track.png" width="800" height="600"/><image xlink:href="file:///etc/passwd"/></svg>',
    ),
  )
  await put(
    { name: 'garbage.heic', what: 'HEIC brand followed by random bytes', intake: 'refused', reason: /HEIC|damaged|incomplete/ },
    Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(4000, 0x5a)]),
  )
  await rm(path.join(dir, '.card.png'), { force: true })
  await rm(path.join(dir, '.plain.pdf'), { force: true })
  return items
}

async function readBinTrue(): Promise<Buffer> {
  return existsSync('/bin/true') ? readFile('/bin/true') : Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(500)])
}

async function animatedGif(jpeg: Buffer): Promise<Buffer> {
  const frame = await sharp(jpeg).resize(600).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const frames = [frame.data, Buffer.from(frame.data).reverse(), frame.data]
  const { width, height } = frame.info
  return sharp(Buffer.concat(frames), { raw: { width, height: height * 3, channels: 3, pageHeight: height } })
    .gif({ delay: [500, 500, 500] })
    .toBuffer()
}

/** Copies a corpus file under another name (for batch tests that need two copies). */
export function copyCorpusFile(dir: string, from: string, to: string): void {
  copyFileSync(path.join(dir, from), path.join(dir, to))
}
