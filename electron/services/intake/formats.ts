/**
 * Which kind of file this is, from its first bytes (never from its name: a .jpg may be a PDF), and
 * a small BMP decoder, because sharp's prebuilt libvips reads JPEG, PNG, WebP, TIFF and GIF but
 * not BMP, which scanners and older Windows tools still write.
 */
export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif' | 'bmp' | 'pdf' | 'heic' | 'avif' | 'unknown'

export function sniffFormat(head: Uint8Array): SourceFormat {
  const b = (i: number): number => head[i] ?? -1
  const ascii = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to))
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg'
  if (b(0) === 0x89 && ascii(1, 4) === 'PNG') return 'png'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp'
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && b(3) === 0x2a))
    return 'tiff'
  if (ascii(0, 4) === 'GIF8') return 'gif'
  if (ascii(0, 2) === 'BM') return 'bmp'
  // A PDF header may follow a little junk (some scanners write a BOM or a blank line).
  if (ascii(0, Math.min(head.length, 1024)).includes('%PDF-')) return 'pdf'
  // ISO-BMFF images: AV1 (AVIF) goes to sharp, which decodes it; HEVC (HEIC) to libheif (decode-heic.ts).
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]/.test(ascii(8, 12))) return 'avif'
  if (ascii(4, 8) === 'ftyp' && /hei|mif|msf|hevc/.test(ascii(8, 12))) return 'heic'
  return 'unknown'
}

export interface BmpImage {
  readonly data: Buffer
  readonly width: number
  readonly height: number
}

export class BmpError extends Error {}

/**
 * Decodes uncompressed BMPs (24/32-bit, and 1/4/8-bit with a palette) to RGB. The size is checked
 * against `maxPixels` before a single pixel is allocated.
 */
export function decodeBmp(buf: Buffer, maxPixels: number): BmpImage {
  if (buf.length < 54) throw new BmpError('truncated header')
  const offset = buf.readUInt32LE(10)
  const headerSize = buf.readUInt32LE(14)
  if (headerSize < 40) throw new BmpError('unsupported BMP header (OS/2)')
  const width = buf.readInt32LE(18)
  const rawHeight = buf.readInt32LE(22)
  const bpp = buf.readUInt16LE(28)
  const compression = buf.readUInt32LE(30)
  const height = Math.abs(rawHeight)
  if (width <= 0 || height <= 0) throw new BmpError('invalid dimensions')
  if (width * height > maxPixels) throw new PixelLimitError(width, height)
  if (compression !== 0 && !(compression === 3 && bpp === 32)) throw new BmpError(`compressed BMP (method ${compression}) is not supported`)
  if (![1, 4, 8, 24, 32].includes(bpp)) throw new BmpError(`${bpp}-bit BMP is not supported`)
  const rowSize = Math.ceil((width * bpp) / 32) * 4
  if (offset + rowSize * height > buf.length) throw new BmpError('truncated pixel data')
  const paletteCount = bpp <= 8 ? buf.readUInt32LE(46) || 1 << bpp : 0
  const palette: number[][] = []
  for (let i = 0; i < paletteCount; i += 1) {
    const p = 14 + headerSize + i * 4
    palette.push([buf[p + 2] ?? 0, buf[p + 1] ?? 0, buf[p] ?? 0])
  }
  const out = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y += 1) {
    const row = offset + (rawHeight > 0 ? height - 1 - y : y) * rowSize
    for (let x = 0; x < width; x += 1) {
      const o = (y * width + x) * 3
      if (bpp >= 24) {
        const p = row + x * (bpp / 8)
        out[o] = buf[p + 2] as number
        out[o + 1] = buf[p + 1] as number
        out[o + 2] = buf[p] as number
      } else {
        const bit = x * bpp
        const byte = buf[row + (bit >> 3)] as number
        const index = (byte >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1)
        const c = palette[index] ?? [0, 0, 0]
        out[o] = c[0] as number
        out[o + 1] = c[1] as number
        out[o + 2] = c[2] as number
      }
    }
  }
  return { data: out, width, height }
}

/** An image larger than the pixel limit: refused before decoding. */
export class PixelLimitError extends Error {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    super(`image of ${width}×${height} pixels exceeds the limit`)
    this.name = 'PixelLimitError'
  }
}
