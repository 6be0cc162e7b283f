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
import { scannerPdf } from './pdf'
import { rng, type Rng } from './random'
import { svgDocument, type Layout } from './svg'

export { makePerson, makeSponsorSet, type DomainIdentity, type PersonIdentity, type SponsorIdentity, type SponsorSet } from './identities'
export { DEGRADATIONS, type Degradation, type ImageFormat } from './degrade'
export { electronicPdf, scannerPdf } from './pdf'
export { rng } from './random'

export const DOC_TYPES = ['licence', 'id-front', 'id-back', 'id-both', 'domain-certificate', 'commitment-letter', 'other'] as const
export type DocType = (typeof DOC_TYPES)[number]

/** What a generated document shows: the answer the extractor should give. */
export interface Truth {
  readonly kind: DocumentKind
  readonly sides?: ReadonlyArray<'front' | 'back'>
  readonly colour: boolean
  readonly fields: Partial<Record<ExtractedFieldName, string>>
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
