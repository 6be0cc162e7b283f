/**
 * Lays the letter out on A4 pages: title, details table, website table, numbered clauses, and the
 * signature block at its fixed place on the last page.
 *
 * Pure: font widths and glyph coverage come in through FontMetrics. A character the font cannot
 * draw is never left blank: it becomes a visible empty square to complete by hand, and is reported.
 * Text that does not fit where the template put it is shrunk, and reported if it still does not
 * fit — never clipped.
 */
import { A4_PT, mm, type FontFace, type PageOps } from './draw-ops'
import { breakLines, type LaidLine, type StyledRun } from './line-break'
import { Flow, styledRuns, type FontMetrics, type MissingGlyph, type RunStyle } from './layout-flow'
import type { LetterTemplate, TextItem } from './template'
import type { LetterValues } from './values'

export type { FontMetrics, MissingGlyph, RunStyle } from './layout-flow'
export { styledRuns } from './layout-flow'

/** The laid-out letter: what each page draws, and what could not be drawn as asked. */
export interface LetterLayout {
  readonly pages: PageOps[]
  readonly missingGlyphs: MissingGlyph[]
  /** Template paths of text that could not be fitted where the template placed it. */
  readonly overflows: string[]
  /** Every code point drawn, per face (to name the font subsets deterministically). */
  readonly used: Readonly<Record<FontFace, string>>
}

