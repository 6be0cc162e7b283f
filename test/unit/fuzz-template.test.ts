/**
 * Property-based fuzzing of letter templates, the one user-editable file format besides case.json:
 * a bundled template with random values written into random places must be either accepted — and
 * then laid out without throwing — or refused with at least one problem naming where.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { layoutLetter, type FontMetrics } from '../../shared/letter/layout'
import { parseTemplate } from '../../shared/letter/template'
import { letterValues } from '../../shared/letter/values'
import { parseCase } from '../../shared/model/case'

const root = path.resolve(__dirname, '../..')
const bundled = ['unit', 'individual'].map(
  (v) => JSON.parse(readFileSync(path.join(root, 'resources/templates', `gd-commitment-${v}.json`), 'utf8')) as unknown,
)
const sample = parseCase(JSON.parse(readFileSync(path.join(root, 'resources/sample-case/case.json'), 'utf8')))
if (!sample.ok) throw new Error('the sample case must parse')

/** Wide for CJK, half for the rest; every glyph present — enough to exercise the line breaker. */
const metrics: FontMetrics = {
  advance: (ch) => (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.5),
  has: () => true,
}

/** Every path to a leaf (string, number, boolean, null) in a JSON value. */
function leafPaths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...at, i]))
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...at, k]))
  return [at]
}

function setAt(value: unknown, at: Array<string | number>, leaf: unknown): unknown {
  if (at.length === 0) return leaf
  const [head, ...rest] = at
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>
  copy[head as string | number] = setAt(copy[head as string | number], rest, leaf)
  return copy
}

const placeholderish = fc
  .array(fc.constantFrom('{', '}', '{sponsorName}', '{domain}', '{nope}', '网站', ' ', '\n', 'A', '𠮷', '（', '）'), { maxLength: 30 })
  .map((a) => a.join(''))
const leafValue = fc.oneof(
  placeholderish,
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(null, true, [], {}),
)

describe('fuzz: letter templates', () => {
  it('a mutated template is refused with problems, or accepted and laid out', () => {
    const seen = { refused: 0, laidOut: 0 }
    fc.assert(
      fc.property(fc.nat(1), fc.array(fc.tuple(fc.nat(), leafValue, fc.boolean()), { minLength: 1, maxLength: 4 }), (which, edits) => {
        let data = bundled[which]
        for (const [pick, leaf, keepType] of edits) {
          const paths = leafPaths(data)
          const at = paths[pick % paths.length] ?? []
          // Half the edits keep a text a text, so plausible templates (not only broken ones) are laid out.
          const old = at.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], data)
          data = setAt(data, at, keepType && typeof old === 'string' ? String(leaf) : leaf)
        }
        const r = parseTemplate(data)
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0)
          for (const p of r.problems) expect(p).toMatch(/^\S.*: /)
          seen.refused++
          return
        }
        const layout = layoutLetter(r.template, letterValues(sample.case, '2026-12-01'), metrics)
        expect(layout.pages.length).toBeGreaterThan(0)
        seen.laidOut++
      }),
      { numRuns: 400 },
    )
    // Both outcomes must occur, or the property proves nothing about one of them.
    expect(seen.refused).toBeGreaterThan(20)
    expect(seen.laidOut).toBeGreaterThan(20)
  })

  it('any JSON value at all is refused with problems or accepted', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const r = parseTemplate(data)
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })
})
