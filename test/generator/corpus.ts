/**
 * The benchmark corpus: several synthetic sponsors, each with a licence, an ID card's two sides,
 * another ID card on one A4 page and a domain certificate, plus commitment letters and unrelated
 * pages; each document gets one degradation profile and one file format, cycled so every profile
 * meets every document type. Deterministic from the seed.
 */
import type { Degradation, ImageFormat } from './degrade'
import { makeSponsorSet, type SponsorSet } from './identities'
import type { DocType, DocumentSpec } from './index'
import { rng } from './random'
import { excludesOf, VARIANT_NAMES, VARIANTS, type VariantName } from './variants'

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

/** A requirement of a layout variant on its sponsor (see generateDocument). */
const SPONSOR_KIND: Partial<Record<VariantName, boolean>> = {
  'legal-person-pre-2014': false,
  'transitional-2014': false,
  'overprinted-values': true,
}

export interface HardCorpusEntry extends CorpusEntry {
  readonly variants: readonly VariantName[]
}

/**
 * The real-like corpus (`bench:extract -- --hard`): for every variant, `perVariant` documents of
 * the types it applies to; the first half carry that variant alone, the rest combined with one
 * other compatible variant (a scene, an overlay, a layout or the low-resolution file), so each
 * cause is measured alone and in the company it keeps on real uploads. Deterministic from the
 * seed, and its own seed space: the plain corpus is untouched.
 */
export function makeHardCorpus(options: { perVariant: number; seed: number }): HardCorpusEntry[] {
  const out: HardCorpusEntry[] = []
  const r = rng(`hard-corpus:${options.seed}`)
  let k = 0
  for (const [vi, v] of VARIANT_NAMES.entries()) {
    const types = VARIANTS[v].types as readonly DocType[]
    for (let i = 0; i < options.perVariant; i += 1) {
      k += 1
      const type = types[(i + vi) % types.length] as DocType
      const list: VariantName[] = [v]
      if (i >= Math.ceil(options.perVariant / 2)) {
        const companions = VARIANT_NAMES.filter((c) => {
          if (c === v || !(VARIANTS[c].types as readonly DocType[]).includes(type)) return false
          if (excludesOf(v).includes(c) || excludesOf(c).includes(v)) return false
          const stage = VARIANTS[c].stage
          if (stage === 'overlay') return true
          if (stage === 'scene' && 'noScene' in VARIANTS[v]) return false
          return stage !== VARIANTS[v].stage && !(SPONSOR_KIND[c] !== undefined && SPONSOR_KIND[v] !== undefined)
        })
        const c = r.pick(companions)
        // A layout variant first, as generateDocument draws them.
        list.push(c)
        list.sort((a, b) => STAGE_ORDER.indexOf(VARIANTS[a].stage) - STAGE_ORDER.indexOf(VARIANTS[b].stage))
      }
      const kind = list.map((x) => SPONSOR_KIND[x]).find((x) => x !== undefined)
      const set = makeSponsorSet(`hard:${options.seed}:${k}`, kind === undefined ? {} : { individualBusiness: kind })
      const person =
        type === 'id-both' || (type.startsWith('id-') && i % 2 === 1)
          ? ('manager' as const)
          : type.startsWith('id-')
            ? ('principal' as const)
            : undefined
      out.push({
        set,
        profile: list.join('+'),
        variants: list,
        spec: {
          type,
          ...(person ? { person } : {}),
          variants: list,
          format: list.includes('id-strip-low-res') ? 'png' : 'jpg',
          seed: `hard:${options.seed}:${k}`,
        },
      })
    }
  }
  return out
}

const STAGE_ORDER = ['layout', 'overlay', 'scene', 'pixel'] as const
