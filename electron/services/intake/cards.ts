/**
 * ID cards lying on a scanned page. The common A4 scan of an ID card holds both sides, each a
 * small tinted rectangle on white paper. Read as one page, tesseract's layout analysis loses lines
 * among the wide margins and the guilloche print (a skewed A4 scan lost its emblem side and its ID
 * number entirely); each card read as its own region reads well. A card is found from the pixels
 * alone: a region darker than the paper throughout (the card's tint, not a paragraph of text with
 * paper between its lines), shaped like an ID-1 card (85.6 × 54 mm, ISO/IEC 7810) and of the size
 * a card has on a page. A copy that loses the tint finds no card, and the page is read whole.
 */
import type { Box } from '../../../shared/model/extracted'
import cardShape from '../../../shared/data/card-shape.json' with { type: 'json' }
import { components, histogram, percentileOf, type GreyImage } from './pixels'

/** Mean grey of blocks of `step` × `step` pixels: a small image where scanner noise and text strokes average out. */
function blockMeans(grey: GreyImage, step: number): GreyImage {
  const width = Math.floor(grey.width / step)
  const height = Math.floor(grey.height / step)
  const out = new Uint8Array(width * height)
  for (let by = 0; by < height; by += 1)
    for (let bx = 0; bx < width; bx += 1) {
      let sum = 0
      for (let y = by * step; y < (by + 1) * step; y += 1) {
        const row = y * grey.width
        for (let x = bx * step; x < (bx + 1) * step; x += 1) sum += grey.data[row + x] as number
      }
      out[by * width + bx] = Math.round(sum / (step * step))
    }
  return { data: out, width, height }
}

/**
 * The ID cards on a page, in reading order (top to bottom, then left to right), as boxes in the
 * pixels of `grey`. Empty when the page is not a page with cards on it: a photo of one card fills
 * the image, and a licence or a letter has no card-shaped tinted region.
 */
export function findCards(grey: GreyImage): Box[] {
  const s = cardShape
  const step = Math.max(1, Math.round(Math.max(grey.width, grey.height) / s.blockGrid))
  const blocks = blockMeans(grey, step)
  const paper = percentileOf(histogram(blocks), s.paperQuantile)
  const mask = new Uint8Array(blocks.data.length)
  blocks.data.forEach((v, i) => (mask[i] = v < paper - s.tintDelta ? 1 : 0))
  const pageArea = blocks.width * blocks.height
  const cards: Box[] = []
  for (const c of components(mask, blocks.width, blocks.height)) {
    const w = c.maxX - c.minX + 1
    const h = c.maxY - c.minY + 1
    const aspect = w / h
    const share = (w * h) / pageArea
    if (aspect < s.aspect.min || aspect > s.aspect.max) continue
    if (share < s.pageShare.min || share > s.pageShare.max) continue
    // A card margin against the image edge is the scanner's background, not a card.
    if (c.minX === 0 || c.minY === 0 || c.maxX === blocks.width - 1 || c.maxY === blocks.height - 1) continue
    // Tinted throughout: even the lighter blocks inside are darker than the paper (a text block's are paper).
    const inside = new Uint8Array(w * h)
    for (let y = 0; y < h; y += 1)
      inside.set(blocks.data.subarray((c.minY + y) * blocks.width + c.minX, (c.minY + y) * blocks.width + c.maxX + 1), y * w)
    if (percentileOf(histogram({ data: inside, width: w, height: h }), s.backgroundQuantile) >= paper - s.tintDelta / 2) continue
    if (c.area / (w * h) < s.minFill) continue
    cards.push({ x: c.minX * step, y: c.minY * step, width: w * step, height: h * step })
  }
  return cards.sort((a, b) => (Math.abs(a.y - b.y) > Math.min(a.height, b.height) / 2 ? a.y - b.y : a.x - b.x))
}

/** A card's box with a margin around it (tesseract reads text that does not touch the border better), within the image. */
export function cardRegion(card: Box, image: { width: number; height: number }): Box {
  const m = Math.round(card.height * cardShape.readMargin)
  const x = Math.max(0, card.x - m)
  const y = Math.max(0, card.y - m)
  return {
    x,
    y,
    width: Math.min(image.width, card.x + card.width + m) - x,
    height: Math.min(image.height, card.y + card.height + m) - y,
  }
}
