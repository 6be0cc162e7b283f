/**
 * What is known about names before reading them, used to choose among what OCR read and to doubt
 * what it could not have read. A person's name begins with a surname (shared/data/surnames.json);
 * an organisation's name begins with the place it was registered in (GB/T 2260, and on a licence
 * the place its credit code names) and ends with its 组织形式 (shared/data/organisation-forms.json).
 * Priors only repair a character that OCR was unsure of or that the code proves; otherwise they
 * lower the confidence, so a person looks at the value. They never invent characters.
 */
import surnames from '../data/surnames.json' with { type: 'json' }
import forms from '../data/organisation-forms.json' with { type: 'json' }
import { isPlaceName, placeLevelsOfArea } from './places'
import type { VotedChar } from './vote'

export type SurnameTier = 'common' | 'listed' | 'none'

const COMMON = new Set([...surnames.common, ...surnames.commonCompound])
const LISTED = new Set([...surnames.listed, ...surnames.listedCompound])

/** How usual the surname a name starts with is (two-character surnames first). */
export function surnameTier(name: string): SurnameTier {
  const chars = [...name]
  for (const n of [2, 1]) {
    const head = chars.slice(0, n).join('')
    if (chars.length <= n) continue
    if (COMMON.has(head)) return 'common'
    if (LISTED.has(head)) return 'listed'
  }
  return 'none'
}

/** One position of a value being repaired: what was voted there, and whether a prior confirmed it. */
export interface Position {
  ch: string
  support: number
  confidence: number
  readonly alternatives: VotedChar['alternatives']
  /** Set when a prior (the code's area, a 组织形式) confirms this character. */
  confirmed?: boolean
}

/** Marks (and, for one differing character, repairs) `target` at `at`; true when it fits. */
function fit(positions: Position[], at: number, target: string, allowRepair: (i: number, ch: string) => boolean): boolean {
  const want = [...target]
  if (at + want.length > positions.length) return false
  const differ = want.map((ch, i) => ((positions[at + i] as Position).ch === ch ? -1 : i)).filter((i) => i >= 0)
  if (differ.length > 1) return false
  if (differ.length === 1) {
    const i = differ[0] as number
    if (!allowRepair(at + i, want[i] as string)) return false
    const p = positions[at + i] as Position
    const alt = p.alternatives.find((a) => a.ch === want[i])
    p.ch = want[i] as string
    p.support = alt?.weight ?? 0
  }
  want.forEach((_, i) => ((positions[at + i] as Position).confirmed = true))
  return true
}

const PLACE_END = /[省市区县州旗盟]$/u

/**
 * The places an organisation's name starts with. With the area its credit code names (a licence),
 * a place one character off that area's province, city or district is that place: the code is
 * proven by its check character. Without it, a place-like token that is not a GB/T 2260 name is
 * repaired only to a place that another reading saw at that position.
 */
export function repairOrganisationPlaces(positions: Position[], area?: string): void {
  // Level by level: after the city only the district may follow, never the city again
  // (「清远市明远…」 is not 「清远市清远…」).
  let levels = area ? placeLevelsOfArea(area) : []
  let at = 0
  for (let round = 0; round < 3 && at < positions.length; round += 1) {
    // A place as read before a repaired one (广州市 is not 广东 one character off), the longer form
    // first (清远市 before 清远); fit repairs the one it takes.
    const places = levels.flatMap((names, level) => names.map((name) => ({ name, level }))).sort((a, b) => b.name.length - a.name.length)
    const hit = places.find((p) => fit(positions, at, p.name, () => false)) ?? places.find((p) => fit(positions, at, p.name, () => true))
    if (hit) {
      at += [...hit.name].length
      levels = levels.slice(hit.level + 1)
      continue
    }
    // No expected place here: a known place as read, or one an alternative reading makes.
    let matched = 0
    for (let len = 5; len >= 2 && matched === 0; len -= 1) {
      const token = positions.slice(at, at + len)
      if (token.length < len) continue
      const text = token.map((p) => p.ch).join('')
      if (!PLACE_END.test(text)) continue
      if (isPlaceName(text)) {
        matched = len
        break
      }
      const options: Array<[number, string]> = []
      token.forEach((p, i) => {
        for (const a of p.alternatives)
          if (a.ch !== p.ch && isPlaceName(text.slice(0, i) + a.ch + text.slice(i + 1))) options.push([at + i, a.ch])
      })
      if (options.length === 1) {
        const [i, ch] = options[0] as [number, string]
        const p = positions[i] as Position
        p.support = p.alternatives.find((a) => a.ch === ch)?.weight ?? 0
        p.ch = ch
        matched = len
      }
    }
    if (matched === 0) break
    at += matched
  }
}

const FORMS = [...forms.forms].sort((a, b) => b.length - a.length)

/** Confirms the 组织形式 an organisation's name ends with, repairing one misread character of a form of four or more. */
export function repairOrganisationForm(positions: Position[]): void {
  for (const form of FORMS) {
    const n = [...form].length
    const at = positions.length - n
    if (at < 1) continue
    if (fit(positions, at, form, () => n >= 4)) return
  }
}

/**
 * The surname prior on a person's name. Returns how far the value can be trusted: 1 when it starts
 * with a common surname, less when with a rarer one, and little when with none; a character that
 * is not a surname but stands before one that is (a stroke of the label read as 「了」) is dropped.
 */
export function applySurnamePrior(positions: Position[]): { positions: Position[]; cap: number; note?: 'dropped' | 'replaced' } {
  const text = (ps: readonly Position[]): string => ps.map((p) => p.ch).join('')
  const tier = surnameTier(text(positions))
  if (tier === 'common') return { positions, cap: 1 }
  const first = positions[0]
  // Another reading saw a common surname here.
  const alt = first?.alternatives.find((a) => a.ch !== first.ch && a.weight >= 0.2 && COMMON.has(a.ch))
  if (first && alt) {
    first.ch = alt.ch
    first.support = alt.weight
    return { positions, cap: 0.8, note: 'replaced' }
  }
  if (positions.length >= 3 && surnameTier(text(positions.slice(1))) === 'common')
    return { positions: positions.slice(1), cap: 0.8, note: 'dropped' }
  return { positions, cap: tier === 'listed' ? 0.84 : 0.6 }
}
