/**
 * The generator's real-like variants (issue 12): deterministic by seed, truth that matches what is
 * printed (older numbers valid, hidden values marked unreadable), and images of the size,
 * orientation and colour they claim.
 */
import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { isValidLegacyRegNo } from '../../shared/ids/legacy-regno'
import { validateUscc } from '../../shared/ids/uscc'
import { makeCorpus, makeHardCorpus } from '../generator/corpus'
import { randomIdCardStyle } from '../generator/id-card'
import { generateDocument, makeSponsorSet, VARIANT_NAMES, VARIANTS, type DocType, type VariantName } from '../generator/index'
import {
  chineseNumeralDate,
  commercialSubjectLayout,
  digitDate,
  legalPersonLayout,
  olderSponsor,
  overprintedIndividualLayout,
  transitionalLayout,
} from '../generator/old-licence'
import { rng } from '../generator/random'
import { homography, apply, photograph, warpOnto, type Quad } from '../generator/scene'
import { esc } from '../generator/svg'
import { checkVariants, idUpsideDownPage, STRIP_SIZE } from '../generator/variants'

const company = makeSponsorSet('variants-company', { individualBusiness: false })
const individual = makeSponsorSet('variants-individual', { individualBusiness: true })
const setFor = (v: VariantName) => (v === 'overprinted-values' ? individual : company)
const firstType = (v: VariantName): DocType => (VARIANTS[v].types as readonly DocType[])[0] as DocType

