/**
 * 批量导入's grouping of loose scans (shared/batch/plan.ts), over readings as the extractor stores
 * them, made from synthetic sponsors' identities (test/generator): grouped by a proven credit code,
 * by the sponsor name when the code is misread, people linked by ID number and legal
 * representative, and what proves nothing left ungrouped; then the preview's edits.
 */
import { describe, expect, it } from 'vitest'
import {
  addGroup,
  dropFile,
  groupReadings,
  moveFile,
  planProblems,
  renameGroup,
  type ImportPlan,
  type ReadFile,
} from '../../shared/batch/plan'
import type { DocumentKind, ExtractedDocument } from '../../shared/model/extracted'
import { makeSponsorSet } from '../generator/index'

function reading(kind: DocumentKind, fields: Record<string, string>, text?: string[]): ExtractedDocument {
  return {
    version: 1,
    kind,
    colour: true,
    image: { width: 1000, height: 700 },
    fields: Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value, confidence: 0.97 }])),
    findings: [],
    ...(text ? { text } : {}),
  }
}

const a = makeSponsorSet('plan-a', { individualBusiness: false })
const b = makeSponsorSet('plan-b', { individualBusiness: false })
const licence = (s: typeof a, code = s.sponsor.creditCode) =>
  reading('business-licence', { creditCode: code, entityName: s.sponsor.entityName, legalRepresentative: s.sponsor.legalRepresentative })
const card = (p: typeof a.principal) => reading('id-card', { personName: p.name, idNumber: p.idNumber })
const domain = (s: typeof a) => reading('domain-certificate', { domain: s.domain.domain, domainOwner: s.domain.owner })
/** A misread check character: the code no longer proves anything. */
const misread = (code: string) => `${code.slice(0, 17)}${code.endsWith('1') ? '2' : '1'}`

describe('grouping loose scans by what their readings prove', () => {
  it('groups by a proven credit code; the legal representative’s card and the domain certificate join their sponsor', () => {
    const files: ReadFile[] = [
      { id: 'f1', reading: licence(a) },
      { id: 'f2', reading: licence(b) },
      { id: 'f3', reading: domain(b) },
      { id: 'f4', reading: card({ ...a.principal, name: a.sponsor.legalRepresentative }) },
      { id: 'f5', reading: domain(a) },
    ]
    const { groups, ungrouped, proofs } = groupReadings(files)
    expect(groups.map((g) => [g.name, g.reason, g.files])).toEqual([
      [a.sponsor.entityName, 'credit-code', ['f1', 'f4', 'f5']],
      [b.sponsor.entityName, 'credit-code', ['f2', 'f3']],
    ])
    expect(ungrouped).toEqual([])
    expect(proofs.get('f1')).toBe(a.sponsor.creditCode)
    // An ID number is named by its last four digits only.
    expect(proofs.get('f4')).toBe(`…${a.principal.idNumber.slice(-4)}`)
  })

  it('falls back to the sponsor name when the code is misread, and never groups by an unproven code', () => {
    const { groups } = groupReadings([
      { id: 'f1', reading: licence(a, misread(a.sponsor.creditCode)) },
      { id: 'f2', reading: domain(a) },
      { id: 'f3', reading: reading('business-licence', { creditCode: misread(b.sponsor.creditCode) }) },
    ])
    expect(groups).toEqual([{ key: 'g1', name: a.sponsor.entityName, reason: 'sponsor-name', files: ['f1', 'f2'] }])
  })

  it('keeps one person’s cards together by ID number, and leaves what proves nothing ungrouped', () => {
    const manager = a.manager
    const { groups, ungrouped } = groupReadings([
      { id: 'f1', reading: licence(a) },
      { id: 'f2', reading: card(manager) }, // the website manager: nothing links the person to a sponsor
      { id: 'f3', reading: card(manager) },
      { id: 'f4', reading: reading('id-card', { issuer: '深圳市公安局', validTo: '2036-01-01' }) }, // a back side
      { id: 'f5', reading: reading('id-card', { personName: manager.name, idNumber: misread(manager.idNumber) }) }, // check fails
      { id: 'f6', reading: null }, // unreadable
      { id: 'f7', reading: reading('other', {}) },
    ])
    expect(groups.map((g) => g.files)).toEqual([['f1']])
    expect(ungrouped).toEqual(['f2', 'f3', 'f4', 'f5', 'f6', 'f7'])
    // A 个人 customer: a domain certificate in the person's own name makes the person's cards a case.
    const personal = groupReadings([
      { id: 'f1', reading: card(manager) },
      { id: 'f2', reading: reading('domain-certificate', { domain: 'x.cn', domainOwner: manager.name }) },
      { id: 'f3', reading: card(manager) },
    ])
    expect(personal.groups).toEqual([{ key: 'g1', name: manager.name, reason: 'id-number', files: ['f1', 'f2', 'f3'] }])
  })

  it('puts a signed commitment letter with the sponsor whose name it prints', () => {
    const letter = reading('commitment-letter', {}, ['网站备案信息真实性承诺书', `本单位 ${a.sponsor.entityName} 承诺`])
    const { groups } = groupReadings([
      { id: 'f1', reading: licence(a) },
      { id: 'f2', reading: licence(b) },
      { id: 'f3', reading: letter },
    ])
    expect(groups[0]?.files).toEqual(['f1', 'f3'])
  })
})

describe('editing the preview', () => {
  const plan: ImportPlan = {
    version: 1,
    planId: 'plan-000000000000',
    source: 'scans',
    mode: 'loose',
    files: ['f1', 'f2', 'f3'].map((id) => ({ id, name: `${id}.jpg`, size: 1 })),
    groups: [{ key: 'g1', name: '甲公司', reason: 'credit-code', files: ['f1'] }],
    ungrouped: ['f2', 'f3'],
    dropped: [],
    refused: [],
  }

  it('moves a file into a group, renames a case, drops a file and adds a case by hand', () => {
    let p = moveFile(plan, 'f2', 'g1')
    expect(p.groups[0]?.files).toEqual(['f1', 'f2'])
    expect(p.ungrouped).toEqual(['f3'])
    p = renameGroup(p, 'g1', '甲公司（深圳）')
    p = dropFile(p, 'f3')
    expect(p.dropped).toEqual(['f3'])
    p = addGroup(p, '新客户')
    p = moveFile(p, 'f1', 'm2')
    expect(p.groups.map((g) => [g.name, g.files])).toEqual([
      ['甲公司（深圳）', ['f2']],
      ['新客户', ['f1']],
    ])
    p = moveFile(p, 'f3', null)
    expect(p.ungrouped).toEqual(['f3'])
    expect(p.dropped).toEqual([])
    // Unknown files and groups change nothing.
    expect(moveFile(p, 'f9', 'g1')).toBe(p)
    expect(moveFile(p, 'f1', 'g9')).toBe(p)
    expect(planProblems(p)).toEqual([])
  })

  it('refuses a plan with nothing to create, a nameless case or a file in two cases', () => {
    expect(planProblems({ ...plan, groups: [] }).map((x) => x.messageEn)).toEqual(['There are no cases to create'])
    expect(planProblems(renameGroup(plan, 'g1', '  ')).map((x) => x.messageEn)).toEqual(['A case has no name'])
    const twice = { ...plan, groups: [...plan.groups, { key: 'm2', name: '乙', reason: 'manual' as const, files: ['f1'] }] }
    expect(planProblems(twice).map((x) => x.messageEn)).toEqual(['A file is in two cases'])
  })
})
