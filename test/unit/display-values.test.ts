/**
 * Values in the interface language (issue 14 item 12): a stored code (male, long-term) is shown as
 * 男 / 长期 in the Chinese interface, and a rule's Chinese message that quotes one says 长期.
 */
import { describe, expect, it } from 'vitest'
import { chineseValues, displayValue } from '../../shared/i18n/values'
import { parseCase } from '../../shared/model/case'
import { checkCase } from '../../shared/rules/engine'
import { sampleCase } from '../support/sample-case'

describe('values in the interface language', () => {
  it('shows 性别 and 长期 in Chinese, the codes in English, and leaves other values alone', () => {
    expect(displayValue('male', 'zh-CN')).toBe('男')
    expect(displayValue('female', 'zh-CN')).toBe('女')
    expect(displayValue('long-term', 'zh-CN')).toBe('长期')
    expect(displayValue('female', 'en')).toBe('female')
    expect(displayValue('潮州市程盛餐饮管理有限公司', 'zh-CN')).toBe('潮州市程盛餐饮管理有限公司')
    expect(chineseValues('长期有效（应写作 long-term）')).toBe('长期有效（应写作 长期）')
    expect(chineseValues('long-term.cn')).toBe('long-term.cn')
  })

  it('quotes 长期 in the Chinese message of a finding, long-term in the English one', () => {
    const data = sampleCase()
    data.principal.idValidTo = '长期有效'
    const parsed = parseCase(data)
    if (!parsed.ok) throw new Error(parsed.problems.join('; '))
    const finding = checkCase(parsed.case, { today: '2026-12-01' }).find((f) => f.field === 'principal.idValidTo')
    expect(finding?.message).toContain('应写作 长期')
    expect(finding?.message).not.toContain('long-term')
    expect(finding?.messageEn).toContain('long-term')
  })
})
