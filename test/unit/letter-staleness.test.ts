import { describe, expect, it } from 'vitest'
import { generatedLetterOf, generatedLetterRecord, staleValues } from '../../shared/letter/staleness'
import { CaseSchema, type Case } from '../../shared/model/case'
import { SAMPLE_DATE, sampleCase } from '../support/sample-case'

const at = new Date('2026-11-28T02:00:00Z')

function withRecord(): Case {
  const c = CaseSchema.parse(sampleCase())
  const record = generatedLetterRecord(c, SAMPLE_DATE, at)
  // Through JSON, as case.json keeps it.
  return CaseSchema.parse(JSON.parse(JSON.stringify({ ...c, generatedLetter: record })))
}

describe('a generated letter goes stale when a field it prints changes (issue 14 item 1)', () => {
  it('is kept in case.json and matches the case it was made from', () => {
    const c = withRecord()
    const record = generatedLetterOf(c)
    expect(record).toMatchObject({ at: '2026-11-28T02:00:00.000Z', date: SAMPLE_DATE })
    expect(record && staleValues(c, record)).toEqual([])
  })

  it('names what changed: a second website, a renamed sponsor; not a field the letter does not print', () => {
    const c = withRecord()
    const record = generatedLetterOf(c)!
    const second = { ...c.websites[0]!, name: '云帆商城服务', domain: 'yunfan-shop.cn' }
    const changed: Case = { ...c, sponsor: { ...c.sponsor, name: '深圳市云帆科技有限公司' }, websites: [c.websites[0]!, second] }
    expect(staleValues(changed, record).map((s) => s.label)).toEqual([
      '主办单位名称',
      '网站数量',
      '网站 2 名称',
      '网站 2 域名',
      '网站 2 负责人',
    ])
    const phone: Case = { ...c, principal: { ...c.principal, mobile: '13500135000' }, websites: [{ ...c.websites[0]!, homepage: 'x.cn' }] }
    expect(staleValues(phone, record)).toEqual([])
  })

  it('a changed-back value leaves the paper valid; an unknown record shape is ignored', () => {
    const c = withRecord()
    const record = generatedLetterOf(c)!
    expect(staleValues({ ...c, sponsor: { ...c.sponsor, name: c.sponsor.name } }, record)).toEqual([])
    expect(generatedLetterOf({ ...c, generatedLetter: { at: 1 } } as Case)).toBeNull()
  })
})
