/**
 * Role proposal reads the one scan↔form comparison (shared/model/scan-fields.ts): a domain
 * certificate finds its website whichever form of the domain each side uses, an ID card its
 * person whatever the case of the check character.
 */
import { describe, expect, it } from 'vitest'
import { proposeRole } from '../../electron/services/case-folder/case-documents'
import { parseCase, type Case } from '../../shared/model/case'
import type { ExtractedDocument } from '../../shared/model/extracted'
import { MANAGER_ID, PRINCIPAL_ID, sampleCase, type EditableCase } from '../support/sample-case'

function caseWith(edit: (c: EditableCase) => void): Case {
  const data = sampleCase()
  edit(data)
  const parsed = parseCase(data)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return parsed.case
}

const read = (kind: ExtractedDocument['kind'], fields: Record<string, string>): ExtractedDocument => ({
  version: 1,
  kind,
  colour: true,
  image: { width: 100, height: 100 },
  fields: Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value, confidence: 0.97 }])),
  findings: [],
})

describe('proposeRole', () => {
  it('finds the website of a domain written in Punycode or with a trailing dot (it compared the raw text)', () => {
    const c = caseWith((d) => {
      const second = structuredClone(d.websites[0]!)
      second.domain = 'xn--fsqu00a.xn--fiqs8s'
      d.websites.push(second)
    })
    expect(proposeRole(c, read('domain-certificate', { domain: '例子.中国.' }))).toEqual({ role: 'domain-certificate', website: 1 })
  })

  it('finds a manager by an ID number read with spaces or a lower-case x (the reading was not normalised)', () => {
    const c = caseWith(() => {})
    const id = `${MANAGER_ID.slice(0, 6)} ${MANAGER_ID.slice(6).toLowerCase()}`
    expect(proposeRole(c, read('id-card', { idNumber: id }))).toMatchObject({ role: 'manager-id', website: 0 })
  })

  it('gives a second card of the principal who is also the manager to the manager slot the first does not fill (issue 14 item 7)', () => {
    const c = caseWith((d) => {
      d.websites[0]!.manager = { ...d.principal }
      d.documents = [
        {
          file: 'scans/a.jpg',
          role: 'principal-id',
          extracted: { ...read('id-card', { idNumber: PRINCIPAL_ID }), sides: ['front', 'back'] },
        },
        { file: 'scans/b.jpg', role: 'other' },
      ]
    })
    const second = { ...read('id-card', { idNumber: PRINCIPAL_ID }), sides: ['front' as const, 'back' as const] }
    expect(proposeRole(c, second, 1)).toEqual({ role: 'manager-id', website: 0 })
    // The same card alone (the other scan not yet read as a card) still goes to the principal first.
    expect(
      proposeRole(
        caseWith((d) => (d.websites[0]!.manager = { ...d.principal })),
        second,
        0,
      ),
    ).toEqual({ role: 'principal-id' })
  })

  it("finds a card by the name of any website's manager when its number was not read", () => {
    const c = caseWith((d) => {
      const second = structuredClone(d.websites[0]!)
      second.manager.name = '林晓彤'
      second.manager.idNumber = null
      d.websites.push(second)
    })
    expect(proposeRole(c, read('id-card', { personName: '林晓彤' }))).toEqual({ role: 'manager-id', website: 1 })
  })
})
