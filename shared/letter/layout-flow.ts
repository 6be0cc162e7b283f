/**
 * The page flow the letter is laid out on: a cursor moving down A4 pages, drawing wrapped,
 * justified lines, and turning a character the font lacks into a visible box (and a report).
 *
 * Pure: widths and glyph coverage come in through FontMetrics, so it runs in shared/ and tests.
 */
import { A4_PT, mm, type DrawOp, type FontFace, type PageOps } from './draw-ops'
import { breakLines, type LaidLine, type StyledRun } from './line-break'
import type { LetterTemplate } from './template'

/** What the layout needs to know about the font. */
export interface FontMetrics {
  /** Advance width of one code point at 1 pt, in points. */
  advance(ch: string, face: FontFace): number
  /** Whether the font has a glyph for the code point. */
  has(ch: string, face: FontFace): boolean
}

/** A style per run: identity matters (runs with the same object are merged). */
export interface RunStyle {
  readonly face: FontFace
  readonly size: number
  /** A value filled from the case: underlined in running text. */
  readonly filled: boolean
  /** The placeholder (or template path) the text came from, for reports. */
  readonly source: string
}

export interface MissingGlyph {
  readonly ch: string
  readonly codePoint: string
  readonly source: string
}

/** Splits template text into literal and filled runs. */
export function styledRuns(
  template: string,
  values: Readonly<Record<string, string>>,
  base: RunStyle,
  path: string,
): StyledRun<RunStyle>[] {
  const runs: StyledRun<RunStyle>[] = []
  let last = 0
  const literal: RunStyle = { ...base, filled: false, source: path }
  for (const m of template.matchAll(/\{([^{}]*)\}/g)) {
    if ((m.index ?? 0) > last) runs.push({ text: template.slice(last, m.index), style: literal })
    const name = m[1] ?? ''
    const value = values[name]
    runs.push({
      text: value === undefined || value === '' ? '\u3000\u3000\u3000\u3000' : value,
      style: { ...base, filled: true, source: name },
    })
    last = (m.index ?? 0) + m[0].length
  }
  if (last < template.length) runs.push({ text: template.slice(last), style: literal })
  return runs
}

/** The layout cursor: pages so far, the current y, and what was drawn or could not be. */
export class Flow {
  readonly pages: PageOps[] = []
  readonly missing: MissingGlyph[] = []
  readonly overflows: string[] = []
  readonly used: Record<FontFace, Set<string>> = { regular: new Set(), bold: new Set() }
  y = 0
  readonly left: number
  readonly width: number
  readonly top: number
  readonly bottom: number

  constructor(
    readonly t: LetterTemplate,
    readonly metrics: FontMetrics,
  ) {
    const m = t.page.margins
    this.left = mm(m.left)
    this.width = A4_PT.width - mm(m.left) - mm(m.right)
    this.top = mm(m.top)
    this.bottom = A4_PT.height - mm(m.bottom) - mm(6) // room for the footer
    this.newPage()
  }

  get ops(): DrawOp[] {
    return (this.pages[this.pages.length - 1] as PageOps).ops
  }

  newPage(): void {
    this.pages.push({ ops: [] })
    this.y = this.top
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top + 1) this.newPage()
  }

  measure = (ch: string, style: RunStyle): number => this.metrics.advance(ch, style.face) * style.size

  /** Draws one laid line at (x, baseline), justified to `justifyTo` when given. */
  drawLine(line: LaidLine<RunStyle>, x: number, baseline: number, justifyTo?: number): void {
    const size = line.runs[0]?.style.size ?? 11
    let spacing = 0
    if (justifyTo !== undefined && !line.last && line.glyphs > 1) {
      const extra = (justifyTo - line.width) / (line.glyphs - 1)
      if (extra > 0 && extra < size * 0.5) spacing = extra
    }
    let cx = x
    for (const run of line.runs) {
      const runStart = cx
      let segment = ''
      let segX = cx
      const flush = (): void => {
        if (segment !== '')
          this.ops.push({ op: 'text', x: segX, baseline, text: segment, size: run.style.size, face: run.style.face, spacing })
        segment = ''
      }
      for (const ch of run.text) {
        const w = this.measure(ch, run.style)
        if (this.metrics.has(ch, run.style.face) || /\s/.test(ch)) {
          if (segment === '') segX = cx
          segment += ch
          this.used[run.style.face].add(ch)
        } else {
          flush()
          this.missing.push({
            ch,
            codePoint: `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
            source: run.style.source,
          })
          const s = run.style.size
          this.ops.push({ op: 'rect', x: cx + s * 0.05, y: baseline - s * 0.86, width: s * 0.9, height: s * 0.98, lineWidth: 0.6 })
        }
        cx += w + spacing
      }
      flush()
      if (run.style.filled) {
        const end = cx - spacing
        this.ops.push({ op: 'line', x1: runStart, y1: baseline + size * 0.18, x2: end, y2: baseline + size * 0.18, width: 0.5 })
      }
    }
  }

  /** A paragraph in the text column: wraps with 禁则, justified, first line indented. */
  paragraph(runs: StyledRun<RunStyle>[], options: { indent?: number; align?: 'left' | 'center'; after?: number } = {}): void {
    const size = runs[0]?.style.size ?? this.t.page.bodySize
    const lh = size * this.t.page.lineHeight
    const indent = options.indent ?? 0
    const lines = breakLines(runs, { maxWidth: this.width, measure: this.measure, firstIndent: indent })
    // No lone first line at a page foot (孤行) and no lone last line at a page head (寡行).
    const fit = Math.floor((this.bottom - this.y + 1e-6) / lh)
    let breakAt = -1
    if (fit < lines.length && lines.length > 1) breakAt = fit <= 1 ? 0 : lines.length - fit === 1 ? fit - 1 : -1
    if (breakAt === 0) this.newPage()
    lines.forEach((line, i) => {
      if (i === breakAt && i > 0) this.newPage()
      this.ensure(lh)
      const baseline = this.y + (lh - size) / 2 + size * 0.88
      if (options.align === 'center') this.drawLine(line, this.left + (this.width - line.width) / 2, baseline)
      else this.drawLine(line, this.left + (i === 0 ? indent : 0), baseline, this.width - (i === 0 ? indent : 0))
      this.y += lh
    })
    this.y += options.after ?? 0
  }
}
