/**
 * Intake: from a file on disk to upright RGB pixels, one image per page, with a clear reason when
 * the file cannot be used. JPEG, PNG, BMP, TIFF, WebP, GIF, AVIF, HEIC and scanner PDFs are read; the format is
 * judged from the bytes; EXIF orientation and a PDF page's /Rotate are applied; the pixel count is
 * checked before anything is decoded, and a truncated file fails here, not in OCR.
 */
import { open, stat } from 'node:fs/promises'
import sharp from 'sharp'
import q from '../../../shared/data/scan-quality.json' with { type: 'json' }
import { scanFinding } from '../../../shared/extraction/findings'
import type { ScanFinding } from '../../../shared/model/extracted'
import { decodeHeic, HeicError } from './decode-heic'
import { BmpError, decodeBmp, PixelLimitError, sniffFormat, type SourceFormat } from './formats'
import { openPdf, PdfError, type PdfImage, type PdfLimits, type PdfPageScan } from './pdf'
import { rawOp, toRaw, type RawImage } from './pixels'

export const LIMITS = {
  maxFileBytes: q.limits.maxFileBytes.value,
  maxPixels: q.limits.maxPixels.value,
  maxPdfPages: q.limits.maxPdfPages.value,
  maxPdfPixels: q.limits.maxPdfPixels.value,
  maxPdfContentBytes: q.limits.maxPdfContentBytes.value,
  maxPdfStreamBytes: q.limits.maxPdfStreamBytes.value,
  pdfImageSlackBytes: q.limits.pdfImageSlackBytes.value,
}

function pdfLimits(maxPixels: number): PdfLimits {
  return {
    maxPixels,
    maxPages: LIMITS.maxPdfPages,
    maxTotalPixels: LIMITS.maxPdfPixels,
    maxContentBytes: LIMITS.maxPdfContentBytes,
    maxStreamBytes: LIMITS.maxPdfStreamBytes,
    imageSlackBytes: LIMITS.pdfImageSlackBytes,
  }
}

/** One page of a scan, decoded and turned as its file says (EXIF, /Rotate). */
export interface DecodedPage {
  /** 1-based page of a PDF; absent for image files. */
  readonly page?: number
  readonly image: RawImage
  /** Electronic-document and similar findings known from the file itself. */
  readonly findings: readonly ScanFinding[]
  readonly electronic: boolean
}

export type DecodeResult =
  | { readonly ok: true; readonly format: SourceFormat; readonly pages: readonly DecodedPage[]; readonly bytes: number }
  /** The whole file is unusable. */
  | DecodeFailure

export interface DecodeFailure {
  readonly ok: false
  readonly format: SourceFormat
  readonly reason: string
  readonly reasonEn: string
}

/**
 * A scan opened but not yet decoded page by page: an image file holds its one decoded page, a PDF
 * decodes a page only when `page(i)` asks for it (a thumbnail never decodes fifty pages).
 */
export interface OpenedScan {
  readonly ok: true
  readonly format: SourceFormat
  readonly bytes: number
  readonly pageCount: number
  /** Page `index` (0-based), decoded and turned; a placeholder with findings when it cannot be used. */
  page(index: number): Promise<DecodedPage>
}

export interface DecodeOptions {
  readonly maxPixels?: number
  readonly maxFileBytes?: number
}

function fail(format: SourceFormat, reason: string, reasonEn: string): DecodeFailure {
  return { ok: false, format, reason, reasonEn }
}

/** Decodes an encoded image with sharp, refusing it before decoding when it is too large. */
async function decodeEncoded(bytes: Uint8Array, maxPixels: number): Promise<RawImage> {
  const s = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', sequentialRead: true })
  const meta = await s.metadata()
  if ((meta.width ?? 0) * (meta.height ?? 0) > maxPixels) throw new PixelLimitError(meta.width ?? 0, meta.height ?? 0)
  return toRaw(s)
}

