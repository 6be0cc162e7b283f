/**
 * Which way the text runs, and how far the page is askew, from the ink alone. Projection
 * profiles: when the dark pixels are projected onto the rows of a correctly turned page, text lines
 * and the gaps between them make a spiky profile (high energy); onto the columns, or at a wrong
 * angle, the profile is flat. Telling 0° from 180° needs reading, so that is left to OCR.
 */
import scanQuality from '../../../shared/data/scan-quality.json' with { type: 'json' }
import { histogram, labelComponents, otsu, type GreyImage } from './pixels'

interface InkSample {
  readonly xs: Float64Array
  readonly ys: Float64Array
  readonly width: number
  readonly height: number
}

/**
 * Up to `max` dark pixels of text, evenly strided, centred on the image. Long shapes (frames,
 * table rules, a scanner's dark border) are left out: one frame line outweighs a page of text in a
 * projection profile and would turn a portrait page sideways.
 */
function inkSample(grey: GreyImage, max = 60_000): InkSample | null {
  const threshold = Math.min(otsu(histogram(grey)), 160)
  const mask = new Uint8Array(grey.data.length)
  for (let i = 0; i < mask.length; i += 1) mask[i] = (grey.data[i] as number) < threshold ? 1 : 0
  const { components, labels } = labelComponents(mask, grey.width, grey.height)
  const keep = components.map((c) => c.maxX - c.minX < grey.width * 0.2 && c.maxY - c.minY < grey.height * 0.2 && c.area >= 3)
  let count = 0
  for (let i = 0; i < mask.length; i += 1) if (mask[i] === 1 && keep[labels[i] as number]) count += 1
  if (count < 50) return null
  const stride = Math.max(1, Math.ceil(count / max))
  const n = Math.ceil(count / stride)
  const xs = new Float64Array(n)
  const ys = new Float64Array(n)
  let seen = 0
  let k = 0
  const cx = grey.width / 2
  const cy = grey.height / 2
  for (let i = 0; i < mask.length && k < n; i += 1) {
    if (mask[i] !== 1 || !keep[labels[i] as number]) continue
    if (seen % stride === 0) {
      xs[k] = (i % grey.width) - cx
      ys[k] = Math.floor(i / grey.width) - cy
      k += 1
    }
    seen += 1
  }
  return { xs: xs.subarray(0, k), ys: ys.subarray(0, k), width: grey.width, height: grey.height }
}

function profile(s: InkSample, degrees: number, axis: 'rows' | 'cols'): Float64Array {
  const t = (degrees * Math.PI) / 180
  const sin = Math.sin(t)
  const cos = Math.cos(t)
  const size = Math.ceil(Math.hypot(s.width, s.height)) + 2
  const bins = new Float64Array(size)
  const half = size / 2
  for (let i = 0; i < s.xs.length; i += 1) {
    const x = s.xs[i] as number
    const y = s.ys[i] as number
    const p = axis === 'rows' ? y * cos - x * sin : x * cos + y * sin
    const b = Math.floor(p + half)
    if (b >= 0 && b < size) bins[b] = (bins[b] as number) + 1
  }
  return bins
}

/** Sum of squared bin counts of the projection onto rows (or columns) at `degrees`. */
function energy(s: InkSample, degrees: number, axis: 'rows' | 'cols'): number {
  const bins = profile(s, degrees, axis)
  let e = 0
  for (const v of bins) e += v * v
  return e
}

function bestAngle(s: InkSample, axis: 'rows' | 'cols'): { angle: number; energy: number } {
  const { maxDegrees, stepDegrees } = scanQuality.skew
  let best = { angle: 0, energy: -1 }
  // Coarse then fine: 1° steps over the range, then the step around the best.
  for (let a = -maxDegrees; a <= maxDegrees; a += 1) {
    const e = energy(s, a, axis)
    if (e > best.energy) best = { angle: a, energy: e }
  }
  const centre = best.angle
  for (let a = centre - 1; a <= centre + 1 + 1e-9; a += stepDegrees) {
    const e = energy(s, a, axis)
    if (e > best.energy) best = { angle: Math.round(a * 100) / 100, energy: e }
  }
  return best
}

/**
 * The typical height of a text line: the median run of ink-bearing rows in the levelled profile.
 * Used to scale the page so its text reaches the height tesseract reads best.
 */
function lineHeight(s: InkSample, degrees: number, axis: 'rows' | 'cols'): number {
  const bins = profile(s, degrees, axis)
  let sum = 0
  let nonzero = 0
  for (const v of bins)
    if (v > 0) {
      sum += v
      nonzero += 1
    }
  const floor = nonzero === 0 ? 1 : (sum / nonzero) * 0.15
  const runs: number[] = []
  let run = 0
  for (const v of bins) {
    if (v > floor) run += 1
    else if (run > 0) {
      if (run >= 2) runs.push(run)
      run = 0
    }
  }
  if (runs.length === 0) return 0
  runs.sort((a, b) => a - b)
  return runs[Math.floor(runs.length / 2)] as number
}

export interface Layout {
  /** True when text lines run across the image (0° or 180°); false when sideways (90° or 270°). */
  readonly horizontal: boolean
  /** How clearly: the ratio of the better profile's energy to the other's (1 = no idea). */
  readonly certainty: number
  /** The text lines' tilt in degrees, positive = clockwise (down to the right); levelling rotates by −skew. */
  readonly skew: number
  /** Median text line height in the thumbnail's pixels (0 when unknown). */
  readonly lineHeight: number
}

/** Direction of the text lines and the skew, from a grey thumbnail (~1000 px). */
export function analyseLayout(grey: GreyImage): Layout {
  const s = inkSample(grey)
  if (!s) return { horizontal: true, certainty: 1, skew: 0, lineHeight: 0 }
  const rows = bestAngle(s, 'rows')
  const cols = bestAngle(s, 'cols')
  const horizontal = rows.energy >= cols.energy
  const certainty = horizontal ? rows.energy / Math.max(1, cols.energy) : cols.energy / Math.max(1, rows.energy)
  // The projection angle that levels the rows is the page's own tilt (y grows downwards, so a
  // positive angle is a clockwise tilt); sharp rotates clockwise for positive angles: undo with −a.
  const skew = horizontal ? rows.angle : -cols.angle
  const height = horizontal ? lineHeight(s, rows.angle, 'rows') : lineHeight(s, cols.angle, 'cols')
  return { horizontal, certainty, skew, lineHeight: height }
}

/** Skew after the page has been turned upright: only the rows matter then. */
export function measureSkew(grey: GreyImage): number {
  const s = inkSample(grey)
  return s ? bestAngle(s, 'rows').angle : 0
}
