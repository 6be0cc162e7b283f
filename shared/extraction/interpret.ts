/**
 * From what OCR read to field values we can stand behind. Each value region is read more than once
 * (the page pass, then a crop with settings for that field); codes are proven by their check
 * characters and repaired by the look-alike corrector when one or two characters are off; dates
 * are parsed, never guessed; names are cleaned of the punctuation OCR puts around them. Every value
 * carries a confidence, the box it came from, and, when it was changed, what was literally read.
 */
import { parseChineseDate, parseValidityRange, LONG_TERM } from '../dates/parse-chinese-date'
import type { IsoDate } from '../dates/iso-date'
import { correctResidentId, correctUscc, normaliseOcrCode, type CorrectionResult } from '../ids/corrector'
import type { Sex } from '../ids/resident-id'
import type { Box, ExtractedField } from '../model/extracted'
import ethnicityData from '../data/ethnicities.json' with { type: 'json' }
import { toHalfWidth } from '../text/normalise'
import { repairPlaceNames } from './places'

/** One reading of a value region. */
export interface Reading {
  readonly text: string
  readonly confidence: number
  readonly box: Box
}

const clamp = (v: number): number => Math.max(0, Math.min(1, Math.round(v * 1000) / 1000))

function field(value: string, confidence: number, box: Box, extra: Partial<ExtractedField> = {}): ExtractedField {
  return { value, confidence: clamp(confidence), box: roundBox(box), ...extra }
}

export function roundBox(b: Box): Box {
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) }
}

export interface CodeResult {
  readonly field: ExtractedField
  /** Set when look-alike characters were repaired: raw and corrected, for the info finding. */
  readonly corrected?: { readonly raw: string; readonly value: string }
}

/**
 * 18-character candidates out of a reading: the runs of code characters (spaces and punctuation
 * dropped), and every 18-long window of a longer run (OCR adds stray characters at either end, and
 * a generous crop may catch a neighbour).
 */
function codeCandidates(text: string): string[] {
  const runs = normaliseOcrCode(text)
    .split(/[^0-9A-Z]+/)
    .filter((r) => r.length >= 16)
  const joined = normaliseOcrCode(text).replace(/[^0-9A-Z]/g, '')
  const out: string[] = []
  for (const run of [...runs, joined]) {
    if (run.length === 18) out.push(run)
    for (let i = 0; i + 18 <= run.length && run.length <= 40; i += 1) out.push(run.slice(i, i + 18))
  }
  return [...new Set(out)]
}

function fromCorrection(readings: readonly Reading[], correct: (s: string) => CorrectionResult): CodeResult | null {
  const tried: Array<{ r: Reading; c: CorrectionResult; candidate: string }> = []
  for (const r of readings)
    for (const candidate of codeCandidates(r.text)) {
      const c = correct(candidate)
      if (c.alreadyValid && c.best)
        return { field: field(c.best, Math.max(0.95, r.confidence), r.box, candidate !== r.text ? { raw: r.text } : {}) }
      tried.push({ r, c, candidate })
    }
  // No reading is valid as read: a unique look-alike repair is the next best thing.
  const repaired = tried.filter((t) => t.c.unique && t.c.best !== undefined)
  const values = new Set(repaired.map((t) => t.c.best))
  if (repaired.length > 0 && values.size === 1) {
    const t = repaired[0] as (typeof repaired)[number]
    const best = t.c.candidates[0]
    const value = t.c.best as string
    return {
      field: field(value, 0.85, t.r.box, {
        raw: t.r.text,
        ...(best ? { corrected: { from: t.candidate, changes: best.changes.map((ch) => ({ ...ch })) } } : {}),
      }),
      corrected: { raw: t.candidate, value },
    }
  }
  // Readings disagree or no repair is unique: show what was read, marked uncertain.
  const first = tried.find((t) => t.candidate.length === 18) ?? tried[0]
  if (first) return { field: field(first.candidate, 0.3, first.r.box, { raw: first.r.text, uncertain: true }) }
  const longest = [...readings].sort((a, b) => b.text.length - a.text.length)[0]
  if (longest && normaliseOcrCode(longest.text).length >= 10)
    return { field: field(normaliseOcrCode(longest.text), 0.2, longest.box, { raw: longest.text, uncertain: true }) }
  return null
}

/** 统一社会信用代码 from its readings; proven by GB 32100's check character. */
export function interpretCreditCode(readings: readonly Reading[]): CodeResult | null {
  return fromCorrection(readings, (s) => correctUscc(s))
}

