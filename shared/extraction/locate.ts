/**
 * Where each field's value is on the page: find the printed labels, then take what follows a label
 * on its line (up to the next label), or the line below when the value is printed under its label
 * (the credit code on current licences). Multi-line values (addresses) continue on the lines below
 * that start under the value. The boxes found here are read again with the right OCR settings.
 */
import labels from '../data/document-labels.json' with { type: 'json' }
import { correctUscc, normaliseOcrCode } from '../ids/corrector'
import { isValidLegacyRegNo } from '../ids/legacy-regno'
import { checkCharMatches, isSelfConsistentResidentId } from '../ids/resident-id'
import { describeUscc } from '../ids/uscc'
import type { Box, DocumentKind } from '../model/extracted'
import { arabicDate } from './date-reads'
import { continuousRegions, multiLineRegions } from './fields'
import { findLabels, glyphsOf, trimLeading, type Glyph, type LabelHit, type LabelSpec } from './glyphs'
import { bottom, right, union, verticalOverlap, type OcrLine, type OcrPage } from './ocr-types'

export interface FieldLocation {
  /** A field name, or `term` for a validity range (营业期限 / 有效期限). */
  readonly field: string
  readonly glyphs: readonly Glyph[]
  /** The value's first line: the box to read again. */
  readonly box: Box
  /** Further lines of a multi-line value (glyphs, already in reading order). */
  readonly more: readonly (readonly Glyph[])[]
  /** Typical character height on this line, to scale crops. */
  readonly textHeight: number
  readonly label: string
  readonly labelBox: Box
  /** Where the next label on the value's line starts: a crop must stop before it. */
  readonly limitX: number
}

/**
 * A validity range wraps in a narrow column (「2004年3月28日 至 2034年3月2」 / 「7日」): its second line
 * is a short run of date characters, the last perhaps misread (日 as 晶). Anything else below it is
 * the next field.
 */
const DATE_TAIL = /^[\d年月日至长期.\-/]{1,9}\p{Script=Han}?$/u

/**
 * Values printed as one run of characters (fields/*.ts `continuous`): one or two characters after
 * a blank wider than two characters are something else (an ID card's photo, whose edge reads as 多,
 * 罗 or 了). More after such a blank is the value itself, spaced out by OCR's word boxes.
 */
function untilGap(glyphs: readonly Glyph[], h: number): Glyph[] {
  const end = glyphs.findIndex((g, i) => i > 0 && g.box.x - right((glyphs[i - 1] as Glyph).box) > h * 2)
  return end < 0 || glyphs.length - end > 2 ? [...glyphs] : glyphs.slice(0, end)
}

/** The label set for a kind (id-card covers both sides). */
export function labelSpecs(kind: DocumentKind): LabelSpec[] {
  const table = (labels.fields as Record<string, Record<string, string[]>>)[kind === 'id-card' ? 'id-card' : kind]
  if (!table) return []
  return Object.entries(table).flatMap(([field, list]) => list.map((label) => ({ field, label })))
}

interface PreparedLine {
  readonly line: OcrLine
  readonly glyphs: Glyph[]
  readonly hits: LabelHit[]
  readonly height: number
}

function medianHeight(glyphs: readonly Glyph[], fallback: number): number {
  const hs = glyphs.map((g) => g.box.height).sort((a, b) => a - b)
  return hs.length > 0 ? (hs[Math.floor(hs.length / 2)] as number) : fallback
}

/**
 * Joins OCR lines that sit on the same row of the page (sparse-text OCR returns 「名」「称」 and
 * the value as separate lines): a row is read left to right as one line of glyphs.
 */
