/**
 * Dates and validity ranges from their readings. Dates are parsed, never guessed
 * (shared/dates/parse-chinese-date.ts); what this adds is which reading to believe. Each reading
 * that parses votes for its value — a crop read with the date alphabet counts more than the page
 * pass — and a reading whose last date stops short is hardly counted: 「2034年3月2」 with no 日
 * after it is a date whose digits went on to the next line or off the crop, not the 2nd of March.
 * A value all readings agree on is sure; one that won a disagreement is shown for checking.
 */
import { parseChineseDate, parseValidityRange, LONG_TERM, type DateOrLongTerm } from '../dates/parse-chinese-date'
import type { IsoDate } from '../dates/iso-date'
import type { Box, ExtractedField } from '../model/extracted'
import { toHalfWidth } from '../text/normalise'
import type { Reading } from './names'

const clamp = (v: number): number => Math.max(0, Math.min(1, Math.round(v * 1000) / 1000))
const roundBox = (b: Box): Box => ({ x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) })

/** Separators and specks OCR puts around the 年, 月 and 日 of a date printed with spaces (an ID card's 出生). */
const SPECKS = `\\s\\-.:/,，、~\`'"“”‘’`
const AROUND_UNIT = new RegExp(`[${SPECKS}]*([年月日])[${SPECKS}]*`, 'gu')
/** A date written with 年 or 月: digits, perhaps specks, then the unit. */
const WITH_UNITS = new RegExp(`\\d[${SPECKS}]*[年月]`, 'u')

/**
 * Look-alikes OCR reads inside dates, mended before parsing; only applied to date readings.
 * Digits read as letters (O→0, l→1); a colon for the dot of 2022.10.11; in a date written with 年
 * and 月, the specks and dashes read from the spaces around them, a stray separator between two
 * digits (197/4年), and a 月 read where the 日 after the day stands (1995年2月5月: a day is
 * followed by 日, never by 月). Nothing here adds or changes a digit; but the last mend is a guess
 * about a character OCR misread, whose neighbours it may have misread too (「1965年 9月10日」 read
 * 「1965年-9月9月」), so `guessed` says it was needed and such a reading is never trusted alone. The
 * same holds for dropping a 1 or 7 that is a slash read as a stroke too many (2013/03/118).
 */
export function mendDate(text: string): { text: string; guessed: boolean } {
  let t = arabicDate(toHalfWidth(text))
    .replace(/(?<=\d)[Oo](?=\d|[.\-/年月日])|(?<=[.\-/年月])[Oo]/g, '0')
    .replace(/(?<=\d)[lI|](?=\d)|(?<=[.\-/年月])[lI|]/g, '1')
    .replace(/(?<=\d)[:：;](?=\d)/g, '.')
  const units = WITH_UNITS.test(t)
  if (units) t = t.replace(AROUND_UNIT, '$1').replace(/(?<=\d)[./-](?=\d)/g, '')
  const mended = units ? t.replace(/(\d{4}年\d{1,2}月\d{1,2})月/gu, '$1日') : mendSlashStrokes(t)
  return { text: mended, guessed: mended !== t }
}

const HAN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  '○': 0,
  零: 0,
  O: 0,
  o: 0,
  '0': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
/** 一 … 三十一 as a number (null when it is not one). */
function hanNumber(s: string): number | null {
  const d = (c: string): number | null => (c.length === 1 && c !== '十' ? (HAN_DIGITS[c] ?? null) : null)
  if (!s.includes('十')) return d(s)
  const [tens = '', ones = '', ...more] = s.split('十')
  if (more.length > 0) return null
  const t = tens === '' ? 1 : d(tens)
  const o = ones === '' ? 0 : d(ones)
  return t === null || o === null ? null : t * 10 + o
}

/**
 * Dates written in Chinese numerals, as older licences print them (「二〇〇九年一月二十一日」, the
 * 〇 often read as a digit 0): the year digit by digit, month and day as numbers. A transliteration,
 * not a guess: each character has one value.
 */
export function arabicDate(text: string): string {
  return text.replace(
    /([〇○零Oo0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3}|\d{1,2})月(?:([一二三四五六七八九十]{1,3}|\d{1,2})日)?/gu,
    (m, year: string, month: string, day: string | undefined) => {
      if (!/[〇○零一二三四五六七八九十]/u.test(m)) return m
      const y = [...year].map((c) => HAN_DIGITS[c] ?? (/\d/.test(c) ? Number(c) : NaN))
      const mo = /^\d+$/.test(month) ? Number(month) : hanNumber(month)
      const da = day === undefined ? undefined : /^\d+$/.test(day) ? Number(day) : hanNumber(day)
      if (y.some((v) => Number.isNaN(v)) || mo === null || da === null) return m
      return `${y.join('')}年${mo}月${da === undefined ? '' : `${da}日`}`
    },
  )
}

/**
 * A slash read as a stroke too many in a date written with separators: a 1 or 7 beside it makes a
 * month or day of three digits (「2013/03/118」, 「2034/027/20」), or a 7 stands for it
 * (「2013/03718」). Mended only where the digits cannot be a date as read and exactly one stroke
 * beside a separator makes them one.
 */
