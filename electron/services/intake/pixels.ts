/**
 * Pixel helpers for intake: raw RGB images, grey thumbnails, Otsu thresholds and connected
 * components. Plain loops over typed arrays on thumbnails of a few hundred thousand pixels, so the
 * whole quality check costs milliseconds and never needs OCR.
 */
import sharp, { type Sharp } from 'sharp'

/** Decoded, upright pixels: 3 channels (sRGB), row-major. */
export interface RawImage {
  readonly data: Buffer
  readonly width: number
  readonly height: number
}

/** One grey channel, row-major. */
export interface GreyImage {
  readonly data: Uint8Array
  readonly width: number
  readonly height: number
}

export const fromRaw = (img: RawImage): Sharp => sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })

/** Decodes anything sharp reads into upright 3-channel sRGB (EXIF orientation applied first). */
export async function toRaw(image: Sharp): Promise<RawImage> {
  const { data, info } = await image
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  if (info.channels === 3) return { data, width: info.width, height: info.height }
  // Grey sources come back with one channel: spread it to three so everything downstream is alike.
  const out = Buffer.alloc(info.width * info.height * 3)
  for (let i = 0, j = 0; i < data.length; i += info.channels, j += 3) out[j] = out[j + 1] = out[j + 2] = data[i] as number
  return { data: out, width: info.width, height: info.height }
}

/** Re-encodes raw pixels after a sharp operation (resize, rotate). */
export async function rawOp(img: RawImage, op: (s: Sharp) => Sharp): Promise<RawImage> {
  return toRaw(op(fromRaw(img)))
}

/**
 * Grey for OCR with the red seal dropped: red ink (R well above G and B) is lifted towards white,
 * so a seal stamped over a value does not hide it, while black text and blue labels stay dark.
 */
export function greyDropRed(img: RawImage): GreyImage {
  const out = new Uint8Array(img.width * img.height)
  const d = img.data
  for (let i = 0, j = 0; j < out.length; i += 3, j += 1) {
    const r = d[i] as number
    const g = d[i + 1] as number
    const b = d[i + 2] as number
    const lum = 0.299 * r + 0.587 * g + 0.114 * b
    const red = r - Math.max(g, b)
    out[j] = Math.min(255, Math.round(lum + (red > 0 ? red * 1.1 : 0)))
  }
  return { data: out, width: img.width, height: img.height }
}

/** A resized copy of raw pixels whose long side is at most `long` (never enlarged). */
export async function thumbnail(img: RawImage, long: number): Promise<RawImage> {
  const scale = Math.min(1, long / Math.max(img.width, img.height))
  if (scale === 1) return img
  return rawOp(img, (s) =>
    s.resize({ width: Math.max(1, Math.round(img.width * scale)), height: Math.max(1, Math.round(img.height * scale)), fit: 'fill' }),
  )
}

export function luminance(img: RawImage): GreyImage {
  const out = new Uint8Array(img.width * img.height)
  for (let i = 0, j = 0; j < out.length; i += 3, j += 1)
    out[j] = Math.round(0.299 * (img.data[i] as number) + 0.587 * (img.data[i + 1] as number) + 0.114 * (img.data[i + 2] as number))
  return { data: out, width: img.width, height: img.height }
}

export function histogram(grey: GreyImage): Uint32Array {
  const h = new Uint32Array(256)
  for (const v of grey.data) h[v] = (h[v] as number) + 1
  return h
}

/** The value below which `p` (0..1) of the pixels lie. */
export function percentileOf(hist: Uint32Array, p: number): number {
  const total = hist.reduce((a, b) => a + b, 0)
  let seen = 0
  for (let v = 0; v < 256; v += 1) {
    seen += hist[v] as number
    if (seen >= p * total) return v
  }
  return 255
}

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsu(hist: Uint32Array): number {
  let total = 0
  let sum = 0
  for (let v = 0; v < 256; v += 1) {
    total += hist[v] as number
    sum += v * (hist[v] as number)
  }
  let wB = 0
  let sumB = 0
  let best = 0
  let threshold = 128
  for (let v = 0; v < 256; v += 1) {
    wB += hist[v] as number
    if (wB === 0) continue
    const wF = total - wB
    if (wF === 0) break
    sumB += v * (hist[v] as number)
    const mB = sumB / wB
    const mF = (sum - sumB) / wF
    const between = wB * wF * (mB - mF) ** 2
    if (between > best) {
      best = between
      threshold = v
    }
  }
  return threshold
}

export interface Component {
  readonly minX: number
  readonly minY: number
  readonly maxX: number
  readonly maxY: number
  readonly area: number
}

/** 8-connected components of the pixels where `mask` is 1. */
export function components(mask: Uint8Array, width: number, height: number): Component[] {
  return labelComponents(mask, width, height).components
}

/** Components and, for each pixel, the index of its component (-1 for background). */
export function labelComponents(mask: Uint8Array, width: number, height: number): { components: Component[]; labels: Int32Array } {
  const labels = new Int32Array(width * height).fill(-1)
  const out: Component[] = []
  const stack: number[] = []
  for (let start = 0; start < mask.length; start += 1) {
    if (mask[start] !== 1 || labels[start] !== -1) continue
    let minX = width
    let minY = height
    let maxX = 0
    let maxY = 0
    let area = 0
    stack.push(start)
    labels[start] = out.length
    while (stack.length > 0) {
      const p = stack.pop() as number
      const x = p % width
      const y = (p - x) / width
      area += 1
      if (x < minX) minX = x
      if (x > maxX) maxX = x
      if (y < minY) minY = y
      if (y > maxY) maxY = y
      for (let dy = -1; dy <= 1; dy += 1)
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx
          const ny = y + dy
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue
          const q = ny * width + nx
          if (mask[q] === 1 && labels[q] === -1) {
            labels[q] = out.length
            stack.push(q)
          }
        }
    }
    out.push({ minX, minY, maxX, maxY, area })
  }
  return { components: out, labels }
}