export function joinRows(lines: readonly OcrLine[]): OcrLine[] {
  const rows: OcrLine[][] = []
  for (const line of [...lines].sort((a, b) => a.box.y + a.box.height / 2 - (b.box.y + b.box.height / 2))) {
    const row = rows.find((r) =>
      r.some((o) => {
        const ratio = line.box.height / Math.max(1, o.box.height)
        return ratio > 0.55 && ratio < 1.8 && verticalOverlap(o.box, line.box) >= 0.5
      }),
    )
    if (row) row.push(line)
    else rows.push([line])
  }
  return rows
    .map((r) => {
      const ordered = [...r].sort((a, b) => a.box.x - b.box.x)
      const chars = ordered.reduce((n, l) => n + l.text.length, 0)
      return {
        text: ordered.map((l) => l.text).join(' '),
        confidence: ordered.reduce((s, l) => s + l.confidence * l.text.length, 0) / Math.max(1, chars),
        box: union(ordered.map((l) => l.box)),
        words: ordered.flatMap((l) => l.words),
      }
    })
    .sort((a, b) => rowCentre(a) - rowCentre(b))
}

/** The median vertical centre of a row's words: a stray tall shape (a photo, a seal) does not move it. */
export function rowCentre(line: OcrLine): number {
  const cs = line.words.map((w) => w.box.y + w.box.height / 2).sort((a, b) => a - b)
  return cs[Math.floor(cs.length / 2)] ?? line.box.y + line.box.height / 2
}

function looksLikeUscc(text: string): boolean {
  const code = normaliseOcrCode(text).replace(/[^0-9A-Z]/g, '')
  for (let i = 0; i + 14 <= code.length; i += 1) {
    const d = describeUscc(code.slice(i, i + 18).padEnd(18, '0'))
    if (d.department && d.category && d.area) return true
  }
  return false
}

/** A quick look at whether a value could belong to its field, so a label inside a title (「域名证书」) does not win. */
export function plausible(field: string, text: string, strict = true): boolean {
  const t = text.replace(/\s+/g, '')
  switch (field) {
    case 'domain':
      // Strictly, a dot before the suffix; leniently (the page pass drops dots) enough letters.
      return /\.[A-Za-z\p{Script=Han}]/u.test(t) || (!strict && (t.match(/[A-Za-z]/g) ?? []).length >= 4)
    case 'creditCode':
      // Strictly, it must look like a credit code: a registration authority and category, and a
      // known area, so a 证照编号 beside the label is not taken for it.
      return strict ? looksLikeUscc(t) : (t.match(/[0-9A-Za-z]/g) ?? []).length >= 12
    case 'idNumber':
      return (t.match(/[0-9A-Za-z]/g) ?? []).length >= 12
    case 'establishedOn':
    case 'birthDate':
    case 'registeredOn':
    case 'expiresOn':
      return /\d{2}/.test(arabicDate(t))
    case 'term':
      return /\d{2}|长期/.test(arabicDate(t))
    default:
      return t.length > 0
  }
}

/**
 * The value printed under a label: the run of glyphs that starts below the label and continues
 * while the gaps stay small (a value may be wider than its label; the next column is not part of it).
 */
function under(glyphs: readonly Glyph[], label: Box, h: number): Glyph[] {
  const sorted = [...glyphs].sort((a, b) => a.box.x - b.box.x)
  const start = sorted.findIndex((g) => right(g.box) > label.x - h && g.box.x < right(label))
  if (start < 0) return []
  // Grow both ways while the gaps stay small: a label read only in part (「社会信用代码」) sits
  // right of where its value starts.
  let from = start
  while (from > 0 && (sorted[from] as Glyph).box.x - right((sorted[from - 1] as Glyph).box) <= h * 1.5) from -= 1
  let to = start
  while (to + 1 < sorted.length && (sorted[to + 1] as Glyph).box.x - right((sorted[to] as Glyph).box) <= h * 1.5) to += 1
  return sorted.slice(from, to + 1)
}

/**
 * A label stands as a label when it starts its row or its own box (a blank before it), or a colon
 * follows it; the same word inside a sentence (「…国内顶级域名权威机构…」) is only a word.
 */
export function standsAsLabel(glyphs: readonly Glyph[], hit: LabelHit, h: number): boolean {
  const before = glyphs[hit.start - 1]
  const after = glyphs[hit.end]
  if (!before || !after) return true
  if (/^[:：]$/.test(after.ch)) return true
  // Set off by a blank on either side (「域名注册时间   2022-02-02」: the label ends its box).
  return (
    (glyphs[hit.start] as Glyph).box.x - right(before.box) > h * 0.8 || after.box.x - right((glyphs[hit.end - 1] as Glyph).box) > h * 0.8
  )
}

