/**
 * Parses the date forms printed on Chinese licences and ID cards.
 *
 * Dates are parsed, never guessed: 2015.02.30 is an error, not 2015-03-02, and a two-digit year is
 * not accepted. The output is an ISO date or the string "long-term" (长期).
 */
import { foldDashes, toHalfWidth } from '../text/normalise'
import { fromParts, isRealDate, type IsoDate } from './iso-date'

export const LONG_TERM = 'long-term'
export type LongTerm = typeof LONG_TERM
export type DateOrLongTerm = IsoDate | LongTerm

export type DateParseFailure = 'empty' | 'no-date' | 'not-a-real-date' | 'too-many-dates' | 'range-reversed'

export type DateParseResult<T> = { ok: true; value: T } | { ok: false; reason: DateParseFailure; detail: string }

export interface ValidityRange {
  /** Start of validity, or null when only 长期 is printed (some licences). */
  readonly from: IsoDate | null
  readonly to: DateOrLongTerm
}

const LONG_TERM_WORDS = /长期|永久|长久|无固定期限/

// One date: 2015.03.01, 2015.3.1, 2015-03-01, 2015/3/1, 2016年05月12日, with spaces OCR inserts.
const SEPARATED_DATE = /(\d{4})\s*[年.\-/,]\s*(\d{1,2})\s*[月.\-/,]\s*(\d{1,2})(?!\d)\s*日?/g
// 20150301 as eight bare digits.
const COMPACT_DATE = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g

interface Found {
  readonly index: number
  readonly end: number
  readonly year: number
  readonly month: number
  readonly day: number
  readonly raw: string
}

function prepare(text: string): string {
  return foldDashes(toHalfWidth(text))
    .replace(/[。．]/g, '.')
    .replace(/[，]/g, ',')
}

function findDates(text: string): Found[] {
  const found: Found[] = []
  for (const pattern of [SEPARATED_DATE, COMPACT_DATE]) {
    pattern.lastIndex = 0
    for (const m of text.matchAll(pattern)) {
      const index = m.index
      const end = index + m[0].length
      if (found.some((f) => index < f.end && end > f.index)) continue
      found.push({ index, end, year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), raw: m[0] })
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

function toIso(found: Found): DateParseResult<IsoDate> {
  if (!isRealDate(found.year, found.month, found.day)) {
    return { ok: false, reason: 'not-a-real-date', detail: found.raw.trim() }
  }
  return { ok: true, value: fromParts(found) }
}

/** One date, e.g. 出生 1990年1月2日 or 注册日期 2016.05.12. Text around the date is ignored. */
export function parseChineseDate(text: string): DateParseResult<IsoDate> {
  const prepared = prepare(text)
  if (prepared.trim() === '') return { ok: false, reason: 'empty', detail: '' }
  const dates = findDates(prepared)
  if (dates.length === 0) return { ok: false, reason: 'no-date', detail: text.trim() }
  if (dates.length > 1) return { ok: false, reason: 'too-many-dates', detail: text.trim() }
  return toIso(dates[0] as Found)
}

/** A single date or 长期 (e.g. a licence's 营业期限 printed as 「长期」). */
export function parseDateOrLongTerm(text: string): DateParseResult<DateOrLongTerm> {
  const prepared = prepare(text)
  if (findDates(prepared).length === 0 && LONG_TERM_WORDS.test(prepared)) return { ok: true, value: LONG_TERM }
  return parseChineseDate(text)
}

/**
 * A validity range: 「2015.03.01-2035.03.01」, 「2015.03.01-长期」, 「2016年05月12日至2046年05月11日」,
 * 「自2016年05月12日至长期」, or just 「长期」. Separators -, —, ~, 至, 到 all work.
 */
export function parseValidityRange(text: string): DateParseResult<ValidityRange> {
  const prepared = prepare(text)
  if (prepared.trim() === '') return { ok: false, reason: 'empty', detail: '' }
  const dates = findDates(prepared)
  if (dates.length > 2) return { ok: false, reason: 'too-many-dates', detail: text.trim() }
  const [first, second] = dates
  if (!first) {
    return LONG_TERM_WORDS.test(prepared)
      ? { ok: true, value: { from: null, to: LONG_TERM } }
      : { ok: false, reason: 'no-date', detail: text.trim() }
  }
  const from = toIso(first)
  if (!from.ok) return from
  if (!second) {
    // A single date is a range only when 长期 follows it; otherwise the end is missing.
    if (LONG_TERM_WORDS.test(prepared.slice(first.end))) return { ok: true, value: { from: from.value, to: LONG_TERM } }
    return { ok: false, reason: 'no-date', detail: text.trim() }
  }
  const to = toIso(second)
  if (!to.ok) return to
  if (to.value < from.value) return { ok: false, reason: 'range-reversed', detail: text.trim() }
  return { ok: true, value: { from: from.value, to: to.value } }
}

/** Human-readable reasons for the failures above, Chinese first. */
export const DATE_FAILURE_MESSAGES: Record<DateParseFailure, { zh: string; en: string }> = {
  empty: { zh: '日期为空', en: 'The date is empty' },
  'no-date': { zh: '未找到日期', en: 'No date was found' },
  'not-a-real-date': { zh: '日期不存在（如2月30日）', en: 'The date does not exist (e.g. 30 February)' },
  'too-many-dates': { zh: '包含多个日期，无法确定', en: 'More than one date; cannot tell which is meant' },
  'range-reversed': { zh: '结束日期早于开始日期', en: 'The end date is before the start date' },
}
