/**
 * The case's documents as a model (issue 16.2): the schema parses a reading, its other pages and the
 * proposed mark once at load, and every change is a pure function of the case.
 */
import { describe, expect, it } from 'vitest'
import { CaseSchema } from '../../shared/model/case'
import { addDocuments, applyReading, markMisread, removeDocument, setRole } from '../../shared/model/documents'
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

  it('marks a value as misread and clears it; removes a document', () => {
    const c = CaseSchema.parse({ documents: [{ file: 'scans/a.jpg', role: 'principal-id', extracted: reading() }] })
    const marked = markMisread(c, 0, 'idNumber', true)
    expect(marked?.documents[0]?.extracted?.fields.idNumber?.misread).toBe(true)
    expect(markMisread(marked ?? c, 0, 'idNumber', false)?.documents[0]?.extracted?.fields.idNumber?.misread).toBeUndefined()
    expect(markMisread(c, 0, 'personName', true)).toBeNull()
    expect(removeDocument(c, 0)?.documents).toEqual([])
  })
})
