/**
 * Scanner PDFs: each page is one scanned image (usually a JPEG stored as-is, DCTDecode). We take
 * the image bytes straight out of the file, without rendering, and tell such pages from electronic
 * documents — pages that draw text or vector graphics — which providers refuse (电子证照).
 *
 * A PDF is hostile input. Opening one parses its objects (streams stay compressed) and checks the
 * page count and the pixels every page's image claims, before anything is decoded; a page is then
 * decoded only when it is asked for, its content and its image each inflated with a bound known
 * in advance (pdf-streams.ts), and its content read by a linear tokenizer (pdf-content.ts).
 */
import type { PDFNumber } from '@cantoo/pdf-lib'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFPage } from '@cantoo/pdf-lib'
import { scanContent } from './pdf-content'
import { boundPdfParsing, decodeStreamBounded, filtersOf, inflateBounded, parsedOverLimit, StreamLimitError } from './pdf-streams'

export type PdfImage =
  | { readonly kind: 'encoded'; readonly bytes: Uint8Array }
  | { readonly kind: 'raw'; readonly data: Buffer; readonly width: number; readonly height: number; readonly channels: 1 | 3 }

/** Why a page's image cannot be used, in Chinese and in English. */
export interface PdfProblem {
  readonly reason: string
  readonly reasonEn: string
}

export interface PdfPageScan {
  /** 1-based. */
  readonly page: number
  /** The largest image drawn on the page, or null when there is none we can decode. */
  readonly image: PdfImage | null
  /** Why the image could not be taken (a JBIG2 or JPEG 2000 encoding, a bomb). */
  readonly imageProblem?: PdfProblem
  /** Visible text or vector drawing, i.e. not a plain scan. */
  readonly electronic: boolean
  /** Clockwise page rotation (/Rotate) the viewer would apply. */
  readonly rotate: 0 | 90 | 180 | 270
  readonly imagePixels: number
}

/** The bounds a PDF is read within (shared/data/scan-quality.json limits, each with its reason). */
export interface PdfLimits {
  /** Pixels of one image. */
  readonly maxPixels: number
  readonly maxPages: number
  /** Pixels of all pages' images together. */
  readonly maxTotalPixels: number
  /** Decoded content streams of one page. */
  readonly maxContentBytes: number
  /** Any one decoded stream. */
  readonly maxStreamBytes: number
  /** What an image stream may inflate to beyond the size its dictionary implies. */
  readonly imageSlackBytes: number
}

/** An opened PDF: its page count, and each page decoded on request. */
export interface PdfScan {
  readonly pageCount: number
  /** Decodes page `index` (0-based): content and image, each bounded. Never throws for bad input. */
  readPage(index: number): PdfPageScan
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

const mb = (bytes: number): number => Math.round(bytes / 1048576)
const megapixels = (pixels: number): number => Math.round(pixels / 1e6)

/** A page's content streams, decoded and concatenated, all of them within `maxBytes`. */
function contentBytes(page: PDFPage, maxBytes: number): Uint8Array {
  const contents = page.node.Contents()
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents]
  const parts: Uint8Array[] = []
  let total = 0
  for (const s of streams) {
    let bytes: Uint8Array | null = null
    if (s instanceof PDFRawStream) bytes = decodeStreamBounded(s, maxBytes - total)
    else if (s && 'getContents' in s && typeof s.getContents === 'function') bytes = s.getContents() as Uint8Array
    if (!bytes) continue
    total += bytes.length + 1
    if (total > maxBytes) throw new StreamLimitError(maxBytes)
    // Streams of one page split only between tokens; a line break keeps two of them apart.
    parts.push(bytes, Buffer.from('\n'))
  }
  return Buffer.concat(parts)
}

