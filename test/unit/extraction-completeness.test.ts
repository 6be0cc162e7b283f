/**
 * A free-text value cut short is a question, not a fact: 「任公司」 for 有限责任公司, or an address
 * that stops before its number, is kept but marked uncertain (bench:extract seed 7 read both with
 * confidence ≥ 0.85 before this check).
 */
import { describe, expect, it } from 'vitest'
import { addressLooksWhole, entityTypeLooksWhole, unlessWhole } from '../../shared/extraction/completeness'

describe('entityTypeLooksWhole', () => {
  it.each([
    '有限责任公司',
    '有限责任公司(自然人投资或控股)',
    '有限责任公司（外商投资、非独资）',
    '股份有限公司(上市、自然人投资或控股)',
    '个人独资企业',
    '个体工商户',
    '有限合伙企业',
  ])('accepts %s', (v) => expect(entityTypeLooksWhole(v)).toBe(true))
  it.each(['任公司', '责任公司', '型有限责任公司（自然人投资或控股）', '公司'])('doubts %s', (v) =>
    expect(entityTypeLooksWhole(v)).toBe(false),
  )
})

describe('addressLooksWhole', () => {
  it.each([
    '潮州市潮安区创业路70号4楼740号',
    '广东省深圳市盐田区滨河大道216号8栋612室',
    '广东省梅州市五华县华城镇新村村三组',
    '北京市朝阳区建国路88号SOHO现代城C座',
  ])('accepts %s', (v) => expect(addressLooksWhole(v)).toBe(true))
  it.each(['广东省潮州市潮安区中山', '广东省深圳市盐田区滨河大道216号8栋612至', '路334号11栋405'])('doubts %s', (v) =>
    expect(addressLooksWhole(v)).toBe(false),
  )
})

describe('unlessWhole', () => {
  const field = { value: '任公司', confidence: 0.9, box: { x: 0, y: 0, width: 10, height: 10 } }
  it('keeps the value read, caps its confidence below the review threshold and marks it uncertain', () => {
    const out = unlessWhole(field, entityTypeLooksWhole)
    expect(out).toMatchObject({ value: '任公司', uncertain: true })
    expect(out?.confidence).toBeLessThan(0.8)
  })
  it('leaves a whole value and a missing one alone', () => {
    const whole = { ...field, value: '有限责任公司' }
    expect(unlessWhole(whole, entityTypeLooksWhole)).toBe(whole)
    expect(unlessWhole(null, entityTypeLooksWhole)).toBeNull()
  })
})
