/**
 * Scanner PDFs: each page is one scanned image (usually a JPEG stored as-is, DCTDecode). We take
 * the image bytes straight out of the file, without rendering, and tell such pages from electronic
 * documents — pages that draw text or vector graphics — which providers refuse (电子证照).
 */
import { inflateSync } from 'node:zlib'
import type { PDFNumber } from '@cantoo/pdf-lib'
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFPage } from '@cantoo/pdf-lib'

export type PdfImage =
  | { readonly kind: 'encoded'; readonly bytes: Uint8Array }
  | { readonly kind: 'raw'; readonly data: Buffer; readonly width: number; readonly height: number; readonly channels: 1 | 3 }

export interface PdfPageScan {
  /** 1-based. */
  readonly page: number
  /** The largest image drawn on the page, or null when there is none we can decode. */
  readonly image: PdfImage | null
  /** Why the image could not be taken (e.g. a JBIG2 or JPEG 2000 encoding). */
  readonly imageProblem?: string
  /** Visible text or vector drawing, i.e. not a plain scan. */
  readonly electronic: boolean
  /** Clockwise page rotation (/Rotate) the viewer would apply. */
  readonly rotate: 0 | 90 | 180 | 270
  readonly imagePixels: number
}

/** A PDF that cannot be used, with the reason in Chinese and in English. */
export class PdfError extends Error {
  constructor(
    readonly reason: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn)
    this.name = 'PdfError'
  }
}

function contentText(page: PDFPage): string {
  const contents = page.node.Contents()
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents]
  let text = ''
  for (const s of streams) {
    if (s instanceof PDFRawStream) text += Buffer.from(decodePDFRawStream(s).decode()).toString('latin1')
    else if (s && 'getContents' in s && typeof s.getContents === 'function')
      text += Buffer.from(s.getContents() as Uint8Array).toString('latin1')
  }
  return text
}

