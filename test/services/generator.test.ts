/**
 * The synthetic scan generator: deterministic from its seed (figures can be reproduced), valid
 * identifiers, a consistent sponsor set, and a case.json that agrees with its scans.
 */
import { describe, expect, it } from 'vitest'
import { validateResidentId } from '../../shared/ids/resident-id'
import { validateUscc } from '../../shared/ids/uscc'
import { parseCase } from '../../shared/model/case'
import { caseFor } from '../generator/case'
import { makeCorpus, PROFILES } from '../generator/corpus'
import { generateDocument, makeSponsorSet } from '../generator/index'

describe('generator', () => {
  it('is deterministic: the same seed gives the same bytes', async () => {
    const a = await generateDocument(makeSponsorSet(3), { type: 'licence', degradations: ['tint', 'noise', 'skew'], seed: 9, dpi: 90 })
    const b = await generateDocument(makeSponsorSet(3), { type: 'licence', degradations: ['tint', 'noise', 'skew'], seed: 9, dpi: 90 })
    expect(a.data.equals(b.data)).toBe(true)
    const c = await generateDocument(makeSponsorSet(3), { type: 'licence', degradations: ['tint', 'noise', 'skew'], seed: 10, dpi: 90 })
    expect(a.data.equals(c.data)).toBe(false)
  })

  it('makes consistent sponsors with valid identifiers (six-digit area codes only)', () => {
    for (let seed = 0; seed < 300; seed += 1) {
      const set = makeSponsorSet(seed)
      expect(validateUscc(set.sponsor.creditCode).valid).toBe(true)
      expect(set.sponsor.creditCode.slice(0, 2)).toBe(set.sponsor.individualBusiness ? '92' : '91')
      for (const p of [set.principal, set.manager]) {
        const v = validateResidentId(p.idNumber, '2026-12-01')
        expect(v.valid).toBe(true)
        expect(v.details?.birthDate).toBe(p.birthDate)
        expect(v.details?.sex).toBe(p.sex)
      }
      expect(set.sponsor.legalRepresentative).toBe(set.principal.name)
      expect(set.domain.owner).toBe(set.sponsor.entityName)
      expect(parseCase(caseFor(set)).ok).toBe(true)
    }
  })

  it('spreads every degradation profile over the corpus', () => {
    const corpus = makeCorpus({ sets: 8, seed: 1 })
    const profiles = new Set(corpus.map((e) => e.profile))
    expect([...profiles].sort()).toEqual(PROFILES.map(([p]) => p).sort())
    expect(new Set(corpus.map((e) => e.spec.format))).toEqual(new Set(['jpg', 'png', 'pdf', 'webp', 'tiff', 'bmp']))
  })
})