/** Finds every labelled value of a document of this kind. The first usable hit of a field wins. */
export function locateFields(page: OcrPage, kind: DocumentKind): FieldLocation[] {
  const specs = labelSpecs(kind)
  // Which values wrap onto further rows, and which are one run of characters: the field specs say.
  const multiLine = multiLineRegions(kind)
  const continuous = continuousRegions(kind)
  const lines: PreparedLine[] = joinRows(page.lines).map((line) => {
    const glyphs = glyphsOf(line)
    return { line, glyphs, hits: findLabels(glyphs, specs), height: medianHeight(glyphsOf(line), line.box.height) }
  })
  const found = new Map<string, FieldLocation>()
  // Strict first (so 「DOMAIN NAME REGISTRATION CERTIFICATE」 does not win over the real 域名 row), then
  // lenient; in each, labels that stand as labels before words inside running text (「国内顶级域名权威机构」).
  for (const [strict, standing] of [
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ] as const)
    lines.forEach((pl, li) => {
      pl.hits.forEach((hit, hi) => {
        if (hit.field === 'stop' || found.has(hit.field)) return
        if (standing && !standsAsLabel(pl.glyphs, hit, pl.height)) return
        const next = pl.hits[hi + 1]
        const limitX = next ? next.box.x : Number.POSITIVE_INFINITY
        let value = trimLeading(pl.glyphs.slice(hit.end, next ? next.start : pl.glyphs.length))
        let valueLine = li
        if (value.length === 0 || !plausible(hit.field, value.map((g) => g.ch).join(''), strict)) {
          value = []
          // The value may be a separate OCR line beside the label, or printed under it.
          const besideOrBelow = lines
            .map((o, oi) => ({ o, oi }))
            .filter(({ o, oi }) => {
              if (oi === li) return false
              // Beside: on the label's row, or its centre within most of a line of the label's (a
              // two-column form whose label has an English line under it sets the value between the two).
              const centreGap = Math.abs(o.line.box.y + o.line.box.height / 2 - (hit.box.y + hit.box.height / 2))
              const level = verticalOverlap(o.line.box, hit.box) > 0.5 || centreGap < pl.height * 0.8
              const beside = level && o.line.box.x > right(hit.box) - pl.height && o.hits.length === 0
              const below = oi > li && o.line.box.y > hit.box.y + pl.height * 0.5 && o.line.box.y - bottom(hit.box) < pl.height * 3
              return beside || below
            })
            .sort((a, b) => a.o.line.box.y - b.o.line.box.y)
          for (const { o, oi } of besideOrBelow) {
            const isBeside =
              verticalOverlap(o.line.box, hit.box) > 0.5 ||
              Math.abs(o.line.box.y + o.line.box.height / 2 - (hit.box.y + hit.box.height / 2)) < pl.height * 0.8
            const firstHit = o.hits[0]
            const allowed = o.glyphs.filter((g) => g.box.x < limitX && (!firstHit || g.box.x < firstHit.box.x))
            const candidate = trimLeading(
              isBeside ? allowed.filter((g) => g.box.x >= right(hit.box) - 2) : under(allowed, hit.box, pl.height),
            )
            if (candidate.length > 0 && plausible(hit.field, candidate.map((g) => g.ch).join(''), strict)) {
              value = candidate
              valueLine = oi
              break
            }
          }
        }
        if (value.length === 0 || !plausible(hit.field, value.map((g) => g.ch).join(''), strict)) return
        if (continuous.has(hit.field)) value = untilGap(value, pl.height)
        const startX = (value[0] as Glyph).box.x
        const more: Glyph[][] = []
        if (multiLine.has(hit.field)) {
          // Rows below the value, nearest first, while they start under it and carry no label.
          let prevBottom = bottom(union(value.map((g) => g.box)))
          const valueCentre = rowCentre((lines[valueLine] as PreparedLine).line)
          const below = lines
            .filter((o) => rowCentre(o.line) > valueCentre + pl.height * 0.5)
            .sort((a, b) => rowCentre(a.line) - rowCentre(b.line))
          for (const o of below) {
            if (more.length >= 3) break
            // Not wider than the first line: what lies further right (an ID card's photo) is not the value.
            const endX = Math.min(limitX, right(union(value.map((g) => g.box))) + pl.height * 1.5)
            const part = o.glyphs.filter((g) => g.box.x >= startX - pl.height * 0.8 && g.box.x < endX)
            if (part.length === 0) continue
            const top = Math.min(...part.map((g) => g.box.y))
            if (top - prevBottom > pl.height * 1.2) break
            if (o.hits.some((h) => right(h.box) > hit.box.x - pl.height && h.box.x < limitX)) break
            // A run of ten digits is an ID number or a code, never the rest of an address or a name.
            if (/\d{10}/.test(part.map((g) => g.ch).join(''))) break
            if (hit.field === 'term' && !DATE_TAIL.test(part.map((g) => g.ch).join(''))) break
            if (Math.abs((part[0] as Glyph).box.x - startX) > pl.height * 1.5) break
            more.push(part)
            prevBottom = bottom(union(part.map((g) => g.box)))
          }
        }
        found.set(hit.field, {
          field: hit.field,
          glyphs: value,
          box: union(value.map((g) => g.box)),
          more,
          textHeight: medianHeight(value, pl.height),
          label: hit.label,
          labelBox: hit.box,
          limitX,
        })
      })
    })
  return [...found.values()]
}

