/**
 * The one place the packager decodes a scan. Everything else works on the upright, sRGB, 8-bit
 * pixels this returns.
 *
 * Plain images that need no turning go through sharp directly (so a JPEG that already fits can be
 * carried byte for byte). Scanner PDFs, BMP, HEIC, and any scan that OCR found sideways or upside
 * down (the turn stored in documents[i].extracted.rotation) go through intake's decodeScan, which
 * turns and levels them the same way the reading did. A PDF also keeps its original bytes, for a
 * provider that takes PDF. Bytes intake does not recognise never reach sharp (an SVG renamed .jpg
 * could name other files), and whatever sharp fails on goes to intake too, so a file is packed
 * exactly when it can be read and is refused with intake's reason (Chinese and English) otherwise:
 * a packaging problem naming the file, never a throw.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import sharp from 'sharp'
import type { ProblemParams } from '../../../shared/package/problems'
import { sniffFormat } from '../intake/formats'
import { decodeScan } from '../intake/upright'
import type { Turn } from '../intake/prepare'

/** Scans larger than this are not scans (a 600 DPI A3 colour TIFF is ~130 MB). */
const MAX_SCAN_BYTES = 200 * 1024 * 1024
/** 100 megapixels: an A3 page at 600 DPI is 70 MP; more is a decompression bomb, not a scan. */
const MAX_PIXELS = 100_000_000

/** Upright 8-bit sRGB pixels, 3 channels, row-major. */
export interface RawImage {
  readonly data: Buffer
  readonly width: number
  readonly height: number
}

/** What the scan file was, before anything was done to it. */
export interface ScanSource {
  readonly bytes: number
  readonly sha256: string
  /** sharp's format name (jpeg, png, webp, tiff, gif, heif) or pdf. */
  readonly format: string
  /** Pixel size as stored (before orientation), or null for a PDF. */
  readonly width: number | null
  readonly height: number | null
  /** EXIF orientation 2–8 was applied. */
  readonly rotated: boolean
  readonly pages: number
  /** 8-bit 3-channel sRGB JPEG without orientation: may be carried as is, metadata removed. */
  readonly plainJpeg: boolean
}

/** A decoded image, a PDF for the caller to judge, or a problem to report: never an exception. */
export type LoadedScan =
  | { readonly kind: 'image'; readonly image: RawImage; readonly source: ScanSource; readonly original: Buffer }
  | {
      readonly kind: 'pdf'
      readonly source: ScanSource
      readonly original: Buffer
      /** The first usable page, upright, for a provider that wants images. */
      readonly image: RawImage
    }
  | {
      readonly kind: 'problem'
      readonly code: 'package-image-unreadable' | 'package-format-unsupported'
      readonly params: ProblemParams
    }

function problem(code: 'package-image-unreadable' | 'package-format-unsupported', params: ProblemParams): LoadedScan {
  return { kind: 'problem', code, params }
}

/** What the reading of the scan knows about it: the quarter turns that made each page upright. */
export interface LoadScanOptions {
  readonly rotations?: readonly Turn[]
}

/** Scanner PDFs, BMP and turned scans: decoded, turned and levelled by intake. */
async function viaIntake(
  filePath: string | Buffer,
  displayName: string,
  original: Buffer,
  sha256: string,
  options: LoadScanOptions,
): Promise<LoadedScan> {
  // Only the pages up to the first usable one are decoded: that page is the image packed.
  const decoded = await decodeScan(filePath, { ...(options.rotations ? { rotations: options.rotations } : {}), only: 'first-usable' })
  if (!decoded.ok) return problem('package-image-unreadable', { file: displayName, reason: decoded.reason, reasonEn: decoded.reasonEn })
  const usable = decoded.pages.filter((p) => p.usable)
  const first = usable[0]
  if (!first) {
    const finding = decoded.pages[0]?.findings.find((f) => f.rule === 'scan-unreadable') ?? decoded.pages[0]?.findings[0]
    return problem('package-image-unreadable', {
      file: displayName,
      reason: finding?.message ?? '没有可用的图像',
      reasonEn: finding?.messageEn ?? 'no usable image',
    })
  }
  const image = { data: first.image.data, width: first.image.width, height: first.image.height }
  const source: ScanSource = {
    bytes: original.length,
    sha256,
    format: decoded.format,
    width: decoded.format === 'pdf' ? null : image.width,
    height: decoded.format === 'pdf' ? null : image.height,
    rotated: first.rotation !== 0 || first.skew !== 0,
    pages: decoded.pageCount,
    plainJpeg: false,
  }
  return decoded.format === 'pdf' ? { kind: 'pdf', source, original, image } : { kind: 'image', image, source, original }
}

/** Reads, identifies and decodes one scan (path on disk) into upright sRGB pixels. */
export async function loadScanImage(
  filePath: string | Buffer,
  displayName: string = String(filePath),
  options: LoadScanOptions = {},
): Promise<LoadedScan> {
  let original: Buffer
  try {
    const info = await stat(filePath)
    if (!info.isFile()) return problem('package-image-unreadable', { file: displayName, reason: '不是文件', reasonEn: 'not a file' })
    if (info.size > MAX_SCAN_BYTES)
      return problem('package-image-unreadable', {
        file: displayName,
        reason: `文件过大（${info.size} 字节）`,
        reasonEn: `too large (${info.size} bytes)`,
      })
    original = await readFile(filePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error'
    return problem('package-image-unreadable', {
      file: displayName,
      reason: `无法读取文件（${code}）`,
      reasonEn: `cannot read the file (${code})`,
    })
  }
  const sha256 = createHash('sha256').update(original).digest('hex')
  const kind = sniffFormat(original.subarray(0, 1024))
  const turned = options.rotations?.some((r) => r !== 0) ?? false
  if (!['jpeg', 'png', 'webp', 'tiff', 'gif', 'avif'].includes(kind) || turned)
    return viaIntake(filePath, displayName, original, sha256, options)
  try {
    const input = sharp(original, { failOn: 'error', limitInputPixels: MAX_PIXELS, pages: 1, page: 0 })
    const meta = await input.metadata()
    const supported = ['jpeg', 'png', 'webp', 'tiff', 'gif', 'heif']
    if (!supported.includes(meta.format))
      return problem('package-format-unsupported', { file: displayName, format: meta.format.toUpperCase() })
    const orientation = meta.orientation ?? 1
    const decoded = await input
      .autoOrient()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true })
    if (decoded.info.channels !== 3) throw new Error(`unexpected ${decoded.info.channels} channels`)
    const source: ScanSource = {
      bytes: original.length,
      sha256,
      format: meta.format,
      width: meta.width,
      height: meta.height,
      rotated: orientation > 1,
      pages: meta.pages ?? 1,
      plainJpeg: meta.format === 'jpeg' && orientation === 1 && meta.channels === 3 && meta.space === 'srgb' && meta.depth === 'uchar',
    }
    return { kind: 'image', image: { data: decoded.data, width: decoded.info.width, height: decoded.info.height }, source, original }
  } catch {
    // Damaged, truncated or over the pixel limit: intake says why in words a person can act on.
    return viaIntake(filePath, displayName, original, sha256, options)
  }
}
