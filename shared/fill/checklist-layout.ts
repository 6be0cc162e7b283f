/**
 * Lays the 材料清单 out on A4 pages as drawing operations, in the letter's terms (draw-ops.ts), so
 * the letter's PDF writer and font embedding print it unchanged. Tables wrap their cells (with the
 * letter's 禁则 line breaking), repeat their header on a new page, and a character the font lacks
 * becomes a visible box and a report, never a blank. Pure: font widths come in through FontMetrics.
 */
import { A4_PT, mm, type DrawOp, type FontFace, type PageOps } from '../letter/draw-ops'
import type { LetterLayout } from '../letter/layout'
import type { FontMetrics, MissingGlyph } from '../letter/layout-flow'
import { breakLines } from '../letter/line-break'
import type { Checklist } from './checklist'

interface Style {
  readonly face: FontFace
  readonly size: number
  readonly grey?: boolean
}

const BODY: Style = { face: 'regular', size: 9.5 }
const BOLD: Style = { face: 'bold', size: 9.5 }
const MARGIN = mm(16)
const PAD = mm(1.4)
const BORDER = 0.6

class Pages {
  readonly pages: PageOps[] = []
  readonly missing: MissingGlyph[] = []
  readonly used: Record<FontFace, Set<string>> = { regular: new Set(), bold: new Set() }
  readonly left = MARGIN
  readonly width = A4_PT.width - 2 * MARGIN
  readonly bottom = A4_PT.height - MARGIN - mm(8)
  y = 0

  constructor(readonly metrics: FontMetrics) {
    this.newPage()
  }

  get ops(): DrawOp[] {
    return (this.pages[this.pages.length - 1] as PageOps).ops
  }

  newPage(): void {
    this.pages.push({ ops: [] })
    this.y = MARGIN
  }

