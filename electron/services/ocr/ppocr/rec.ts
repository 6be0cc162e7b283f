/**
 * PP-OCR recognition's output, decoded: CTC greedy decoding over the dictionary (class 0 the CTC
 * blank, then ppocr_keys_v1.txt line by line, then a space as the last class — PaddleOCR's
 * use_space_char), optionally constrained to a whitelist; and the split of a decoded line into
 * words where the time steps show a gap wider than about one character.
 */

/** The classes of the recognition model: blank, the dictionary's characters, space. */
export function dictionaryClasses(keysText: string): string[] {
  const keys = keysText.replace(/\r/g, '').split('\n')
  if (keys[keys.length - 1] === '') keys.pop()
  return ['', ...keys, ' ']
}

/** A mask of the classes decoding may choose: the blank always, then the characters allowed. */
export function allowedClasses(classes: readonly string[], allowed: (ch: string) => boolean): Uint8Array {
  const mask = new Uint8Array(classes.length)
  mask[0] = 1
  for (let i = 1; i < classes.length; i += 1) if (allowed(classes[i] as string)) mask[i] = 1
  return mask
}

/** One decoded character with the time steps it was read at (first and last of its run). */
export interface DecodedChar {
  readonly text: string
  readonly confidence: number
  readonly t0: number
  readonly t1: number
}

/**
 * Greedy CTC over probabilities laid out [time][class] starting at `offset`: the most likely
 * allowed class per step, repeats collapsed, blanks dropped. A character's confidence is its
 * highest probability over its run (the model's own probability, so a whitelist that overrules the
 * model shows up as a low confidence).
 */
export function ctcDecode(
  probs: Float32Array,
  offset: number,
  steps: number,
  classes: readonly string[],
  mask?: Uint8Array,
): DecodedChar[] {
  const n = classes.length
  const out: DecodedChar[] = []
  let prev = 0
  let current: { text: string; confidence: number; t0: number; t1: number } | null = null
  for (let t = 0; t < steps; t += 1) {
    const base = offset + t * n
    let best = 0
    let bestP = -1
    for (let c = 0; c < n; c += 1) {
      if (mask && mask[c] === 0) continue
      const p = probs[base + c] as number
      if (p > bestP) {
        bestP = p
        best = c
      }
    }
    if (best !== 0 && best === prev && current) {
      current.t1 = t
      current.confidence = Math.max(current.confidence, bestP)
    } else if (best !== 0) {
      if (current) out.push(current)
      current = { text: classes[best] as string, confidence: bestP, t0: t, t1: t }
    } else if (current) {
      out.push(current)
      current = null
    }
    prev = best
  }
  if (current) out.push(current)
  return out
}

/** Full-width characters (Han, kana, full-width forms and punctuation) are about one em wide; others about half. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60) || c >= 0x20000
}

const relWidth = (ch: string): number => (isWide(ch) ? 1 : 0.55)

/** A character placed along the line: centre and width in time steps. */
export interface PlacedChar extends DecodedChar {
  readonly centre: number
  readonly width: number
}

/**
 * Places the characters (centre of the steps they were read at, width from the line's own em) and
 * splits them into words: at decoded spaces, and where the empty stretch between two characters is
 * wider than about one character (`gapEm` × the wider neighbour) — labels and values on forms
 * ("统一社会信用代码   91440300…") are set apart that way without a space the model reads.
 * `fallbackEm` (time steps) is used when the line has too few characters to measure its em.
 */
export function splitWords(chars: readonly DecodedChar[], fallbackEm: number, gapEm = 0.9): PlacedChar[][] {
  const centre = (c: DecodedChar): number => (c.t0 + c.t1) / 2 + 0.5
  // The dictionary holds U+3000 (ideographic space) besides the appended space: both separate words.
  const blank = (c: DecodedChar): boolean => c.text.trim() === ''
  const glyphs = chars.filter((c) => !blank(c))
  // The em in time steps: the median of neighbour distance over the pair's expected width.
  const ratios: number[] = []
  for (let i = 0; i + 1 < glyphs.length; i += 1) {
    const a = glyphs[i] as DecodedChar
    const b = glyphs[i + 1] as DecodedChar
    ratios.push((centre(b) - centre(a)) / ((relWidth(a.text) + relWidth(b.text)) / 2))
  }
  ratios.sort((x, y) => x - y)
  const em = ratios.length >= 2 ? (ratios[Math.floor((ratios.length - 1) / 2)] as number) : fallbackEm
  const words: PlacedChar[][] = []
  let word: PlacedChar[] = []
  let prev: PlacedChar | null = null
  let spaceSeen = false
  for (const c of chars) {
    if (blank(c)) {
      spaceSeen = true
      continue
    }
    const placed: PlacedChar = { ...c, centre: centre(c), width: em * relWidth(c.text) }
    if (prev) {
      const gap = placed.centre - prev.centre - (placed.width + prev.width) / 2
      if (spaceSeen || gap > gapEm * Math.max(placed.width, prev.width)) {
        words.push(word)
        word = []
      }
    }
    word.push(placed)
    prev = placed
    spaceSeen = false
  }
  if (word.length > 0) words.push(word)
  return words
}
