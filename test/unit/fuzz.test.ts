/**
 * Property-based fuzzing of everything that parses untrusted text: identifiers, the corrector,
 * contacts, domains, case files. Each must return a result for any input — never throw, never hang.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateEmail, validateMobile, validatePhone } from '../../shared/ids/contact'
import { correctResidentId, correctUscc } from '../../shared/ids/corrector'
import { validateDomain } from '../../shared/ids/domain'
import { validateResidentId } from '../../shared/ids/resident-id'
import { validateUscc } from '../../shared/ids/uscc'
import { parseCase } from '../../shared/model/case'
import { checkCase } from '../../shared/rules/engine'

const codeLike = fc
  .array(fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZxX×０１ -'.split('')), { minLength: 0, maxLength: 24 })
  .map((a) => a.join(''))
const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), codeLike)

describe('fuzz: identifiers', () => {
  it('validators and correctors return a result for any input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const r of [
          validateUscc(text),
          validateResidentId(text, '2026-12-01'),
          validateMobile(text),
          validatePhone(text),
          validateEmail(text),
          validateDomain(text),
        ]) {
          expect(typeof r.valid).toBe('boolean')
          expect(r.valid).toBe(r.errors.length === 0)
        }
        const u = correctUscc(text)
        for (const c of u.candidates) expect(validateUscc(c.value).valid).toBe(true)
        const i = correctResidentId(text, '2026-12-01')
        for (const c of i.candidates) expect(validateResidentId(c.value, '2026-12-01').valid).toBe(true)
      }),
      { numRuns: 1500 },
    )
  })
})

describe('fuzz: case files', () => {
  it('parseCase accepts or explains any JSON value, and checkCase handles whatever it accepts', () => {
    const caseLike = fc.record(
      {
        schemaVersion: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
        province: fc.oneof(fc.constantFrom('广东', '上海', '火星'), fc.string(), fc.integer(), fc.constant(null)),
        filingType: fc.oneof(fc.constantFrom('首次备案', '注销主体'), fc.string()),
        submissionDate: fc.oneof(fc.constant('2026-12-01'), fc.string()),
        sponsor: fc.dictionary(fc.constantFrom('type', 'name', 'certificateNumber', 'certificateValidTo', 'certificateAddress'), anyText),
        principal: fc.dictionary(
          fc.constantFrom('name', 'idNumber', 'idValidFrom', 'idValidTo', 'mobile', 'email', 'emergencyPhone'),
          anyText,
        ),
        websites: fc.array(
          fc.record(
            {
              name: anyText,
              domain: anyText,
              homepage: anyText,
              manager: fc.dictionary(fc.constantFrom('name', 'idNumber', 'mobile', 'email'), anyText),
              domainCertificate: fc.dictionary(fc.constantFrom('owner', 'registeredOn', 'expiresOn'), anyText),
              serviceContent: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
        documents: fc.array(
          fc.record({ file: fc.string({ minLength: 1, maxLength: 30 }), role: fc.string({ maxLength: 20 }), website: fc.nat(5) }),
          { maxLength: 4 },
        ),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.oneof(caseLike, fc.anything()), (data) => {
        const r = parseCase(data)
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0)
          return
        }
        const findings = checkCase(r.case, { today: '2026-12-01', files: { exists: () => false } })
        for (const f of findings) {
          expect(f.message).not.toMatch(/undefined|NaN|\[object Object\]/)
          expect(f.message.length).toBeGreaterThan(2)
          expect(['error', 'warning', 'info']).toContain(f.severity)
        }
      }),
      { numRuns: 600 },
    )
  })
})
