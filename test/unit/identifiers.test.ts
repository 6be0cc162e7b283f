import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidLegacyRegNo, legacyRegNoCheckDigit } from '../../shared/ids/legacy-regno'
import { isValidOrgCode, orgCodeCheckChar } from '../../shared/ids/org-code'
import { validateResidentId } from '../../shared/ids/resident-id'
import { hasValidEmbeddedOrgCode, USCC_ALPHABET, usccCheckChar, validateUscc } from '../../shared/ids/uscc'
import { makeResidentId, makeUscc } from '../support/ids'

const TODAY = '2026-12-01'

function vectors(name: string): string[][] {
  return readFileSync(new URL(`./vectors/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.trim().split(/\s+/))
}

describe('统一社会信用代码 (GB 32100)', () => {
  const valid = vectors('uscc-valid.txt').map(([code]) => code as string)

  it(`accepts all ${valid.length} published valid codes, with both checks passing`, () => {
    for (const code of valid) {
      const r = validateUscc(code)
      expect(r.errors, code).toEqual([])
      expect(hasValidEmbeddedOrgCode(code), code).toBe(true)
    }
  })

  it('decodes the GB 32100 example 91350100M000100Y43', () => {
    const r = validateUscc('91350100M000100Y43')
    expect(r.valid).toBe(true)
    expect(r.details).toMatchObject({
      department: '工商',
      category: '企业',
      areaCode: '350100',
      area: '福建省福州市',
      orgCode: 'M000100Y-4',
    })
  })

  it('rejects every single-character change of a valid code (the check catches it)', () => {
    for (const code of valid.slice(0, 30)) {
      for (let i = 0; i < 18; i += 1) {
        for (const ch of USCC_ALPHABET) {
          if (ch === code[i]) continue
          const changed = code.slice(0, i) + ch + code.slice(i + 1)
          expect(validateUscc(changed).valid, changed).toBe(false)
        }
      }
    }
  })

  it('explains what is wrong', () => {
    expect(validateUscc('91110000600037341N').errors[0]?.code).toBe('check-character')
    expect(validateUscc('9111000060003IOZSV').errors[0]?.code).toBe('characters')
    expect(validateUscc('12345').errors[0]?.code).toBe('length')
    expect(validateUscc('').errors[0]?.code).toBe('empty')
    expect(validateUscc('110108000000016').errors[0]?.code).toBe('legacy-regno')
  })

  it('normalises spaces, hyphens, lower case and full-width characters', () => {
    expect(validateUscc(' 91 110000 600037341l ').normalised).toBe('91110000600037341L')
    expect(validateUscc('９１１１００００６０００３７３４１Ｌ').valid).toBe(true)
  })

  it('warns (not errors) when only the embedded organisation code fails', () => {
    // Same body with a wrong org check char, re-signed so the GB 32100 check passes.
    const first17 = '91440300MA5FXK2L' + '0'
    const code = first17 + usccCheckChar(first17)
    const r = validateUscc(code)
    expect(r.valid).toBe(true)
    expect(r.warnings.map((w) => w.code)).toContain('org-code-check')
  })

  it('round-trips generated codes (property)', () => {
    const body = fc.array(fc.constantFrom(...USCC_ALPHABET.split('')), { minLength: 8, maxLength: 8 }).map((a) => a.join(''))
    fc.assert(
      fc.property(body, (b) => {
        const code = makeUscc('91440300', b)
        expect(validateUscc(code).valid).toBe(true)
      }),
    )
  })
})

describe('组织机构代码 (GB 11714)', () => {
  it('computes check characters including X and 0', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4')
    expect(isValidOrgCode('M000100Y-4')).toBe(true)
    expect(isValidOrgCode('M000100Y-5')).toBe(false)
    const checks = new Set<string>()
    for (let n = 10_000_000; n < 10_000_200; n += 1) checks.add(orgCodeCheckChar(String(n)) as string)
    expect(checks.has('X')).toBe(true)
    expect(checks.has('0')).toBe(true)
  })
})

describe('15-digit 注册号 (ISO 7064 MOD 11,10)', () => {
  it('recognises valid old registration numbers', () => {
    expect(isValidLegacyRegNo('110108000000016')).toBe(true)
    expect(isValidLegacyRegNo('310000000007622')).toBe(true)
    expect(isValidLegacyRegNo('110108000000017')).toBe(false)
    expect(legacyRegNoCheckDigit('11010800000001')).toBe(6)
  })
})

describe('公民身份号码 (GB 11643)', () => {
  const rows = vectors('resident-id.txt')

  it.each(rows.filter((r) => r[0] === 'valid').map((r) => r[1] as string))('accepts %s', (id) => {
    const r = validateResidentId(id, TODAY)
    expect(r.errors).toEqual([])
    expect(r.normalised).toBe(id.toUpperCase())
  })

  it.each(rows.filter((r) => r[0] === 'invalid').map((r) => [r[1], r[2]] as [string, string]))('rejects with %s: %s', (code, id) => {
    expect(validateResidentId(id, TODAY).errors.map((e) => e.code)).toContain(code)
  })

  it('decodes the standard example 11010519491231002X', () => {
    const r = validateResidentId('11010519491231002x', TODAY)
    expect(r.valid).toBe(true)
    expect(r.normalised).toBe('11010519491231002X')
    expect(r.details).toMatchObject({ birthDate: '1949-12-31', sex: 'female', areaCode: '110105', area: '北京市朝阳区' })
  })

  it('rejects a birth date in the future, as of the given day', () => {
    const id = makeResidentId('440305', '20270101', '123')
    expect(validateResidentId(id, TODAY).errors.map((e) => e.code)).toContain('birth-future')
    expect(validateResidentId(id, '2027-06-01').valid).toBe(true)
  })

  it('warns, not errors, on an unknown area code', () => {
    const r = validateResidentId(makeResidentId('449999', '19900101', '123'), TODAY)
    expect(r.valid).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual(['area-unknown'])
    const p = validateResidentId(makeResidentId('990426', '19911201', '007'), TODAY)
    expect(p.valid).toBe(true)
    expect(p.warnings.map((w) => w.code)).toEqual(['province-unknown'])
  })

  it('knows historical area codes (崇文区 110103, merged in 2010)', () => {
    const r = validateResidentId(makeResidentId('110103', '19800101', '011'), TODAY)
    expect(r.warnings).toEqual([])
    expect(r.details?.area).toBe('北京市崇文区')
  })

  it('recognises 15-digit first-generation numbers and 港澳台 residence permits', () => {
    expect(validateResidentId('110105491231002', TODAY).errors[0]?.code).toBe('legacy-15')
    const permit = validateResidentId(makeResidentId('810000', '19900101', '123'), TODAY)
    expect(permit.valid).toBe(true)
    expect(permit.details?.residencePermit).toBe(true)
  })

  it('catches every single-digit change (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const id = '11010519491231002X'
        const digit = (Number(id[pos]) + delta) % 10
        const changed = id.slice(0, pos) + digit + id.slice(pos + 1)
        expect(validateResidentId(changed, TODAY).valid).toBe(false)
      }),
    )
  })
})
