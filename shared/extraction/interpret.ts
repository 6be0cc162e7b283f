/**
 * From what OCR read to field values we can stand behind. Each value region is read more than once
 * (the page pass, then a crop with settings for that field); codes are proven by their check
 * characters and repaired by the look-alike corrector when one or two characters are off; dates
 * are parsed, never guessed; names are cleaned of the punctuation OCR puts around them. Every value
 * carries a confidence, the box it came from, and, when it was changed, what was literally read.
 */
import { validateDomain } from '../ids/domain'
import type { IsoDate } from '../dates/iso-date'
import { correctResidentId, correctUscc, MISREAD_MARKS, normaliseOcrCode, type CorrectionResult } from '../ids/corrector'
import type { Sex } from '../ids/resident-id'
import type { Box, ExtractedField } from '../model/extracted'
import ethnicityData from '../data/ethnicities.json' with { type: 'json' }
import { toHalfWidth } from '../text/normalise'
import { cleanName, interpretText, type Reading } from './names'
import { repairPlaceNames } from './places'

export { cleanName, interpretText, type Reading } from './names'

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
 * dropped, but not a bracket or bar read for a character), and every 18-long window of a longer run (OCR adds stray characters at either end, and
 * a generous crop may catch a neighbour).
 */
function codeCandidates(text: string): string[] {
  // A mark the corrector knows as a misread character (] for J) stays, for the corrector to replace.
  const kept = (ch: string): boolean => /[0-9A-Z]/.test(ch) || MISREAD_MARKS.has(ch)
  const chars = [...normaliseOcrCode(text)]
  const runs = chars
    .map((ch) => (kept(ch) ? ch : ' '))
    .join('')
    .split(' ')
    .filter((r) => r.length >= 16)
  const joined = chars.filter(kept).join('')
  const out: string[] = []
  for (const run of [...runs, joined]) {
    if (run.length === 18) out.push(run)
    for (let i = 0; i + 18 <= run.length && run.length <= 40; i += 1) out.push(run.slice(i, i + 18))
  }
  return [...new Set(out)]
}

/**
 * A look-alike repair is proven by the check character, but two misreads can repair to a wrong
 * valid code (bench:check: 4 in 209 credit codes, 9 in 312 ID numbers; on the real corpus three ID
 * numbers). It is shown with the characters it changed and stays below the scan rules' sure.
 */
const REPAIRED_CONFIDENCE = 0.8

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
      field: field(value, REPAIRED_CONFIDENCE, t.r.box, {
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

export { interpretDate, interpretRange, type RangeResult } from './date-reads'

/** 男 / 女 → male / female. */
export function interpretSex(readings: readonly Reading[]): ExtractedField | null {
  for (const r of readings) {
    const m = /[男女]/.exec(r.text)
    if (m) return field(m[0] === '男' ? 'male' : 'female', r.confidence, r.box, { raw: r.text })
  }
  return null
}

/** A domain name (lower case, ASCII or IDN), from a reading that may carry label remnants. */
// Domains are proven by a listed suffix (shared/ids/domain.ts), not by the reading's confidence.
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
    if (!m) continue
    const found = m[1] as string
    // The pattern can run on into the next sentence (「hnsdyx.com已由…注册.并已在国」): a label that
    // turns from Latin to Han ends the domain there, and the domain is the longest start of the
    // run that ends in a listed suffix.
    const labels: string[] = []
    for (const label of found.split('.')) {
      const mixed = /^([a-z0-9-]+)\p{Script=Han}/u.exec(label)
      labels.push(mixed ? (mixed[1] as string) : label)
      if (mixed) break
    }
    for (let n = labels.length; n >= 2; n -= 1) {
      const candidate = labels.slice(0, n).join('.')
      const v = validateDomain(candidate)
      if (v.errors.length === 0 && !v.warnings.some((w) => w.code === 'tld-unlisted'))
        return field(candidate, r.confidence, r.box, candidate !== r.text ? { raw: r.text } : {})
    }
    // No listed suffix: what was read is shown, as a question.
    return field(found, Math.min(r.confidence, 0.5), r.box, { raw: r.text, uncertain: true })
  }
  return null
}

const ETHNICITIES = [...ethnicityData.ethnicities].sort((a, b) => b.length - a.length)

/** The characters of a reading a name can hold (Han, the middle dot), each with its confidence. */
function hanChars(r: Reading): Array<{ ch: string; confidence: number }> {
  return (r.chars ?? [...r.text].map((ch) => ({ ch, confidence: r.confidence }))).filter((c) => cleanName(c.ch, 'person') !== '')
}

/**
 * 民族: one of the 56 names, read after its label. Strokes of the security print before the value
 * read as 一 or 二 (no name starts with either). The name's own characters give the confidence;
 * readings that agree on a name vote for it; a name found only inside junk is uncertain.
 */
export function interpretEthnicity(readings: readonly Reading[]): ExtractedField | null {
  const found = readings.flatMap((r) => {
    const chars = hanChars(r)
    const han = chars.map((c) => c.ch).join('')
    const label = han.indexOf('民族')
    let from = label >= 0 ? label + 2 : 0
    while (from < han.length && '一二族'.includes(han[from] as string)) from += 1
    const value = han.slice(from)
    const name = ETHNICITIES.find((e) => value.startsWith(e))
    const inside = name ? null : ETHNICITIES.find((e) => value.includes(e))
    const hit = name ?? inside
    if (!hit) return []
    const at = from + value.indexOf(hit)
    const own = Math.min(...chars.slice(at, at + hit.length).map((c) => c.confidence))
    const exact = name !== undefined && (value === name || value === `${name}族`)
    return [{ r, name: hit, confidence: inside ? Math.min(own, 0.6) : exact ? own : Math.min(own, 0.8), exact }]
  })
  if (found.length === 0) return null
  const votes = (name: string): number => found.filter((f) => f.name === name).length
  const best = [...found].sort((a, b) => votes(b.name) - votes(a.name) || b.confidence - a.confidence)[0] as (typeof found)[number]
  return field(best.name, best.confidence, best.r.box, best.exact ? {} : { raw: best.r.text })
}

/** 签发机关: a public security bureau or branch; anything after its last 局 (or 所) is the next line's text. */
export function interpretIssuer(readings: readonly Reading[]): ExtractedField | null {
  const cut = readings.map((r): Reading => {
    const chars = hanChars(r)
    const han = chars.map((c) => c.ch).join('')
    const end = Math.max(han.lastIndexOf('局'), han.lastIndexOf('所'))
    const kept = end >= 3 ? chars.slice(0, end + 1) : chars
    const repaired = [...repairPlaceNames(kept.map((c) => c.ch).join('')).text]
    return { ...r, text: repaired.join(''), chars: kept.map((c, i) => ({ ch: repaired[i] ?? c.ch, confidence: c.confidence })) }
  })
  return interpretText(cut, 'organisation', 4)
}
