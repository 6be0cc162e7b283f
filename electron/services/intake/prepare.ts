/**
 * From decoded pixels to what OCR reads: turned so the text runs across, levelled, measured for
 * quality, and a grey working copy at a resolution tesseract reads well (red seals dropped).
 * Preprocessing is deliberately mild (toolchain.md: sharpening and normalising noisy scans made
 * OCR slower and worse): grey, resize, nothing else.
 */
import sharp from 'sharp'
import q from '../../../shared/data/scan-quality.json' with { type: 'json' }
import { percent, scanFinding } from '../../../shared/extraction/findings'
import type { DocumentKind, ScanFinding } from '../../../shared/model/extracted'
import { analyseLayout, measureSkew } from './orientation'
export { measureBlur } from './quality'
import { fromRaw, greyDropRed, histogram, otsu, percentileOf, rawOp, thumbnail, type GreyImage, type RawImage } from './pixels'
import { measureColour, measureCutOff, measureGlare, measureResolution, type Edge } from './quality'

export type Turn = 0 | 90 | 180 | 270

export interface Quality {
  readonly colour: boolean
  readonly colourShare: number
  /** Edge width in pixels at the working resolution (higher = blurrier). */
  readonly blur: number
  readonly glareShare: number
  readonly cutOff: readonly Edge[]
}

/** Measures the page as it was decoded (turning does not change these); blur comes later, from the OCR image. */
export async function measureQuality(img: RawImage): Promise<Omit<Quality, 'blur'>> {
  const t = await thumbnail(img, 600)
  const [colour, glareShare, cutOff] = await Promise.all([measureColour(t), measureGlare(t), measureCutOff(t)])
  return { colour: colour.colour, colourShare: colour.share, glareShare, cutOff }
}

const EDGE_ZH: Record<Edge, string> = { top: '上', bottom: '下', left: '左', right: '右' }

/** The quality findings for a page whose kind (and so real size) is known. */
export function qualityFindings(
  quality: Quality,
  kind: DocumentKind,
  size: { width: number; height: number },
  sides: number,
): ScanFinding[] {
  const out: ScanFinding[] = []
  if (!quality.colour && kind !== 'other') out.push(scanFinding('scan-not-colour', { share: percent(quality.colourShare) }))
  const res = measureResolution(kind, size.width, size.height, sides)
  if (res && res.level !== 'ok') out.push(scanFinding('scan-too-small', { dpi: res.dpi }, res.level === 'warn' ? 'low' : undefined))
  if (quality.blur > q.blur.edgeWidthWarn) out.push(scanFinding('scan-blurry', { edge: quality.blur.toFixed(1) }))
  if (quality.glareShare > q.glare.minShare) out.push(scanFinding('scan-glare', { share: percent(quality.glareShare) }))
  if (quality.cutOff.length > 0)
    out.push(scanFinding('scan-cut-off', { edges: quality.cutOff.map((e) => EDGE_ZH[e]).join('、'), edgesEn: quality.cutOff.join(', ') }))
  return out
}

/** The paper colour (bright percentile per channel), to fill corners uncovered by rotation. */
function paperColour(img: RawImage): { r: number; g: number; b: number } {
  const hs = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)]
  const step = Math.max(1, Math.floor(img.data.length / 3 / 50_000)) * 3
  for (let i = 0; i + 2 < img.data.length; i += step)
    for (let c = 0; c < 3; c += 1) {
      const h = hs[c] as Uint32Array
      const v = img.data[i + c] as number
      h[v] = (h[v] as number) + 1
    }
  const [r, g, b] = hs.map((h) => percentileOf(h, 0.85))
  return { r: r ?? 255, g: g ?? 255, b: b ?? 255 }
}

export interface Orientation {
  /** Text direction from the ink: these turns are worth trying, most likely first. */
  readonly candidates: readonly Turn[]
  readonly certainty: number
  /** Skew of the page as decoded (valid for turns 0 and 180). */
  readonly skew: number
  /** Median text line height in the decoded image's pixels (0 when unknown). */
  readonly textHeight: number
  readonly thumb: RawImage
}

/** Which quarter turns could make the text run across ([0, 180] or [90, 270], likeliest first), the skew and the text size. */
export async function guessOrientation(img: RawImage): Promise<Orientation> {
  const thumb = await thumbnail(img, 1000)
  const layout = analyseLayout(greyDropRed(thumb))
  return {
    candidates: layout.horizontal ? [0, 180] : [90, 270],
    certainty: layout.certainty,
    skew: layout.skew,
    // A "line" taller than a tenth of the page is not text (a photo, a seal): size unknown.
    // Security print and noise can break the profile into slivers: under 8 px the estimate is noise too.
    textHeight:
      layout.lineHeight > Math.min(thumb.width, thumb.height) / 10 || (layout.lineHeight * img.width) / thumb.width < 8
        ? 0
        : (layout.lineHeight * img.width) / thumb.width,
    thumb,
  }
}

/** The skew to remove after a quarter turn. */
export async function skewAfter(o: Orientation, turn: Turn): Promise<number> {
  if (turn === 0 || turn === 180) return o.skew
  const turned = await rawOp(o.thumb, (s) => s.rotate(turn))
  return measureSkew(greyDropRed(turned))
}

