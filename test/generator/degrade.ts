/**
 * What happens to a document between the printer and our intake: tinted paper, greyscale
 * photocopies, scanner noise, blur, JPEG artefacts, skew, sideways or upside-down scans, glare from
 * a phone photo, a page cut off at the edge, a resolution too low. Each step works on raw RGB
 * pixels or through sharp, with its strength drawn from the seeded generator.
 */
import sharp, { type Sharp } from 'sharp'
import type { Rng } from './random'

export const DEGRADATIONS = [
  'tint',
  'greyscale',
  'noise',
  'blur',
  'heavy-blur',
  'jpeg',
  'skew',
  'rotate-90',
  'rotate-180',
  'rotate-270',
  'exif-rotate',
  'glare',
  'cut-off',
  'low-res',
  'seal-over-text',
] as const
export type Degradation = (typeof DEGRADATIONS)[number]

export interface RawImage {
  readonly data: Buffer
  readonly width: number
  readonly height: number
}

async function raw(image: Sharp): Promise<RawImage> {
  const { data, info } = await image.removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true })
  if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`)
  return { data, width: info.width, height: info.height }
}

const fromRaw = (img: RawImage): Sharp => sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })

/** Renders an SVG to raw RGB pixels. */
export async function rasterise(svg: string): Promise<RawImage> {
  return raw(sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }))
}

function gaussian(r: Rng): number {
  const u = Math.max(1e-9, r.next())
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next())
}

/** Paper that has yellowed or greyed: every channel multiplied, ink stays dark. */
function tint(img: RawImage, r: Rng): RawImage {
  const gains = [r.float(0.93, 1), r.float(0.88, 0.97), r.float(0.74, 0.9)]
  const data = Buffer.alloc(img.data.length)
  for (let i = 0; i < data.length; i += 1) data[i] = Math.round((img.data[i] as number) * (gains[i % 3] as number))
  return { ...img, data }
}

/** A photocopy: luminance only (scanned in colour mode, so still three equal channels). */
function greyscale(img: RawImage): RawImage {
  const data = Buffer.alloc(img.data.length)
  for (let i = 0; i < data.length; i += 3) {
    const y = Math.round(0.299 * (img.data[i] as number) + 0.587 * (img.data[i + 1] as number) + 0.114 * (img.data[i + 2] as number))
    data[i] = y
    data[i + 1] = y
    data[i + 2] = y
  }
  return { ...img, data }
}

function noise(img: RawImage, r: Rng, sigma: number): RawImage {
  const data = Buffer.alloc(img.data.length)
  for (let i = 0; i < data.length; i += 3) {
    const common = gaussian(r) * sigma
    for (let c = 0; c < 3; c += 1)
      data[i + c] = Math.max(0, Math.min(255, Math.round((img.data[i + c] as number) + common + gaussian(r) * sigma * 0.3)))
  }
  return { ...img, data }
}

/** A bright, blown-out patch as a lamp or window makes on a phone photo. */
async function glare(img: RawImage, r: Rng): Promise<RawImage> {
  const cx = r.float(0.3, 0.7) * img.width
  const cy = r.float(0.3, 0.7) * img.height
  const rad = r.float(0.16, 0.24) * Math.min(img.width, img.height)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${img.width}" height="${img.height}"><defs><radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="1"/><stop offset="0.55" stop-color="#fff" stop-opacity="0.97"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><ellipse cx="${cx}" cy="${cy}" rx="${rad * 1.5}" ry="${rad}" fill="url(#g)"/></svg>`
  return raw(fromRaw(img).composite([{ input: Buffer.from(svg) }]))
}

