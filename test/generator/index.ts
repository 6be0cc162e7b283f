/**
 * The synthetic scan generator: complete, consistent sets of filing documents for synthetic
 * sponsors, each with the truth it shows, rendered with varied fonts and layouts and degraded the
 * way real scans are. Used by the tests, `npm run bench:extract`, `npm run generate:scans` and the
 * bundled sample case. Deterministic: the same seed gives byte-identical files.
 */
import sharp from 'sharp'
import type { DocumentKind, ExtractedFieldName } from '../../shared/model/extracted'
import { commitmentLetterLayout, domainCertificateLayout, otherLayout, randomCertificateStyle } from './certificate'
import { degrade, encode, rasterise, type Degradation, type ImageFormat, type RawImage } from './degrade'
import { idBackLayout, idBothLayout, idFrontLayout, randomIdCardStyle } from './id-card'
import { makeSponsorSet, type PersonIdentity, type SponsorSet } from './identities'
import { licenceLayout, randomLicenceStyle } from './licence'
import {
  commercialSubjectLayout,
  foodLicenceLayout,
  legalPersonLayout,
  olderSponsor,
  overprintedIndividualLayout,
  transitionalLayout,
} from './old-licence'
import { scannerPdf } from './pdf'
import { rng, type Rng } from './random'
import { photograph } from './scene'
import { svgDocument, type Layout } from './svg'
import {
  checkVariants,
  idStripLayout,
  idUpsideDownPage,
  maskOverlay,
  OVERPRINT,
  STRIP_SIZE,
  twoDocuments,
  VARIANTS,
  watermarkOverlay,
  websiteStampOverlay,
  type VariantName,
} from './variants'

export { makePerson, makeSponsorSet, type DomainIdentity, type PersonIdentity, type SponsorIdentity, type SponsorSet } from './identities'
export { DEGRADATIONS, type Degradation, type ImageFormat } from './degrade'
export { electronicPdf, scannerPdf } from './pdf'
export { rng } from './random'
export { VARIANT_NAMES, VARIANTS, type VariantName } from './variants'

export const DOC_TYPES = ['licence', 'id-front', 'id-back', 'id-both', 'domain-certificate', 'commitment-letter', 'other'] as const
export type DocType = (typeof DOC_TYPES)[number]

/** What a generated document shows: the answer the extractor should give. */
export interface Truth {
  readonly kind: DocumentKind
  readonly sides?: ReadonlyArray<'front' | 'back'>
  readonly colour: boolean
  readonly fields: Partial<Record<ExtractedFieldName, string>>
  /** Fields the document shows but a variant made unreadable by design: not scored (as in test/real). */
  readonly unreadable?: readonly ExtractedFieldName[]
  /** id-page-upside-down: the card sides printed upside down on the page. */
  readonly upsideDown?: ReadonlyArray<'front' | 'back'>
}

export interface DocumentSpec {
  readonly type: DocType
  /** Whose card, for ID documents (default: the principal). */
  readonly person?: 'principal' | 'manager'
  readonly degradations?: readonly Degradation[]
  readonly format?: ImageFormat | 'pdf'
  /** Resolution of the rendering; defaults depend on the document (ID cards ~350, A4 pages ~200). */
  readonly dpi?: number
  readonly seed?: number | string
  /** Real-like variants (./variants.ts); without them the document is exactly what it always was. */
  readonly variants?: readonly VariantName[]
}

export interface GeneratedDocument {
  readonly name: string
  readonly data: Buffer
  readonly format: ImageFormat | 'pdf'
  readonly width: number
  readonly height: number
  readonly truth: Truth
  readonly spec: DocumentSpec
}

function personFields(p: PersonIdentity, side: 'front' | 'back'): Truth['fields'] {
  if (side === 'front')
    return { personName: p.name, sex: p.sex, ethnicity: p.ethnicity, birthDate: p.birthDate, address: p.address, idNumber: p.idNumber }
  return { issuer: p.issuer, validFrom: p.validFrom, validTo: p.validTo }
}

