/**
 * Image quality as providers judge it (icp-rules.md §2): a colour original, not a grey copy; sharp;
 * no glare; nothing cut off at the edge; enough pixels for the document's size. Each measure is a
 * number computed on a thumbnail; thresholds live in shared/data/scan-quality.json.
 */
import q from '../../../shared/data/scan-quality.json' with { type: 'json' }
import type { DocumentKind } from '../../../shared/model/extracted'
import { components, histogram, luminance, otsu, percentileOf, thumbnail, type GreyImage, type RawImage } from './pixels'

export interface ColourMeasure {
  readonly colour: boolean
  /** Share of thumbnail pixels with chroma above the threshold, after white-balancing the paper. */
  readonly share: number
}

/**
 * Colour vs grey copy. The paper colour is divided out first (a grey copy on yellowed paper, scanned
 * in colour mode, is still a copy), then pixels with a clear chroma are counted.
 */
export async function measureColour(img: RawImage): Promise<ColourMeasure> {
  const t = await thumbnail(img, q.colour.thumbnail)
  const n = t.width * t.height
  const hists = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)]
  for (let i = 0; i < n * 3; i += 1) {
    const h = hists[i % 3] as Uint32Array
    const v = t.data[i] as number
    h[v] = (h[v] as number) + 1
  }
  const gains = hists.map((h) => 255 / Math.max(60, percentileOf(h, 0.9)))
  let coloured = 0
  for (let i = 0; i < n * 3; i += 3) {
    const r = (t.data[i] as number) * (gains[0] as number)
    const g = (t.data[i + 1] as number) * (gains[1] as number)
    const b = (t.data[i + 2] as number) * (gains[2] as number)
    if (Math.max(r, g, b) - Math.min(r, g, b) > q.colour.chroma) coloured += 1
  }
  const share = coloured / n
  return { colour: share >= q.colour.minColourShare, share }
}

/**
 * Blur as an edge width: ink-to-paper contrast divided by the steepest gradients. Sharp text has
 * edges one or two pixels wide; a blurred scan spreads them over many.
 */
export function measureBlur(grey: GreyImage): number {
  const hist = histogram(grey)
  // Paper is the median; ink the darkest 0.2 % (a sparse page, such as two cards on A4, is mostly paper).
  const contrast = percentileOf(hist, 0.5) - percentileOf(hist, 0.002)
  if (contrast < 40) return 0
  const grads = new Uint32Array(256)
  const { width, height, data } = grey
  for (let y = 1; y < height - 1; y += 1)
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x
      const gx = Math.abs((data[i + 1] as number) - (data[i - 1] as number)) / 2
      const gy = Math.abs((data[i + width] as number) - (data[i - width] as number)) / 2
      const g = Math.min(255, Math.round(Math.max(gx, gy)))
      grads[g] = (grads[g] as number) + 1
    }
  // The steepest edges: the 99.7th percentile of gradients among pixels that have any.
  let total = 0
  for (let v = 4; v < 256; v += 1) total += grads[v] as number
  let seen = 0
  let steep = 0
  for (let v = 255; v >= 4; v -= 1) {
    seen += grads[v] as number
    if (seen >= total * 0.003) {
      steep = v
      break
    }
  }
  return steep === 0 ? 99 : contrast / steep
}

/** Share of the page that is blown out: brighter than the paper and saturated in every channel. */
export async function measureGlare(img: RawImage): Promise<number> {
  const t = await thumbnail(img, 600)
  const grey = luminance(t)
  const paper = percentileOf(histogram(grey), 0.6)
  const level = Math.max(250, paper + q.glare.paperMargin)
  if (level > 255) return 0
  const mask = new Uint8Array(grey.data.length)
  for (let i = 0; i < mask.length; i += 1) {
    const j = i * 3
    mask[i] = (t.data[j] as number) >= level && (t.data[j + 1] as number) >= level && (t.data[j + 2] as number) >= level ? 1 : 0
  }
  // White corners left by rotating a scan touch two borders; a glare patch lies on the document.
  const borders = (c: { minX: number; minY: number; maxX: number; maxY: number }): number =>
    Number(c.minX === 0) + Number(c.minY === 0) + Number(c.maxX === t.width - 1) + Number(c.maxY === t.height - 1)
  const largest = components(mask, t.width, t.height)
    .filter((c) => borders(c) < 2)
    .reduce((m, c) => Math.max(m, c.area), 0)
  return largest / mask.length
}

export type Edge = 'top' | 'bottom' | 'left' | 'right'

/** The edges that ink runs into (text or frame lines cut by the border of the image). */
export async function measureCutOff(img: RawImage): Promise<Edge[]> {
  const t = await thumbnail(img, 600)
  const grey = luminance(t)
  const threshold = Math.min(otsu(histogram(grey)), 150)
  const mask = new Uint8Array(grey.data.length)
  for (let i = 0; i < mask.length; i += 1) mask[i] = (grey.data[i] as number) < threshold ? 1 : 0
  const band = q.cutOff.edgeBand
  const counts: Record<Edge, number> = { top: 0, bottom: 0, left: 0, right: 0 }
  for (const c of components(mask, t.width, t.height)) {
    if (c.area < 4) continue
    const w = c.maxX - c.minX + 1
    const h = c.maxY - c.minY + 1
    if (c.minY < band && w < t.width * q.cutOff.maxAlongEdge) counts.top += 1
    if (c.maxY >= t.height - band && w < t.width * q.cutOff.maxAlongEdge) counts.bottom += 1
    if (c.minX < band && h < t.height * q.cutOff.maxAlongEdge) counts.left += 1
    if (c.maxX >= t.width - band && h < t.height * q.cutOff.maxAlongEdge) counts.right += 1
  }
  return (Object.keys(counts) as Edge[]).filter((e) => counts[e] >= q.cutOff.minTouching)
}

export interface ResolutionMeasure {
  readonly dpi: number
  readonly level: 'ok' | 'warn' | 'error'
}

/**
 * Resolution relative to the document's real size: the image's short side is taken to be the
 * document's short side (an ID card photo fills its image; an A4 scan's short side is 210 mm).
 * For an ID card on an A4 page, the page is the reference, which gives the same dots per inch.
 */
export function measureResolution(kind: DocumentKind, width: number, height: number, sides: number): ResolutionMeasure | null {
  const rule = (q.resolution.byKind as Record<string, { documentWidthMm: number; errorBelowDpi: number; warnBelowDpi: number }>)[kind]
  if (!rule) return null
  const short = Math.min(width, height)
  const long = Math.max(width, height)
  const aspect = long / Math.max(1, short)
  let mm = rule.documentWidthMm
  if (kind === 'id-card') {
    // A card alone (aspect ~1.58): the long side is 85.6 mm. A page holding cards: A4, 210 mm short side.
    if (aspect > 1.45 && aspect < 1.75 && sides === 1) return grade((long / 85.6) * 25.4, rule)
    mm = 210
  }
  return grade((short / mm) * 25.4, rule)
}

function grade(exact: number, rule: { errorBelowDpi: number; warnBelowDpi: number }): ResolutionMeasure {
  // Whole dots per inch: an A4 page of 2480 px is a 300-dpi scan, not 299.96.
  const dpi = Math.round(exact)
  return { dpi, level: dpi < rule.errorBelowDpi ? 'error' : dpi < rule.warnBelowDpi ? 'warn' : 'ok' }
}
