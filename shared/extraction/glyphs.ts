/**
 * Lines of OCR output as sequences of glyphs (one character each, with a box), and labels found
 * in them. Printed labels are often letter-spaced (「名  称」) and OCR splits or joins words at
 * random, so matching works on characters with the spaces removed, not on words.
 */
import type { Box } from '../model/extracted'
import { toHalfWidth } from '../text/normalise'
import { union, type OcrLine } from './ocr-types'

export interface Glyph {
  readonly ch: string
  readonly box: Box
  readonly confidence: number
}

/** The glyphs of a line: each character's own box where the engine gives one, else its word's box shared out evenly. */
export function glyphsOf(line: OcrLine): Glyph[] {
  const out: Glyph[] = []
  for (const word of line.words) {
    // An engine that places each character (PP-OCR) gives its boxes; otherwise the word's box is shared out.
    if (word.chars && word.chars.length > 0) {
      for (const c of word.chars)
        for (const ch of [...toHalfWidth(c.text)].filter((x) => x.trim() !== '')) out.push({ ch, confidence: c.confidence, box: c.box })
      continue
    }
    const chars = [...toHalfWidth(word.text)].filter((c) => c.trim() !== '')
    const step = word.box.width / Math.max(1, chars.length)
    chars.forEach((ch, i) =>
      out.push({ ch, confidence: word.confidence, box: { x: word.box.x + i * step, y: word.box.y, width: step, height: word.box.height } }),
    )
  }
  return out
}

export interface LabelSpec {
  readonly field: string
  readonly label: string
}

export interface LabelHit {
  readonly field: string
  readonly label: string
  /** Glyph index of the first label character, and one past the last. */
  readonly start: number
  readonly end: number
  readonly box: Box
  /** True when the match allowed one misread character. */
  readonly fuzzy: boolean
}

const fold = (s: string): string => toHalfWidth(s).replace(/\s+/g, '').toUpperCase()

function matchAt(glyphs: readonly Glyph[], at: number, label: string): number | null {
  // Returns the number of mismatched characters, or null if the label does not fit.
  if (at + label.length > glyphs.length) return null
  let misses = 0
  for (let i = 0; i < label.length; i += 1) if (fold((glyphs[at + i] as Glyph).ch) !== label[i]) misses += 1
  return misses
}

/**
 * Every label in a line, longest first, without overlaps. Labels of four or more characters may
 * have one misread character; a two- or three-character label may too, but only at the start of
 * the line, where a label stands on every document we read. A label may also have gained a
 * character inside it (「成立上日期」, a stroke of the background read as a character), or, if it
 * has five characters or more, lost one (「公民身份码」); shorter labels only at the start of a line
 * (「效期限」 for 有效期限: the first character of a line is the one a card's border or the
 * guilloche print swallows).
 */
export function findLabels(glyphs: readonly Glyph[], specs: readonly LabelSpec[]): LabelHit[] {
  const sorted = [...specs].map((s) => ({ ...s, folded: fold(s.label) })).sort((a, b) => b.folded.length - a.folded.length)
  const taken = new Array<boolean>(glyphs.length).fill(false)
  const hits: LabelHit[] = []
  const take = (spec: LabelSpec, at: number, n: number, fuzzy: boolean): void => {
    for (let i = at; i < at + n; i += 1) taken[i] = true
    hits.push({
      field: spec.field,
      label: spec.label,
      start: at,
      end: at + n,
      box: union(glyphs.slice(at, at + n).map((g) => g.box)),
      fuzzy,
    })
  }
  for (const pass of [0, 1]) {
    for (const spec of sorted) {
      const n = spec.folded.length
      for (let at = 0; at + n <= glyphs.length; at += 1) {
        if (taken.slice(at, at + n).some(Boolean)) continue
        const misses = matchAt(glyphs, at, spec.folded)
        if (misses === null) continue
        const allowed = pass === 0 ? 0 : n >= 4 ? 1 : at === 0 && n >= 2 ? 1 : 0
        if (misses > allowed || (pass === 1 && misses === 0)) continue
        take(spec, at, n, misses > 0)
      }
    }
  }
  // A character lost: Chinese labels of five or more characters anywhere, of four at the start of a
  // line. One too many: labels of four or more anywhere (「注册上日期」 in a licence's second column),
  // of three at the start of a line (「经和营者」).
  for (const spec of sorted) {
    const label = spec.folded
    // Chinese labels only: a Latin one a letter short is a prefix of other words (REGISTRANT in REGISTRATION).
    if (label.length < 3 || !/^\p{Script=Han}+$/u.test(label) || hits.some((h) => h.field === spec.field)) continue
    const lost = (at: number): boolean => [...label].some((_, k) => matchAt(glyphs, at, label.slice(0, k) + label.slice(k + 1)) === 0)
    // The extra glyph is inside the label: one beside it would be its neighbour's.
    const extra = (at: number): boolean =>
      [...label].some((_, k) => k > 0 && matchAt([...glyphs.slice(at, at + k), ...glyphs.slice(at + k + 1)], 0, label) === 0)
    // A lost character leaves fewer to match than a gained one: it needs the longer label to be anywhere.
    for (const [n, fits, anywhere] of [
      [label.length - 1, (at: number) => label.length >= 4 && lost(at), label.length >= 5],
      [label.length + 1, extra, label.length >= 4],
    ] as const) {
      const last = anywhere ? glyphs.length - n : 0
      let at = 0
      while (at <= last && (taken.slice(at, at + n).some(Boolean) || !fits(at))) at += 1
      if (at > last) continue
      take(spec, at, n, true)
      break
    }
  }
  return hits.sort((a, b) => a.start - b.start)
}

/** Leading punctuation OCR reads between a label and its value (：, “, -, 一 used as a dash …). */
export function trimLeading(glyphs: readonly Glyph[]): Glyph[] {
  let i = 0
  while (i < glyphs.length && /^[:：;；,，.。、“”"'‘’`\-—_~|丨\][)(]$/.test((glyphs[i] as Glyph).ch)) i += 1
  return glyphs.slice(i)
}

export const textOf = (glyphs: readonly Glyph[]): string => glyphs.map((g) => g.ch).join('')

export function meanConfidence(glyphs: readonly Glyph[]): number {
  if (glyphs.length === 0) return 0
  return glyphs.reduce((s, g) => s + g.confidence, 0) / glyphs.length
}

/**
 * Glyph indexes after which a character seems to be missing: the step from one character's centre
 * to the next is well over the line's usual pitch (a character under a stamp or a watermark that
 * the recogniser skipped: 「山东联创 业设计」 for 山东联创矿业设计). Only meaningful for values
 * printed as one continuous run, with each character's own box (PP-OCR).
 */
export function missingAfter(glyphs: readonly Glyph[], factor = 1.7): number[] {
  if (glyphs.length < 4) return []
  const centre = (g: Glyph): number => g.box.x + g.box.width / 2
  const steps = glyphs.slice(1).map((g, i) => centre(g) - centre(glyphs[i] as Glyph))
  const sorted = [...steps].sort((a, b) => a - b)
  const pitch = sorted[Math.floor(sorted.length / 2)] as number
  if (!(pitch > 0)) return []
  return steps.flatMap((d, i) => (d > pitch * factor ? [i] : []))
}