function layoutFor(set: SponsorSet, spec: DocumentSpec, r: Rng): { layout: Layout; truth: Truth; dpi: number } {
  const person = spec.person === 'manager' ? set.manager : set.principal
  const grey = spec.degradations?.includes('greyscale') ?? false
  const colour = !grey
  const low = spec.degradations?.includes('low-res') ?? false
  switch (spec.type) {
    case 'licence': {
      const st = { ...randomLicenceStyle(r), sealOverText: spec.degradations?.includes('seal-over-text') ?? false }
      const s = set.sponsor
      const fields: Truth['fields'] = {
        creditCode: s.creditCode,
        entityName: s.entityName,
        entityType: s.entityType,
        legalRepresentative: s.legalRepresentative,
        establishedOn: s.establishedOn,
        address: s.address,
        licenceNumber: s.licenceNumber,
        ...(s.validFrom ? { validFrom: s.validFrom } : {}),
        ...(s.validTo ? { validTo: s.validTo } : {}),
      }
      return { layout: licenceLayout(s, st, r), truth: { kind: 'business-licence', colour, fields }, dpi: low ? 60 : r.int(160, 240) }
    }
    case 'id-front':
      return {
        layout: idFrontLayout(person, randomIdCardStyle(r), r),
        truth: { kind: 'id-card', sides: ['front'], colour, fields: personFields(person, 'front') },
        dpi: low ? 120 : r.int(300, 420),
      }
    case 'id-back':
      return {
        layout: idBackLayout(person, randomIdCardStyle(r), r),
        truth: { kind: 'id-card', sides: ['back'], colour, fields: personFields(person, 'back') },
        dpi: low ? 120 : r.int(300, 420),
      }
    case 'id-both':
      return {
        layout: idBothLayout(person, randomIdCardStyle(r), r),
        truth: {
          kind: 'id-card',
          sides: ['front', 'back'],
          colour,
          fields: { ...personFields(person, 'front'), ...personFields(person, 'back') },
        },
        dpi: low ? 60 : r.int(240, 300),
      }
    case 'domain-certificate': {
      const d = set.domain
      return {
        layout: domainCertificateLayout(d, randomCertificateStyle(r), r),
        truth: {
          kind: 'domain-certificate',
          colour,
          fields: { domain: d.domain, domainOwner: d.owner, registeredOn: d.registeredOn, expiresOn: d.expiresOn },
        },
        dpi: low ? 50 : r.int(130, 190),
      }
    }
    case 'commitment-letter':
      return { layout: commitmentLetterLayout(set, r), truth: { kind: 'commitment-letter', colour, fields: {} }, dpi: r.int(150, 200) }
    case 'other':
      return { layout: otherLayout(r), truth: { kind: 'other', colour: false, fields: {} }, dpi: r.int(150, 200) }
  }
}

/** Renders one document of a sponsor set, degraded as the spec says. */
export async function generateDocument(set: SponsorSet, spec: DocumentSpec): Promise<GeneratedDocument> {
  if (spec.variants && spec.variants.length > 0) return generateVariantDocument(set, spec, spec.variants)
  const r = rng(`${spec.seed ?? 0}:${spec.type}:${spec.person ?? ''}`)
  const { layout, truth, dpi } = layoutFor(set, spec, r.fork('layout'))
  const list = spec.degradations ?? []
  const pixels: RawImage = await degrade(await rasterise(svgDocument(layout, spec.dpi ?? dpi)), list, r.fork('degrade'))
  const format = spec.format ?? 'jpg'
  const name = `${spec.type}${spec.person === 'manager' ? '-manager' : ''}${list.length > 0 ? `-${list.join('-')}` : ''}.${format}`
  if (format === 'pdf') {
    const jpeg = await encode(
      pixels,
      'jpg',
      list.filter((d) => d !== 'exif-rotate'),
      r.fork('encode'),
    )
    const data = await scannerPdf([{ jpeg, width: pixels.width, height: pixels.height }], spec.dpi ?? dpi)
    return { name, data, format, width: pixels.width, height: pixels.height, truth, spec }
  }
  const data = await encode(pixels, format, list, r.fork('encode'))
  return { name, data, format, width: pixels.width, height: pixels.height, truth, spec }
}

