/**
 * Names and other free text (a person's name, an organisation's name, an address, an authority):
 * the readings of a value are cleaned, voted character by character (vote.ts), checked against
 * what is known about such names (name-priors.ts) and given a confidence that says whether a
 * person should look at them. No check character protects a name, so the confidence is earned
 * only by agreement: every reading seeing the same character at every position, each with a
 * decent confidence, and the priors content. A value read once, or with any position in doubt,
 * stays below the confidence at which the scan-* rules treat a mismatch with the form as an error.
 */
import completeness from '../data/text-completeness.json' with { type: 'json' }
import type { Box, ExtractedField } from '../model/extracted'
import { toHalfWidth } from '../text/normalise'
import { LARGER_MODEL } from './field-reads'
import { applySurnamePrior, repairOrganisationForm, repairOrganisationPlaces, type Position } from './name-priors'
import { repairPlaceNames } from './places'
import { voteChars, type ReadChar } from './vote'
// The most a value with any unsure character can claim: sureness.ts's one cap, below SURE.
import { UNSURE_CAP } from './sureness'

/** One reading of a value region. `chars` carries each character's confidence when the engine gave it. */
export interface Reading {
  readonly text: string
  readonly confidence: number
  readonly box: Box
  readonly chars?: readonly ReadChar[]
  /** The page pass (read with everything else on the page) or a crop read again with settings for its field. */
  readonly source?: 'page' | 'crop'
  /** The model of a crop reading (field-reads.ts ReadModel); the page pass is read with the default one. */
  readonly model?: string
}

export type TextKind = 'person' | 'organisation' | 'text'

/** What the caller knows that the value should agree with: the area code of a proven credit code. */
export interface TextHints {
  readonly area?: string
}

/** A character's confidence and agreement that make it sure (below either, a person should look). */
const SURE_SUPPORT = 0.99
const SURE_CONFIDENCE = 0.6

const clamp = (v: number): number => Math.max(0, Math.min(1, Math.round(v * 1000) / 1000))
const roundBox = (b: Box): Box => ({ x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) })

/** Units an address may end with after its 号 (text-completeness.json addressEnds). */
const ADDRESS_UNITS = new RegExp(`^(?:${completeness.addressEnds.join('|')})$`, 'u')

/** Keeps what a name can hold: Han characters, the middle dot of minority names, and for organisations brackets, letters and digits. */
export function cleanName(text: string, kind: TextKind): string {
  const t = toHalfWidth(text).replace(/\s+/g, '')
  if (kind === 'person') return t.replace(/[^\p{Script=Han}·•]/gu, '').replace(/•/g, '·')
  if (kind === 'organisation')
    return t
      .replace(/[^\p{Script=Han}A-Za-z0-9()（）·&、-]/gu, '')
      .replace(/^[()（）、-]+|[-、]+$/g, '')
      .replace(/\(/g, '（')
      .replace(/\)/g, '）')
  // An address ends at its 号, 室 or 房: one or two characters after it are a neighbour's ink,
  // unless they are a further unit of the address (「一号院」, 「8号楼」).
  return (
    t
      .replace(/^[^\p{Script=Han}A-Za-z0-9]+|[^\p{Script=Han}A-Za-z0-9)）号室]+$/gu, '')
      // 一 before a province or city is a colon or a dash read as a character.
      .replace(/^一(?=\p{Script=Han}{1,3}[省市])/u, '')
      .replace(/([号室房])([^\d号室房]{1,2})$/u, (m, unit: string, tail: string) => (ADDRESS_UNITS.test(tail) ? m : unit))
  )
}

/** One character as a value of this kind holds it ('' when it cannot hold it). */
function keep(ch: string, kind: TextKind): string {
  const c = toHalfWidth(ch)
  if (/\s/u.test(c)) return ''
  if (kind === 'person') return /[\p{Script=Han}·]/u.test(c) ? c : c === '•' ? '·' : ''
  if (kind === 'organisation') return /[\p{Script=Han}A-Za-z0-9()（）·&、-]/u.test(c) ? c.replace('(', '（').replace(')', '）') : ''
  return c
}

