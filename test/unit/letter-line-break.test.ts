/**
 * Chinese line breaking with 禁则: punctuation never starts a line, opening brackets never end
 * one, Latin words and codes stay whole, and nothing is lost or reordered.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { breakLines, canBreakBetween, NO_LINE_END, NO_LINE_START, type LaidLine } from '../../shared/letter/line-break'

// Full-width characters are 1 em, Latin 0.5 em, as in the letter font.
const measure = (ch: string): number => (/[\u0020-\u007e]/.test(ch) ? 0.5 : 1)
const text = (lines: LaidLine<null>[]): string[] => lines.map((l) => l.runs.map((r) => r.text).join(''))
const lay = (s: string, maxWidth: number, firstIndent = 0): string[] =>
  text(breakLines([{ text: s, style: null }], { maxWidth, measure, firstIndent }))

describe('breakLines', () => {
  it('fills lines to the width and keeps every character in order', () => {
    expect(lay('一二三四五六七八九十', 4)).toEqual(['一二三四', '五六七八', '九十'])
  })

  it('never starts a line with closing punctuation: the previous character moves down with it (推出)', () => {
    expect(lay('一二三四，五六', 4)).toEqual(['一二三', '四，五六'])
    expect(lay('甲乙丙丁。」戊', 4)).toEqual(['甲乙丙', '丁。」戊'])
  })

  it('never ends a line with opening punctuation', () => {
    expect(lay('一二三《四五》', 4)).toEqual(['一二三', '《四五》'])
  })

  it('keeps —— and …… together', () => {
    expect(lay('一二三——四', 4)).toEqual(['一二', '三——四'])
  })

  it('keeps domains, codes and numbers whole', () => {
    expect(lay('域名yunfan-tech.cn备案', 7)).toEqual(['域名', 'yunfan-tech.cn', '备案'])
    expect(lay('代码91440300MA5FXK2L9W。', 11)).toEqual(['代码', '91440300MA5FXK2L9W。'])
  })

  it('splits a single word longer than the line rather than losing it', () => {
    const lines = lay('a'.repeat(30), 5)
    expect(lines.join('')).toBe('a'.repeat(30))
    expect(lines.every((l) => l.length <= 10)).toBe(true)
  })

  it('indents the first line', () => {
    expect(lay('一二三四五六', 4, 2)).toEqual(['一二', '三四五六'])
  })

  it('keeps 𠮷 (a surrogate pair) as one character', () => {
    expect(lay('𠮷野家𠮷野家', 3)).toEqual(['𠮷野家', '𠮷野家'])
  })

  it('holds 禁则 and loses nothing on any mix of Han, punctuation and Latin', () => {
    const alphabet = fc.constantFrom(...'一二三四五六七八九十，。、；：？！）》（《“”ab1.-'.split(''))
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 80 }), fc.integer({ min: 3, max: 12 }), (chars, width) => {
        const s = chars.join('')
        const lines = lay(s, width)
        expect(lines.join('')).toBe(s.replace(/ /g, ''))
        lines.forEach((line, i) => {
          const first = [...line][0] ?? ''
          const last = [...line].at(-1) ?? ''
          // A break is only allowed where 禁则 permits, unless a line had no allowed break at all.
          if (i > 0 && NO_LINE_START.has(first)) {
            const prev = lines[i - 1] ?? ''
            expect(
              canBreakBetween([...prev].at(-1) ?? '', first) ||
                [...prev].every((c, k, a) => k === 0 || !canBreakBetween(a[k - 1] ?? '', c)),
            ).toBe(true)
          }
          if (i < lines.length - 1 && NO_LINE_END.has(last)) {
            expect([...line].every((c, k, a) => k === 0 || !canBreakBetween(a[k - 1] ?? '', c))).toBe(true)
          }
        })
      }),
      { numRuns: 300, seed: 20261201 },
    )
  })
})
