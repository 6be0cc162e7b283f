/**
 * Quality findings and orientation on generated scans (no OCR): colour vs grey copies (also on
 * yellowed paper), resolution for the document's size, blur, glare, cut-off edges, quarter turns
 * and skew.
 */
import { describe, expect, it } from 'vitest'
import q from '../../../shared/data/scan-quality.json' with { type: 'json' }
import { decodeBytes } from '../../../electron/services/intake/decode'
import type { RawImage } from '../../../electron/services/intake/pixels'
import {
  guessOrientation,
  makeUpright,
  measureBlur,
  measureQuality,
  qualityFindings,
  skewAfter,
} from '../../../electron/services/intake/prepare'
import { measureResolution } from '../../../electron/services/intake/quality'
import { generateDocument, makeSponsorSet, type Degradation, type DocType } from '../../generator/index'

const set = makeSponsorSet(21)

async function image(type: DocType, degradations: Degradation[] = [], seed = 1, dpi?: number): Promise<RawImage> {
  const doc = await generateDocument(set, { type, degradations, seed, format: 'png', ...(dpi ? { dpi } : {}) })
  const r = await decodeBytes(doc.data)
  if (!r.ok || !r.pages[0]) throw new Error(r.ok ? 'no page' : r.reason)
  return r.pages[0].image
}

async function blurOf(img: RawImage): Promise<number> {
  const o = await guessOrientation(img)
  const turn = o.candidates[0] ?? 0
  const u = await makeUpright(img, turn, await skewAfter(o, turn), o.textHeight)
  return measureBlur(u.page.grey)
}

describe('colour', () => {
  it.each(['licence', 'id-front', 'id-both', 'domain-certificate'] as const)(
    'a colour %s is colour; its greyscale copy is not, even on yellowed paper',
    async (type) => {
      expect((await measureQuality(await image(type))).colour).toBe(true)
      for (const seed of [1, 2, 3]) expect((await measureQuality(await image(type, ['greyscale'], seed))).colour).toBe(false)
    },
  )

  it('tinted paper alone does not make a grey copy colour, and the finding says so', async () => {
    const quality = await measureQuality(await image('id-back', ['greyscale', 'tint']))
    const findings = qualityFindings({ ...quality, blur: 1 }, 'id-card', { width: 1200, height: 760 }, 1)
    expect(findings.map((f) => f.rule)).toContain('scan-not-colour')
  })
})

describe('resolution for the document size', () => {
  it('judges an ID card by its 85.6 mm width and an A4 page by its 210 mm side', () => {
    expect(measureResolution('id-card', 440, 280, 1)).toMatchObject({ level: 'error' })
    expect(measureResolution('id-card', 800, 505, 1)).toMatchObject({ level: 'warn' })
    expect(measureResolution('id-card', 1200, 757, 1)).toMatchObject({ level: 'ok' })
    expect(measureResolution('id-card', 1654, 2339, 2)).toMatchObject({ level: 'warn', dpi: 200 })
    expect(measureResolution('id-card', 2480, 3508, 2)).toMatchObject({ level: 'ok', dpi: 300 })
    expect(measureResolution('business-licence', 700, 495, 1)).toMatchObject({ level: 'error' })
    expect(measureResolution('business-licence', 2339, 1654, 1)).toMatchObject({ level: 'ok' })
  })

  it('reports a low-resolution card scan', async () => {
    const img = await image('id-front', ['low-res'])
    const quality = await measureQuality(img)
    const findings = qualityFindings({ ...quality, blur: 1 }, 'id-card', img, 1)
    expect(findings.find((f) => f.rule === 'scan-too-small')).toMatchObject({ severity: 'error' })
  })
})

describe('blur', () => {
  it('separates unreadable blur from sharp and mildly soft scans', async () => {
    for (const type of ['id-front', 'id-back', 'domain-certificate'] as const) {
      expect(await blurOf(await image(type))).toBeLessThan(q.blur.edgeWidthWarn)
      expect(await blurOf(await image(type, ['blur']))).toBeLessThan(q.blur.edgeWidthWarn)
      expect(await blurOf(await image(type, ['heavy-blur']))).toBeGreaterThan(q.blur.edgeWidthWarn)
    }
  })
})

describe('glare and cut-off', () => {
  it('finds a blown-out patch on a card, not on a clean one or in the white corners of a skewed scan', async () => {
    expect((await measureQuality(await image('id-back', ['glare']))).glareShare).toBeGreaterThan(q.glare.minShare)
    expect((await measureQuality(await image('id-back'))).glareShare).toBeLessThan(q.glare.minShare)
    expect((await measureQuality(await image('id-front', ['skew']))).glareShare).toBeLessThan(q.glare.minShare)
  })

  it('finds text cut by the border', async () => {
    expect((await measureQuality(await image('domain-certificate', ['cut-off']))).cutOff).toEqual(['left'])
    expect((await measureQuality(await image('domain-certificate'))).cutOff).toEqual([])
    expect((await measureQuality(await image('licence'))).cutOff).toEqual([])
  })

  it('words each finding for people, Chinese first', () => {
    const findings = qualityFindings(
      { colour: false, colourShare: 0, blur: 6, glareShare: 0.05, cutOff: ['left'] },
      'id-card',
      { width: 400, height: 252 },
      1,
    )
    expect(findings.map((f) => f.rule)).toEqual(['scan-not-colour', 'scan-too-small', 'scan-blurry', 'scan-glare', 'scan-cut-off'])
    for (const f of findings) {
      expect(f.message).toMatch(/\p{Script=Han}/u)
      expect(f.messageEn).toMatch(/[a-z]/)
      expect(f.message).not.toMatch(/\{\w+\}/)
    }
  })
})

describe('orientation', () => {
  it.each([
    [[], [0, 180]],
    [['rotate-90'], [90, 270]],
    [['rotate-270'], [90, 270]],
    [['rotate-180'], [0, 180]],
  ] as const)('%j is turned by one of %j', async (degradations, turns) => {
    for (const type of ['licence', 'id-front', 'domain-certificate'] as const) {
      const o = await guessOrientation(await image(type, [...degradations]))
      expect(o.candidates).toEqual(turns)
    }
  })

  it('measures skew to within half a degree and levels it', async () => {
    for (const seed of [1, 2, 3]) {
      const straight = await guessOrientation(await image('domain-certificate', [], seed))
      const skewed = await guessOrientation(await image('domain-certificate', ['skew'], seed))
      expect(Math.abs(straight.skew)).toBeLessThan(0.5)
      expect(Math.abs(skewed.skew)).toBeGreaterThan(0.6)
      const img = await image('domain-certificate', ['skew'], seed)
      const u = await makeUpright(img, 0, skewed.skew, skewed.textHeight)
      const again = await guessOrientation(u.image)
      expect(Math.abs(again.skew)).toBeLessThan(0.5)
    }
  })
})
