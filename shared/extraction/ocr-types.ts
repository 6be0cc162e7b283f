/**
 * What an OCR engine returns, independent of the engine: lines of words, each with its box in the
 * pixels of the image that was read and a confidence in 0..1. Extraction works on this shape only,
 * so it can be tested with scripted results and the engine can be swapped.
 */
import type { Box } from '../model/extracted'

/** One character of a word, where the engine can place it (PP-OCR: from its CTC time steps). */
export interface OcrChar {
  readonly text: string
  /** 0..1 */
  readonly confidence: number
  readonly box: Box
}

export interface OcrWord {
  readonly text: string
  /** 0..1 */
  readonly confidence: number
  readonly box: Box
  /** Per-character boxes in reading order, when the engine provides them (PP-OCR does, tesseract.js here does not). */
  readonly chars?: readonly OcrChar[]
}

export interface OcrLine {
  readonly text: string
  readonly confidence: number
  readonly box: Box
  readonly words: readonly OcrWord[]
}

export interface OcrPage {
  readonly text: string
  readonly confidence: number
  readonly lines: readonly OcrLine[]
  /** Which way the text runs, when the engine can tell from its boxes (PP-OCR). */
  readonly direction?: PageDirection
}

/**
 * The clockwise quarter turns that would make the page's text upright, each weighted by the
 * characters read in boxes that need it, and the median tilt of the text lines in degrees once
 * upright (positive: down to the right).
 */
export interface PageDirection {
  readonly votes: Readonly<Record<0 | 90 | 180 | 270, number>>
  readonly skew: number
}

/** The right edge of a box. */
export const right = (b: Box): number => b.x + b.width
/** The bottom edge of a box. */
export const bottom = (b: Box): number => b.y + b.height

/** The smallest box holding all the given boxes (a zero box when there are none). */
export function union(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 }
  const x = Math.min(...boxes.map((b) => b.x))
  const y = Math.min(...boxes.map((b) => b.y))
  return { x, y, width: Math.max(...boxes.map(right)) - x, height: Math.max(...boxes.map(bottom)) - y }
}

/** How much two boxes overlap vertically, as a share of the shorter one (0..1). */
export function verticalOverlap(a: Box, b: Box): number {
  const overlap = Math.min(bottom(a), bottom(b)) - Math.max(a.y, b.y)
  return overlap <= 0 ? 0 : overlap / Math.max(1, Math.min(a.height, b.height))
}

/** Pages read from regions of one image (boxes already in that image's pixels) as one page, in the given order. */
export function joinPages(pages: readonly OcrPage[]): OcrPage {
  const lines = pages.flatMap((p) => p.lines)
  const chars = (l: OcrLine): number => [...l.text].length
  const total = lines.reduce((n, l) => n + chars(l), 0)
  return {
    text: pages.map((p) => p.text).join('\n'),
    confidence: total === 0 ? 0 : lines.reduce((n, l) => n + chars(l) * l.confidence, 0) / total,
    lines,
    ...joinDirections(pages),
  }
}

/** The direction of regions read apart (cards on a page): their votes added, the skew of the region with most text. */
function joinDirections(pages: readonly OcrPage[]): { direction?: PageDirection } {
  const withDirection = pages.flatMap((p) => (p.direction ? [p.direction] : []))
  if (withDirection.length === 0) return {}
  const weight = (d: PageDirection): number => d.votes[0] + d.votes[90] + d.votes[180] + d.votes[270]
  const votes = { 0: 0, 90: 0, 180: 0, 270: 0 }
  for (const d of withDirection) for (const t of [0, 90, 180, 270] as const) votes[t] += d.votes[t]
  const heaviest = withDirection.reduce((a, b) => (weight(b) > weight(a) ? b : a))
  return { direction: { votes, skew: heaviest.skew } }
}
