/**
 * Where a value's ink starts, found from the pixels: a crop that starts at the label's last stroke
 * reads that stroke as a character, so the crop must start after the blank gap between them.
 */
import { describe, expect, it } from 'vitest'
import { valueStart } from '../../../electron/services/extract/ink'
import type { RawImage } from '../../../electron/services/intake/pixels'

/** A white row 400×40 with dark blocks (characters) at the given x ranges. */
function row(blocks: Array<[number, number]>, noise = 0): RawImage {
  const width = 400
  const height = 40
  const data = Buffer.alloc(width * height * 3, 245)
  let seed = 7
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3
      const ink = y >= 10 && y < 30 && blocks.some(([a, b]) => x >= a && x < b)
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      const v = ink ? 20 : Math.max(0, Math.min(255, 245 - (seed % 100 < noise ? 120 : 0)))
      data[i] = data[i + 1] = data[i + 2] = v
    }
  return { data, width, height }
}

describe('valueStart', () => {
  const label = { x: 10, y: 10, width: 80, height: 20 }
  it('starts after the widest blank gap, before the first character OCR missed', () => {
    // Label 10–90 (its last stroke reaches 96), value characters from 150 on; OCR put the value at 180.
    const img = row([
      [10, 30],
      [40, 60],
      [70, 96],
      [150, 170],
      [172, 192],
      [194, 214],
    ])
    const x = valueStart(img, label, { x: 180, y: 10, width: 40, height: 20 }, 20)
    expect(x).not.toBeNull()
    expect(x as number).toBeGreaterThan(96)
    expect(x as number).toBeLessThan(150)
  })

  it('says nothing when there is no contrast, or no gap wide enough to be the label’s', () => {
    expect(valueStart(row([]), label, { x: 180, y: 10, width: 40, height: 20 }, 20)).toBeNull()
    const tight = row([
      [10, 95],
      [97, 200],
    ])
    expect(valueStart(tight, label, { x: 100, y: 10, width: 100, height: 20 }, 20)).toBeNull()
  })

  it('is not misled by scanner noise in the gap', () => {
    const img = row(
      [
        [10, 96],
        [150, 214],
      ],
      1,
    )
    const x = valueStart(img, label, { x: 160, y: 10, width: 50, height: 20 }, 20)
    expect(x as number).toBeGreaterThan(96)
    expect(x as number).toBeLessThan(150)
  })
})