const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 1 → 一, 12 → 十二, 20 → 二十: clause numbers as a Chinese document writes them. */
export function chineseNumeral(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n] ?? String(n)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : (CHINESE_NUMERALS[tens] ?? '')}十${CHINESE_NUMERALS[ones] ?? ''}`
}

const PAD = mm(1.6)
const BORDER = 0.7

interface Cell {
  readonly runs: StyledRun<RunStyle>[]
  readonly width: number
  readonly align: 'left' | 'center'
}

/** One table row: cells wrap inside their width; the row is as tall as its tallest cell. */
function tableRow(flow: Flow, cells: Cell[], header?: () => void): void {
  const size = flow.t.page.bodySize
  const lh = size * 1.35
  const laid = cells.map((c) => breakLines(c.runs, { maxWidth: c.width - 2 * PAD, measure: flow.measure }))
  const height = Math.max(mm(7), Math.max(...laid.map((l) => l.length)) * lh + 2 * PAD)
  const before = flow.pages.length
  flow.ensure(height)
  if (flow.pages.length > before && header) header()
  let x = flow.left
  cells.forEach((cell, i) => {
    const lines = laid[i] ?? []
    flow.ops.push({ op: 'rect', x, y: flow.y, width: cell.width, height, lineWidth: BORDER })
    let y = flow.y + (height - lines.length * lh) / 2
    for (const line of lines) {
      const baseline = y + (lh - size) / 2 + size * 0.88
      const lx = cell.align === 'center' ? x + (cell.width - line.width) / 2 : x + PAD
      flow.drawLine(line, lx, baseline)
      y += lh
    }
    x += cell.width
  })
  flow.y += height
}

function detailsTable(flow: Flow, values: LetterValues): void {
  const t = flow.t
  const base: RunStyle = { face: 'regular', size: t.page.bodySize, filled: false, source: 'details' }
  const labelWidth = mm(34)
  t.details.forEach((row, i) => {
    tableRow(flow, [
      { runs: [{ text: row.label, style: { ...base, face: 'bold', source: `details[${i}].label` } }], width: labelWidth, align: 'center' },
      { runs: styledRuns(row.value, values.case, base, `details[${i}].value`), width: flow.width - labelWidth, align: 'left' },
    ])
  })
}

function websiteTable(flow: Flow, values: LetterValues): void {
  const t = flow.t
  const size = t.page.bodySize
  const base: RunStyle = { face: 'regular', size, filled: false, source: 'websites' }
  flow.paragraph(styledRuns(t.websites.caption, values.case, base, 'websites.caption'), { after: mm(1) })
  const total = t.websites.columns.reduce((s, c) => s + c.width, 0)
  const widths = t.websites.columns.map((c) => (flow.width * c.width) / total)
  const header = (): void =>
    tableRow(
      flow,
      t.websites.columns.map((c, i) => ({
        runs: [{ text: c.label, style: { ...base, face: 'bold' as const, source: `websites.columns[${i}].label` } }],
        width: widths[i] ?? 0,
        align: 'center' as const,
      })),
    )
  header()
  values.websites.forEach((site, index) => {
    const siteValues: Record<string, string> = { ...values.case }
    for (const [k, v] of Object.entries(site)) siteValues[k] = v === '' ? '—' : v
    tableRow(
      flow,
      t.websites.columns.map((c, i) => ({
        // Cells are boxed already: no underline; the source names the website for glyph reports.
        runs: styledRuns(c.value, siteValues, base, `websites.columns[${i}].value`).map((r) => ({
          ...r,
          style: { ...r.style, filled: false, source: r.style.filled ? `${r.style.source}@${index}` : r.style.source },
        })),
        width: widths[i] ?? 0,
        align: c.value === '{index}' ? ('center' as const) : ('left' as const),
      })),
      header,
    )
  })
  flow.y += mm(3)
}

/** A text item of the signature block: wrapped in its width, shrunk (not clipped) to its line limit. */
function signatureText(flow: Flow, item: TextItem, values: LetterValues, path: string): void {
  const maxLines = item.maxLines ?? 1
  const align = item.align ?? 'left'
  let size = item.size ?? flow.t.page.bodySize
  let hang = 0
  const make = (s: number): Array<LaidLine<RunStyle>> => {
    const runs = styledRuns(item.text, values.case, { face: 'regular', size: s, filled: false, source: path }, path)
    // Left-aligned "label：value" wraps under the value (悬挂缩进), not under the label.
    const label = runs[0] && !runs[0].style.filled && runs.length > 1 ? runs[0].text : ''
    hang = align === 'left' ? [...label].reduce((w, ch) => w + flow.metrics.advance(ch, 'regular') * s, 0) : 0
    if (hang > mm(item.width) / 2) hang = 0
    return breakLines(runs, { maxWidth: mm(item.width) - hang, measure: flow.measure, firstIndent: -hang })
  }
  let lines = make(size)
  while (lines.length > maxLines && size > 8) {
    size = Math.max(8, size - 0.5)
    lines = make(size)
  }
  if (lines.length > maxLines) flow.overflows.push(path)
  const lh = size * 1.4
  lines.forEach((line, i) => {
    const baseline = mm(item.y) + i * lh + size * 0.88
    const x =
      align === 'left'
        ? mm(item.x) + (i === 0 ? 0 : hang)
        : align === 'right'
          ? mm(item.x + item.width) - line.width
          : mm(item.x) + (mm(item.width) - line.width) / 2
    flow.drawLine(line, x, baseline)
  })
}

function signatureBlock(flow: Flow, values: LetterValues): void {
  const sig = flow.t.signature
  if (flow.y > mm(sig.top) - mm(2)) {
    flow.newPage()
    flow.paragraph([{ text: '（此页无正文）', style: { face: 'regular', size: flow.t.page.bodySize, filled: false, source: 'layout' } }])
  }
  sig.items.forEach((item, i) => {
    const path = `signature.items[${i}]`
    if (item.type === 'text') return signatureText(flow, item, values, path)
    const labelSize = 9.5
    const label = breakLines([{ text: item.label, style: { face: 'regular', size: labelSize, filled: false, source: `${path}.label` } }], {
      maxWidth: Math.max(mm(item.width), mm(90)),
      measure: flow.measure,
    })
    const first = label[0]
    if (first) {
      const lx = item.shape === 'circle' ? mm(item.x + item.width / 2) - first.width / 2 : mm(item.x)
      flow.drawLine(first, lx, mm(item.y) - mm(1.8))
    }
    if (label.length > 1) flow.overflows.push(`${path}.label`)
    if (item.shape === 'circle') {
      const r = mm(Math.min(item.width, item.height) / 2)
      flow.ops.push({ op: 'circle', cx: mm(item.x + item.width / 2), cy: mm(item.y + item.height / 2), r, lineWidth: 0.6, dash: [3, 3] })
    } else {
      flow.ops.push({ op: 'rect', x: mm(item.x), y: mm(item.y), width: mm(item.width), height: mm(item.height), lineWidth: 1.2 })
    }
  })
}

function footer(flow: Flow): void {
  const t = flow.t
  const size = 8
  const n = flow.pages.length
  flow.pages.forEach((page, i) => {
    const parts = [`${t.id} ${t.version}`, ...(n > 1 ? [`第 ${i + 1} 页 共 ${n} 页`] : [])]
    const text = parts.join('    ')
    const width = [...text].reduce((s, ch) => s + flow.metrics.advance(ch, 'regular') * size, 0)
    for (const ch of text) flow.used.regular.add(ch)
    page.ops.push({
      op: 'text',
      x: (A4_PT.width - width) / 2,
      baseline: A4_PT.height - mm(7),
      text,
      size,
      face: 'regular',
      spacing: 0,
      grey: true,
    })
  })
}

/** Lays out the whole letter. Validation of the template and the case happens before this. */
export function layoutLetter(t: LetterTemplate, values: LetterValues, metrics: FontMetrics): LetterLayout {
  const flow = new Flow(t, metrics)
  const body = t.page.bodySize
  const base: RunStyle = { face: 'regular', size: body, filled: false, source: 'body' }
  flow.paragraph([{ text: t.title, style: { face: 'bold', size: 18, filled: false, source: 'title' } }], { align: 'center' })
  if (t.subtitle) flow.paragraph([{ text: t.subtitle, style: { ...base, size: 12, source: 'subtitle' } }], { align: 'center' })
  flow.y += mm(3)
  if (t.addressee) flow.paragraph(styledRuns(t.addressee, values.case, base, 'addressee'), { after: mm(1) })
  detailsTable(flow, values)
  flow.y += mm(3)
  websiteTable(flow, values)
  const indent = body * 2
  if (t.preamble) flow.paragraph(styledRuns(t.preamble, values.case, base, 'preamble'), { indent })
  t.clauses.forEach((clause, i) => {
    const number: StyledRun<RunStyle> = { text: `${chineseNumeral(i + 1)}、`, style: base }
    flow.paragraph([number, ...styledRuns(clause, values.case, base, `clauses[${i}]`)], { indent })
  })
  if (t.closing) flow.paragraph(styledRuns(t.closing, values.case, base, 'closing'), { indent })
  signatureBlock(flow, values)
  footer(flow)
  const used = { regular: [...flow.used.regular].sort().join(''), bold: [...flow.used.bold].sort().join('') }
  return { pages: flow.pages, missingGlyphs: flow.missing, overflows: flow.overflows, used }
}