/** The characters of a reading that a value of this kind can hold, each with its confidence. */
function charsOf(r: Reading, kind: TextKind): ReadChar[] {
  const raw: readonly ReadChar[] = r.chars ?? [...r.text].map((ch) => ({ ch, confidence: r.confidence }))
  const out: ReadChar[] = []
  for (const c of raw)
    for (const ch of [...c.ch].map((x) => keep(x, kind)).filter((x) => x !== '')) out.push({ ch, confidence: c.confidence })
  // The leading and trailing rules of cleanName (brackets, a dash read as 一) apply to the whole.
  const whole = cleanName(out.map((c) => c.ch).join(''), kind)
  const start = out
    .map((c) => c.ch)
    .join('')
    .indexOf(whole)
  const kept = start >= 0 ? out.slice(start, start + [...whole].length) : [...whole].map((ch) => ({ ch, confidence: r.confidence }))
  // A person's value that starts with 姓名 took in a printed label (个体工商户: 「经营者 姓名 X」), not a name.
  return kind === 'person' && kept.length > 3 && kept[0]?.ch === '姓' && kept[1]?.ch === '名' ? kept.slice(2) : kept
}

type Usable = { readonly r: Reading; readonly chars: ReadChar[] }

/**
 * The readings to vote when the larger model was asked about a doubtful name and two or more of
 * its looks agree while another reading disagrees: its readings and the page pass. The default
 * model's readings (the page pass, every crop look, black and white) repeat one model's opinion,
 * and its misread of a character it reads poorly repeats with it (萱 read 营 at every scale), so
 * counted one by one they outvote the larger model however often it agrees with itself. Null
 * otherwise (every reading is voted).
 */
function secondOpinion(usable: readonly Usable[]): Usable[] | null {
  const text = (u: Usable): string => u.chars.map((c) => c.ch).join('')
  const larger = usable.filter((u) => u.r.model === LARGER_MODEL)
  const counts = new Map<string, number>()
  for (const u of larger) counts.set(text(u), (counts.get(text(u)) ?? 0) + 1)
  const agreed = [...counts.entries()].find(([, n]) => n >= 2)?.[0]
  if (agreed === undefined || usable.every((u) => text(u) === agreed)) return null
  return usable.filter((u) => u.r.model === LARGER_MODEL || u.r.source === 'page')
}

/**
 * A name or text value from its readings: voted character by character, repaired and doubted by
 * the priors for its kind, with a confidence that only agreement earns.
 */
export function interpretText(readings: readonly Reading[], kind: TextKind, minLength = 2, hints: TextHints = {}): ExtractedField | null {
  const all = readings.map((r) => ({ r, chars: charsOf(r, kind) })).filter((x) => x.chars.length >= minLength)
  const opinion = secondOpinion(all)
  const usable = opinion ?? all
  const first = usable[0]
  if (!first) return null
  const vote = voteChars(usable.map((x) => x.chars))
  let positions: Position[] = vote.chars.map((c) => ({
    ch: c.ch,
    support: c.support,
    confidence: c.confidence,
    alternatives: c.alternatives,
  }))
  // Decided by the second opinion over other readings: still a question for a person.
  let cap = opinion ? UNSURE_CAP : 1
  if (kind === 'person') {
    const prior = applySurnamePrior(positions)
    positions = prior.positions
    cap = Math.min(cap, prior.cap)
    // Chinese names are two to four characters; a longer one without the dot of a minority name took in something else.
    if (positions.length > 4 && !positions.some((p) => p.ch === '·')) cap = Math.min(cap, 0.6)
  } else if (kind === 'organisation') {
    repairOrganisationPlaces(positions, hints.area)
    repairOrganisationForm(positions)
  }
  let value = positions.map((p) => p.ch).join('')
  if (kind !== 'person') {
    const before = value
    value = cleanName(repairPlaceNames(value).text, kind)
    // A neighbour-confirmed place repair is a change no reading voted for: not sure.
    if (value !== before) cap = Math.min(cap, UNSURE_CAP)
  }
  if ([...value].length < minLength) return null
  const sure = (p: Position): boolean =>
    p.confirmed === true || (usable.length >= 2 && p.support >= SURE_SUPPORT && p.confidence >= SURE_CONFIDENCE)
  const allSure = positions.every(sure)
  const weakest = Math.min(...positions.map((p) => (p.confirmed ? 1 : p.support)))
  const confidence = allSure ? (usable.length >= 3 ? 0.95 : 0.9) : Math.min(UNSURE_CAP, 0.3 + 0.5 * weakest, usable.length === 1 ? 0.7 : 1)
  const best = usable.find((x) => x.chars.map((c) => c.ch).join('') === value)?.r ?? first.r
  return {
    value,
    confidence: clamp(Math.min(confidence, cap)),
    box: roundBox(best.box),
    ...(value !== best.text ? { raw: best.text } : {}),
    // Marked uncertain when a prior doubts it (no surname) or a position was barely won.
    ...(cap < 0.7 || weakest < 0.5 ? { uncertain: true } : {}),
  }
}