/** 公民身份号码 from its readings, with the printed birth date and sex as hints for the repair. */
export function interpretResidentId(
  readings: readonly Reading[],
  today: IsoDate,
  hints: { birthDate?: IsoDate; sex?: Sex } = {},
): CodeResult | null {
  const withHints = fromCorrection(readings, (s) => correctResidentId(s, today, hints))
  if (withHints && !withHints.field.uncertain) return withHints
  // A misread printed date must not veto a valid number: try again without hints.
  const without = fromCorrection(readings, (s) => correctResidentId(s, today))
  return without && !without.field.uncertain ? without : withHints
}

function agree<T>(values: readonly T[]): boolean {
  return values.length > 1 && values.every((v) => v === values[0])
}

/** A date (出生, 成立日期, 注册日期 …): the first reading that parses, more sure when readings agree. */
export function interpretDate(readings: readonly Reading[]): ExtractedField | null {
  const parsed = readings
    .map((r) => ({ r, p: parseChineseDate(fixDigits(r.text)) }))
    .filter((x) => x.p.ok)
    .sort((a, b) => b.r.confidence - a.r.confidence)
  const first = parsed[0]
  if (!first || !first.p.ok) return null
  const values = parsed.map((x) => (x.p.ok ? x.p.value : ''))
  const confidence = agree(values) ? Math.max(0.95, first.r.confidence) : parsed.length > 1 ? 0.5 : Math.min(0.9, first.r.confidence)
  return field(first.p.value, confidence, first.r.box, {
    raw: first.r.text,
    ...(parsed.length > 1 && !agree(values) ? { uncertain: true } : {}),
  })
}

/** Digits OCR tends to read as letters inside dates (O→0, l→1 …); only applied to date readings. */
function fixDigits(text: string): string {
  return toHalfWidth(text)
    .replace(/(?<=\d)[Oo](?=\d|[.\-/年月日])|(?<=[.\-/年月])[Oo]/g, '0')
    .replace(/(?<=\d)[lI|](?=\d)|(?<=[.\-/年月])[lI|]/g, '1')
}

export interface RangeResult {
  readonly from?: ExtractedField
  readonly to?: ExtractedField
}

/** A validity range (营业期限, 有效期限): from and to, or to = "long-term". */
export function interpretRange(readings: readonly Reading[]): RangeResult {
  // 「至长期」 with 期 misread (长其, 长把): after 至 or a dash, 长 and one more character is 长期.
  const longTerm = (t: string): string => t.replace(/([至\-—~])\s*长\s*\S?$/u, '$1长期')
  const parsed = readings
    .map((r) => ({ r, p: parseValidityRange(longTerm(fixDigits(r.text))) }))
    .filter((x) => x.p.ok)
    .sort((a, b) => b.r.confidence - a.r.confidence)
  const first = parsed[0]
  if (!first || !first.p.ok) return {}
  const key = (x: (typeof parsed)[number]): string => (x.p.ok ? `${x.p.value.from}|${x.p.value.to}` : '')
  const same = agree(parsed.map(key))
  const confidence = same ? Math.max(0.95, first.r.confidence) : parsed.length > 1 ? 0.5 : Math.min(0.9, first.r.confidence)
  const extra = { raw: first.r.text, ...(parsed.length > 1 && !same ? { uncertain: true } : {}) }
  const { from, to } = first.p.value
  return {
    ...(from ? { from: field(from, confidence, first.r.box, extra) } : {}),
    to: field(to === LONG_TERM ? LONG_TERM : to, confidence, first.r.box, extra),
  }
}

/** Keeps what a name can hold: Han characters, the middle dot of minority names, and for organisations brackets, letters and digits. */
export function cleanName(text: string, kind: 'person' | 'organisation' | 'text'): string {
  const t = toHalfWidth(text).replace(/\s+/g, '')
  if (kind === 'person') return t.replace(/[^\p{Script=Han}·•]/gu, '').replace(/•/g, '·')
  if (kind === 'organisation')
    return t
      .replace(/[^\p{Script=Han}A-Za-z0-9()（）·&-]/gu, '')
      .replace(/^[()（）-]+|-+$/g, '')
      .replace(/\(/g, '（')
      .replace(/\)/g, '）')
  // An address ends at its 号, 室 or 房: one or two characters after it are a neighbour's ink.
  return (
    t
      .replace(/^[^\p{Script=Han}A-Za-z0-9]+|[^\p{Script=Han}A-Za-z0-9)）号室]+$/gu, '')
      // 一 before a province or city is a colon or a dash read as a character.
      .replace(/^一(?=\p{Script=Han}{1,3}[省市])/u, '')
      .replace(/([号室房])[^\d号室房]{1,2}$/u, '$1')
  )
}