/** The layout and truth of a layout-stage variant (older formats, upside-down card sides, …). */
function variantLayout(
  set: SponsorSet,
  spec: DocumentSpec,
  v: VariantName,
  r: Rng,
  colour: boolean,
): { layout: Layout; truth: Truth; dpi: number } {
  const person = spec.person === 'manager' ? set.manager : set.principal
  const licence = (layout: Layout, fields: Truth['fields']): { layout: Layout; truth: Truth; dpi: number } => ({
    layout,
    truth: { kind: 'business-licence', colour, fields },
    dpi: r.int(170, 230),
  })
  // Older company layouts need a company, the 个体工商户 layout an individual business (name, type).
  const needs = v === 'overprinted-values' ? true : v === 'legal-person-pre-2014' || v === 'transitional-2014' ? false : null
  if (needs !== null && set.sponsor.individualBusiness !== needs)
    throw new Error(`${v} needs a ${needs ? '个体工商户' : 'company'} sponsor (makeSponsorSet(seed, { individualBusiness: ${needs} }))`)
  switch (v) {
    case 'legal-person-pre-2014': {
      const s = olderSponsor(set.sponsor, r, [2000, 2013])
      const { layout, fields } = legalPersonLayout(s, r, { chineseNumerals: r.chance(0.5), annualStamps: r.int(0, 3) })
      return licence(layout, fields)
    }
    case 'transitional-2014': {
      const s = olderSponsor(set.sponsor, r, [2005, 2014])
      const { layout, fields } = transitionalLayout(s, r, { padDates: r.chance(0.7) })
      return licence(layout, fields)
    }
    case 'commercial-subject': {
      const { layout, fields } = commercialSubjectLayout(set.sponsor, r, { padDates: r.chance(0.6) })
      return licence(layout, fields)
    }
    case 'overprinted-values': {
      const s = olderSponsor(set.sponsor, r, [2000, 2013])
      const { layout, fields } = overprintedIndividualLayout(s, r, {
        offset: r.float(...OVERPRINT.offset),
        raise: r.float(...OVERPRINT.raise),
        pitch: r.float(...OVERPRINT.pitch),
      })
      return licence(layout, fields)
    }
    case 'second-document': {
      const base = layoutFor(set, { ...spec, degradations: [] }, r.fork('licence'))
      return {
        ...base,
        truth: { ...base.truth, colour },
        layout: twoDocuments(base.layout, foodLicenceLayout(set.sponsor, r.fork('food')), r),
      }
    }
    case 'id-page-upside-down': {
      const { layout, upsideDown } = idUpsideDownPage(person, randomIdCardStyle(r), r)
      return {
        layout,
        truth: {
          kind: 'id-card',
          sides: ['front', 'back'],
          colour: false,
          fields: { ...personFields(person, 'front'), ...personFields(person, 'back') },
          upsideDown,
        },
        dpi: r.int(150, 220),
      }
    }
    case 'id-strip-low-res':
      return {
        layout: idStripLayout(person, randomIdCardStyle(r), r),
        truth: {
          kind: 'id-card',
          sides: ['front', 'back'],
          colour,
          fields: { ...personFields(person, 'front'), ...personFields(person, 'back') },
        },
        dpi: 300,
      }
    default:
      throw new Error(`${v} is not a layout variant`)
  }
}

/**
 * A document with real-like variants: layout → overlays → raster → scene → the spec's
 * degradations → pixel variants → file. Its own random stream, so the plain corpora are untouched.
 */
