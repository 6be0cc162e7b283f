/**
 * Where a value's ink starts, from the pixels rather than from OCR's boxes. The page pass shares a
 * word's box out evenly among its characters, so the edge between a label and its value is known
 * only roughly; a crop that starts a little early takes in the last stroke of the label (「人」 of
 * 法定代表人), which the recogniser then reads as an extra character (「了丁浩平」). The gap between a
 * label and its value is the widest blank run of columns on that row, wider than any gap between
 * the characters of a value, so the crop starts just before the value's first ink.
 */
import type { Box } from '../../../shared/model/extracted'
import type { RawImage } from '../intake/pixels'

/** Luminance with red ink lifted towards white (a seal over the row is not text), as the OCR images are made. */
function lum(d: Buffer, i: number): number {
  const r = d[i] as number
  const g = d[i + 1] as number
  const b = d[i + 2] as number
  const red = r - Math.max(g, b)
  return 0.299 * r + 0.587 * g + 0.114 * b + (red > 0 ? red * 1.1 : 0)
}

/** Columns of the band [y0, y1) between x0 and x1 that hold ink (true) or none (false); null when the band has no contrast. */
export function inkColumns(img: RawImage, x0: number, x1: number, y0: number, y1: number): boolean[] | null {
  const left = Math.max(0, Math.floor(x0))
  const right = Math.min(img.width, Math.ceil(x1))
  const top = Math.max(0, Math.floor(y0))
  const bottom = Math.min(img.height, Math.ceil(y1))
  if (right - left < 2 || bottom - top < 2) return null
  const values: number[] = []
  for (let y = top; y < bottom; y += 1) for (let x = left; x < right; x += 1) values.push(lum(img.data, (y * img.width + x) * 3))
  const sorted = [...values].sort((a, b) => a - b)
  const ink = sorted[Math.floor(sorted.length * 0.02)] as number
  const paper = sorted[Math.floor(sorted.length * 0.9)] as number
  if (paper - ink < 60) return null
  const threshold = (paper + ink) / 2
  const height = bottom - top
  // A column is blank when almost none of it is dark: scanner noise leaves a stray dark pixel.
  const allowed = Math.max(1, Math.floor(height * 0.03))
  const out: boolean[] = []
  for (let x = 0; x < right - left; x += 1) {
    let dark = 0
    for (let y = 0; y < height; y += 1) if ((values[y * (right - left) + x] as number) < threshold) dark += 1
    out.push(dark > allowed)
  }
  return out
}

/**
 * Where to start reading a value printed right of its label: just before the value's first ink,
 * after the widest blank gap between the label's end and where OCR put the value. Null when the
 * pixels do not show a clear gap (then the caller keeps its estimate).
 */
export function valueStart(img: RawImage, label: Box, value: Box, textHeight: number): number | null {
  const h = textHeight
  const from = label.x + label.width - h * 0.5
  const to = value.x + h * 0.3
  if (to - from < h * 0.4) return null
  const cols = inkColumns(img, from, to, value.y, value.y + value.height)
  if (!cols) return null
  const origin = Math.max(0, Math.floor(from))
  let best: { start: number; end: number } | null = null
  let runStart = -1
  cols.forEach((ink, x) => {
    if (!ink && runStart < 0) runStart = x
    if ((ink || x === cols.length - 1) && runStart >= 0) {
      const end = ink ? x : x + 1
      if (!best || end - runStart > best.end - best.start) best = { start: runStart, end }
      runStart = -1
    }
  })
  const gap = best as { start: number; end: number } | null
  // A gap narrower than a third of a character could be between two characters of the value.
  if (!gap || gap.end - gap.start < h * 0.35) return null
  return origin + gap.end - Math.min(h * 0.3, (gap.end - gap.start) / 2)
}
