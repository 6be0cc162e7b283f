import { describe, expect, it } from 'vitest'
import { correctResidentId, correctUscc } from '../../shared/ids/corrector'
import { validateUscc } from '../../shared/ids/uscc'

const TODAY = '2026-12-01'

describe('correctUscc', () => {
  it('leaves a valid code alone', () => {
    const r = correctUscc('91350100M000100Y43')
    expect(r).toMatchObject({ alreadyValid: true, unique: true, best: '91350100M000100Y43', candidates: [] })
  })

  it('repairs letters OCR puts where the code has none (O→0, I→1, S→5, Z→2)', () => {
    const r = correctUscc('9135O1OOMOOO1OOY43')
    expect(r.best).toBe('91350100M000100Y43')
    expect(r.unique).toBe(true)
    expect(r.candidates[0]?.changes.every((c) => c.from === 'O' && c.to === '0')).toBe(true)
  })

  it('repairs a single look-alike swap and says where', () => {
    // 91440300568520498A with the 0 at index 13 read as D (D is a legal code character).
    const r = correctUscc('9144030056852D498A')
    expect(r.unique).toBe(true)
    expect(r.best).toBe('91440300568520498A')
    expect(r.candidates[0]?.changes).toEqual([{ position: 13, from: 'D', to: '0' }])
  })

  it('handles spaces, hyphens and full-width input', () => {
    expect(correctUscc('９１３５０１００Ｍ０００１００Ｙ４３').alreadyValid).toBe(true)
    expect(correctUscc('91350100-M000100Y4-3').alreadyValid).toBe(true)
  })

  it('finds nothing for garbage or the wrong length', () => {
    expect(correctUscc('hello').candidates).toEqual([])
    expect(correctUscc('91350100M000100Y4').candidates).toEqual([])
  })

  it('every surviving candidate passes both checks', () => {
    const r = correctUscc('91310115MA1K3BTP2B'.replace('K', 'X').replace('3', '8'))
    for (const c of r.candidates) expect(validateUscc(c.value).valid).toBe(true)
  })

  it('says when the answer is not unique', () => {
    // Two free changes on a long code usually admit several valid repairs: never pick one silently.
    const r = correctUscc('91310000631696382C'.replace('6316', '6B1G'), { maxChanges: 2 })
    if (r.candidates.length > 1 && r.candidates[0]?.cost === r.candidates[1]?.cost) expect(r.unique).toBe(false)
    if (r.unique) expect(r.best).toBe(r.candidates[0]?.value)
  })
})

describe('correctResidentId', () => {
  it('normalises a lower-case or look-alike X', () => {
    expect(correctResidentId('11010519491231002x', TODAY).alreadyValid).toBe(true)
    expect(correctResidentId('11010519491231002×', TODAY).best).toBe('11010519491231002X')
  })

  it('repairs letters inside the digits', () => {
    const r = correctResidentId('11O1O519491231OO2X', TODAY)
    expect(r.best).toBe('11010519491231002X')
    expect(r.candidates[0]?.changes).toHaveLength(4)
  })

  it('uses the printed birth date and sex to decide between candidates', () => {
    // 8 misread as 3 in the birth year: several digit swaps satisfy the check alone.
    const read = '110105194912310O2X'.replace('1949', '1949')
    const withHints = correctResidentId(read, TODAY, { birthDate: '1949-12-31', sex: 'female' })
    expect(withHints.best).toBe('11010519491231002X')
  })

  it('never proposes an impossible birth date or a future one', () => {
    const r = correctResidentId('110105194912310021', TODAY)
    for (const c of r.candidates) {
      const y = Number(c.value.slice(6, 10))
      expect(y).toBeGreaterThanOrEqual(1900)
      expect(c.value.slice(6, 14) <= '20261201').toBe(true)
    }
  })
})
