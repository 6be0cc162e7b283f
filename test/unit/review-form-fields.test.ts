/**
 * The OCR review's pure core: where a reading goes in the form, when it says the same as the form,
 * and which readings "accept all" may take without a person looking.
 */
import { describe, expect, it } from 'vitest'
import { isSureReading, sameValue, storedValue, targetsFor } from '../../shared/review/form-fields'
import { SURE } from '../../shared/model/scan-fields'

describe('isSureReading', () => {
  it('takes a confident reading, and nothing uncertain, below the scan rules’ threshold or repaired', () => {
    expect(isSureReading({ confidence: 0.95, uncertain: false, corrected: null })).toBe(true)
    expect(isSureReading({ confidence: 0.95, uncertain: false })).toBe(true)
    expect(isSureReading({ confidence: SURE, uncertain: false })).toBe(true)
    expect(isSureReading({ confidence: 0.95, uncertain: true, corrected: null })).toBe(false)
    // A name decided over disagreeing readings is capped at 0.8: a question for the checks, so not sure here either.
    expect(isSureReading({ confidence: 0.8, uncertain: false, corrected: null })).toBe(false)
    // A look-alike repair is a proposal: accepted one by one, never in bulk.
    const repair = { from: '91440300MA5F8XQ0GA', changes: [{ position: 16, from: '0', to: 'O' }] }
    expect(isSureReading({ confidence: 0.95, uncertain: false, corrected: repair })).toBe(false)
  })
})

describe('targetsFor / sameValue / storedValue', () => {
  it('a licence fills the sponsor, a manager ID that website’s manager', () => {
    const licence = targetsFor('sponsor-certificate', null, ['entityName', 'creditCode', 'sex'])
    expect(licence.map((t) => t.path)).toEqual(['sponsor.name', 'sponsor.certificateNumber'])
    const manager = targetsFor('manager-id', 1, ['personName', 'idNumber'])
    expect(manager.map((t) => t.path)).toEqual(['websites[1].manager.name', 'websites[1].manager.idNumber'])
    expect(targetsFor('commitment-letter', null, ['entityName'])).toEqual([])
  })

  it('compares as the scan rules do: spaces, bracket styles and case do not count; an empty form never agrees', () => {
    expect(sameValue('name', '广州市青禾（文化）传播有限公司', '广州市青禾(文化)传播 有限公司')).toBe(true)
    expect(sameValue('uscc', '91440300ma5f8xq0ga', '91440300MA5F8XQ0GA')).toBe(true)
    expect(sameValue('name', '', '张三')).toBe(false)
    expect(sameValue('name', '张三', '张二')).toBe(false)
    expect(storedValue('uscc', ' 91440300ma5f8xq0ga ')).toBe('91440300MA5F8XQ0GA')
  })
})

describe('one sameValue for review, rules, report and role proposal (issue 16.1)', () => {
  it('takes a domain with a trailing dot, in Punycode, full-width or with www. as the same domain (the review did not)', () => {
    expect(sameValue('domain', 'example.com.', 'example.com')).toBe(true)
    expect(sameValue('domain', '例子.中国', 'xn--fsqu00a.xn--fiqs8s')).toBe(true)
    expect(sameValue('domain', 'ｅｘａｍｐｌｅ．ｃｏｍ', 'www.example.com')).toBe(true)
    expect(sameValue('domain', 'example.com', 'example.cn')).toBe(false)
  })

  it('folds case and full width in codes and ID numbers, and full-width digits in dates', () => {
    expect(sameValue('resident-id', '44010619960214246x', '44010619960214246X')).toBe(true)
    expect(sameValue('uscc', '９１４４０３００ＭＡ５Ｆ８ＸＱ０ＧＡ', '91440300MA5F8XQ0GA')).toBe(true)
    expect(sameValue('date', '２０２０-０１-０２', '2020-01-02')).toBe(true)
  })

  it('offers a 个体工商户’s 注册日期 only when the licence has no 营业期限 start', () => {
    expect(targetsFor('sponsor-certificate', null, ['establishedOn']).map((t) => [t.from, t.path])).toEqual([
      ['establishedOn', 'sponsor.certificateValidFrom'],
    ])
    expect(targetsFor('sponsor-certificate', null, ['validFrom', 'establishedOn']).map((t) => t.from)).toEqual(['validFrom'])
  })
})