function pngPredictor(data: Buffer, columns: number, colors: number, height: number): Buffer {
  const row = columns * colors
  const rows = Math.min(height, Math.floor(data.length / (row + 1)))
  const out = Buffer.alloc(rows * row)
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

const num = (d: PDFDict, key: string): number | undefined => (d.lookup(PDFName.of(key)) as PDFNumber | undefined)?.asNumber?.()

/** Width and height an image dictionary claims (0 when missing or nonsense). */
function sizeOf(stream: PDFRawStream): { width: number; height: number } {
  const w = num(stream.dict, 'Width') ?? 0
  const h = num(stream.dict, 'Height') ?? 0
  const ok = (v: number): boolean => Number.isInteger(v) && v > 0
  return ok(w) && ok(h) ? { width: w, height: h } : { width: 0, height: 0 }
}

type Found = { image: PdfImage | null; problem?: PdfProblem }

/** Decodes an image XObject within the limits: its pixels were checked by the caller from its dictionary. */
function imageOf(stream: PDFRawStream, limits: PdfLimits): Found {
  const d = stream.dict
  const { width, height } = sizeOf(stream)
  const pixels = width * height
  if (pixels > limits.maxPixels)
    return {
      image: null,
      problem: {
        reason: `PDF 中的图像像素过多（${width}×${height}，超过 ${megapixels(limits.maxPixels)} 百万像素上限），已拒绝`,
        reasonEn: `an image in the PDF has too many pixels (${width}×${height}, over ${megapixels(limits.maxPixels)} megapixels); refused before decoding`,
      },
    }
  const filters = filtersOf(stream)
  if (filters.length === 1 && filters[0] === '/DCTDecode') return { image: { kind: 'encoded', bytes: stream.contents } }
  if (filters.length <= 1 && (filters[0] === '/FlateDecode' || filters.length === 0)) {
    const bpc = num(d, 'BitsPerComponent') ?? 8
    const cs = String(d.lookup(PDFName.of('ColorSpace')) ?? '')
    const channels = cs === '/DeviceRGB' ? 3 : cs === '/DeviceGray' ? 1 : 0
    if (bpc !== 8 || channels === 0 || pixels === 0)
      return {
        image: null,
        problem: {
          reason: `不支持的图像格式（${cs || '色彩空间'}，${bpc} 位）`,
          reasonEn: `unsupported image (${cs || 'colour space'}, ${bpc} bit)`,
        },
      }
    const parms = d.lookup(PDFName.of('DecodeParms'))
    const predictor = parms instanceof PDFDict ? (num(parms, 'Predictor') ?? 1) : 1
    // The size the dictionary implies, known before a byte is inflated.
    const expected = height * (width * channels + (predictor >= 10 ? 1 : 0))
    const bound = Math.min(expected + limits.imageSlackBytes, limits.maxStreamBytes)
    let data: Buffer
    try {
      data = filters.length === 0 ? Buffer.from(stream.contents) : inflateBounded(stream.contents, bound, { preallocate: true })
      if (data.length > bound) throw new StreamLimitError(bound)
    } catch (error) {
      if (!(error instanceof StreamLimitError)) throw error
      return {
        image: null,
        problem: {
          reason: `PDF 中的图像解压后超过 ${bound} 字节上限（${width}×${height} 像素应为 ${expected} 字节），已拒绝`,
          reasonEn: `an image in the PDF inflates to more than ${bound} bytes (${width}×${height} pixels need ${expected}); refused`,
        },
      }
    }
    if (predictor >= 10) data = pngPredictor(data, width, channels, height)
    if (data.length < pixels * channels) return { image: null, problem: { reason: '图像数据不完整', reasonEn: 'truncated image data' } }
    return { image: { kind: 'raw', data: data.subarray(0, pixels * channels), width, height, channels: channels as 1 | 3 } }
  }
  return {
    image: null,
    problem: { reason: `不支持的图像编码 ${filters.join('+')}`, reasonEn: `unsupported image encoding ${filters.join('+')}` },
  }
}

/** The largest image XObject a page draws, judged from its dictionary alone (nothing decoded). */
function largestImage(page: PDFPage): { stream: PDFRawStream | null; pixels: number } {
  const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'))
  let best: { stream: PDFRawStream | null; pixels: number } = { stream: null, pixels: 0 }
  if (!(xobjects instanceof PDFDict)) return best
  for (const [, ref] of xobjects.entries()) {
    const obj = page.doc.context.lookup(ref)
    if (!(obj instanceof PDFRawStream) || String(obj.dict.lookup(PDFName.of('Subtype'))) !== '/Image') continue
    const { width, height } = sizeOf(obj)
    if (width * height > best.pixels) best = { stream: obj, pixels: width * height }
  }
  return best
}

/**
 * Opens a PDF: parses it, refuses it when it is encrypted with an open password, cut off, empty or
 * too long, and measures every page's image from its dictionary so that pages past the file's
 * pixel budget are refused before decoding. Pages are decoded by `readPage`, one at a time.
 */
export async function openPdf(bytes: Uint8Array, limits: PdfLimits): Promise<PdfScan> {
  let doc: PDFDocument
  boundPdfParsing(limits.maxContentBytes)
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
  if (parsedOverLimit(doc.context))
    throw new PdfError(
      `PDF 中的对象流解压后超过 ${mb(limits.maxContentBytes)} MB 上限，已拒绝`,
      `an object stream in the PDF inflates to more than ${mb(limits.maxContentBytes)} MB; refused`,
    )
  const pages = doc.getPages()
  // A file cut off in transfer loses its page tree (and its %%EOF) first.
  if (pages.length === 0 && !Buffer.from(bytes.subarray(-1024)).toString('latin1').includes('%%EOF'))
    throw new PdfError('PDF文件不完整（被截断）', 'the PDF is incomplete (cut off)')
  if (pages.length === 0) throw new PdfError('PDF没有页面', 'the PDF has no pages')
  if (pages.length > limits.maxPages)
    throw new PdfError(`PDF页数过多（${pages.length} > ${limits.maxPages}）`, `too many pages (${pages.length} > ${limits.maxPages})`)
  const images = pages.map(largestImage)
  let claimed = 0
  const overBudget = images.map((img) => (claimed += img.pixels) > limits.maxTotalPixels)

  const readPage = (index: number): PdfPageScan => {
    const page = pages[index] as PDFPage
    const angle = ((page.getRotation().angle % 360) + 360) % 360
    const best = images[index] as { stream: PDFRawStream | null; pixels: number }
    const base = {
      page: index + 1,
      rotate: (angle === 90 || angle === 180 || angle === 270 ? angle : 0) as 0 | 90 | 180 | 270,
      imagePixels: best.pixels,
    }
    const refused = (problem: PdfProblem): PdfPageScan => ({ ...base, image: null, imageProblem: problem, electronic: false })
    if (overBudget[index])
      return refused({
        reason: `PDF 中的图像共有 ${megapixels(claimed)} 百万像素，超过每份 PDF ${megapixels(limits.maxTotalPixels)} 百万像素的上限，第 ${index + 1} 页未解码，已拒绝`,
        reasonEn: `the PDF's images add up to ${megapixels(claimed)} megapixels, over the ${megapixels(limits.maxTotalPixels)} megapixels one PDF may hold; page ${index + 1} was refused before decoding`,
      })
    let content: Uint8Array = new Uint8Array(0)
    try {
      content = contentBytes(page, limits.maxContentBytes)
    } catch (error) {
      if (error instanceof StreamLimitError)
        return refused({
          reason: `PDF 页面内容解压后超过 ${mb(limits.maxContentBytes)} MB 上限，已拒绝`,
          reasonEn: `the page's content inflates to more than ${mb(limits.maxContentBytes)} MB; refused`,
        })
      // Unreadable content (an unknown filter, a broken stream) draws nothing we can judge.
    }
    const facts = scanContent(content)
    let found: Found = { image: null }
    if (best.stream) {
      try {
        found = imageOf(best.stream, limits)
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error)
        found = {
          image: null,
          problem: { reason: `PDF 中的图像已损坏（${text.slice(0, 80)}）`, reasonEn: `the image is damaged (${text.slice(0, 80)})` },
        }
      }
    }
    const electronic = facts.visibleText || (best.pixels === 0 && (facts.paintedPaths >= 3 || facts.nonEmpty))
    return { ...base, image: found.image, ...(found.problem ? { imageProblem: found.problem } : {}), electronic }
  }
  return { pageCount: pages.length, readPage }
}
