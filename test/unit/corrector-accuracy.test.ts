/**
 * How often the corrector repairs a misread identifier, and — more important — that it never
 * confidently repairs a single misread to the wrong value. Seeded, so the figures are exact.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { correctResidentId, correctUscc } from '../../shared/ids/corrector'
import { makeResidentId } from '../support/ids'
import { misread, seededRandom } from '../support/misread'

const codes = readFileSync(new URL('./vectors/uscc-valid.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))

interface Tally {
  right: number
  wrong: number
  ambiguous: number
}

function tally(cases: Array<{ truth: string; result: { unique: boolean; best?: string } }>): Tally {
  const t = { right: 0, wrong: 0, ambiguous: 0 }
  for (const { truth, result } of cases) {
    if (!result.unique) t.ambiguous += 1
    else if (result.best === truth) t.right += 1
    else t.wrong += 1
  }
  return t
}

describe('corrector accuracy on simulated misreads', () => {
  it('credit codes with one look-alike misread: ≥ 80 % repaired, none repaired wrongly', () => {
    const random = seededRandom(7)
    const cases = Array.from({ length: 400 }, (_, k) => {
      const truth = codes[k % codes.length] as string
      return { truth, result: correctUscc(misread(truth, 1, random)) }
    })
    const t = tally(cases)
    expect(t.wrong).toBe(0)
    expect(t.right / cases.length).toBeGreaterThanOrEqual(0.8)
  })

  it('ID numbers with one misread: none repaired wrongly; the printed birth date and sex make most unique', () => {
    const random = seededRandom(11)
    const plain: Array<{ truth: string; result: { unique: boolean; best?: string } }> = []
    const hinted: typeof plain = []
    for (let k = 0; k < 400; k += 1) {
      const birth = `19${50 + Math.floor(random() * 50)}0${1 + Math.floor(random() * 9)}1${Math.floor(random() * 9)}`
      const truth = makeResidentId('440305', birth, String(100 + Math.floor(random() * 800)))
      const read = misread(truth, 1, random)
      plain.push({ truth, result: correctResidentId(read, '2026-12-01') })
      const hints = {
        birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
        sex: Number(truth[16]) % 2 === 1 ? ('male' as const) : ('female' as const),
      }
      hinted.push({ truth, result: correctResidentId(read, '2026-12-01', hints) })
    }
    const p = tally(plain)
    const h = tally(hinted)
    expect(p.wrong).toBe(0)
    expect(h.wrong).toBe(0)
    expect(h.right / hinted.length).toBeGreaterThanOrEqual(0.85)
  })
})