/**
 * A token anywhere on the page, for a field whose label was not read (the credit code, the ID
 * number, the domain): the first row where `pattern` matches the text without spaces.
 */
export function findToken(
  page: OcrPage,
  field: string,
  pattern: RegExp,
  accept: (token: string, strict: boolean) => boolean = () => true,
): FieldLocation | null {
  const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)
  for (const line of joinRows(page.lines)) {
    const glyphs = glyphsOf(line)
    for (const m of glyphs
      .map((g) => g.ch)
      .join('')
      .matchAll(global)) {
      // A code run together with a stray neighbour (「3440306…」), or with the next row's number
      // where OCR joined two rows: try each 18-character window; in a run longer than a code and
      // a stray character either side, only one valid as read.
      const windows: Array<readonly [number, number]> =
        m[0].length > 18 && (field === 'creditCode' || field === 'idNumber')
          ? [...Array(m[0].length - 17).keys()].map((k) => [k, 18] as const)
          : [[0, m[0].length]]
      const hit = windows.find(([k, n]) => accept(m[0].slice(k, k + n), m[0].length > 20))
      if (!hit) continue
      const slice = glyphs.slice(m.index + hit[0], m.index + hit[0] + hit[1])
      const box = union(slice.map((g) => g.box))
      return {
        field,
        glyphs: slice,
        box,
        more: [],
        textHeight: medianHeight(slice, line.box.height),
        label: '',
        labelBox: box,
        limitX: Number.POSITIVE_INFINITY,
      }
    }
  }
  return null
}

/**
 * Which tokens are worth taking without a label: a credit code must be proven (or, standing alone,
 * uniquely repairable), not just 18 characters like a 证照编号.
 */
export const TOKEN_ACCEPT: Readonly<Record<string, (token: string, strict: boolean) => boolean>> = {
  creditCode: (t, strict) => {
    const c = correctUscc(t)
    return strict ? c.alreadyValid : c.best !== undefined
  },
  // Inside a longer run of digits a window passes the check character one time in eleven: the
  // birth date it holds must be a real date too.
  idNumber: (t, strict) => (strict ? isSelfConsistentResidentId(t) : checkCharMatches(t)),
  // A 注册号 whose label was not read: only 15 digits its check digit proves (a 13-digit one has none).
  registrationNumber: (t) => isValidLegacyRegNo(t),
}

/**
 * Patterns for the fields worth finding without their label. The page layout of a card may drop
 * its small, light labels (签发机关, 有效期限) and keep the values, whose shape names them: a range
 * of two dates (or 长期) and a public security bureau.
 */
