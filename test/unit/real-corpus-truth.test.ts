/**
 * The real corpus's truth files (test/real/truth) are data a benchmark of record rests on: each
 * entry parses, ids and images are unique, and every identifier and date in them proves itself,
 * so a typo in the truth cannot pass for an OCR error.
 */
import { describe, expect, it } from 'vitest'
import { loadTruth, partOf } from '../real/corpus'
import { hasValidUsccCheck } from '../../shared/ids/uscc'
import { checkCharMatches } from '../../shared/ids/resident-id'
import { isRealDate } from '../../shared/dates/iso-date'

const files = loadTruth()
const entries = files.flatMap((f) => f.entries)

describe('real corpus truth', () => {
  it('has unique ids and unique images', () => {
    const ids = entries.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    const hashes = entries.map((e) => e.source.sha256)
    expect(new Set(hashes).size).toBe(hashes.length)
  })

  it('has credit codes and ID numbers that prove themselves by their check characters', () => {
    for (const e of entries) {
      const code = e.fields.creditCode
      if (code) expect(hasValidUsccCheck(code), `${e.id} creditCode ${code}`).toBe(true)
      const id = e.fields.idNumber
      if (id) expect(checkCharMatches(id), `${e.id} idNumber`).toBe(true)
    }
  })

  it('has dates that are real calendar dates or long-term', () => {
    const dateFields = ['establishedOn', 'validFrom', 'validTo', 'birthDate', 'registeredOn', 'expiresOn'] as const
    for (const e of entries)
      for (const f of dateFields) {
        const v = e.fields[f]
        if (v === undefined || (v === 'long-term' && (f === 'validTo' || f === 'validFrom'))) continue
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
        expect(m, `${e.id} ${f} ${v}`).not.toBeNull()
        if (m) expect(isRealDate(Number(m[1]), Number(m[2]), Number(m[3])), `${e.id} ${f} ${v}`).toBe(true)
      }
  })

  it('never marks a field both read and unreadable, and gives ID cards their sides', () => {
    for (const e of entries) {
      for (const f of e.unreadable ?? []) expect(e.fields[f], `${e.id} ${f}`).toBeUndefined()
      if (e.kind === 'id-card') expect(e.sides?.length, e.id).toBeGreaterThan(0)
    }
  })

  it('splits by hash alone', () => {
    expect(partOf('0'.repeat(64))).toBe('holdout')
    expect(partOf('4' + '0'.repeat(63))).toBe('holdout')
    expect(partOf('5' + '0'.repeat(63))).toBe('tune')
    expect(partOf('f' + '0'.repeat(63))).toBe('tune')
  })
})