async function pdfImageToRaw(img: PdfImage, maxPixels: number): Promise<RawImage> {
  if (img.kind === 'encoded') return decodeEncoded(img.bytes, maxPixels)
  // Inflated RGB samples already are the raw image: no copy through sharp (240 MB at 80 MP).
  if (img.channels === 3) return { data: img.data, width: img.width, height: img.height }
  const out = Buffer.alloc(img.width * img.height * 3)
  for (let i = 0, j = 0; j < out.length; i += 1, j += 3) out[j] = out[j + 1] = out[j + 2] = img.data[i] as number
  return { data: out, width: img.width, height: img.height }
}

/** A decoding failure in words a person can act on, Chinese and English. */
export function explain(error: unknown, format: SourceFormat): { reason: string; reasonEn: string } {
  const text = error instanceof Error ? error.message : String(error)
  if (error instanceof PixelLimitError || /pixel limit|exceeds pixel/i.test(text))
    return {
      reason: `图像像素过多（超过${Math.round(LIMITS.maxPixels / 1e6)}百万像素），拒绝解码`,
      reasonEn: `the image has too many pixels (over ${Math.round(LIMITS.maxPixels / 1e6)} megapixels); refused before decoding`,
    }
  if (
    /premature end|truncat|unexpected end|end of (file|stream)|corrupt|not a valid|bad|invalid|unable|read error|Input buffer/i.test(text)
  )
    return { reason: `${format.toUpperCase()} 文件已损坏或不完整`, reasonEn: `the ${format.toUpperCase()} file is damaged or incomplete` }
  return { reason: `无法解码图像（${text.slice(0, 100)}）`, reasonEn: `the image cannot be decoded (${text.slice(0, 100)})` }
}

/** Reads a scan file into upright pages, every page decoded. Never throws for bad input: returns a reason instead. */
export async function loadScan(file: string | Buffer, options: DecodeOptions = {}): Promise<DecodeResult> {
  return allPages(await openScan(file, options))
}

/** Opens a scan file, checking its size, format, pixels and pages; pages are decoded on request. */
export async function openScan(file: string | Buffer, options: DecodeOptions = {}): Promise<OpenedScan | DecodeFailure> {
  const maxPixels = options.maxPixels ?? LIMITS.maxPixels
  const maxBytes = options.maxFileBytes ?? LIMITS.maxFileBytes
  let size: number
  try {
    const info = await stat(file)
    if (!info.isFile()) return fail('unknown', '不是文件', 'not a file')
    size = info.size
  } catch {
    return fail('unknown', '文件不存在或无法访问', 'the file does not exist or cannot be accessed')
  }
  if (size === 0) return fail('unknown', '文件为空（0 字节）', 'the file is empty (0 bytes)')
  if (size > maxBytes)
    return fail('unknown', `文件过大（${Math.round(size / 1048576)} MB）`, `the file is too large (${Math.round(size / 1048576)} MB)`)
  const handle = await open(file, 'r')
  let bytes: Buffer
  try {
    bytes = await handle.readFile()
  } finally {
    await handle.close()
  }
  return openBytes(bytes, { maxPixels })
}

/** The same as loadScan for bytes already in memory. */
export async function decodeBytes(bytes: Buffer, options: { maxPixels?: number } = {}): Promise<DecodeResult> {
  return allPages(await openBytes(bytes, options))
}

/** Decodes every page of an opened scan, one after the other. */
async function allPages(opened: OpenedScan | DecodeFailure): Promise<DecodeResult> {
  if (!opened.ok) return opened
  const pages: DecodedPage[] = []
  for (let i = 0; i < opened.pageCount; i += 1) pages.push(await opened.page(i))
  return { ok: true, format: opened.format, bytes: opened.bytes, pages }
}

function single(format: SourceFormat, bytes: number, page: DecodedPage): OpenedScan {
  return { ok: true, format, bytes, pageCount: 1, page: async () => page }
}

