/**
 * Chinese line breaking with 禁则 (kinsoku): a line never starts with closing punctuation
 * （，。、；：？！）」》 …) and never ends with opening punctuation （（「《“ …), so no character
 * is separated from its punctuation; Latin words, numbers, domains and codes are never split
 * unless a single one is wider than the whole line.
 *
 * Works on styled runs so a filled value (underlined in the letter) can sit inside a sentence,
 * and takes the measuring function as a parameter so it stays pure and testable.
 */

/** Characters that may not begin a line (行首禁则). */
export const NO_LINE_START = new Set([
  ...'，。、；：？！）」』】〕〉》”’…—·％‰℃,.;:?!)]}%»›',
  ...'\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff09\uff3d\uff5d\u30fb',
])
/** Characters that may not end a line (行尾禁则). */
export const NO_LINE_END = new Set([...'（「『【〔〈《“‘([{«‹', ...'\uff08\uff3b\uff5b'])
/** Pairs that must stay together: ——, ……. */
const DOUBLED = new Set(['—', '…'])

/** A piece of text with a style the caller understands (e.g. underlined, bold). */
export interface StyledRun<S> {
  readonly text: string
  readonly style: S
}

export interface LaidLine<S> {
  readonly runs: ReadonlyArray<StyledRun<S>>
  /** Natural width of the line (no justification). */
  readonly width: number
  /** Number of code points on the line, for spreading justification. */
  readonly glyphs: number
  /** The paragraph's last line: never justified. */
  readonly last: boolean
}

export interface BreakOptions<S> {
  readonly maxWidth: number
  /** Width of one code point in a style (the caller caches). */
  readonly measure: (ch: string, style: S) => number
  /** Indent of the first line (首行缩进), in the same unit. */
  readonly firstIndent?: number
}

interface Unit<S> {
  readonly ch: string
  readonly style: S
  readonly width: number
}

/** Latin letters, digits and the punctuation inside domains, e-mails, codes and numbers. */
function isWordChar(ch: string): boolean {
  return /[\p{Script=Latin}\p{Nd}._@\-/:#&+'%]/u.test(ch) && ch !== '\u3000'
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\u3000' || ch === '\t'
}

/** May the text break between units a and b? */
export function canBreakBetween(a: string, b: string): boolean {
  if (isSpace(a) || isSpace(b)) return !NO_LINE_START.has(b) && !NO_LINE_END.has(a)
  if (NO_LINE_START.has(b) || NO_LINE_END.has(a)) return false
  if (DOUBLED.has(a) && a === b) return false
  if (isWordChar(a) && isWordChar(b)) return false
  return true
}

function toUnits<S>(runs: ReadonlyArray<StyledRun<S>>, measure: (ch: string, style: S) => number): Array<Unit<S>> {
  const units: Array<Unit<S>> = []
  for (const run of runs) for (const ch of run.text) units.push({ ch, style: run.style, width: measure(ch, run.style) })
  return units
}

function toRuns<S>(units: ReadonlyArray<Unit<S>>): Array<StyledRun<S>> {
  const runs: Array<{ text: string; style: S }> = []
  for (const u of units) {
    const prev = runs[runs.length - 1]
    if (prev && prev.style === u.style) prev.text += u.ch
    else runs.push({ text: u.ch, style: u.style })
  }
  return runs
}

function trimSpaces<S>(units: Array<Unit<S>>): Array<Unit<S>> {
  let end = units.length
  while (end > 0 && isSpace(units[end - 1]?.ch ?? '')) end -= 1
  return units.slice(0, end)
}

/**
 * Breaks styled text into lines no wider than maxWidth. When the next character does not fit and
 * may not start a line, the break moves back (推出) to the last allowed position; only when a line
 * has no allowed break at all is a closing punctuation mark allowed to hang past the edge, or (for
 * an unbreakable word longer than a line) the word split.
 */
export function breakLines<S>(runs: ReadonlyArray<StyledRun<S>>, options: BreakOptions<S>): Array<LaidLine<S>> {
  const units = toUnits(runs, options.measure)
  const lines: Array<LaidLine<S>> = []
  let start = 0
  while (start < units.length) {
    // Leading spaces of a continuation line are dropped.
    while (lines.length > 0 && start < units.length && isSpace(units[start]?.ch ?? '')) start += 1
    if (start >= units.length) break
    const available = options.maxWidth - (lines.length === 0 ? (options.firstIndent ?? 0) : 0)
    let width = 0
    let end = start
    while (end < units.length && width + (units[end]?.width ?? 0) <= available + 1e-6) {
      width += units[end]?.width ?? 0
      end += 1
    }
    if (end < units.length) end = chooseBreak(units, start, end)
    const lineUnits = trimSpaces(units.slice(start, end))
    lines.push({
      runs: toRuns(lineUnits),
      width: lineUnits.reduce((s, u) => s + u.width, 0),
      glyphs: lineUnits.length,
      last: end >= units.length,
    })
    start = end
  }
  return lines
}

/** The break position for a line that would overflow at `end` (units[start..end) fit). */
function chooseBreak<S>(units: ReadonlyArray<Unit<S>>, start: number, end: number): number {
  if (end === start) return start + 1 // not even one unit fits: place it alone
  for (let k = end; k > start; k -= 1) {
    const before = units[k - 1]?.ch ?? ''
    const after = units[k]?.ch ?? ''
    if (canBreakBetween(before, after)) return k
  }
  // No allowed break in the whole line. Let closing punctuation hang (悬挂) rather than split it.
  let hang = end
  while (hang < units.length && NO_LINE_START.has(units[hang]?.ch ?? '') && hang - end < 2) hang += 1
  if (hang > end && (hang >= units.length || canBreakBetween(units[hang - 1]?.ch ?? '', units[hang]?.ch ?? ''))) return hang
  // An unbreakable word longer than the line (a very long domain): split it where it overflows.
  return end
}