function mendSlashStrokes(t: string): string {
  const joined = t.replace(/(?<!\d)(\d{4}([./-])\d{2})7(\d{2})(?!\d)/gu, '$1$2$3')
  return joined.replace(/(?<!\d)(\d{4})([./-])(\d{1,3})\2(\d{1,3})(?!\d)/gu, (m, year: string, sep: string, month: string, day: string) => {
    const fits = (v: string, max: number): boolean => v.length <= 2 && Number(v) >= 1 && Number(v) <= max
    if (fits(month, 12) && fits(day, 31)) return m
    // Strokes beside a separator: the month's last and the day's first; the month's first after the year's.
    const options = (v: string, max: number, ends: Array<'first' | 'last'>): string[] =>
      fits(v, max)
        ? [v]
        : v.length === 3
          ? ends
              .flatMap((e) => (e === 'first' && /^[17]/.test(v) ? [v.slice(1)] : e === 'last' && /[17]$/.test(v) ? [v.slice(0, 2)] : []))
              .filter((x) => fits(x, max))
          : []
    const months = [...new Set(options(month, 12, ['first', 'last']))]
    const days = [...new Set(options(day, 31, ['first']))]
    return months.length === 1 && days.length === 1 ? `${year}${sep}${months[0]}${sep}${days[0]}` : m
  })
}

/** The text of a date reading with its look-alikes mended (mendDate). */
export const fixDigits = (text: string): string => mendDate(text).text

/**
 * True when the text's last date may be cut short: 年 and 月 printed but no 日 after the day, or a
 * zero-padded month (09) with a one-digit day (2). Printed dates close with 日 and pad month and
 * day alike, so such a day is likely the first digit of two.
 */
export function cutShort(text: string): boolean {
  const t = toHalfWidth(text).replace(/\s+/g, '')
  return /\d{4}年\d{1,2}月\d{1,2}$/u.test(t) || /\d{4}[.\-/]0\d[.\-/]\d$/u.test(t)
}

interface Ballot<T> {
  readonly r: Reading
  readonly value: T
  readonly weight: number
  readonly short: boolean
}

/**
 * How much one reading counts: a crop read with the date alphabet more than the page pass, a more
 * confident one more than a less, a cut-short one — or one whose 日 had to be guessed — hardly at all.
 */
function ballot<T>(r: Reading, text: string, value: T, guessed = false): Ballot<T> {
  const short = guessed || cutShort(text)
  return { r, value, short, weight: (r.source === 'page' ? 0.7 : 1) * (0.5 + r.confidence) * (short ? 0.2 : 1) }
}

/** The value with the most weight, and a confidence from how the readings agreed. */
function decide<T>(
  ballots: ReadonlyArray<Ballot<T>>,
  key: (v: T) => string,
): { winner: Ballot<T>; confidence: number; uncertain: boolean } | null {
  if (ballots.length === 0) return null
  const totals = new Map<string, number>()
  for (const b of ballots) totals.set(key(b.value), (totals.get(key(b.value)) ?? 0) + b.weight)
  const all = [...totals.values()].reduce((s, w) => s + w, 0)
  const [bestKey, bestWeight] = [...totals.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number]
  const winner = [...ballots]
    .filter((b) => key(b.value) === bestKey)
    .sort((a, b) => b.weight - a.weight || b.r.confidence - a.r.confidence)[0] as Ballot<T>
  const share = bestWeight / all
  const voters = ballots.filter((b) => key(b.value) === bestKey).length
  // Sure: two or more readings, none dissenting, none cut short.
  if (share === 1 && voters >= 2 && ballots.every((b) => !b.short)) return { winner, confidence: 0.95, uncertain: false }
  // Read once: never sure; read once and cut short: a question.
  if (share === 1) return { winner, confidence: winner.short ? 0.3 : 0.8, uncertain: winner.short }
  return { winner, confidence: share >= 0.6 ? 0.7 : 0.5, uncertain: share < 0.6 }
}

function field(value: string, confidence: number, r: Reading, uncertain: boolean): ExtractedField {
  return { value, confidence: clamp(confidence), box: roundBox(r.box), raw: r.text, ...(uncertain ? { uncertain: true } : {}) }
}

/** A date (出生, 成立日期, 注册日期 …) voted from the readings that parse. */
export function interpretDate(readings: readonly Reading[]): ExtractedField | null {
  const ballots: Array<Ballot<IsoDate>> = []
  for (const r of readings) {
    const { text, guessed } = mendDate(r.text)
    const p = parseChineseDate(text)
    if (p.ok) ballots.push(ballot(r, text, p.value, guessed))
  }
  const d = decide(ballots, (v) => v)
  return d ? field(d.winner.value, d.confidence, d.winner.r, d.uncertain) : null
}

export interface RangeResult {
  readonly from?: ExtractedField
  readonly to?: ExtractedField
}

/** A validity range (营业期限, 有效期限): from and to, or to = "long-term", voted like a date. */
export function interpretRange(readings: readonly Reading[]): RangeResult {
  // 「至长期」 with 期 misread (长其, 长把): after 至 or a dash, 长 and one more character is 长期.
  const longTerm = (t: string): string => t.replace(/([至\-—~])\s*长\s*\S?$/u, '$1长期')
  const ballots: Array<Ballot<{ from: IsoDate | null; to: DateOrLongTerm }>> = []
  for (const r of readings) {
    const mended = mendDate(r.text)
    const text = longTerm(mended.text)
    const p = parseValidityRange(text)
    if (p.ok) ballots.push(ballot(r, text, p.value, mended.guessed))
  }
  // From and to are decided apart: a range whose end was misread still has a sure start.
  const from = decide(
    ballots
      .filter((b) => b.value.from !== null)
      .map((b) => ({ ...b, value: b.value.from as IsoDate, short: false, weight: b.short ? b.weight / 0.2 : b.weight })),
    (v) => v,
  )
  const to = decide(
    ballots.map((b) => ({ ...b, value: b.value.to })),
    (v) => v,
  )
  return {
    ...(from ? { from: field(from.winner.value, from.confidence, from.winner.r, from.uncertain) } : {}),
    ...(to ? { to: field(to.winner.value === LONG_TERM ? LONG_TERM : to.winner.value, to.confidence, to.winner.r, to.uncertain) } : {}),
  }
}
