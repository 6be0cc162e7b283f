/**
 * What may be reported as sure (sureness.ts): proof by structure, or two independent readings that
 * each read the value itself — never one reading's confidence, nor two scales of one crop.
 */
import { describe, expect, it } from 'vitest'
import { assembleFields } from '../../shared/extraction/assemble'
import type { Reading } from '../../shared/extraction/interpret'
import { agreedByTwo, isSure } from '../../shared/extraction/sureness'
import { makeResidentId, makeUscc } from '../support/ids'

const TODAY = '2026-12-01'
const box = { x: 0, y: 0, width: 100, height: 20 }
const page = (text: string, confidence = 0.98): Reading => ({ text, confidence, box, source: 'page' })
const crop = (text: string, confidence = 0.98, model = 'chi_sim+eng'): Reading => ({ text, confidence, box, source: 'crop', model })
const assemble = (kind: 'business-licence' | 'id-card' | 'domain-certificate', fields: Record<string, Reading[]>) =>
  assembleFields(kind, new Map(Object.entries(fields)), new Map(), TODAY).fields

describe('sureness of free text', () => {
  it('is earned by the page pass and a crop reading the same value', () => {
    const f = assemble('business-licence', { entityName: [crop('爱浪科技(中山)有限公司'), page('爱浪科技（中山）有限公司')] })
    expect(f.entityName?.value).toBe('爱浪科技（中山）有限公司')
    expect(isSure(f.entityName!)).toBe(true)
  })

  it('is not earned by two scales of one crop that the page pass contradicts', () => {
    // As read on a real licence: both crop looks dropped the brackets, the page pass kept them.
    const f = assemble('business-licence', {
      entityName: [crop('爱浪科技中山有限公司', 0.94), crop('爱浪科技中山有限公司', 0.91), page('爱浪科技(中山)有限公司', 0.97)],
    })
    expect(f.entityName).toBeDefined()
    expect(isSure(f.entityName!)).toBe(false)
  })

  it('is not earned when the value is not what any reading read (a character cleaned away)', () => {
    // 、 is part of a 类型 as printed: a value without it is not what either reading read.
    expect(
      agreedByTwo('股份有限公司（非上市自然人投资或控股）', [
        crop('股份有限公司（非上市、自然人投资或控股）'),
        page('股份有限公司(非上市、自然人投资或控股)'),
      ]),
    ).toBe(false)
    expect(agreedByTwo('北京市东城区长安街一号', [crop('北京市东城区长安街一号院'), page('北京市东城区长安街一号院')])).toBe(false)
  })

  it('is never earned by one reading, however confident', () => {
    const f = assemble('domain-certificate', { domain: [crop('example.cn', 1)], domainOwner: [page('深圳市例子科技有限公司', 1)] })
    expect(f.domain?.value).toBe('example.cn')
    expect(isSure(f.domain!)).toBe(false)
    expect(isSure(f.domainOwner!)).toBe(false)
  })

  it('counts a domain read alike by the crop and the page pass', () => {
    const f = assemble('domain-certificate', { domain: [crop('example.cn'), page('域名：example.cn')] })
    expect(isSure(f.domain!)).toBe(true)
  })
})

describe('sureness of dates', () => {
  it('needs the page pass and a crop to agree, not two renderings of one crop', () => {
    const two = assemble('business-licence', { establishedOn: [crop('2012年03月28日'), crop('2012年03月28日')] })
    expect(two.establishedOn?.value).toBe('2012-03-28')
    expect(isSure(two.establishedOn!)).toBe(false)
    const agreed = assemble('business-licence', { establishedOn: [crop('2012年03月28日'), page('2012年03月28日')] })
    expect(isSure(agreed.establishedOn!)).toBe(true)
  })

  it('takes a birth date from the number only as sure as the number', () => {
    const ID = makeResidentId('440305', '19850612', '123')
    const once = assemble('id-card', { idNumber: [crop(ID)] })
    expect(once.birthDate).toMatchObject({ value: '1985-06-12', source: 'idNumber' })
    expect(isSure(once.birthDate!)).toBe(false)
  })
})

