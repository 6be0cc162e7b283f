/**
 * Finding ID cards on a page from the pixels (no OCR), on generated scans: both sides on an A4
 * page are two card-shaped regions in reading order, also skewed, blurred, noisy or as a grey copy;
 * a photo of one card, a licence, a certificate, a letter and an unrelated page have none; a
 * black-and-white copy, which loses the card's tint, has none either (the page is read whole).
 */
import { describe, expect, it } from 'vitest'
import { cardRegion, findCards } from '../../../electron/services/intake/cards'
import { decodeBytes } from '../../../electron/services/intake/decode'
import { greyDropRed, type GreyImage } from '../../../electron/services/intake/pixels'
import type { Degradation } from '../../generator/degrade'
import { generateDocument, makeSponsorSet, type DocumentSpec } from '../../generator/index'

const set = makeSponsorSet(23)

async function greyPage(spec: DocumentSpec): Promise<GreyImage> {
  const doc = await generateDocument(set, { format: 'png', ...spec })
  const decoded = await decodeBytes(Buffer.from(doc.data))
  if (!decoded.ok || !decoded.pages[0]) throw new Error(`${spec.type}: not decoded`)
  return greyDropRed(decoded.pages[0].image)
}

/** A black-and-white copy: every pixel ink or paper. */
function blackAndWhite(grey: GreyImage): GreyImage {
  return { ...grey, data: grey.data.map((v) => (v < 128 ? 0 : 255)) }
}

describe('cards on a page', () => {
  it.each<[string, Degradation[]]>([
    ['clean', []],
    ['skewed', ['skew']],
    ['blurred and noisy', ['blur', 'noise']],
    ['a grey copy', ['greyscale']],
    ['on tinted paper, as JPEG', ['tint', 'jpeg']],
  ])('both sides on an A4 page, %s: two cards, top to bottom, shaped like ID-1', async (_, degradations) => {
    for (const seed of [1, 2]) {
      const grey = await greyPage({ type: 'id-both', person: 'principal', degradations, seed })
      const cards = findCards(grey)
      expect(cards).toHaveLength(2)
      const [front, back] = cards as [(typeof cards)[0], (typeof cards)[0]]
      expect(front.y + front.height).toBeLessThan(back.y)
      for (const card of cards) {
        expect(card.width / card.height).toBeGreaterThan(1.4)
        expect(card.width / card.height).toBeLessThan(1.8)
        // 85.6 mm of a 210 mm wide page.
        expect(card.width / grey.width).toBeGreaterThan(0.3)
        expect(card.width / grey.width).toBeLessThan(0.55)
      }
    }
  })

  it.each<[string, DocumentSpec]>([
    ['a photo of one card', { type: 'id-front', seed: 1 }],
    ['a card back close up', { type: 'id-back', seed: 1 }],
    ['a business licence', { type: 'licence', seed: 1 }],
    ['a domain certificate', { type: 'domain-certificate', seed: 1 }],
    ['a commitment letter', { type: 'commitment-letter', seed: 1 }],
    ['an unrelated page', { type: 'other', seed: 1 }],
  ])('%s has no cards on it', async (_, spec) => {
    expect(findCards(await greyPage(spec))).toEqual([])
  })

  it('a black-and-white copy of both sides has no tint to find: none', async () => {
    expect(findCards(blackAndWhite(await greyPage({ type: 'id-both', person: 'principal', seed: 1 })))).toEqual([])
  })

  it('reads a card with a margin, never beyond the image', () => {
    const image = { width: 1000, height: 1400 }
    expect(cardRegion({ x: 100, y: 200, width: 400, height: 250 }, image)).toEqual({ x: 85, y: 185, width: 430, height: 280 })
    expect(cardRegion({ x: 5, y: 1200, width: 990, height: 198 }, image)).toEqual({ x: 0, y: 1188, width: 1000, height: 212 })
  })
})
