import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  ageOn,
  dayNumber,
  daysBetween,
  formatChineseDate,
  fromDayNumber,
  isIsoDate,
  isWeekday,
  weekdaysBetween,
} from '../../shared/dates/iso-date'

describe('iso-date', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('1900-02-29')).toBe(false)
    expect(isIsoDate('2000-02-29')).toBe(true)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('2026-1-01')).toBe(false)
    expect(isIsoDate('2026-04-31')).toBe(false)
  })

  it('adds months clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2026-12-01', 3)).toBe('2027-03-01')
    expect(addMonths('2026-11-30', -12)).toBe('2025-11-30')
  })

  it('counts days across leap years and matches Date.UTC', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(dayNumber('1970-01-01')).toBe(0)
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        const iso = fromDayNumber(n)
        expect(dayNumber(iso)).toBe(n)
        const viaDate = new Date(n * 86_400_000).toISOString().slice(0, 10)
        if (n >= -719_162) expect(iso).toBe(viaDate)
      }),
    )
  })

  it('adds days', () => {
    expect(addDays('2026-12-01', 90)).toBe('2027-03-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('computes completed years of age', () => {
    expect(ageOn('2010-12-02', '2026-12-01')).toBe(15)
    expect(ageOn('2010-12-01', '2026-12-01')).toBe(16)
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
  })

  it('counts weekdays without holidays', () => {
    expect(isWeekday('2026-11-29')).toBe(false) // a Sunday
    expect(isWeekday('2026-11-30')).toBe(true)
    expect(weekdaysBetween('2026-11-26', '2026-12-01')).toBe(3) // Fri, Mon, Tue
    expect(weekdaysBetween('2026-12-01', '2026-11-26')).toBe(0)
    expect(weekdaysBetween('2026-01-01', '2026-12-31')).toBe(260)
  })

  it('formats the Chinese letter date', () => {
    expect(formatChineseDate('2026-12-01')).toBe('2026年12月01日')
  })
})