describe('sureness of codes', () => {
  const ID = makeResidentId('440305', '19850612', '123')

  it('keeps a credit code valid as read sure, and a repaired one not', () => {
    const code = makeUscc('91440300', 'MA5FXK2L')
    expect(isSure(assemble('business-licence', { creditCode: [crop(code), page(`统一社会信用代码${code}`)] }).creditCode!)).toBe(true)
    // Valid as read once: a misread can keep the check character one time in 31; a second look is needed.
    expect(isSure(assemble('business-licence', { creditCode: [crop(code)] }).creditCode!)).toBe(false)
    const misread = code.replace('0', 'O')
    const repaired = assemble('business-licence', { creditCode: [crop(misread)] }).creditCode
    expect(repaired?.value).toBe(code)
    expect(isSure(repaired!)).toBe(false)
  })

  it('does not keep an ID number sure when the printed birth date says otherwise', () => {
    const f = assemble('id-card', { idNumber: [crop(ID), page(ID)], birthDate: [crop('1985年6月13日'), page('1985年6月13日')] })
    expect(f.idNumber?.value).toBe(ID)
    expect(isSure(f.idNumber!)).toBe(false)
  })

  it('keeps an ID number sure when the printed birth date agrees or was not read', () => {
    const agreed = assemble('id-card', { idNumber: [crop(ID), page(ID)], birthDate: [crop('1985年6月12日'), page('1985年6月12日')] })
    expect(isSure(agreed.idNumber!)).toBe(true)
    expect(isSure(agreed.birthDate!)).toBe(true)
    expect(isSure(assemble('id-card', { idNumber: [crop(ID), page(`公民身份号码 ${ID}`)] }).idNumber!)).toBe(true)
  })

  it('does not keep an ID number sure that needed a look-alike repair', () => {
    const f = assemble('id-card', { idNumber: [crop(ID.replace('8', 'B'))] }).idNumber
    expect(f?.value).toBe(ID)
    expect(isSure(f!)).toBe(false)
  })

  it('does not take an ID number born after today for sure', () => {
    const future = makeResidentId('440305', '20300612', '123')
    const f = assemble('id-card', { idNumber: [crop(future)] }).idNumber
    expect(f === undefined || !isSure(f)).toBe(true)
  })
})

describe('values read together with their neighbours', () => {
  it('splits a 名称 run on into the 类型 of its row, and neither part is sure', () => {
    const text = '东莞市宏晟交通设施有限公司有限责任公司（自然人投资或控股）'
    const f = assemble('business-licence', { entityName: [crop(text), page(text)] })
    expect(f.entityName?.value).toBe('东莞市宏晟交通设施有限公司')
    expect(f.entityType?.value).toBe('有限责任公司（自然人投资或控股）')
    expect(isSure(f.entityName!)).toBe(false)
    expect(isSure(f.entityType!)).toBe(false)
    // A branch's name is not split at its 分公司.
    const branch = assemble('business-licence', { entityName: [crop('上海某某餐饮有限公司分公司'), page('上海某某餐饮有限公司分公司')] })
    expect(branch.entityName?.value).toBe('上海某某餐饮有限公司分公司')
  })

  it('keeps the 、 of a 类型 and the 院 after an address number', () => {
    const t = '股份有限公司(非上市、自然人投资或控股)'
    const f = assemble('business-licence', {
      entityType: [crop(t), page(t)],
      address: [crop('北京市东城区长安街一号院'), page('北京市东城区长安街一号院')],
    })
    expect(f.entityType?.value).toBe('股份有限公司（非上市、自然人投资或控股）')
    expect(isSure(f.entityType!)).toBe(true)
    expect(f.address?.value).toBe('北京市东城区长安街一号院')
  })

  it('drops the 姓名 label read before a person name', () => {
    const f = assemble('business-licence', { legalRepresentative: [crop('姓名刘在胜'), page('姓名刘在胜')] })
    expect(f.legalRepresentative?.value).toBe('刘在胜')
  })
})

describe('domain owners', () => {
  it('are never sure in Latin letters alone (the pinyin line)', () => {
    const f = assemble('domain-certificate', { domainOwner: [crop('yuchanglong'), page('yuchanglong')] })
    expect(f.domainOwner?.value).toBe('yuchanglong')
    expect(isSure(f.domainOwner!)).toBe(false)
    expect(isSure(assemble('domain-certificate', { domainOwner: [crop('余昌龙'), page('余昌龙')] }).domainOwner!)).toBe(true)
  })
})

describe('values whose label was not read', () => {
  it('are not sure when a date or a text, though the readings agree', () => {
    const readings = new Map(
      Object.entries({
        establishedOn: [crop('2012年03月28日'), page('2012年03月28日')],
        entityName: [crop('武汉骏诚威视科技有限公司'), page('武汉骏诚威视科技有限公司')],
      }),
    )
    const f = assembleFields('business-licence', readings, new Map(), TODAY, new Set(['establishedOn'])).fields
    expect(isSure(f.establishedOn!)).toBe(false)
    expect(isSure(f.entityName!)).toBe(true)
  })

  it('are still sure when a code proves itself', () => {
    const code = makeUscc('91440300', 'MA5FXK2L')
    const f = assembleFields(
      'business-licence',
      new Map([['creditCode', [crop(code), page(code)]]]),
      new Map(),
      TODAY,
      new Set(['creditCode']),
    )
    expect(isSure(f.fields.creditCode!)).toBe(true)
  })
})
