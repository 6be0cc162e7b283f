/**
 * Which way a page's text runs, as PP-OCR's boxes tell it: regions read apart (the cards on a page)
 * keep their votes when joined, so a sideways A4 page of cards is still turned upright.
 */
import { describe, expect, it } from 'vitest'
import { joinPages, type OcrPage } from '../../shared/extraction/ocr-types'

const page = (votes: [number, number, number, number], skew: number): OcrPage => ({
  text: '',
  confidence: 0,
  lines: [],
  direction: { votes: { 0: votes[0], 90: votes[1], 180: votes[2], 270: votes[3] }, skew },
})

describe('joined pages', () => {
  it('add the direction votes of their regions and keep the skew of the one with most text', () => {
    const joined = joinPages([page([0, 0, 0, 40], 1.5), page([2, 0, 0, 90], -0.5)])
    expect(joined.direction).toEqual({ votes: { 0: 2, 90: 0, 180: 0, 270: 130 }, skew: -0.5 })
  })

  it('have no direction when no region has one (tesseract)', () => {
    expect(joinPages([{ text: 'a', confidence: 1, lines: [] }]).direction).toBeUndefined()
  })
})