/** Text that shows (Tj/TJ outside invisible render mode 3 — OCR layers of scans are invisible). */
function drawsVisibleText(ops: string): boolean {
  const blocks = ops.match(/BT[\s\S]*?ET/g) ?? []
  return blocks.some((b) => /(Tj|TJ|'|")\s/.test(`${b} `) && !/\b3\s+Tr\b/.test(b))
}

/** Vector drawing: more than a few path-painting operators (a border, lines, a drawn seal). */
function drawsVectors(ops: string): boolean {
  const paths = ops.match(/(?:^|\s)(?:re|l|c|v|y)\s[\s\S]*?(?:^|\s)(?:S|s|f|F|f\*|B|B\*|b|b\*)(?=\s|$)/g) ?? []
  return paths.length >= 3
}

function pngPredictor(data: Buffer, columns: number, colors: number): Buffer {
  const row = columns * colors
  const out = Buffer.alloc((data.length / (row + 1)) * row)
  const rows = out.length / row
  for (let y = 0; y < rows; y += 1) {
    const filter = data[y * (row + 1)] as number
    for (let x = 0; x < row; x += 1) {
      const raw = data[y * (row + 1) + 1 + x] as number
      const left = x >= colors ? (out[y * row + x - colors] as number) : 0
      const up = y > 0 ? (out[(y - 1) * row + x] as number) : 0
      const upLeft = y > 0 && x >= colors ? (out[(y - 1) * row + x - colors] as number) : 0
      let v = raw
      if (filter === 1) v = raw + left
      else if (filter === 2) v = raw + up
      else if (filter === 3) v = raw + Math.floor((left + up) / 2)
      else if (filter === 4) {
        const p = left + up - upLeft
        const pa = Math.abs(p - left)
        const pb = Math.abs(p - up)
        const pc = Math.abs(p - upLeft)
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)
      }
      out[y * row + x] = v & 0xff
    }
  }
  return out
}

function imageOf(stream: PDFRawStream, maxPixels: number): { image: PdfImage | null; problem?: string; pixels: number } {
  const d = stream.dict
  const width = (d.lookup(PDFName.of('Width')) as PDFNumber | undefined)?.asNumber() ?? 0
  const height = (d.lookup(PDFName.of('Height')) as PDFNumber | undefined)?.asNumber() ?? 0
  const pixels = width * height
  if (pixels > maxPixels) return { image: null, problem: `图像过大 image too large (${width}×${height})`, pixels }
  const filterObj = d.lookup(PDFName.of('Filter'))
  const filters = filterObj instanceof PDFArray ? filterObj.asArray().map((f) => String(f)) : filterObj ? [String(filterObj)] : []
  if (filters.length === 1 && filters[0] === '/DCTDecode') return { image: { kind: 'encoded', bytes: stream.contents }, pixels }
  if (filters.length <= 1 && (filters[0] === '/FlateDecode' || filters.length === 0)) {
    const bpc = (d.lookup(PDFName.of('BitsPerComponent')) as PDFNumber | undefined)?.asNumber() ?? 8
    const cs = String(d.lookup(PDFName.of('ColorSpace')) ?? '')
    const channels = cs === '/DeviceRGB' ? 3 : cs === '/DeviceGray' ? 1 : 0
    if (bpc !== 8 || channels === 0)
      return { image: null, problem: `不支持的图像格式 unsupported image (${cs || 'colour space'}, ${bpc} bit)`, pixels }
    let data: Buffer = filters.length === 0 ? Buffer.from(stream.contents) : inflateSync(stream.contents)
    const parms = d.lookup(PDFName.of('DecodeParms'))
    const predictor = parms instanceof PDFDict ? ((parms.lookup(PDFName.of('Predictor')) as PDFNumber | undefined)?.asNumber() ?? 1) : 1
    if (predictor >= 10) data = pngPredictor(data, width, channels)
    if (data.length < pixels * channels) return { image: null, problem: '图像数据不完整 truncated image data', pixels }
    return { image: { kind: 'raw', data, width, height, channels: channels as 1 | 3 }, pixels }
  }
  return { image: null, problem: `不支持的图像编码 unsupported image encoding ${filters.join('+')}`, pixels }
}

/** Every page of a PDF: its scanned image and whether it is an electronic document instead. */
export async function readPdfPages(bytes: Uint8Array, options: { maxPixels: number; maxPages: number }): Promise<PdfPageScan[]> {
  let doc: PDFDocument
  try {
    // The empty password opens PDFs locked only against editing or printing (an owner password),
    // as every viewer does; a PDF that needs a password to open is refused.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false, password: '' })
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    if (/password/i.test(text)) throw new PdfError('PDF已加密，需要密码才能打开', 'the PDF is encrypted and needs a password to open')
    if (/encrypt/i.test(text)) throw new PdfError('PDF已加密', 'the PDF is encrypted')
    throw new PdfError(`PDF无法解析（${text.slice(0, 120)}）`, `the PDF cannot be parsed (${text.slice(0, 120)})`)
  }
  const pages = doc.getPages()
  // A file cut off in transfer loses its page tree (and its %%EOF) first.
  if (pages.length === 0 && !Buffer.from(bytes.subarray(-1024)).toString('latin1').includes('%%EOF'))
    throw new PdfError('PDF文件不完整（被截断）', 'the PDF is incomplete (cut off)')
  if (pages.length === 0) throw new PdfError('PDF没有页面', 'the PDF has no pages')
  if (pages.length > options.maxPages)
    throw new PdfError(`PDF页数过多（${pages.length} > ${options.maxPages}）`, `too many pages (${pages.length} > ${options.maxPages})`)
  return pages.map((page, i) => {
    let ops: string
    try {
      ops = contentText(page)
    } catch {
      ops = ''
    }
    const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'))
    let best: { image: PdfImage | null; problem?: string; pixels: number } = { image: null, pixels: 0 }
    if (xobjects instanceof PDFDict) {
      for (const [, ref] of xobjects.entries()) {
        const obj = doc.context.lookup(ref)
        if (!(obj instanceof PDFRawStream) || String(obj.dict.lookup(PDFName.of('Subtype'))) !== '/Image') continue
        const found = imageOf(obj, options.maxPixels)
        if (found.pixels > best.pixels) best = found
      }
    }
    const angle = ((page.getRotation().angle % 360) + 360) % 360
    const visibleText = drawsVisibleText(ops)
    const electronic = visibleText || (best.pixels === 0 && drawsVectors(ops)) || (best.pixels === 0 && ops.trim().length > 0)
    return {
      page: i + 1,
      image: best.image,
      ...(best.problem ? { imageProblem: best.problem } : {}),
      electronic,
      rotate: (angle === 90 || angle === 180 || angle === 270 ? angle : 0) as 0 | 90 | 180 | 270,
      imagePixels: best.pixels,
    }
  })
}
