/**
 * The case's documents as a model (issue 16.2): the schema parses a reading, its other pages and the
 * proposed mark once at load, and every change is a pure function of the case.
 */
import { describe, expect, it } from 'vitest'
import { CaseSchema } from '../../shared/model/case'
import {
  addDocuments,
  applyReading,
  isExported,
  markMisread,
  removeDocument,
  setKeep,
  setRole,
  websiteFromReading,
} from '../../shared/model/documents'
import { pageTurns, type ExtractedDocument } from '../../shared/model/extracted'

const reading = (extra: Partial<ExtractedDocument> = {}): ExtractedDocument => ({
  version: 1,
  kind: 'id-card',
  colour: true,
  image: { width: 10, height: 10 },
  fields: { idNumber: { value: '44010619880314123X', confidence: 0.97 } },
  findings: [],
  ...extra,
})

describe('the documents schema', () => {
  it('types the reading, its other pages and the proposed mark', () => {
    const c = CaseSchema.parse({
      documents: [
        {
          file: 'scans/a.pdf',
          role: 'other',
          roleProposed: true,
          extracted: reading({ rotation: 90, pages: [reading({ rotation: 180 })] }),
        },
      ],
    })
    const doc = c.documents[0]
    expect(doc?.roleProposed).toBe(true)
    expect(doc?.extracted?.pages?.[0]?.rotation).toBe(180)
    expect(doc?.extracted && pageTurns(doc.extracted)).toEqual([90, 180])
  })

  it('drops a reading of a shape it does not know (it is read again), and keeps the case', () => {
    const c = CaseSchema.parse({ documents: [{ file: 'scans/a.jpg', role: 'other', extracted: { version: 99 } }] })
    expect(c.documents[0]?.extracted).toBeUndefined()
  })
})

describe('document changes', () => {
  const base = CaseSchema.parse({ websites: [{}, {}] })

  it('adds scans waiting for a proposal, or with the role they were dropped for', () => {
    const c = addDocuments(base, ['scans/a.jpg'])
    expect(c.documents).toEqual([{ file: 'scans/a.jpg', role: 'other', roleProposed: true }])
    expect(addDocuments(base, ['scans/l.jpg'], { role: 'commitment-letter' }).documents).toEqual([
      { file: 'scans/l.jpg', role: 'commitment-letter' },
    ])
    expect(base.documents).toEqual([]) // pure
  })

  it('follows a proposal only while the role is proposed, and keeps the mark', () => {
    const [proposed] = addDocuments(base, ['scans/a.jpg']).documents
    if (!proposed) throw new Error('added')
    expect(applyReading(proposed, reading(), { role: 'manager-id', website: 1 })).toMatchObject({
      role: 'manager-id',
      website: 1,
      roleProposed: true,
    })
    const chosen = { file: 'scans/b.jpg', role: 'principal-id' }
    expect(applyReading(chosen, reading(), { role: 'manager-id', website: 1 }).role).toBe('principal-id')
  })

  it('sets a role by hand (the mark goes; a website role keeps a website in range)', () => {
    const c = setRole(addDocuments(base, ['scans/a.jpg']), 0, 'domain-certificate', 7)
    expect(c?.documents[0]).toEqual({ file: 'scans/a.jpg', role: 'domain-certificate', website: 1 })
    expect(setRole(base, 3, 'other', null)).toBeNull()
  })

  it('gives a website role chosen by hand the website whose domain the scan shows, else none (issue 14 item 6)', () => {
    const two = CaseSchema.parse({ websites: [{ domain: 'a.cn' }, { domain: 'b.cn', manager: { name: '林晓彤' } }] })
    const cert = reading({ kind: 'domain-certificate', fields: { domain: { value: 'B.CN.', confidence: 0.9 } } })
    const c = CaseSchema.parse({ ...two, documents: [{ file: 'scans/d.jpg', role: 'other', roleProposed: true, extracted: cert }] })
    expect(websiteFromReading(c, c.documents[0]!)).toBe(1)
    expect(setRole(c, 0, 'domain-certificate', null)?.documents[0]).toMatchObject({ role: 'domain-certificate', website: 1 })
    // A manager's card by the name on it; nothing read that points at a website: no website, asked for.
    const card = reading({ fields: { personName: { value: '林晓彤', confidence: 0.9 } } })
    expect(websiteFromReading(c, { file: 'x', role: 'manager-id', extracted: card })).toBe(1)
    const unread = setRole(addDocuments(two, ['scans/u.jpg']), 0, 'domain-certificate', null)?.documents[0]
    expect(unread).toEqual({ file: 'scans/u.jpg', role: 'domain-certificate' })
    expect(setRole(unread ? { ...two, documents: [unread] } : two, 0, 'domain-certificate', 0)?.documents[0]?.website).toBe(0)
  })

  it('keeps a 其他材料 scan in the package only when ticked (issue 14 item 7)', () => {
    const c = addDocuments(base, ['scans/a.jpg'])
    expect(isExported(c.documents[0]!)).toBe(false)
    const kept = setKeep(c, 0, true)
    expect(kept?.documents[0]?.keep).toBe(true)
    expect(isExported(kept!.documents[0]!)).toBe(true)
    expect(setKeep(kept!, 0, false)?.documents[0]).not.toHaveProperty('keep')
    expect(isExported({ file: 'x', role: 'principal-id' })).toBe(true)
  })

  it('marks a value as misread and clears it; removes a document', () => {
    const c = CaseSchema.parse({ documents: [{ file: 'scans/a.jpg', role: 'principal-id', extracted: reading() }] })
    const marked = markMisread(c, 0, 'idNumber', true)
    expect(marked?.documents[0]?.extracted?.fields.idNumber?.misread).toBe(true)
    expect(markMisread(marked ?? c, 0, 'idNumber', false)?.documents[0]?.extracted?.fields.idNumber?.misread).toBeUndefined()
    expect(markMisread(c, 0, 'personName', true)).toBeNull()
    expect(removeDocument(c, 0)?.documents).toEqual([])
  })
})
