/**
 * What a PDF page's content stream draws, found in one pass over its bytes by a small tokenizer
 * (ISO 32000-1 §7.2 lexical conventions, §8.2 operators): whether it shows visible text and how
 * many paths it paints. Regular expressions over the content were quadratic on hostile input
 * (`BT ` or `0 0 l ` repeated 80,000 times, never closed or painted, took 14 s and 83 s); every
 * byte here is looked at a bounded number of times, whatever the content.
 */

export interface ContentFacts {
  /** Tj, TJ, ' or " inside BT…ET while the text render mode is not 3 (invisible: OCR layers of scans). */
  readonly visibleText: boolean
  /** Paths built (re, l, c, v, y) and then painted (S, s, f, F, f*, B, B*, b, b*). */
  readonly paintedPaths: number
  /** Anything but white space and comments. */
  readonly nonEmpty: boolean
}

const WHITE = new Uint8Array(256)
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1
const DELIM = new Uint8Array(256)
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1

const SHOW = new Set(['Tj', 'TJ', "'", '"'])
const BUILD = new Set(['re', 'l', 'c', 'v', 'y'])
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*'])

const isRegular = (c: number): boolean => WHITE[c] === 0 && DELIM[c] === 0

/** Scans a content stream (all of a page's streams, concatenated) once, left to right. */
export function scanContent(bytes: Uint8Array): ContentFacts {
  const n = bytes.length
  let i = 0
  let inText = false
  let mode = 0
  const modes: number[] = []
  let pathOpen = false
  let paintedPaths = 0
  let visibleText = false
  let nonEmpty = false
  /** The number just before the current operator (the operand of Tr), NaN when it was not a number. */
  let lastNumber = Number.NaN
  while (i < n) {
    const c = bytes[i] as number
    if (WHITE[c]) {
      i += 1
      continue
    }
    if (c === 0x25 /* % */) {
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i += 1
      continue
    }
    nonEmpty = true
    if (c === 0x28 /* ( */) {
      // A literal string: balanced parentheses, backslash escapes one byte.
      let depth = 1
      i += 1
      while (i < n && depth > 0) {
        const d = bytes[i] as number
        if (d === 0x5c) i += 2
        else {
          if (d === 0x28) depth += 1
          else if (d === 0x29) depth -= 1
          i += 1
        }
      }
      lastNumber = Number.NaN
      continue
    }
    if (c === 0x3c /* < */) {
      if (bytes[i + 1] === 0x3c) i += 2
      else {
        // A hex string runs to the next '>'.
        i += 1
        while (i < n && bytes[i] !== 0x3e) i += 1
        i += 1
      }
      lastNumber = Number.NaN
      continue
    }
    if (c === 0x2f /* / */) {
      i += 1
      while (i < n && isRegular(bytes[i] as number)) i += 1
      lastNumber = Number.NaN
      continue
    }
    if (DELIM[c]) {
      // > ) [ ] { } on their own.
      i += 1
      lastNumber = Number.NaN
      continue
    }
    const start = i
    while (i < n && isRegular(bytes[i] as number)) i += 1
    // Operators are at most a few characters; a long run is an operand or junk, never one we track.
    const token = i - start <= 3 ? String.fromCharCode(...bytes.subarray(start, i)) : ''
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      lastNumber = Number(String.fromCharCode(...bytes.subarray(start, Math.min(i, start + 32))))
      continue
    }
    if (token === 'BT') inText = true
    else if (token === 'ET') inText = false
    else if (token === 'Tr') mode = lastNumber
    // Real content nests q a few levels deep (viewers stop at ~28); a hostile stack is capped.
    else if (token === 'q') {
      if (modes.length < 256) modes.push(mode)
    } else if (token === 'Q') mode = modes.pop() ?? mode
    else if (SHOW.has(token)) {
      if (inText && mode !== 3) visibleText = true
    } else if (BUILD.has(token)) pathOpen = true
    else if (token === 'n') pathOpen = false
    else if (PAINT.has(token)) {
      if (pathOpen) paintedPaths += 1
      pathOpen = false
    } else if (token === 'ID') i = endOfInlineImage(bytes, i)
    lastNumber = Number.NaN
  }
  return { visibleText, paintedPaths, nonEmpty }
}

/** After `ID`: the inline image's binary data runs to an `EI` between white space (or the end). */
function endOfInlineImage(bytes: Uint8Array, from: number): number {
  const n = bytes.length
  for (let j = from + 1; j + 1 < n; j += 1)
    if (
      bytes[j] === 0x45 &&
      bytes[j + 1] === 0x49 &&
      WHITE[bytes[j - 1] as number] === 1 &&
      (j + 2 >= n || WHITE[bytes[j + 2] as number] === 1)
    )
      return j + 2
  return n
}
