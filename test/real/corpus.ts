/**
 * The real-world corpus (issue 12): public photos and scans of licences, published specimen and
 * third-party synthetic ID cards, registrars' domain certificates, each with the values a person
 * reads on it. The images are not committed (their repositories' licences do not allow it, or say
 * nothing): `truth/*.json` names each one by repository, path, commit and SHA-256, and
 * `copy-images.ts` copies them from local snapshots of those repositories into `.images/`.
 *
 * The split between the part we tune on and the part we only measure is decided by the image's
 * SHA-256, not by us: a file whose hash starts with 0–4 is held out (5 in 16, about 31 %).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { DOCUMENT_KINDS, EXTRACTED_FIELDS, ID_SIDES } from '../../shared/model/extracted'

export const REAL_DIR = import.meta.dirname
export const IMAGES_DIR = path.join(REAL_DIR, '.images')

const FieldName = z.enum(EXTRACTED_FIELDS)

export const RealEntrySchema = z.strictObject({
  /** Stable and unique across the corpus, e.g. "bl-0042"; also the image's file name stem in .images/. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  source: z.strictObject({
    repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/),
    path: z.string().min(1),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The repository's licence as stated there, or "none stated". */
    licence: z.string().min(1),
  }),
  kind: z.enum(DOCUMENT_KINDS),
  /** id-card: the sides the image shows. */
  sides: z.array(z.enum(ID_SIDES)).optional(),
  /** What is printed: licence-2019-landscape, licence-old-legal-person, licence-2014-transitional, id-specimen … */
  layout: z.string().min(1),
  /** scan, photo, screenshot, synthetic (rendered, not photographed). */
  capture: z.enum(['scan', 'photo', 'screenshot', 'synthetic']),
  /**
   * Each field the document shows, as a person reads it and as `extract --json` prints it: dates
   * ISO (YYYY-MM-DD), an open-ended validity "long-term", text as printed (brackets and spaces are
   * compared loosely).
   */
  fields: z.partialRecord(FieldName, z.string().min(1)),
  /** Fields the document shows that a person cannot read on this image: not scored. */
  unreadable: z.array(FieldName).optional(),
  notes: z.string().optional(),
})
export type RealEntry = z.infer<typeof RealEntrySchema>

export const TruthFileSchema = z.strictObject({
  /** What the file covers and how its entries were chosen. */
  description: z.string().min(1),
  entries: z.array(RealEntrySchema),
})

export type Part = 'tune' | 'holdout'

/** The part an image belongs to, from its SHA-256 alone (see the header). */
export function partOf(sha256: string): Part {
  return '01234'.includes(sha256[0] ?? '') ? 'holdout' : 'tune'
}

export interface TruthFile {
  readonly file: string
  readonly description: string
  readonly entries: readonly RealEntry[]
}

/** Every truth file, parsed (throws with the file name on a malformed one). */
export function loadTruth(dir = path.join(REAL_DIR, 'truth')): TruthFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = TruthFileSchema.safeParse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')))
      if (!r.success) throw new Error(`${f}: ${z.prettifyError(r.error)}`)
      return { file: f, ...r.data }
    })
}

/** Where an entry's image is once copied: .images/<id><extension of the source>. */
export function imagePath(entry: RealEntry): string {
  return path.join(IMAGES_DIR, entry.id + path.extname(entry.source.path).toLowerCase())
}
