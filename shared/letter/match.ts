/**
 * Does the OCR text of a signed letter name this case's sponsor and certificate number?
 *
 * OCR of a scanned, signed and stamped page is noisy: a seal over the name, a misread 0/O or 8/B
 * in a code, spaces between Chinese characters. So the name is found by approximate substring
 * search (one OCR error allowed in a name of 4 to 15 characters, two beyond; exact for short personal
 * names, where one character makes another person), and the code by the identifier corrector, which only accepts
 * a repair its check characters prove.
 */
import type { IsoDate } from '../dates/iso-date'
import { correctResidentId, correctUscc } from '../ids/corrector'
import { normaliseResidentId, validateResidentId } from '../ids/resident-id'
import { normaliseUscc, validateUscc } from '../ids/uscc'
import { nameKey, toHalfWidth } from '../text/normalise'
import type { LetterTextMatch } from './scan-result'
import type { LetterVariant } from './template'

export interface LetterExpectation {
  /** 主办单位名称 or the person's name; null when the case has none. */
  readonly name: string | null
  /** The certificate number as in the case; null when the case has none. */
  readonly code: string | null
  readonly codeKind: 'uscc' | 'resident-id' | 'other'
  /** For the ID-number corrector's birth-date check. */
  readonly today: IsoDate
}

/** Edit distance of `needle` to the best-matching substring of `hay` (Sellers' algorithm). */
export function substringDistance(needle: readonly string[], hay: readonly string[]): number {
  if (needle.length === 0) return 0
  let prev = new Array<number>(hay.length + 1).fill(0)
  for (let i = 1; i <= needle.length; i += 1) {
    const cur = new Array<number>(hay.length + 1)
    cur[0] = i
    for (let j = 1; j <= hay.length; j += 1) {
      const cost = needle[i - 1] === hay[j - 1] ? 0 : 1
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
    }
    prev = cur
  }
  return Math.min(...prev)
}

/** How many OCR errors a name of this length may carry and still count as found. */
export function nameAllowance(length: number): number {
  // The name is printed three times (table, preamble, signature line) and the best is taken, so
  // clean print needs little slack; more would accept another company whose name differs by two.
  if (length < 4) return 0
  return length < 16 ? 1 : 2
}

function matchName(lines: readonly string[], name: string): LetterTextMatch['name'] {
  const needle = [...nameKey(name)]
  const hay = [...lines.map((l) => nameKey(l)).join('')]
  const d = substringDistance(needle, hay)
  if (d === 0) return 'found'
  return d <= nameAllowance(needle.length) ? 'fuzzy' : 'missing'
}

/** 18-character windows of letters and digits, from each line and from the lines joined. */
function codeWindows(lines: readonly string[]): string[] {
  const clean = (s: string): string => toHalfWidth(s).toUpperCase().replace(/\s+/g, '')
  const sources = [...lines.map(clean), lines.map(clean).join('')]
  const out = new Set<string>()
  for (const text of sources)
    for (const m of text.matchAll(/[0-9A-Z]{17,}/g)) for (let i = 0; i + 18 <= m[0].length; i += 1) out.add(m[0].slice(i, i + 18))
  return [...out]
}

/** An ID number with its middle hidden: enough to tell two apart, not enough to misuse. */
export function maskId(id: string): string {
  return `${id.slice(0, 4)}**********${id.slice(-4)}`
}

function matchCode(lines: readonly string[], e: LetterExpectation): Pick<LetterTextMatch, 'code' | 'codeRead'> {
  if (e.code === null) return { code: 'missing' }
  const isId = e.codeKind === 'resident-id'
  const expected = isId ? normaliseResidentId(e.code) : normaliseUscc(e.code)
  if (e.codeKind === 'other') {
    // Passports and permits have no check character to repair by: only an exact reading counts.
    const clean = (s: string): string => toHalfWidth(s).toUpperCase().replace(/\s+/g, '')
    const wanted = clean(e.code)
    return lines.some((l) => clean(l).includes(wanted)) || clean(lines.join('')).includes(wanted) ? { code: 'found' } : { code: 'missing' }
  }
  const windows = codeWindows(lines)
  if (windows.includes(expected)) return { code: 'found' }
  let other: string | undefined
  for (const w of windows) {
    const fix = isId ? correctResidentId(w, e.today) : correctUscc(w)
    if (fix.best === expected || fix.candidates.some((c) => c.value === expected)) return { code: 'corrected' }
    const valid = isId ? validateResidentId(w, e.today).valid : validateUscc(w).valid
    if (valid && other === undefined) other = w
  }
  if (other !== undefined) return { code: 'other', codeRead: isId ? maskId(other) : other }
  return { code: 'missing' }
}

const UNIT_MARKERS = ['（单位）', '承诺单位', '主办单位名称', '法定代表人签字', '单位公章']
const INDIVIDUAL_MARKERS = ['（个人）', '承诺人签字', '主办人姓名', '指印']

/** The variant the text shows, when only one variant's markers appear. */
export function variantOfText(lines: readonly string[]): LetterVariant | null {
  const text = lines.map((l) => nameKey(l)).join('')
  const has = (markers: string[]): boolean => markers.some((m) => text.includes(nameKey(m)))
  const unit = has(UNIT_MARKERS)
  const individual = has(INDIVIDUAL_MARKERS)
  if (unit === individual) return null
  return unit ? 'unit' : 'individual'
}

/** Compares the OCR text of a letter scan with what the case says the letter must show. */
export function matchLetterText(lines: readonly string[], e: LetterExpectation): LetterTextMatch {
  const empty = lines.every((l) => l.trim() === '')
  return {
    name: e.name === null || empty ? 'missing' : matchName(lines, e.name),
    ...(empty ? { code: 'missing' as const } : matchCode(lines, e)),
    variant: empty ? null : variantOfText(lines),
    empty,
  }
}
