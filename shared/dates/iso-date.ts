/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` strings.
 *
 * Filing rules speak in calendar dates ("more than 3 months left on the submission date"), never in
 * instants, so everything here works on year/month/day integers and never touches time zones.
 */

export type IsoDate = string

export interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
}

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** True when the three numbers name a day that exists (no 2023-02-29, no month 13). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

/** Splits an ISO date, or returns null when the string is not a real calendar date. */
export function toParts(iso: string): DateParts | null {
  const match = ISO_PATTERN.exec(iso)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  return isRealDate(year, month, day) ? { year, month, day } : null
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && toParts(value) !== null
}

export function fromParts(parts: DateParts): IsoDate {
  const y = String(parts.year).padStart(4, '0')
  const m = String(parts.month).padStart(2, '0')
  const d = String(parts.day).padStart(2, '0')
  return `${y}-${m}-${d}`
}

function mustParse(iso: IsoDate): DateParts {
  const parts = toParts(iso)
  if (!parts) throw new RangeError(`not an ISO calendar date: ${JSON.stringify(iso)}`)
  return parts
}

/**
 * Adds calendar months, clamping the day to the end of a shorter month (01-31 + 1 month = 02-28),
 * which is how "three months from today" is read for validity periods.
 */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const { year, month, day } = mustParse(iso)
  const index = year * 12 + (month - 1) + months
  const newYear = Math.floor(index / 12)
  const newMonth = (index % 12) + 1
  return fromParts({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) })
}

export function addYears(iso: IsoDate, years: number): IsoDate {
  return addMonths(iso, years * 12)
}

/**
 * Days since 1970-01-01 (H. Hinnant's days_from_civil); only differences of it mean anything.
 * Exact integer arithmetic, so no Date object and no time zone is involved.
 */
export function dayNumber(iso: IsoDate): number {
  const { year, month, day } = mustParse(iso)
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/** The inverse of dayNumber (civil_from_days). */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return fromParts({ year, month, day })
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from)
}

/** Negative, zero or positive like a comparator; ISO strings compare lexically but this checks them. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return dayNumber(a) - dayNumber(b)
}

/** Completed years between a birth date and a date, as in "age on the submission date". */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const b = mustParse(birth)
  const d = mustParse(on)
  let age = d.year - b.year
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1
  return age
}

/** Monday..Friday, ignoring public holidays (callers that need holidays must say they ignore them). */
export function isWeekday(iso: IsoDate): boolean {
  return isWeekdayNumber(dayNumber(iso))
}

function isWeekdayNumber(days: number): boolean {
  const weekday = (((days + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6
}

/** Weekdays strictly after `from` up to and including `to` (0 when `to` is not later). */
export function weekdaysBetween(from: IsoDate, to: IsoDate): number {
  const start = dayNumber(from)
  const end = dayNumber(to)
  const fullWeeks = Math.floor(Math.max(0, end - start) / 7)
  let count = fullWeeks * 5
  for (let d = start + fullWeeks * 7 + 1; d <= end; d += 1) if (isWeekdayNumber(d)) count += 1
  return count
}

/** 2026年12月01日: the form used in letters and on Chinese documents. */
export function formatChineseDate(iso: IsoDate): string {
  const { year, month, day } = mustParse(iso)
  return `${year}年${String(month).padStart(2, '0')}月${String(day).padStart(2, '0')}日`
}
