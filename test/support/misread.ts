/**
 * Simulated OCR misreads: swaps characters for their look-alikes from the confusion table, with a
 * seeded generator so tests and benchmarks are repeatable.
 */
import confusions from '../../shared/data/ocr-confusions.json' with { type: 'json' }

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    return s / 2 ** 32
  }
}

const LOOKALIKES = new Map<string, string[]>()
for (const [a, b] of confusions.pairs as Array<[string, string, number]>) {
  LOOKALIKES.set(a, [...(LOOKALIKES.get(a) ?? []), b])
  LOOKALIKES.set(b, [...(LOOKALIKES.get(b) ?? []), a])
}

/** Replaces `count` distinct characters of `text` with look-alikes. */
export function misread(text: string, count: number, random: () => number): string {
  const chars = [...text]
  const changed = new Set<number>()
  for (let tries = 0; changed.size < count && tries < 200; tries += 1) {
    const i = Math.floor(random() * chars.length)
    const options = LOOKALIKES.get(chars[i] as string)
    if (changed.has(i) || !options) continue
    chars[i] = options[Math.floor(random() * options.length)] as string
    changed.add(i)
  }
  return chars.join('')
}
