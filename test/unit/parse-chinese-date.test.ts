import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isIsoDate } from '../../shared/dates/iso-date'
import { parseChineseDate, parseDateOrLongTerm, parseValidityRange } from '../../shared/dates/parse-chinese-date'

describe('parseChineseDate', () => {
  it.each([
    ['2015.03.01', '2015-03-01'],
    ['2015.3.1', '2015-03-01'],
    ['2015-03-01', '2015-03-01'],
    ['2015/3/1', '2015-03-01'],
    ['2016年05月12日', '2016-05-12'],
    ['2016年5月2日', '2016-05-02'],
    ['出生 1990 年 1 月 2 日', '1990-01-02'],
    ['２０１６年０５月１２日', '2016-05-12'],
    ['2015. 03. 01', '2015-03-01'],
    ['20150301', '2015-03-01'],
    ['注册日期：2019年05月12日', '2019-05-12'],
  ])('%s → %s', (text, iso) => {
    expect(parseChineseDate(text)).toEqual({ ok: true, value: iso })
  })

  it('refuses dates that do not exist instead of guessing', () => {
    expect(parseChineseDate('2015.02.30')).toMatchObject({ ok: false, reason: 'not-a-real-date' })
    expect(parseChineseDate('2015.13.01')).toMatchObject({ ok: false, reason: 'not-a-real-date' })
    expect(parseChineseDate('15.03.01')).toMatchObject({ ok: false, reason: 'no-date' })
    expect(parseChineseDate('')).toMatchObject({ ok: false, reason: 'empty' })
    expect(parseChineseDate('2015.03.01 2016.03.01')).toMatchObject({ ok: false, reason: 'too-many-dates' })
  })

  it('reads 长期 where a single date or long-term is printed', () => {
    expect(parseDateOrLongTerm('长期')).toEqual({ ok: true, value: 'long-term' })
    expect(parseDateOrLongTerm('2046年05月11日')).toEqual({ ok: true, value: '2046-05-11' })
  })
})

describe('parseValidityRange', () => {
  it.each([
    ['2015.03.01-2035.03.01', '2015-03-01', '2035-03-01'],
    ['2015.3.1-2035.3.1', '2015-03-01', '2035-03-01'],
    ['2015.03.01—2035.03.01', '2015-03-01', '2035-03-01'],
    ['2015.03.01－2035.03.01', '2015-03-01', '2035-03-01'],
    ['2015-03-01-2035-03-01', '2015-03-01', '2035-03-01'],
    ['2015.03.01~2035.03.01', '2015-03-01', '2035-03-01'],
    ['2016年05月12日至2046年05月11日', '2016-05-12', '2046-05-11'],
    ['营业期限 2016年05月12日 至 2046年05月11日', '2016-05-12', '2046-05-11'],
    ['有效期限 2015.03.01-长期', '2015-03-01', 'long-term'],
    ['2016年05月12日至长期', '2016-05-12', 'long-term'],
    ['自2016年05月12日至长期', '2016-05-12', 'long-term'],
  ])('%s', (text, from, to) => {
    expect(parseValidityRange(text)).toEqual({ ok: true, value: { from, to } })
  })

  it('reads a bare 长期', () => {
    expect(parseValidityRange('长期')).toEqual({ ok: true, value: { from: null, to: 'long-term' } })
  })

  it('rejects reversed, incomplete and impossible ranges', () => {
    expect(parseValidityRange('2035.03.01-2015.03.01')).toMatchObject({ ok: false, reason: 'range-reversed' })
    expect(parseValidityRange('2015.03.01-')).toMatchObject({ ok: false, reason: 'no-date' })
    expect(parseValidityRange('2015.02.29-2035.02.29')).toMatchObject({ ok: false, reason: 'not-a-real-date' })
    expect(parseValidityRange('有效期限')).toMatchObject({ ok: false, reason: 'no-date' })
  })

  it('never throws and only ever returns real ISO dates (fuzz)', () => {
    const alphabet = fc.constantFrom(...'0123456789.-—年月日至长期 /:'.split(''))
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        ),
        (text) => {
          const r = parseValidityRange(text)
          if (r.ok) {
            if (r.value.from !== null) expect(isIsoDate(r.value.from)).toBe(true)
            expect(r.value.to === 'long-term' || isIsoDate(r.value.to)).toBe(true)
          }
          const d = parseChineseDate(text)
          if (d.ok) expect(isIsoDate(d.value)).toBe(true)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