/**
 * A name or text value. Readings are cleaned and their place names repaired (GB/T 2260), then the
 * value most readings agree on wins (ties: the more confident); agreement raises the confidence,
 * disagreement caps it, so a value read only once is never shown as certain.
 */
export function interpretText(
  readings: readonly Reading[],
  kind: 'person' | 'organisation' | 'text',
  minLength = 2,
): ExtractedField | null {
  const clean = readings
    .map((r) => {
      const cleaned = cleanName(r.text, kind)
      return { r, v: kind === 'person' ? cleaned : repairPlaceNames(cleaned).text }
    })
    .filter((x) => [...x.v].length >= minLength)
  if (clean.length === 0) return null
  const votes = new Map<string, { n: number; conf: number; r: Reading }>()
  for (const x of clean) {
    const v = votes.get(x.v)
    if (v) {
      v.n += 1
      v.conf = Math.max(v.conf, x.r.confidence)
    } else votes.set(x.v, { n: 1, conf: x.r.confidence, r: x.r })
  }
  type Vote = [string, { n: number; conf: number; r: Reading }]
  let [value, best] = [...votes.entries()].sort((a, b) => b[1].n - a[1].n || b[1].conf - a[1].conf)[0] as Vote
  // A reading that is the winner plus more characters saw the end of the value the winner cut off.
  if (kind !== 'person') {
    const longer = [...votes.entries()]
      .filter(([v]) => v.length > value.length && v.startsWith(value))
      .sort((a, b) => b[0].length - a[0].length)[0]
    if (longer) [value, best] = longer
  }
  const confidence = best.n >= 2 ? Math.max(0.93, best.conf) : Math.min(best.conf, clean.length > 1 ? 0.7 : 0.8)
  return field(value, confidence, best.r.box, value !== best.r.text ? { raw: best.r.text } : {})
}

/** 男 / 女 → male / female. */
export function interpretSex(readings: readonly Reading[]): ExtractedField | null {
  for (const r of readings) {
    const m = /[男女]/.exec(r.text)
    if (m) return field(m[0] === '男' ? 'male' : 'female', r.confidence, r.box, { raw: r.text })
  }
  return null
}

/** A domain name (lower case, ASCII or IDN), from a reading that may carry label remnants. */
export function interpretDomain(readings: readonly Reading[]): ExtractedField | null {
  for (const r of readings) {
    const t = toHalfWidth(r.text)
      .replace(/\s+/g, '')
      .toLowerCase()
      .replace(/[。，,]/g, '.')
    const m =
      /((?:[a-z0-9\p{Script=Han}](?:[a-z0-9\p{Script=Han}-]{0,61}[a-z0-9\p{Script=Han}])?\.)+(?:[a-z]{2,}|\p{Script=Han}{2,4}))(?![a-z0-9])/u.exec(
        t,
      )
    if (m) return field(m[1] as string, r.confidence, r.box, m[1] !== r.text ? { raw: r.text } : {})
  }
  return null
}

const ETHNICITIES = [...ethnicityData.ethnicities].sort((a, b) => b.length - a.length)

/** 民族: one of the 56 names, matched at the start of the value (OCR adds junk after a one-character name). */
export function interpretEthnicity(readings: readonly Reading[]): ExtractedField | null {
  for (const r of readings) {
    const han = cleanName(r.text, 'person')
      .replace(/^.*?民族/, '')
      .replace(/族$/, '')
    const name = ETHNICITIES.find((e) => han.startsWith(e))
    if (name) return field(name, han === name ? r.confidence : Math.min(r.confidence, 0.8), r.box, han !== name ? { raw: r.text } : {})
  }
  return null
}

/** 签发机关: a public security bureau or branch; anything after its last 局 (or 所) is the next line's text. */
export function interpretIssuer(readings: readonly Reading[]): ExtractedField | null {
  const cut = readings.map((r) => {
    const han = cleanName(r.text, 'person')
    const end = Math.max(han.lastIndexOf('局'), han.lastIndexOf('所'))
    return { ...r, text: repairPlaceNames(end >= 3 ? han.slice(0, end + 1) : han).text }
  })
  return interpretText(cut, 'person', 4)
}