/** Applies the pixel-level degradations in a fixed, realistic order (paper → copy → optics → sensor). */
export async function degrade(img: RawImage, list: readonly Degradation[], r: Rng): Promise<RawImage> {
  let out = img
  const has = (d: Degradation): boolean => list.includes(d)
  if (has('tint')) out = tint(out, r)
  if (has('greyscale')) {
    out = greyscale(out)
    // Half of the copies are scanned in colour mode on slightly yellowed paper: still not 彩色.
    if (r.chance(0.5)) out = tint(out, r)
  }
  if (has('glare')) out = await glare(out, r)
  if (has('cut-off')) {
    const side = r.pick(['left', 'right', 'top', 'bottom'] as const)
    const keep = r.float(0.72, 0.85)
    const left = side === 'left' ? Math.round(out.width * (1 - keep)) : 0
    const top = side === 'top' ? Math.round(out.height * (1 - keep)) : 0
    const width = side === 'left' || side === 'right' ? Math.round(out.width * keep) : out.width
    const height = side === 'top' || side === 'bottom' ? Math.round(out.height * keep) : out.height
    out = await raw(fromRaw(out).extract({ left, top, width, height }))
  }
  if (has('skew')) {
    const angle = r.pick([-1, 1]) * r.float(0.8, 3.5)
    out = await raw(fromRaw(out).rotate(angle, { background: r.pick(['#ffffff', '#e8e8e8', '#d9d9d6']) }))
  }
  if (has('blur')) out = await raw(fromRaw(out).blur(r.float(0.8, 1.3)))
  if (has('heavy-blur')) out = await raw(fromRaw(out).blur(r.float(3.2, 4.5)))
  if (has('noise')) out = noise(out, r, r.float(7, 14))
  for (const [d, angle] of [
    ['rotate-90', 90],
    ['rotate-180', 180],
    ['rotate-270', 270],
  ] as const)
    if (has(d)) out = await raw(fromRaw(out).rotate(angle))
  return out
}

export type ImageFormat = 'jpg' | 'png' | 'webp' | 'tiff' | 'bmp'

/** Encodes pixels; `exif-rotate` stores them turned with an EXIF tag that turns them back. */
export async function encode(img: RawImage, format: ImageFormat, list: readonly Degradation[], r: Rng): Promise<Buffer> {
  if (format === 'bmp') return encodeBmp(img)
  let s = fromRaw(img)
  if (list.includes('exif-rotate')) {
    // Orientation 6 means "rotate 90° clockwise to display": store the pixels turned the other way.
    s = fromRaw(await raw(s.rotate(270))).withMetadata({ orientation: 6 })
  }
  const quality = list.includes('jpeg') ? r.int(22, 40) : r.int(80, 93)
  if (format === 'jpg') return s.jpeg({ quality }).toBuffer()
  if (format === 'webp') return s.webp({ quality }).toBuffer()
  if (format === 'tiff') return s.tiff({ compression: 'lzw' }).toBuffer()
  return s.png({ compressionLevel: 6 }).toBuffer()
}

/** A 24-bit bottom-up BMP (sharp cannot write BMP; scanners and old Windows tools do). */
export function encodeBmp(img: RawImage): Buffer {
  const rowSize = Math.ceil((img.width * 3) / 4) * 4
  const size = 54 + rowSize * img.height
  const out = Buffer.alloc(size)
  out.write('BM', 0, 'ascii')
  out.writeUInt32LE(size, 2)
  out.writeUInt32LE(54, 10)
  out.writeUInt32LE(40, 14)
  out.writeInt32LE(img.width, 18)
  out.writeInt32LE(img.height, 22)
  out.writeUInt16LE(1, 26)
  out.writeUInt16LE(24, 28)
  out.writeUInt32LE(rowSize * img.height, 34)
  out.writeInt32LE(2835, 38)
  out.writeInt32LE(2835, 42)
  for (let y = 0; y < img.height; y += 1) {
    const row = 54 + (img.height - 1 - y) * rowSize
    for (let x = 0; x < img.width; x += 1) {
      const i = (y * img.width + x) * 3
      out[row + x * 3] = img.data[i + 2] as number
      out[row + x * 3 + 1] = img.data[i + 1] as number
      out[row + x * 3 + 2] = img.data[i] as number
    }
  }
  return out
}