async function generateVariantDocument(set: SponsorSet, spec: DocumentSpec, variants: readonly VariantName[]): Promise<GeneratedDocument> {
  checkVariants(spec.type, variants)
  const r = rng(`${spec.seed ?? 0}:${spec.type}:${spec.person ?? ''}:${variants.join('+')}`)
  const forced = variants.includes('id-page-upside-down') ? (['greyscale'] as const) : []
  const list: Degradation[] = [...forced, ...(spec.degradations ?? []).filter((d) => !(forced as readonly string[]).includes(d))]
  const colour = !list.includes('greyscale')
  const layoutVariant = variants.find((v) => VARIANTS[v].stage === 'layout')
  const base = layoutVariant
    ? variantLayout(set, spec, layoutVariant, r.fork('layout'), colour)
    : layoutFor(set, { ...spec, degradations: list }, r.fork('layout'))
  let { layout } = base
  let truth: Truth = { ...base.truth, colour }
  const unreadable: ExtractedFieldName[] = []
  const overlays = r.fork('overlay')
  for (const v of variants) {
    if (VARIANTS[v].stage !== 'overlay') continue
    let svg = ''
    if (v === 'watermark-text') svg = watermarkOverlay(layout, overlays)
    if (v === 'website-stamp') svg = websiteStampOverlay(layout, overlays)
    if (v === 'masked-field') {
      const m = maskOverlay(layout, overlays)
      if (m) {
        svg = m.svg
        unreadable.push(m.field)
      }
    }
    layout = { ...layout, body: layout.body + svg }
  }
  if (unreadable.length > 0) {
    const fields = Object.fromEntries(Object.entries(truth.fields).filter(([f]) => !unreadable.includes(f as ExtractedFieldName)))
    truth = { ...truth, fields, unreadable }
  }
  let pixels = await rasterise(svgDocument(layout, spec.dpi ?? base.dpi))
  if (variants.includes('id-strip-low-res')) pixels = await resizeRaw(pixels, STRIP_SIZE.width, STRIP_SIZE.height)
  const sceneVariant = variants.find((v) => VARIANTS[v].stage === 'scene')
  if (sceneVariant) {
    const o = VARIANTS[sceneVariant] as (typeof VARIANTS)['perspective' | 'wood-table' | 'desk']
    pixels = (await photograph(pixels, o, r.fork('scene'))).image
  }
  pixels = await degrade(pixels, list, r.fork('degrade'))
  if (variants.includes('low-res-photo')) {
    const sides: Readonly<Partial<Record<DocType, readonly [number, number]>>> = VARIANTS['low-res-photo'].longSide
    const [lo, hi] = sides[spec.type] ?? [600, 800]
    const long = r.fork('pixel').int(lo, hi)
    const k = long / Math.max(pixels.width, pixels.height)
    if (k < 1) pixels = await resizeRaw(pixels, Math.round(pixels.width * k), Math.round(pixels.height * k))
  }
  const format = spec.format ?? 'jpg'
  const name = `${spec.type}${spec.person === 'manager' ? '-manager' : ''}-${variants.join('-')}${list.length > 0 ? `-${list.join('-')}` : ''}.${format}`
  const data =
    format === 'pdf'
      ? await scannerPdf(
          [{ jpeg: await encode(pixels, 'jpg', [], r.fork('encode')), width: pixels.width, height: pixels.height }],
          spec.dpi ?? base.dpi,
        )
      : await encode(pixels, format, list, r.fork('encode'))
  return { name, data, format, width: pixels.width, height: pixels.height, truth, spec }
}

async function resizeRaw(img: RawImage, width: number, height: number): Promise<RawImage> {
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/** The documents one filing needs: licence, principal ID (both sides on A4), manager ID sides, domain certificate. */
export async function generateSponsorDocuments(
  seed: number | string,
  set: SponsorSet = makeSponsorSet(seed),
): Promise<GeneratedDocument[]> {
  const specs: DocumentSpec[] = [
    { type: 'licence', seed },
    { type: 'id-both', person: 'principal', seed },
    { type: 'id-front', person: 'manager', seed },
    { type: 'id-back', person: 'manager', seed },
    { type: 'domain-certificate', seed },
  ]
  return Promise.all(specs.map((s) => generateDocument(set, s)))
}

/** A JPEG thumbnail-free helper for tests: the pixel size of a generated image file. */
export async function imageSize(data: Buffer): Promise<{ width: number; height: number }> {
  const m = await sharp(data).metadata()
  return { width: m.width ?? 0, height: m.height ?? 0 }
}
