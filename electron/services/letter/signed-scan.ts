/**
 * Analyses the scan of a signed commitment letter: is there ink in the signature box (and the
 * fingerprint box), and is there a red seal on the page?
 *
 * The boxes sit at fixed places on the letter's last page (the template says where, in mm), so
 * the scan is scaled to the page, each box is looked for near its expected place by its printed
 * border (a scan is never perfectly aligned), and the ink inside it is measured, ignoring red — a
 * seal stamped across the signature box is not a signature. The seal is found by colour, after
 * removing the scanner's tint, as a red blob of a seal's size and shape anywhere on the page.
 */
import sharp from 'sharp'
import type { LetterBoxResult, LetterScan, LetterSealResult } from '../../../shared/letter/scan-result'
import type { ScanLayout } from '../../../shared/letter/template'
import { classify, locateRect, paperColour, redBlobs, share, type Raster, type Rect } from './scan-pixels'

/** Thresholds of the analysis, with why they are what they are. */
export const SCAN_LIMITS = {
  /** Pages are analysed at 150 dpi on A4: enough for a pen stroke, fast to scan through. */
  width: 1240,
  /** A page whose height/width differs from A4's by more than this is not a whole-page scan. */
  aspectTolerance: 0.06,
  /** How far (mm) a box may have moved on the scan: feeder skew and printer margins. */
  slackMm: 10,
  /** Inset (mm) inside a box's border so the border itself is never counted as ink. */
  insetMm: 1.5,
  /** Share of a box's inside that must be ink to count as signed: a signature covers 2–10 %, dust < 0.1 %. */
  minInk: 0.004,
  /** A 公章 is 38–45 mm across (oval ones 40×30); a red pen mark or a red logo is not this shape. */
  sealMinMm: 18,
  sealMaxMm: 70,
  sealMaxAspect: 1.7,
  /** Share of the page that the blob's red pixels must cover (a seal alone is ~0.4 %). */
  sealMinShare: 0.001,
  /** Share of its own bounding box a seal fills: a ring and text, not a solid block. */
  sealFill: [0.04, 0.75] as const,
} as const

/** Decodes any image sharp reads, upright by EXIF, turned by `turn` degrees, at the analysis width, as RGB. */
export async function loadRaster(input: string | Uint8Array, turn: 0 | 90 | 180 | 270 = 0): Promise<Raster> {
  const upright = await sharp(input, { failOn: 'error' }).rotate().toBuffer()
  const { data, info } = await sharp(upright)
    .rotate(turn)
    .resize({ width: SCAN_LIMITS.width })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  if (info.channels !== 3) throw new Error(`expected RGB, got ${info.channels} channels`)
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) }
}

function measureBox(
  classes: Uint8Array,
  raster: Raster,
  box: ScanLayout['boxes'][number],
  scale: { x: number; y: number },
  pageShaped: boolean,
): LetterBoxResult {
  const expected: Rect = { x: box.x * scale.x, y: box.y * scale.y, width: box.width * scale.x, height: box.height * scale.y }
  const located = box.shape === 'rect' ? locateRect(classes, raster.width, expected, SCAN_LIMITS.slackMm * scale.x) : null
  const rect = located ?? expected
  const inset = Math.max(SCAN_LIMITS.insetMm * scale.x, Math.min(rect.width, rect.height) * 0.06)
  const inside = { ...rect, x: rect.x + inset, y: rect.y + inset, width: rect.width - 2 * inset, height: rect.height - 2 * inset }
  // A signature is dark, non-red ink; a fingerprint is usually red (印泥) or dark.
  const ink = share(classes, raster.width, inside, (c) => (box.kind === 'signature' ? c === 1 : c === 1 || c === 2))
  // A box whose printed border cannot be found is not judged: whatever ink is there may be body
  // text of another page, or the scan may be cropped. A round box (no border to find) is judged
  // where the template puts it, on a page-shaped image only.
  const trusted = located !== null || (box.shape === 'circle' && pageShaped)
  const state = !trusted ? 'unknown' : ink >= SCAN_LIMITS.minInk ? 'marked' : 'empty'
  const round = (v: number): number => Math.round(v)
  return {
    id: box.id,
    kind: box.kind,
    state,
    ink: Math.round(ink * 10_000) / 10_000,
    located: located !== null,
    box: { x: round(rect.x), y: round(rect.y), width: round(rect.width), height: round(rect.height) },
  }
}

function findSeal(classes: Uint8Array, raster: Raster, pxPerMm: number): LetterSealResult {
  const pagePixels = raster.width * raster.height
  let red = 0
  for (const c of classes) if (c === 2) red += 1
  const redShare = Math.round((red / pagePixels) * 100_000) / 100_000
  const L = SCAN_LIMITS
  for (const blob of redBlobs(classes, raster.width, Math.max(4, Math.round(2 * pxPerMm)))) {
    const widthMm = blob.rect.width / pxPerMm
    const heightMm = blob.rect.height / pxPerMm
    const aspect = Math.max(widthMm, heightMm) / Math.min(widthMm, heightMm)
    const fill = blob.pixels / (blob.rect.width * blob.rect.height)
    if (blob.pixels / pagePixels < L.sealMinShare) break // sorted by size: the rest are smaller
    if (Math.min(widthMm, heightMm) < L.sealMinMm || Math.max(widthMm, heightMm) > L.sealMaxMm || aspect > L.sealMaxAspect) continue
    if (fill < L.sealFill[0] || fill > L.sealFill[1]) continue
    return { found: true, redShare, box: blob.rect, widthMm: Math.round(widthMm), heightMm: Math.round(heightMm) }
  }
  return { found: false, redShare }
}

function analyseRaster(raster: Raster, layout: ScanLayout, turned: 0 | 90 | 180 | 270): LetterScan {
  const aspect = raster.height / raster.width
  const a4 = layout.page.height / layout.page.width
  const pageShaped = Math.abs(aspect - a4) / a4 <= SCAN_LIMITS.aspectTolerance
  const scale = {
    x: raster.width / layout.page.width,
    y: pageShaped ? raster.height / layout.page.height : raster.width / layout.page.width,
  }
  const classes = classify(raster, paperColour(raster))
  const boxes = layout.boxes.filter((b) => b.kind !== 'seal').map((b) => measureBox(classes, raster, b, scale, pageShaped))
  return {
    version: 1,
    template: { id: layout.templateId, version: layout.templateVersion, variant: layout.variant },
    image: { width: raster.width, height: raster.height },
    pageShaped,
    turned,
    boxes,
    seal: findSeal(classes, raster, scale.x),
  }
}

const located = (r: LetterScan): boolean => r.boxes.length > 0 && r.boxes.every((b) => b.located)

/**
 * Analyses one page image of a signed letter against the template layout the letter was printed
 * with (scanLayout(template), or GeneratedLetter.scanLayout). Pass the page that carries the
 * signature block: the last page of the letter. A page scanned sideways or upside down is turned
 * until its boxes are found. Throws only when the image cannot be decoded.
 */
export async function analyseSignedScan(input: string | Uint8Array, layout: ScanLayout): Promise<LetterScan> {
  const meta = await sharp(input, { failOn: 'error' }).metadata()
  const landscape = meta.autoOrient.width > meta.autoOrient.height
  const turns: Array<0 | 90 | 180 | 270> = landscape ? [0, 90, 270] : [0, 180]
  let first: LetterScan | undefined
  for (const turn of turns) {
    const result = analyseRaster(await loadRaster(input, turn), layout, turn)
    if (located(result)) return result
    first ??= result
  }
  return first as LetterScan
}