  /** True when a new page was started because `height` did not fit. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom || this.y <= MARGIN + 1) return false
    this.newPage()
    return true
  }

  lines(text: string, style: Style, width: number) {
    return breakLines([{ text, style }], { maxWidth: width, measure: (ch, s: Style) => this.metrics.advance(ch, s.face) * s.size })
  }

  /** Draws one line of one style at x; characters the font lacks become boxes. */
  text(text: string, style: Style, x: number, baseline: number): void {
    let cx = x
    let segment = ''
    let segX = x
    const flush = () => {
      if (segment !== '')
        this.ops.push({
          op: 'text',
          x: segX,
          baseline,
          text: segment,
          size: style.size,
          face: style.face,
          spacing: 0,
          ...(style.grey ? { grey: true } : {}),
        })
      segment = ''
    }
    for (const ch of text) {
      const w = this.metrics.advance(ch, style.face) * style.size
      if (this.metrics.has(ch, style.face) || /\s/.test(ch)) {
        if (segment === '') segX = cx
        segment += ch
        this.used[style.face].add(ch)
      } else {
        flush()
        this.missing.push({
          ch,
          codePoint: `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
          source: 'checklist',
        })
        const s = style.size
        this.ops.push({ op: 'rect', x: cx + s * 0.05, y: baseline - s * 0.86, width: s * 0.9, height: s * 0.98, lineWidth: 0.6 })
      }
      cx += w
    }
    flush()
  }

  /** A wrapped paragraph across the text column. */
  paragraph(text: string, style: Style, options: { indent?: number; after?: number; center?: boolean } = {}): void {
    const indent = options.indent ?? 0
    const lh = style.size * 1.5
    for (const line of this.lines(text, style, this.width - indent)) {
      this.ensure(lh)
      const x = options.center ? this.left + (this.width - line.width) / 2 : this.left + indent
      this.text(line.runs.map((r) => r.text).join(''), style, x, this.y + (lh - style.size) / 2 + style.size * 0.88)
      this.y += lh
    }
    this.y += options.after ?? 0
  }

  /** One table row; cells wrap; a page break repeats the header. */
  row(cells: ReadonlyArray<{ text: string; style: Style }>, widths: readonly number[], header?: () => void): void {
    const lh = BODY.size * 1.4
    const laid = cells.map((c, i) => this.lines(c.text, c.style, (widths[i] ?? 0) - 2 * PAD))
    const height = Math.max(...laid.map((l) => l.length)) * lh + 2 * PAD
    if (this.ensure(height) && header) header()
    let x = this.left
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0
      this.ops.push({ op: 'rect', x, y: this.y, width: w, height, lineWidth: BORDER })
      let y = this.y + PAD
      for (const line of laid[i] ?? []) {
        this.text(line.runs.map((r) => r.text).join(''), cell.style, x + PAD, y + (lh - cell.style.size) / 2 + cell.style.size * 0.88)
        y += lh
      }
      x += w
    })
    this.y += height
  }

  heading(text: string): void {
    this.ensure(mm(16))
    this.y += mm(3)
    this.paragraph(text, { face: 'bold', size: 12 }, { after: mm(1.5) })
  }
}

/** Column widths as shares of the text column. */
function columns(p: Pages, shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0)
  return shares.map((s) => (p.width * s) / total)
}

/** The checklist on A4 pages, footers numbered 第 n / N 页. */
export function layoutChecklist(c: Checklist, metrics: FontMetrics): LetterLayout {
  const p = new Pages(metrics)
  const t = c.texts
  const col = t.columns
  p.paragraph(c.title, { face: 'bold', size: 18 }, { center: true, after: mm(1) })
  p.paragraph(c.who, { face: 'regular', size: 12 }, { center: true, after: mm(4) })
  p.paragraph(c.intro, BODY, { after: mm(2) })

  p.heading(t.sections.facts)
  const factWidths = columns(p, [1, 3])
  for (const [k, v] of c.facts)
    p.row(
      [
        { text: k, style: BOLD },
        { text: v, style: BODY },
      ],
      factWidths,
    )

  p.heading(t.sections.collect)
  const w = columns(p, [0.5, 3.2, 2.2, 1, 2.4])
  const header = () =>
    p.row(
      [col.no, col.material, col.why, col.status, '备注'].map((text) => ({ text: text ?? '', style: BOLD })),
      w,
    )
  header()
  c.collect.forEach((r, i) => {
    const status: Style = r.status === 'have' ? BODY : BOLD
    p.row(
      [
        { text: String(i + 1), style: BODY },
        { text: r.material, style: BODY },
        { text: r.why, style: BODY },
        { text: r.statusText, style: status },
        { text: r.note ?? '', style: { ...BODY, grey: true } },
      ],
      w,
      header,
    )
  })

  p.heading(t.sections.info)
  if (c.info.length === 0) p.paragraph(t.noneMissing, BODY)
  else for (const line of c.info) p.paragraph(`□ ${line}`, BODY, { indent: mm(2) })

  p.heading(t.sections.expiring)
  if (c.expiring.length === 0) p.paragraph(t.noneExpiring, BODY)
  else {
    const ew = columns(p, [2.6, 1.5, 1.2, 3.4])
    const eHeader = () =>
      p.row(
        [col.item, col.date, col.days, col.fix].map((text) => ({ text: text ?? '', style: BOLD })),
        ew,
      )
    eHeader()
    for (const r of c.expiring)
      p.row(
        [
          { text: r.item, style: BODY },
          { text: r.date, style: BODY },
          { text: r.days, style: r.expired ? BOLD : BODY },
          { text: r.fix, style: BODY },
        ],
        ew,
        eHeader,
      )
  }

  p.heading(t.sections.scanRules)
  t.scanRules.forEach((rule, i) => p.paragraph(`${i + 1}. ${rule}`, BODY, { indent: mm(2) }))

  // Footers last, once the page count is known.
  const pages = p.pages.length
  p.pages.forEach((page, i) => {
    const text = t.footer
      .replace('{date}', c.date)
      .replace('{page}', String(i + 1))
      .replace('{pages}', String(pages))
    const style: Style = { face: 'regular', size: 8, grey: true }
    const width = [...text].reduce((s, ch) => s + metrics.advance(ch, 'regular') * style.size, 0)
    page.ops.push({
      op: 'line',
      x1: p.left,
      y1: A4_PT.height - MARGIN - mm(5),
      x2: p.left + p.width,
      y2: A4_PT.height - MARGIN - mm(5),
      width: 0.4,
    })
    for (const ch of text) if (metrics.has(ch, 'regular')) p.used.regular.add(ch)
    page.ops.push({
      op: 'text',
      x: p.left + (p.width - width) / 2,
      baseline: A4_PT.height - MARGIN,
      text,
      size: style.size,
      face: 'regular',
      spacing: 0,
      grey: true,
    })
  })
  const used = { regular: [...p.used.regular].sort().join(''), bold: [...p.used.bold].sort().join('') }
  return { pages: p.pages, missingGlyphs: p.missing, overflows: [], used }
}
