import { describe, expect, it } from 'vitest'
import { CaseSchema } from '../../shared/model/case'
import { fieldKind, normaliseCase, normaliseValue } from '../../shared/model/normalise-case'
import { checkCase } from '../../shared/rules/engine'
import { PRINCIPAL_ID, SAMPLE_DATE, SAMPLE_USCC, sampleCase } from '../support/sample-case'

describe('normaliseValue', () => {
  it('turns the slips people type into the form the consoles take', () => {
    expect(normaliseValue('mobile', '１３８００１３８０００')).toBe('13800138000')
    expect(normaliseValue('mobile', '139 0013 8000')).toBe('13900138000')
    expect(normaliseValue('mobile', '139-0013-8000')).toBe('13900138000')
    expect(normaliseValue('mobile', '+86 139 0013 8000')).toBe('13900138000')
    expect(normaliseValue('phone', '0755－8601 3388')).toBe('0755-86013388')
    expect(normaliseValue('id-number', '44030519850612123x')).toBe('44030519850612123X')
    expect(normaliseValue('id-number', '４４０３ ０５１９ ８５０６ １２１２ ３ｘ')).toBe('44030519850612123X')
    expect(normaliseValue('certificate', '９１４４０３００ＭＡ５ＦＸＫ２Ｌ９Ｗ')).toBe('91440300MA5FXK2L9W')
    expect(normaliseValue('certificate', '9144-0300-MA5F-XK2L-9W')).toBe('91440300MA5FXK2L9W')
    expect(normaliseValue('domain', 'http://www.Yunfan-Tech.cn/about?x=1')).toBe('www.yunfan-tech.cn')
    expect(normaliseValue('domain', 'yunfan-tech.cn.')).toBe('yunfan-tech.cn')
    expect(normaliseValue('domain', 'yunfan-tech。cn')).toBe('yunfan-tech.cn')
    expect(normaliseValue('email', 'Chen.Siyuan＠Yunfan-Tech。cn')).toBe('Chen.Siyuan@yunfan-tech.cn')
    expect(normaliseValue('email', ' a@b.cn ')).toBe('a@b.cn')
    expect(normaliseValue('name', '  深圳市云帆网络科技有限公司（南山） ')).toBe('深圳市云帆网络科技有限公司（南山）')
  })

  it('leaves values that are already in form, and what it cannot know, alone', () => {
    for (const [kind, v] of [
      ['mobile', '13800138000'],
      ['phone', '020-12345678'],
      ['domain', '灵犀科技.中国'],
      ['email', 'a.b@c.cn'],
      ['certificate', 'G12345-678'],
      ['homepage', 'https://www.yunfan-tech.cn/index.html'],
    ] as const)
      expect(normaliseValue(kind, v)).toBe(v)
    // Not a mobile once cleaned: kept digit for digit (the rule says what is wrong).
    expect(normaliseValue('mobile', '138 0013 800')).toBe('1380013800')
  })

  it('knows the kind of every field path it normalises', () => {
    expect(fieldKind('principal.mobile')).toBe('mobile')
    expect(fieldKind('websites[3].manager.idNumber')).toBe('id-number')
    expect(fieldKind('websites[0].domain')).toBe('domain')
    expect(fieldKind('websites[0].domainCertificate.holderIdNumber')).toBe('certificate')
    expect(fieldKind('sponsor.certificateNumber')).toBe('certificate')
    expect(fieldKind('sponsor.certificateAddress')).toBeNull()
    expect(fieldKind('principal.idValidTo')).toBeNull()
  })
})

describe('normaliseCase', () => {
  const typed = () => {
    const c = sampleCase()
    c.principal.mobile = '１３８００１３８０００'
    c.principal.idNumber = PRINCIPAL_ID.toLowerCase().replace(/^(.{6})/, '$1 ')
    c.principal.email = 'chen.siyuan@yunfan-tech。cn'
    c.sponsor.certificateNumber = SAMPLE_USCC.replace(/[A-Z]/g, (ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0))
    const site = c.websites[0]!
    site.domain = 'http://yunfan-tech.cn./'
    site.manager.mobile = '137 0013 7000'
    return CaseSchema.parse(c)
  }

  it('lists each change once and returns the same case when nothing changes', () => {
    const { case: normal, changes } = normaliseCase(typed())
    expect(changes.map((c) => c.field).sort()).toEqual(
      [
        'principal.email',
        'principal.idNumber',
        'principal.mobile',
        'sponsor.certificateNumber',
        'websites[0].domain',
        'websites[0].manager.mobile',
      ].sort(),
    )
    expect(normal.principal.mobile).toBe('13800138000')
    expect(normal.sponsor.certificateNumber).toBe(SAMPLE_USCC)
    expect(normal.websites[0]?.domain).toBe('yunfan-tech.cn')
    const again = normaliseCase(normal)
    expect(again.changes).toEqual([])
    expect(again.case).toBe(normal)
  })

  it('makes the rules judge the normalised values: the typed slips raise nothing', () => {
    const findings = checkCase(typed(), { today: SAMPLE_DATE })
    const clean = checkCase(CaseSchema.parse(sampleCase()), { today: SAMPLE_DATE })
    expect(findings.map((f) => f.rule)).toEqual(clean.map((f) => f.rule))
  })
})