/** Upright images never exceed this long side: enough for any crop, bounded in memory. */
const UPRIGHT_MAX = 3600
/** Text height the page pass is scaled to (tesseract's LSTM reads 20–40 px text best). */
const PAGE_TEXT_HEIGHT = 30

export interface Upright {
  /** Turned, levelled colour pixels: crops are cut from here, boxes are in these pixels. */
  readonly image: RawImage
  readonly turn: Turn
  readonly skew: number
  /** The page-pass image (grey, red dropped, light median) and its scale back to `image`. */
  readonly page: WorkingImage
}

/** Turns, levels and scales a page in one pass, and makes the image the page pass reads. */
export async function makeUpright(img: RawImage, turn: Turn, skew: number, textHeight: number): Promise<Upright> {
  const level = Math.abs(skew) >= q.skew.minCorrection ? skew : 0
  const long = Math.max(img.width, img.height)
  const down = long > UPRIGHT_MAX ? UPRIGHT_MAX / long : 1
  const background = paperColour(img)
  // An image over UPRIGHT_MAX is scaled down first: a quarter turn of 80 megapixels would copy
  // 240 MB twice over for every turn tried. sharp applies one rotation per pipeline: the quarter
  // turn, then the levelling.
  const small = down < 1 ? await rawOp(img, (s) => s.resize({ width: Math.max(1, Math.round(img.width * down)) })) : img
  const turned = turn === 0 ? small : await rawOp(small, (s) => s.rotate(turn))
  const image = level === 0 ? turned : await rawOp(turned, (s) => s.rotate(-level, { background }))
  // Page pass: text scaled to ~PAGE_TEXT_HEIGHT px, within the working limits.
  const th = textHeight * down
  let factor = th > 4 ? PAGE_TEXT_HEIGHT / th : 1
  const minLong = q.limits.minWorkingLongSide.value * 0.8
  const maxLong = q.limits.workingLongSide.value
  const ulong = Math.max(image.width, image.height)
  factor = Math.min(Math.max(factor, minLong / ulong), maxLong / ulong, 2)
  return { image, turn, skew: level, page: await workingImage(image, factor) }
}

/** The grey image OCR reads, and the factor from its pixels back to the upright image's. */
export interface WorkingImage {
  readonly png: Buffer
  readonly width: number
  readonly height: number
  /** upright-image pixels = working pixels × scale */
  readonly scale: number
  readonly grey: GreyImage
}

/** Grey (red seal dropped), scaled by `factor`, lightly median-filtered against scanner noise, as PNG. */
export async function workingImage(img: RawImage, factor: number): Promise<WorkingImage> {
  const sized =
    factor === 1
      ? img
      : await rawOp(img, (s) =>
          s.resize({
            width: Math.max(1, Math.round(img.width * factor)),
            height: Math.max(1, Math.round(img.height * factor)),
            fit: 'fill',
            kernel: 'lanczos3',
          }),
        )
  const grey = greyDropRed(sized)
  const png = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
    .median(3)
    .png({ compressionLevel: 1 })
    .toBuffer()
  return { png, width: grey.width, height: grey.height, scale: 1 / factor, grey }
}

/** White margin added around line crops (tesseract reads a line better when it does not touch the border). */
export const CROP_MARGIN = { top: 12, left: 16 }

/**
 * How a crop is rendered for OCR: grey (the default), or black and white at Otsu's threshold of
 * the crop itself. The second is a different look, not a better one: it drops the light security
 * print of ID cards and certificates that the grey crop reads as strokes (「2022.10.11」 read
 * 「2022510.12」), but thins blurred strokes; so it is one more vote, never the only reading. It is
 * applied to a crop of one value, never to a page (toolchain.md: normalising whole noisy pages
 * ruined OCR).
 */
export type CropLook = 'grey' | 'binary'

/** A crop of the upright image, grey, scaled so that its text is `targetHeight` px tall, as PNG. */
export async function cropForLine(
  img: RawImage,
  box: { x: number; y: number; width: number; height: number },
  textHeight: number,
  targetHeight = 48,
  look: CropLook = 'grey',
): Promise<{ png: Buffer; factor: number }> {
  const left = Math.max(0, Math.floor(box.x))
  const top = Math.max(0, Math.floor(box.y))
  const width = Math.max(1, Math.min(img.width - left, Math.ceil(box.width)))
  const height = Math.max(1, Math.min(img.height - top, Math.ceil(box.height)))
  const factor = Math.max(0.5, Math.min(4, targetHeight / Math.max(8, textHeight)))
  const crop = await rawOp(img, (s) =>
    s
      .extract({ left, top, width, height })
      .resize({ width: Math.max(1, Math.round(width * factor)), height: Math.max(1, Math.round(height * factor)), kernel: 'lanczos3' }),
  )
  const grey = greyDropRed(crop)
  let pipeline = sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
  // Median first: scanner noise would otherwise survive the threshold as specks.
  if (look === 'binary') pipeline = pipeline.median(3).threshold(otsu(histogram(grey)) + 1)
  const png = await pipeline
    .extend({
      top: CROP_MARGIN.top,
      bottom: CROP_MARGIN.top,
      left: CROP_MARGIN.left,
      right: CROP_MARGIN.left,
      background: { r: 255, g: 255, b: 255 },
    })
    .png({ compressionLevel: 1 })
    .toBuffer()
  return { png, factor }
}

export { fromRaw, histogram }
