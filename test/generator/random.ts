/**
 * A small seeded random source for the synthetic scan generator: the same seed gives the same
 * documents on every machine, so a benchmark figure can be reproduced and a failing case re-made.
 */

/** Random numbers and choices from one seed (mulberry32: fast, well spread, 32-bit state). */
export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** A float in [min, max). */
  float(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
  /** A new independent stream, so adding a draw in one place does not shift every later document. */
  fork(label: string): Rng
}

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

/** Creates the stream for a seed; strings are hashed, so `rng('licence-3')` is stable too. */
export function rng(seed: number | string): Rng {
  let state = typeof seed === 'number' ? seed >>> 0 : hash(seed)
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const self: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)] as T
    },
    chance: (p) => next() < p,
    fork: (label) => rng(hash(`${state}:${label}`)),
  }
  return self
}
