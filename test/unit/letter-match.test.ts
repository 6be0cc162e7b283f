/**
 * The OCR matcher on its own: tolerant of OCR noise where the check characters prove the repair,
 * strict where one character makes another person or company.
 */
import { describe, expect, it } from 'vitest'
import { matchLetterText, nameAllowance, substringDistance, variantOfText } from '../../shared/letter/match'
import { makeResidentId } from '../support/ids'
import { SAMPLE_DATE, SAMPLE_USCC } from '../support/sample-case'

const unit = { name: '深圳市云帆网络科技有限公司', code: SAMPLE_USCC, codeKind: 'uscc' as const, today: SAMPLE_DATE }

describe('matchLetterText', () => {
  it('finds the name across a line break and the code with spaces and full-width characters', () => {
    const spaced = [...SAMPLE_USCC].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(' ')
    const m = matchLetterText(['主办单位名称 深圳市云帆网络', '科技有限公司', `代码：${spaced}`], unit)
    expect(m).toMatchObject({ name: 'found', code: 'found', empty: false })
  })

  it('repairs a look-alike in the code only when the check characters prove it', () => {
    expect(matchLetterText([`代码 ${SAMPLE_USCC.replace('0', 'O')}`], unit).code).toBe('corrected')
    expect(matchLetterText([`代码 ${SAMPLE_USCC.slice(0, 17)}Q`], unit).code).not.toBe('found')
  })

  it('allows one OCR error in a company name, none in a two- or three-character personal name', () => {
    expect(matchLetterText(['深圳市云帆网络科枝有限公司'], unit).name).toBe('fuzzy')
    expect(matchLetterText(['深圳市云帆智能科技有限公司'], unit).name).toBe('missing')
    const person = {
      name: '陈思远',
      code: makeResidentId('440305', '19850612', '123'),
      codeKind: 'resident-id' as const,
      today: SAMPLE_DATE,
    }
    expect(matchLetterText(['承诺人 陈思达'], person).name).toBe('missing')
    expect(matchLetterText(['承诺人 陈 思 远'], person).name).toBe('found')
    expect([2, 3, 4, 13, 16, 30].map(nameAllowance)).toEqual([0, 0, 1, 1, 2, 2])
  })

  it('matches a passport number exactly, with no repair', () => {
    const passport = { name: 'John Smith', code: 'E12345678', codeKind: 'other' as const, today: SAMPLE_DATE }
    expect(matchLetterText(['主办人 JOHN SMITH', '护照号码 E 12345678'], passport)).toMatchObject({ name: 'found', code: 'found' })
    expect(matchLetterText(['护照号码 E12345679'], passport).code).toBe('missing')
  })

  it('reports empty text and reads the variant from its markers', () => {
    expect(matchLetterText(['', ' '], unit)).toMatchObject({ empty: true, name: 'missing', code: 'missing', variant: null })
    expect(variantOfText(['互联网信息服务备案承诺书', '(个人)'])).toBe('individual')
    expect(variantOfText(['承诺单位（盖章）'])).toBe('unit')
    expect(variantOfText(['互联网信息服务备案承诺书'])).toBeNull()
  })

  it('computes the best substring edit distance', () => {
    expect(substringDistance([...'abc'], [...'xxabcxx'])).toBe(0)
    expect(substringDistance([...'abc'], [...'xxabxx'])).toBe(1)
    expect(substringDistance([...'abc'], [])).toBe(3)
  })
})
