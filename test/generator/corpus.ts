/**
 * The benchmark corpus: several synthetic sponsors, each with a licence, an ID card's two sides,
 * another ID card on one A4 page and a domain certificate, plus commitment letters and unrelated
 * pages; each document gets one degradation profile and one file format, cycled so every profile
 * meets every document type. Deterministic from the seed.
 */
import type { Degradation, ImageFormat } from './degrade'
import { makeSponsorSet, type SponsorSet } from './identities'
import type { DocType, DocumentSpec } from './index'

/** The degradation profiles the benchmark reports on (name → what is applied). */
export const PROFILES: ReadonlyArray<readonly [string, readonly Degradation[]]> = [
  ['clean', []],
  ['tinted paper', ['tint']],
  ['scanner noise', ['noise']],
  ['mild blur', ['blur']],
  ['JPEG q22–40', ['jpeg']],
  ['skew 0.8–3.5°', ['skew']],
  ['rotated 90°', ['rotate-90']],
  ['rotated 180°', ['rotate-180']],
  ['rotated 270°', ['rotate-270']],
  ['EXIF-rotated', ['exif-rotate']],
  ['greyscale copy', ['greyscale']],
  ['seal over text', ['seal-over-text']],
  ['tint+noise+JPEG', ['tint', 'noise', 'jpeg']],
  ['skew+blur+noise', ['skew', 'blur', 'noise']],
]

const FORMATS: ReadonlyArray<ImageFormat | 'pdf'> = ['jpg', 'jpg', 'png', 'jpg', 'pdf', 'webp', 'jpg', 'tiff', 'bmp', 'jpg']

export interface CorpusEntry {
  readonly set: SponsorSet
  readonly spec: DocumentSpec
  readonly profile: string
}

/** `sets` sponsors × 5 documents, plus one letter and one unrelated page per two sponsors. */
export function makeCorpus(options: { sets: number; seed: number }): CorpusEntry[] {
  const out: CorpusEntry[] = []
  let k = options.seed
  for (let i = 0; i < options.sets; i += 1) {
    const set = makeSponsorSet(options.seed * 1000 + i, { individualBusiness: i % 4 === 3 })
    const types: Array<[DocType, 'principal' | 'manager' | undefined]> = [
      ['licence', undefined],
      ['id-front', 'principal'],
      ['id-back', 'principal'],
      ['id-both', 'manager'],
      ['domain-certificate', undefined],
    ]
    if (i % 2 === 0) types.push(['commitment-letter', undefined], ['other', undefined])
    for (const [type, person] of types) {
      k += 1
      const [profile, degradations] = PROFILES[(k * 5) % PROFILES.length] as (typeof PROFILES)[number]
      // A seal over a value is a licence thing; elsewhere that slot is a clean scan.
      const list = profile === 'seal over text' && type !== 'licence' ? [] : degradations
      // EXIF orientation is a JPEG (camera) thing.
      const format = list.includes('exif-rotate') ? 'jpg' : (FORMATS[k % FORMATS.length] as ImageFormat | 'pdf')
      out.push({
        set,
        profile: list.length === 0 && profile === 'seal over text' ? 'clean' : profile,
        spec: { type, ...(person ? { person } : {}), degradations: list, format, seed: k },
      })
    }
  }
  return out
}
