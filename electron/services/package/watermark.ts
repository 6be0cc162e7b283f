/**
 * The 「仅供备案使用」 watermark on exported ID images, placed where it covers nothing.
 *
 * Providers accept a short watermark only if it hides no text and not the national emblem
 * (icp-rules.md §2), and a watermark over 公民身份号码 gets a filing refused. So the place is found
 * from the pixels, never assumed from a card layout (cards are photographed at any angle, on any
 * table, both sides on one page): an ink map is made on a thumbnail — darker than the local
 * background, strongly coloured, or simply dark — and the largest text size whose box, with a
 * clearance all round, holds no ink at all is placed as near the image centre as it can be. When no
 * such box exists the image is left as it is and the caller reports it: a watermark is optional,
 * covering text is not.
 *
 * The glyphs are drawn as outlines from the bundled letter font, so the result does not depend on
 * which fonts the computer has. Text, style and thresholds are data: shared/data/watermark.json.
 */
import sharp from 'sharp'
import spec from '../../../shared/data/watermark.json' with { type: 'json' }
import { loadLetterFonts } from '../letter/fonts'
import type { RawImage } from './scan-image'

export type WatermarkSpec = typeof spec

/** The watermark's data as shipped (text, style, placement thresholds, source). */
export const watermarkSpec = (): WatermarkSpec => spec

/** A rectangle in image pixels. */
export interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export type WatermarkOutcome =
  | { readonly ok: true; readonly image: RawImage; readonly box: Box; readonly text: string }
  | { readonly ok: false; readonly reason: 'no-room' }

/** The ink map of an image on a thumbnail: 1 where something is printed, drawn or photographed. */
export interface InkMap {
  readonly ink: Uint8Array
  readonly width: number
  readonly height: number
  /** Thumbnail pixels per image pixel. */
  readonly scale: number
}

/** A one-channel image blurred with a Gaussian of `sigma` pixels, still one channel. */
async function blurredGrey(grey: Buffer, width: number, height: number, sigma: number): Promise<Buffer> {
  const out = await sharp(grey, { raw: { width, height, channels: 1 } })
    .blur(sigma)
    // sharp hands a one-channel raw input back as three channels unless told otherwise.
    .toColourspace('b-w')
    .raw()
    .toBuffer()
  if (out.length !== width * height) throw new Error(`watermark: blurred image has ${out.length} bytes, expected ${width * height}`)
  return out
}

/** Finds ink as watermark.json describes: contrast to the local background, colour, darkness. */
export async function inkMap(image: RawImage, s: WatermarkSpec = spec): Promise<InkMap> {
  const p = s.placement
  const scale = Math.min(1, p.thumbnailLongSide / Math.max(image.width, image.height))
  const width = Math.max(1, Math.round(image.width * scale))
  const height = Math.max(1, Math.round(image.height * scale))
  const raw = { raw: { width: image.width, height: image.height, channels: 3 as const } }
  const rgb = await sharp(image.data, raw).resize(width, height, { fit: 'fill' }).raw().toBuffer()
  const grey = await sharp(rgb, { raw: { width, height, channels: 3 } })
    .greyscale()
    .toColourspace('b-w')
    .raw()
    .toBuffer()
  const sigma = Math.max(1, Math.max(width, height) * p.backgroundBlurShare)
  const background = await blurredGrey(grey, width, height, sigma)
  const ink = new Uint8Array(width * height)
  // Where the surface itself changes (a pale card's edge on white paper, a shadow) the watermark
  // would straddle two surfaces and sit on the card's border: such places count as ink too. The
  // step is measured on a light blur that washes out hairlines (guilloche) but keeps a surface edge.
  const edgeSigma = Math.max(1, Math.max(width, height) * p.surfaceBlurShare)
  const smooth = await blurredGrey(grey, width, height, edgeSigma)
  const r = Math.max(1, Math.round(2 * edgeSigma))
  const at = (x: number, y: number): number =>
    smooth[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))] as number
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const step = Math.max(Math.abs(at(x + r, y) - at(x - r, y)), Math.abs(at(x, y + r) - at(x, y - r)))
      if (step > p.surfaceStep) ink[y * width + x] = 1
    }
  for (let i = 0; i < ink.length; i += 1) {
    const r = rgb[i * 3] as number
    const g = rgb[i * 3 + 1] as number
    const b = rgb[i * 3 + 2] as number
    const v = grey[i] as number
    const chroma = Math.max(r, g, b) - Math.min(r, g, b)
    if ((background[i] as number) - v > p.inkContrast || chroma > p.inkChroma || v < p.darkBelow) ink[i] = 1
  }
  return { ink, width, height, scale }
}

