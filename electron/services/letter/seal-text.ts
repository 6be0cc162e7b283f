/**
 * What the seal on a signed letter says. The 管局 wants the unit's 公章 (its full name round the
 * ring); a 合同专用章 or 财务专用章 looks the same from afar and is refused. The seal's red ink is
 * taken apart from the black print below it, then read twice: as it is (the straight centre line
 * such as 合同专用章) and unwrapped from polar to straight (the ring text, which OCR cannot read
 * round a circle).
 */
import sharp from 'sharp'
import type { LetterSealText } from '../../../shared/letter/seal'
import type { OcrEngine } from '../ocr/engine'

type Rect = { x: number; y: number; width: number; height: number }

/** Seal red, a little looser than the seal finder (scan-pixels.ts): the thin strokes of small centre text are pale. */
const isRed = (r: number, g: number, b: number): boolean => r > 100 && r - g > 30 && r - b > 25

/** The seal's red ink as black on white, the blob's box plus a margin (a single-channel raster). */
async function redMask(png: Buffer, box: Rect): Promise<{ data: Uint8Array; width: number; height: number }> {
  const meta = await sharp(png).metadata()
  const margin = Math.round(Math.max(box.width, box.height) * 0.06)
  const left = Math.max(0, box.x - margin)
  const top = Math.max(0, box.y - margin)
  const width = Math.min((meta.width ?? 0) - left, box.width + 2 * margin)
  const height = Math.min((meta.height ?? 0) - top, box.height + 2 * margin)
  const { data, info } = await sharp(png).extract({ left, top, width, height }).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const out = new Uint8Array(info.width * info.height)
  for (let i = 0, p = 0; i < out.length; i += 1, p += info.channels)
    out[i] = isRed(data[p] ?? 0, data[p + 1] ?? 0, data[p + 2] ?? 0) ? 0 : 255
  return { data: out, width: info.width, height: info.height }
}

/**
 * The ring unwrapped: columns run clockwise from the lower left (135°) over the top to the lower
 * right (405°), rows from the outer edge inwards, so characters stand upright left to right.
 */
function unwrapRing(mask: { data: Uint8Array; width: number; height: number }): { data: Uint8Array; width: number; height: number } {
  const cx = mask.width / 2
  const cy = mask.height / 2
  const radius = Math.min(mask.width, mask.height) / 2 / 1.06
  const outer = radius * 0.93
  const inner = radius * 0.58
  const span = (270 * Math.PI) / 180
  const start = (135 * Math.PI) / 180
  const width = Math.round(span * ((outer + inner) / 2))
  const height = Math.round(outer - inner)
  const out = new Uint8Array(width * height).fill(255)
  for (let y = 0; y < height; y += 1) {
    const r = outer - y
    for (let x = 0; x < width; x += 1) {
      const a = start + (x / width) * span
      const sx = Math.round(cx + r * Math.cos(a))
      const sy = Math.round(cy + r * Math.sin(a))
      if (sx >= 0 && sy >= 0 && sx < mask.width && sy < mask.height) out[y * width + x] = mask.data[sy * mask.width + sx] ?? 255
    }
  }
  return { data: out, width, height }
}

async function png(raster: { data: Uint8Array; width: number; height: number }, scale = 1): Promise<Buffer> {
  const img = sharp(Buffer.from(raster.data), { raw: { width: raster.width, height: raster.height, channels: 1 } })
  // OCR models want text of ~30–60 px; a seal at 150 DPI has characters of ~25 px.
  const resized = scale === 1 ? img : img.resize(Math.round(raster.width * scale), Math.round(raster.height * scale))
  return resized
    .extend({ top: 16, bottom: 16, left: 16, right: 16, background: { r: 255, g: 255, b: 255 } })
    .png()
    .toBuffer()
}

const textOf = (lines: ReadonlyArray<{ text: string }>): string =>
  lines
    .map((l) => l.text)
    .join('')
    .replace(/\s+/g, '')

/** The band below the star where a seal's purpose line sits (合同专用章), inside the ring text. */
function centreBand(mask: { data: Uint8Array; width: number; height: number }): { data: Uint8Array; width: number; height: number } {
  const radius = Math.min(mask.width, mask.height) / 2 / 1.06
  const cx = mask.width / 2
  const cy = mask.height / 2
  const left = Math.max(0, Math.round(cx - radius * 0.5))
  const top = Math.max(0, Math.round(cy + radius * 0.3))
  const width = Math.min(mask.width - left, Math.round(radius))
  const height = Math.min(mask.height - top, Math.round(radius * 0.38))
  const out = new Uint8Array(width * height)
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) out[y * width + x] = mask.data[(top + y) * mask.width + left + x] ?? 255
  return { data: out, width, height }
}

/** Reads the centre and ring text of the seal in `box` (pixels of the upright page image `page`). */
export async function readSealText(engine: OcrEngine, page: Buffer, box: Rect): Promise<LetterSealText> {
  const mask = await redMask(page, box)
  const scale = Math.max(1, Math.min(3, 400 / Math.max(mask.width, mask.height)))
  const band = centreBand(mask)
  const centre = await engine.recognize({
    image: await png(band, Math.max(1, Math.min(4, 160 / band.height))),
    language: 'chi_sim+eng',
    mode: 'line',
  })
  const ring = await engine.recognize({ image: await png(unwrapRing(mask), scale), language: 'chi_sim+eng', mode: 'line' })
  return { centre: textOf(centre.lines), ring: textOf(ring.lines) }
}
