/**
 * Character-level voting over several readings of one value. Tesseract's misreads of a name are
 * mostly one character at one scale (「蔡磊」 read 「蔡舌」 at one size and right at another), and
 * its per-character confidence is usually low on the character it got wrong; so the readings are
 * aligned character by character (edit distance against the reading closest to all the others) and
 * each position goes to the character with the most confidence-weighted support. What the vote
 * does not settle is kept: every position says how much of the support its winner had and which
 * other characters were read there, so a prior (a surname, a place name) can choose among them and
 * the caller can tell a value all readings agree on from one that won narrowly.
 */

/** One character as read, with the confidence of the word it came from (0..1). */
export interface ReadChar {
  readonly ch: string
  readonly confidence: number
}

/** One position of the voted value. */
export interface VotedChar {
  readonly ch: string
  /** Share of the readings' weight that voted for `ch` here (0..1). */
  readonly support: number
  /** Mean confidence of the readings that read `ch` here. */
  readonly confidence: number
  /** Every character read here (including `ch`) with its share of the weight, best first (empty for inserted characters). */
  readonly alternatives: ReadonlyArray<{ readonly ch: string; readonly weight: number }>
}

export interface Vote {
  readonly chars: readonly VotedChar[]
  /** How many readings took part. */
  readonly readings: number
  /** Readings that are, character for character, the voted value. */
  readonly exact: number
}

/**
 * A character's vote: one, plus up to half again for the engine's confidence. Two readings that
 * agree always outvote one that disagrees, however sure it sounds (confidences are not comparable
 * between models and scales: the larger model is sure of its misreads too); between one and one,
 * the more confident wins.
 */
const weightOf = (c: number): number => 1 + 0.5 * Math.max(0, Math.min(1, c))

/** Levenshtein distance between two strings of characters. */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i]
    for (let j = 1; j <= b.length; j += 1)
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length] as number
}

type Step =
  { kind: 'match'; pivot: number; other: number } | { kind: 'delete'; pivot: number } | { kind: 'insert'; other: number; before: number }

/** Aligns `other` to `pivot`: which of its characters sits on which pivot position, which are extra, which pivot positions it lacks. */
function align(pivot: readonly string[], other: readonly string[]): Step[] {
  const n = pivot.length
  const m = other.length
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= n; i += 1)
    for (let j = 1; j <= m; j += 1) {
      const row = d[i] as number[]
      const up = d[i - 1] as number[]
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + (pivot[i - 1] === other[j - 1] ? 0 : 1))
    }
  const steps: Step[] = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const here = (d[i] as number[])[j] as number
    // Prefer a substitution (a misread) over a deletion plus an insertion.
    if (i > 0 && j > 0 && here === ((d[i - 1] as number[])[j - 1] as number) + (pivot[i - 1] === other[j - 1] ? 0 : 1)) {
      steps.push({ kind: 'match', pivot: i - 1, other: j - 1 })
      i -= 1
      j -= 1
    } else if (i > 0 && here === ((d[i - 1] as number[])[j] as number) + 1) {
      steps.push({ kind: 'delete', pivot: i - 1 })
      i -= 1
    } else {
      steps.push({ kind: 'insert', other: j - 1, before: i })
      j -= 1
    }
  }
  return steps.reverse()
}

interface Entry {
  weight: number
  conf: number[]
}
type Tally = Map<string, Entry>

/** Votes the readings into one value; empty readings are ignored. */
export function voteChars(readings: ReadonlyArray<readonly ReadChar[]>): Vote {
  const list = readings.filter((r) => r.length > 0)
  if (list.length === 0) return { chars: [], readings: 0, exact: 0 }
  const strings = list.map((r) => r.map((c) => c.ch))
  // The pivot: the reading closest to all the others (ties: the more confident).
  const mean = (r: readonly ReadChar[]): number => r.reduce((s, c) => s + c.confidence, 0) / r.length
  let pivotIndex = 0
  let best = Number.POSITIVE_INFINITY
  list.forEach((r, k) => {
    const cost = strings.reduce((s, other, o) => s + (o === k ? 0 : editDistance(strings[k] as string[], other)), 0) - mean(r) * 0.01
    if (cost < best) {
      best = cost
      pivotIndex = k
    }
  })
  const pivot = strings[pivotIndex] as string[]
  // Per pivot position: weight per character ('' = this reading has nothing here).
  const slots: Tally[] = pivot.map(() => new Map())
  // Extra characters a reading has before pivot position k (k = pivot.length: at the end).
  const extras: Tally[] = Array.from({ length: pivot.length + 1 }, () => new Map())
  const add = (map: Tally, ch: string, w: number, c: number): void => {
    const e = map.get(ch) ?? { weight: 0, conf: [] }
    e.weight += w
    e.conf.push(c)
    map.set(ch, e)
  }
  list.forEach((r, k) => {
    const w = weightOf(mean(r))
    const inserted = new Map<number, ReadChar[]>()
    for (const step of align(pivot, strings[k] as string[])) {
      if (step.kind === 'match') {
        const c = r[step.other] as ReadChar
        add(slots[step.pivot] as Tally, c.ch, weightOf(c.confidence), c.confidence)
      } else if (step.kind === 'delete') add(slots[step.pivot] as Tally, '', w, 0)
      else inserted.set(step.before, [...(inserted.get(step.before) ?? []), r[step.other] as ReadChar])
    }
    for (const [before, chars] of inserted) {
      const conf = chars.reduce((s, c) => s + c.confidence, 0) / chars.length
      add(extras[before] as Tally, chars.map((c) => c.ch).join(''), weightOf(conf), conf)
    }
  })
  const out: VotedChar[] = []
  const ranked = (map: Tally): Array<[string, Entry]> => [...map.entries()].sort((a, b) => b[1].weight - a[1].weight)
  const push = (ch: string, e: Entry, support: number, alternatives: VotedChar['alternatives']): void => {
    const confidence = e.conf.reduce((s, c) => s + c, 0) / e.conf.length
    for (const single of [...ch]) out.push({ ch: single, support, confidence, alternatives: [...ch].length === 1 ? alternatives : [] })
  }
  pivot.forEach((_, k) => {
    // An insertion is kept only when more than half of the readings put the same characters there.
    const extra = ranked(extras[k] as Tally)[0]
    if (extra && extra[1].conf.length * 2 > list.length) push(extra[0], extra[1], extra[1].conf.length / list.length, [])
    const slot = ranked(slots[k] as Tally)
    const [ch, e] = slot[0] as [string, Entry]
    if (ch === '') return
    const sum = slot.reduce((s, [, x]) => s + x.weight, 0)
    push(
      ch,
      e,
      e.weight / sum,
      slot.filter(([c]) => c !== '').map(([c, x]) => ({ ch: c, weight: x.weight / sum })),
    )
  })
  const tail = ranked(extras[pivot.length] as Tally)[0]
  if (tail && tail[1].conf.length * 2 > list.length) push(tail[0], tail[1], tail[1].conf.length / list.length, [])
  const value = out.map((c) => c.ch).join('')
  return { chars: out, readings: list.length, exact: strings.filter((s) => s.join('') === value).length }
}

/** The voted value as a string. */
export const voteText = (v: Vote): string => v.chars.map((c) => c.ch).join('')