export const TOKEN_PATTERNS: Readonly<Record<string, RegExp>> = {
  creditCode: /(?<![0-9A-Z])[0-9][0-9A-Z]{17,59}(?![0-9A-Z])/,
  registrationNumber: /(?<![0-9A-Z])\d{15}(?![0-9A-Z])/,
  idNumber: /(?<!\d)\d{17,59}[\dXx]?(?![0-9A-Za-z])/,
  // An ID card's 2016.01.02-2036.01.02, or a licence's 2012年03月28日至2022年03月27日 (至长期).
  term: /(?<!\d)(?:19|20)\d{2}(?:[.．]\d{1,2}[.．]\d{1,2}(?:[.．]?[-—–~至]+|[.．](?=(?:19|20)\d{2}))(?:(?:19|20)\d{2}[.．]\d{1,2}[.．]\d{1,2}|长期)|年\d{1,2}月\d{1,2}日?至(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日?|长期|永久))/u,
  // A licence's 成立日期 whose label was read only in part (「日 期」 of a spaced-out 成 立 日 期): a
  // whole date after what is left of the label, and not the start of a range.
  establishedOn: /(?<=(?:(?<!核准|发照|打印|签发|登记)日期|成立|立日))(?:19|20)\d{2}年\d{1,2}月\d{1,2}日(?!至)/u,
  issuer: /\p{Script=Han}{2,10}公安局(?:\p{Script=Han}{1,8}分局)?/u,
  domain: /(?<![A-Za-z0-9.-])[A-Za-z0-9][A-Za-z0-9-]{1,62}\.(?:com\.cn|net\.cn|org\.cn|gov\.cn|[a-z]{2,6})(?![A-Za-z0-9])/,
}

/**
 * Regions for fields whose label was not read but whose place is fixed by the layout: on an ID
 * card, 民族 is printed on the row of 性别, right of it.
 */
export function inferLocations(kind: DocumentKind, located: readonly FieldLocation[]): FieldLocation[] {
  const find = (f: string): FieldLocation | undefined => located.find((l) => l.field === f)
  if (kind !== 'id-card') return []
  const out: FieldLocation[] = []
  // 姓名 is the row above 性别 (or two rows above 出生), its value where the address value starts.
  const sexRow = find('sex') ?? find('ethnicity')
  const birthRow = find('birthDate')
  const address = find('address')
  if (!find('personName') && (sexRow || birthRow) && address) {
    const h = address.textHeight
    const pitch = sexRow && birthRow ? birthRow.box.y - sexRow.box.y : h * 2.3
    const y = sexRow ? sexRow.box.y - pitch : (birthRow as FieldLocation).box.y - 2 * pitch
    const box = { x: address.box.x, y: y - h * 0.1, width: h * 6, height: h * 1.2 }
    if (y > 0 && pitch > h)
      out.push({
        field: 'personName',
        glyphs: [],
        box,
        more: [],
        textHeight: h,
        label: '',
        labelBox: box,
        limitX: Number.POSITIVE_INFINITY,
      })
  }
  if (find('ethnicity')) return out
  // The 民族 label was not read: the region holds the label and the value (they are read together,
  // field-reads.ts), on the row of 性别 right of its one-character value, or per the GB 21200 layout.
  const region = (x: number, y: number, h: number, height: number): FieldLocation => {
    const box = { x, y, width: h * 9, height }
    return { field: 'ethnicity', glyphs: [], box, more: [], textHeight: h, label: '', labelBox: box, limitX: Number.POSITIVE_INFINITY }
  }
  const sex = find('sex')
  if (sex) return [...out, region(sex.box.x + sex.textHeight * 1.6, sex.box.y, sex.textHeight, sex.box.height)]
  // 性别 and 民族 share the row between 姓名 and 出生; the 民族 label starts about three character
  // heights right of where the name starts.
  const name = find('personName')
  const birth = find('birthDate')
  if (!name || !birth || birth.box.y <= name.box.y) return out
  const h = name.textHeight
  return [...out, region(name.box.x + h * 2.5, (name.box.y + birth.box.y) / 2, h, Math.max(name.box.height, h))]
}