/** Summed-area table, one row and column larger, for O(1) ink counts over rectangles. */
function integral(map: InkMap): Uint32Array {
  const w = map.width + 1
  const sums = new Uint32Array(w * (map.height + 1))
  for (let y = 0; y < map.height; y += 1) {
    let row = 0
    for (let x = 0; x < map.width; x += 1) {
      row += map.ink[y * map.width + x] as number
      sums[(y + 1) * w + x + 1] = (sums[y * w + x + 1] as number) + row
    }
  }
  return sums
}

/**
 * The box (thumbnail pixels) of `width`×`height` with no ink within `clearance` of it, nearest the
 * centre, or null when there is none.
 */
function emptyBox(map: InkMap, sums: Uint32Array, width: number, height: number, clearance: number): Box | null {
  const w = map.width + 1
  const count = (x0: number, y0: number, x1: number, y1: number): number =>
    (sums[y1 * w + x1] as number) - (sums[y0 * w + x1] as number) - (sums[y1 * w + x0] as number) + (sums[y0 * w + x0] as number)
  const step = Math.max(1, Math.floor(height / 4))
  const cx = map.width / 2
  const cy = map.height / 2
  let best: Box | null = null
  let bestDistance = Infinity
  for (let y = clearance; y + height + clearance <= map.height; y += step)
    for (let x = clearance; x + width + clearance <= map.width; x += step) {
      if (count(x - clearance, y - clearance, x + width + clearance, y + height + clearance) !== 0) continue
      const d = (x + width / 2 - cx) ** 2 + (y + height / 2 - cy) ** 2
      if (d < bestDistance) {
        bestDistance = d
        best = { x, y, width, height }
      }
    }
  return best
}

/** The text's glyphs in the bundled font (the watermark text is data: a test proves the font has them). */
async function glyphsOf(text: string, s: WatermarkSpec) {
  const fonts = await loadLetterFonts()
  const font = fonts.faces[s.style.fontFace === 'bold' ? 'bold' : 'regular'].font
  const glyphs = [...text].flatMap((ch) => {
    const g = font.glyphForCodePoint(ch.codePointAt(0) ?? 0)
    return g ? [g] : []
  })
  return { em: font.unitsPerEm, glyphs, advance: glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) }
}

/** The watermark text as SVG outlines filling `box`'s size, from the bundled font. */
async function textSvg(text: string, box: { width: number; height: number }, s: WatermarkSpec): Promise<Buffer> {
  const { em, glyphs, advance } = await glyphsOf(text, s)
  const k = Math.min(box.width / advance, box.height / em)
  const baseline = (box.height - em * k) / 2 + em * k * 0.86
  let x = (box.width - advance * k) / 2
  const paths = glyphs.map((g) => {
    const out = `<path transform="translate(${x.toFixed(2)} ${baseline.toFixed(2)}) scale(${k.toFixed(5)} ${(-k).toFixed(5)})" d="${g.path.toSVG()}"/>`
    x += g.advanceWidth * k
    return out
  })
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}"><g fill="${s.style.colour}" fill-opacity="${s.style.opacity}">${paths.join('')}</g></svg>`,
  )
}

/** Where the watermark would go (image pixels), or null when no place covers nothing. */
export async function placeWatermark(image: RawImage, s: WatermarkSpec = spec): Promise<Box | null> {
  const map = await inkMap(image, s)
  const sums = integral(map)
  const { em, advance } = await glyphsOf(s.text, s)
  const aspect = advance / em
  const short = Math.min(image.width, image.height)
  const minHeight = Math.max(s.size.minHeightPx, short * s.size.minHeightShare)
  const clearance = Math.max(1, Math.round(Math.min(map.width, map.height) * s.placement.clearanceShare))
  for (let h = short * s.size.maxHeightShare; h >= minHeight; h *= s.size.stepShare) {
    const th = Math.max(1, Math.ceil(h * map.scale))
    const found = emptyBox(map, sums, Math.ceil(th * aspect), th, clearance)
    if (!found) continue
    // Back to image pixels, inside the empty thumbnail box.
    const x = Math.ceil(found.x / map.scale)
    const y = Math.ceil(found.y / map.scale)
    const width = Math.min(image.width - x, Math.floor(found.width / map.scale))
    const height = Math.min(image.height - y, Math.floor(found.height / map.scale))
    return { x, y, width, height }
  }
  return null
}

/** Draws the watermark where it covers no ink; the image is unchanged outside the returned box. */
export async function applyWatermark(image: RawImage, s: WatermarkSpec = spec): Promise<WatermarkOutcome> {
  const box = await placeWatermark(image, s)
  if (!box) return { ok: false, reason: 'no-room' }
  const svg = await textSvg(s.text, box, s)
  const data = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .composite([{ input: svg, left: box.x, top: box.y }])
    .removeAlpha()
    .raw()
    .toBuffer()
  return { ok: true, image: { data, width: image.width, height: image.height }, box, text: s.text }
}