describe('generator variants', () => {
  it('every variant is deterministic by seed (same bytes, another seed other bytes)', async () => {
    for (const v of VARIANT_NAMES) {
      const spec = { type: firstType(v), variants: [v], seed: 4, dpi: 50 } as const
      const a = await generateDocument(setFor(v), spec)
      const b = await generateDocument(setFor(v), spec)
      const c = await generateDocument(setFor(v), { ...spec, seed: 5 })
      expect(a.data.equals(b.data), v).toBe(true)
      expect(a.data.equals(c.data), v).toBe(false)
    }
  }, 120_000)

  it('leaves plain documents as they were: variants: [] is the plain document', async () => {
    const plain = await generateDocument(company, { type: 'licence', seed: 9, dpi: 50 })
    const empty = await generateDocument(company, { type: 'licence', seed: 9, dpi: 50, variants: [] })
    expect(plain.data.equals(empty.data)).toBe(true)
    // The plain corpus's truth is pinned: a variant added later must not shift what seeds make.
    const h = createHash('sha256')
    for (const e of makeCorpus({ sets: 2, seed: 1 })) h.update(JSON.stringify([e.profile, e.spec, e.set]))
    expect(h.digest('hex').slice(0, 16)).toBe(PLAIN_CORPUS_HASH)
  })

  it('older licences carry a valid 15-digit 注册号, older dates and no credit code', async () => {
    for (const v of ['legal-person-pre-2014', 'transitional-2014', 'overprinted-values'] as const) {
      const d = await generateDocument(setFor(v), { type: 'licence', variants: [v], seed: 11, dpi: 50 })
      expect(d.truth.kind).toBe('business-licence')
      expect(d.truth.fields.creditCode, v).toBeUndefined()
      expect(isValidLegacyRegNo(d.truth.fields.registrationNumber ?? ''), v).toBe(true)
      expect((d.truth.fields.establishedOn ?? '9999') < '2015-01-01', v).toBe(true)
    }
    const z = await generateDocument(company, { type: 'licence', variants: ['commercial-subject'], seed: 11, dpi: 50 })
    expect(validateUscc(z.truth.fields.creditCode ?? '').valid).toBe(true)
    expect(z.truth.fields.validFrom).toBeUndefined()
    expect(z.truth.fields.validTo).toBeUndefined()
  })

  it('prints every truth value of the older layouts (the truth is what the page shows)', () => {
    const r = rng('print')
    const old = olderSponsor(company.sponsor, r, [2000, 2013])
    const oldInd = olderSponsor(individual.sponsor, r, [2000, 2013])
    const layouts = [
      legalPersonLayout(old, r, { chineseNumerals: true, annualStamps: 2 }),
      legalPersonLayout(old, r, { chineseNumerals: false, annualStamps: 0 }),
      transitionalLayout(old, r, { padDates: false }),
      commercialSubjectLayout(company.sponsor, r, { padDates: true }),
      overprintedIndividualLayout(oldInd, r, { offset: -3, raise: -1, pitch: 0.3 }),
    ]
    for (const { layout, fields } of layouts) {
      const printed = layout.body
      for (const [field, value] of Object.entries(fields)) {
        if (field === 'validTo' && value === 'long-term') expect(printed).toContain('长期')
        else if (/^\d{4}-\d\d-\d\d$/.test(value)) {
          const forms = [chineseNumeralDate(value), digitDate(value, true), digitDate(value, false)]
          expect(
            forms.some((f) => printed.includes(f)),
            `${field} ${value}`,
          ).toBe(true)
        } else expect(printed, field).toContain(esc([...value].slice(0, 12).join('')))
      }
    }
    expect(chineseNumeralDate('2009-01-21')).toBe('二〇〇九年一月二十一日')
    expect(chineseNumeralDate('2010-10-10')).toBe('二〇一〇年十月十日')
    expect(chineseNumeralDate('2003-12-30')).toBe('二〇〇三年十二月三十日')
  })

  it('refuses a 个体工商户 layout for a company and the reverse', async () => {
    await expect(generateDocument(company, { type: 'licence', variants: ['overprinted-values'], seed: 1 })).rejects.toThrow(/个体工商户/)
    await expect(generateDocument(individual, { type: 'licence', variants: ['legal-person-pre-2014'], seed: 1 })).rejects.toThrow(/company/)
  })

  it('a masked value is marked unreadable and left out of the scored fields', async () => {
    const plain = await generateDocument(company, { type: 'licence', seed: 3, dpi: 50 })
    const masked = await generateDocument(company, { type: 'licence', variants: ['masked-field'], seed: 3, dpi: 50 })
    expect(masked.truth.unreadable).toHaveLength(1)
    const hidden = masked.truth.unreadable?.[0] ?? 'creditCode'
    expect(['legalRepresentative', 'address']).toContain(hidden)
    expect(masked.truth.fields[hidden]).toBeUndefined()
    // Everything else is the same sponsor's values (the layout is drawn from its own stream).
    for (const [f, v] of Object.entries(masked.truth.fields)) expect(plain.truth.fields[f as keyof typeof plain.truth.fields]).toBe(v)
    // Watermarks and stamps leave values readable: nothing is hidden.
    for (const v of ['watermark-text', 'website-stamp', 'second-document'] as const) {
      const d = await generateDocument(company, { type: 'licence', variants: [v], seed: 3, dpi: 50 })
      expect(d.truth.unreadable, v).toBeUndefined()
      expect(d.truth.fields.creditCode).toBe(company.sponsor.creditCode)
    }
  })

  it('the A4 copy is greyscale with both sides, and the cards it calls upside down are turned 180°', async () => {
    const d = await generateDocument(company, { type: 'id-both', variants: ['id-page-upside-down'], seed: 2 })
    expect(d.truth).toMatchObject({ kind: 'id-card', sides: ['front', 'back'], colour: false })
    expect(d.truth.upsideDown?.length).toBeGreaterThan(0)
    expect(d.height).toBeGreaterThan(d.width)
    // A grey copy, maybe scanned on yellowed paper: every pixel is one grey times the same paper
    // tint, so blue follows red in a fixed ratio (the red emblem and blue labels are gone).
    const { data } = await sharp(d.data).raw().toBuffer({ resolveWithObject: true })
    let sumR = 0
    let sumB = 0
    for (let i = 0; i < data.length; i += 3) {
      sumR += data[i] as number
      sumB += data[i + 2] as number
    }
    const k = sumB / sumR
    let off = 0
    for (let i = 0; i < data.length; i += 3) if (Math.abs((data[i + 2] as number) - (data[i] as number) * k) > 10) off += 1
    expect(off / (data.length / 3)).toBeLessThan(0.01)
    const colourCard = await generateDocument(company, { type: 'id-both', seed: 2 })
    const c = await sharp(colourCard.data).raw().toBuffer()
    let colourOff = 0
    for (let i = 0; i < c.length; i += 3) if (Math.abs((c[i + 2] as number) - (c[i] as number)) > 40) colourOff += 1
    expect(colourOff).toBeGreaterThan(500) // the same check sees the colour scan's emblem
    for (let seed = 0; seed < 20; seed += 1) {
      const { layout, upsideDown } = idUpsideDownPage(company.principal, randomIdCardStyle(rng(seed)), rng(seed))
      const turns = [...layout.body.matchAll(/<g transform="translate\([^)]*\) rotate\((-?[\d.]+) /g)].map((m) => Number(m[1]))
      expect(turns).toHaveLength(2)
      expect(turns.map((t) => Math.abs(t) > 90)).toEqual([upsideDown.includes('front'), upsideDown.includes('back')])
    }
  })

  it('the side-by-side strip is exactly 619×193 and shows both sides', async () => {
    const d = await generateDocument(company, { type: 'id-both', variants: ['id-strip-low-res'], seed: 1, format: 'png' })
    expect([d.width, d.height]).toEqual([STRIP_SIZE.width, STRIP_SIZE.height])
    const m = await sharp(d.data).metadata()
    expect([m.width, m.height, m.format]).toEqual([619, 193, 'png'])
    expect(d.truth.sides).toEqual(['front', 'back'])
    expect(d.truth.fields.idNumber).toBe(company.principal.idNumber)
    expect(d.truth.fields.validFrom).toBe(company.principal.validFrom)
  })

  it('small files have the long side their variant claims', async () => {
    const ranges: Readonly<Partial<Record<DocType, readonly [number, number]>>> = VARIANTS['low-res-photo'].longSide
    for (const type of ['licence', 'id-front', 'id-both', 'domain-certificate'] as const) {
      const d = await generateDocument(company, { type, variants: ['low-res-photo'], seed: 6 })
      const [lo, hi] = ranges[type] ?? [0, 0]
      const long = Math.max(d.width, d.height)
      expect(long, type).toBeGreaterThanOrEqual(lo)
      expect(long, type).toBeLessThanOrEqual(hi)
    }
  })

  it('the homography maps the page corners onto the quadrilateral; the warp fills inside and keeps the ground outside', () => {
    const quad: Quad = [
      [30, 20],
      [170, 35],
      [160, 120],
      [20, 110],
    ]
    const h = homography(
      [
        [0, 0],
        [100, 0],
        [100, 60],
        [0, 60],
      ],
      quad,
    )
    const corners = [apply(h, 0, 0), apply(h, 100, 0), apply(h, 100, 60), apply(h, 0, 60)]
    corners.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(quad[i]?.[0] ?? 0, 6)
      expect(p[1]).toBeCloseTo(quad[i]?.[1] ?? 0, 6)
    })
    const ground = { data: Buffer.alloc(200 * 140 * 3, 0), width: 200, height: 140 }
    const page = { data: Buffer.alloc(100 * 60 * 3, 255), width: 100, height: 60 }
    const out = warpOnto(ground, page, quad)
    const px = (x: number, y: number): number => out.data[(y * 200 + x) * 3] as number
    expect(px(95, 70)).toBe(255)
    expect(px(5, 5)).toBe(0)
    expect(px(190, 130)).toBe(0)
    expect(px(100, 24)).toBe(0) // above the slanted top edge
  })

  it('photographs: the page on its ground at an angle, a true quadrilateral, wood brown at the edge', async () => {
    const page = { data: Buffer.alloc(400 * 300 * 3, 250), width: 400, height: 300 }
    const shot = await photograph(page, { ...VARIANTS.perspective }, rng('persp'))
    const len = (a: readonly number[], b: readonly number[]): number => Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0))
    const [tl, tr, br, bl] = shot.quad
    // Perspective makes opposite sides differ (a rotated rectangle would keep them equal).
    expect(Math.abs(len(tl, tr) - len(bl, br)) + Math.abs(len(tl, bl) - len(tr, br))).toBeGreaterThan(8)
    const wood = await generateDocument(company, { type: 'id-front', variants: ['wood-table'], seed: 8 })
    const plain = await generateDocument(company, { type: 'id-front', seed: 8 })
    expect(wood.width).toBeGreaterThan(plain.width * 0.9)
    const { data, info } = await sharp(wood.data).raw().toBuffer({ resolveWithObject: true })
    const corner = [0, 1, 2].map((c) => data[c] as number)
    expect(info.channels).toBe(3)
    expect(corner[0]).toBeGreaterThan((corner[2] ?? 0) + 15) // red over blue: wood, not paper
  })

  it('rejects variants that do not go together or do not apply', () => {
    expect(() => checkVariants('id-front', ['watermark-text'])).toThrow(/does not apply/)
    expect(() => checkVariants('licence', ['wood-table', 'desk'])).toThrow(/more than one scene/)
    expect(() => checkVariants('licence', ['legal-person-pre-2014', 'transitional-2014'])).toThrow(/more than one layout/)
    expect(() => checkVariants('id-both', ['id-page-upside-down', 'wood-table'])).toThrow(/greyscale copy/)
    expect(() => checkVariants('licence', ['second-document', 'masked-field'])).toThrow(/cannot be combined/)
    expect(() => checkVariants('licence', ['second-document', 'watermark-text', 'perspective', 'low-res-photo'])).not.toThrow()
  })

  it('the hard corpus is deterministic, covers every variant alone and combined, and its combinations are drawable', () => {
    const a = makeHardCorpus({ perVariant: 4, seed: 1 })
    const b = makeHardCorpus({ perVariant: 4, seed: 1 })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(JSON.stringify(makeHardCorpus({ perVariant: 4, seed: 2 }))).not.toBe(JSON.stringify(a))
    for (const v of VARIANT_NAMES) {
      const mine = a.filter((e) => e.variants.includes(v))
      expect(
        mine.filter((e) => e.variants.length === 1),
        v,
      ).toHaveLength(2)
      expect(mine.filter((e) => e.variants.length === 2).length, v).toBeGreaterThanOrEqual(2)
    }
    for (const e of a) {
      expect(() => checkVariants(e.spec.type, e.variants)).not.toThrow()
      if (e.variants.includes('overprinted-values')) expect(e.set.sponsor.individualBusiness).toBe(true)
      if (e.variants.some((v) => v === 'legal-person-pre-2014' || v === 'transitional-2014'))
        expect(e.set.sponsor.individualBusiness).toBe(false)
    }
  })
})

/** sha256 (first 16 hex) of the plain corpus's specs and sponsor sets for 2 sponsors, seed 1. */
const PLAIN_CORPUS_HASH = '76f21c16fa24a014'