/** The same as openScan for bytes already in memory. */
export async function openBytes(bytes: Buffer, options: { maxPixels?: number } = {}): Promise<OpenedScan | DecodeFailure> {
  const maxPixels = options.maxPixels ?? LIMITS.maxPixels
  const format = sniffFormat(bytes.subarray(0, 1024))
  if (format === 'unknown')
    return fail(
      format,
      '不是支持的图像或PDF文件（支持 JPEG、PNG、HEIC、BMP、TIFF、WebP、GIF、PDF）',
      'not a supported image or PDF (JPEG, PNG, HEIC, BMP, TIFF, WebP, GIF and PDF are)',
    )
  try {
    if (format === 'heic') {
      const image = await decodeHeic(bytes, maxPixels).catch(async (error: unknown) => {
        // A HEIF container may hold AV1 rather than HEVC (brand mif1): sharp reads that.
        if (!(error instanceof HeicError)) throw error
        return decodeEncoded(bytes, maxPixels).catch(() => Promise.reject(error))
      })
      return single(format, bytes.length, { image, findings: [], electronic: false })
    }
    if (format === 'pdf') return await openPdfScan(bytes, maxPixels)
    if (format === 'bmp') return single(format, bytes.length, { image: decodeBmp(bytes, maxPixels), findings: [], electronic: false })
    return single(format, bytes.length, { image: await decodeEncoded(bytes, maxPixels), findings: [], electronic: false })
  } catch (error) {
    if (error instanceof BmpError) return fail(format, `BMP 文件无法读取：${error.message}`, `the BMP cannot be read: ${error.message}`)
    if (error instanceof PdfError) return fail(format, error.reason, error.reasonEn)
    if (error instanceof HeicError) return fail(format, error.reason, error.reasonEn)
    const e = explain(error, format)
    return fail(format, e.reason, e.reasonEn)
  }
}

const placeholder = (): RawImage => ({ data: Buffer.alloc(3, 255), width: 1, height: 1 })

async function openPdfScan(bytes: Buffer, maxPixels: number): Promise<OpenedScan> {
  const pdf = await openPdf(bytes, pdfLimits(maxPixels))
  const page = async (index: number): Promise<DecodedPage> => {
    let p: PdfPageScan
    try {
      p = pdf.readPage(index)
    } catch (error) {
      // A page object too broken to walk: this page is lost, the others are not.
      const e = explain(error, 'pdf')
      return { page: index + 1, image: placeholder(), findings: [scanFinding('scan-unreadable', e)], electronic: false }
    }
    const findings: ScanFinding[] = []
    if (p.electronic) findings.push(scanFinding('scan-electronic-document'))
    if (!p.image) {
      // An electronic page without a usable picture, or a refused one: there is nothing to read, say why.
      findings.push(
        scanFinding('scan-unreadable', {
          reason: p.imageProblem?.reason ?? (p.electronic ? '页面是电子文档，没有扫描图像' : '页面没有图像'),
          reasonEn:
            p.imageProblem?.reasonEn ??
            (p.electronic ? 'the page is an electronic document with no scanned image' : 'the page holds no image'),
        }),
      )
      return { page: p.page, image: placeholder(), findings, electronic: p.electronic }
    }
    try {
      let image = await pdfImageToRaw(p.image, maxPixels)
      if (p.rotate !== 0) image = await rawOp(image, (s) => s.rotate(p.rotate))
      return { page: p.page, image, findings, electronic: p.electronic }
    } catch (error) {
      const e = explain(error, 'jpeg')
      findings.push(scanFinding('scan-unreadable', { reason: e.reason, reasonEn: e.reasonEn }))
      return { page: p.page, image: placeholder(), findings, electronic: p.electronic }
    }
  }
  return { ok: true, format: 'pdf', bytes: bytes.length, pageCount: pdf.pageCount, page }
}

/** True when a decoded page is only a placeholder for a page that could not be read. */
export function isPlaceholder(page: DecodedPage): boolean {
  return page.image.width === 1 && page.image.height === 1
}
