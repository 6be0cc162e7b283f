/**
 * The letter as a list of drawing operations in points, origin at the page's top-left.
 *
 * The layout (pure) produces these and the PDF writer (a service) only draws them, so what goes
 * where is decided — and tested — without a PDF library, and a second renderer (a preview) could
 * draw the same list.
 */

export const PT_PER_MM = 72 / 25.4
export const A4_PT = { width: 210 * PT_PER_MM, height: 297 * PT_PER_MM } as const

export type FontFace = 'regular' | 'bold'

/** A line of text at a baseline; `spacing` is extra space after each glyph (justification). */
export interface TextOp {
  readonly op: 'text'
  readonly x: number
  readonly baseline: number
  readonly text: string
  readonly size: number
  readonly face: FontFace
  readonly spacing: number
  readonly grey?: boolean
}

export interface LineOp {
  readonly op: 'line'
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
  readonly width: number
  readonly dash?: readonly number[]
}

export interface RectOp {
  readonly op: 'rect'
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly lineWidth: number
  readonly dash?: readonly number[]
}

export interface CircleOp {
  readonly op: 'circle'
  readonly cx: number
  readonly cy: number
  readonly r: number
  readonly lineWidth: number
  readonly dash?: readonly number[]
}

export type DrawOp = TextOp | LineOp | RectOp | CircleOp

export interface PageOps {
  readonly ops: DrawOp[]
}

/** Millimetres to points. */
export function mm(value: number): number {
  return value * PT_PER_MM
}
