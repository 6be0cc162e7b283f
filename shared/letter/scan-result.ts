/**
 * What the analysis of a signed letter's scan found, stored in case.json as
 * `documents[i].extracted.letter` beside the OCR text (`extracted.text`), so `check` can judge the
 * signed letter without looking at the image again.
 *
 * Lenient like the rest of `extracted`: a newer tool may add keys. Every measurement keeps its
 * number (ink share, red share) so the UI can show why a box was judged empty.
 */
import { z } from 'zod'
import { BOX_KINDS, LETTER_VARIANTS } from './letter-kinds'

export const BOX_STATES = ['marked', 'empty', 'unknown'] as const
export type BoxState = (typeof BOX_STATES)[number]

/** A rectangle in the pixels of the analysed (upright) image. */
const PixelBox = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })

export const LetterBoxResultSchema = z.looseObject({
  id: z.string(),
  kind: z.enum(BOX_KINDS),
  /** marked: ink inside; empty: blank; unknown: the box could not be found on the image. */
  state: z.enum(BOX_STATES),
  /** Share of the box's inside covered by ink (0..1). */
  ink: z.number().min(0).max(1),
  /** True when the printed border was found on the image (not just assumed from the template). */
  located: z.boolean(),
  box: PixelBox.optional(),
})
export type LetterBoxResult = z.infer<typeof LetterBoxResultSchema>

export const LetterSealResultSchema = z.looseObject({
  found: z.boolean(),
  /** Share of the page's pixels that are seal red after removing the scanner's tint. */
  redShare: z.number().min(0).max(1),
  /** The largest red blob, and its size in millimetres (a 公章 is 38–45 mm across). */
  box: PixelBox.optional(),
  widthMm: z.number().optional(),
  heightMm: z.number().optional(),
  /** What the seal says (seal.ts): its centre line and its ring unwrapped; absent when not read. */
  text: z.looseObject({ centre: z.string().max(200), ring: z.string().max(400) }).optional(),
})
export type LetterSealResult = z.infer<typeof LetterSealResultSchema>

export const LetterTextMatchSchema = z.looseObject({
  /** found: exactly; fuzzy: within the OCR-noise allowance; missing: not on the page. */
  name: z.enum(['found', 'fuzzy', 'missing']),
  /** found: exactly; corrected: after look-alike repair; other: a different valid number; missing. */
  code: z.enum(['found', 'corrected', 'other', 'missing']),
  /** The number read when it is another valid one (ID numbers masked). */
  codeRead: z.string().optional(),
  /** The letter variant the text shows, when it says so unambiguously. */
  variant: z.enum(LETTER_VARIANTS).nullable(),
  /** No text was recognised at all. */
  empty: z.boolean(),
})
export type LetterTextMatch = z.infer<typeof LetterTextMatchSchema>

export const LetterScanSchema = z.looseObject({
  version: z.literal(1),
  /** The template whose layout was measured. */
  template: z.looseObject({ id: z.string(), version: z.string(), variant: z.enum(LETTER_VARIANTS) }),
  image: z.looseObject({ width: z.number().int().positive(), height: z.number().int().positive() }),
  /** False when the image is not shaped like an A4 page, so box positions are less certain. */
  pageShaped: z.boolean(),
  /** Degrees the image was turned (clockwise) to find the boxes: a page scanned sideways or upside down. */
  turned: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
  boxes: z.array(LetterBoxResultSchema),
  seal: LetterSealResultSchema,
  /** The OCR text compared with the case when the scan was read (rules compare again with the current case). */
  match: LetterTextMatchSchema.optional(),
})
export type LetterScan = z.infer<typeof LetterScanSchema>

/** The stored analysis of a letter scan, or null when absent or of a shape we do not know. */
export function readLetterScan(extracted: unknown): LetterScan | null {
  if (typeof extracted !== 'object' || extracted === null) return null
  const r = LetterScanSchema.safeParse((extracted as Record<string, unknown>).letter)
  return r.success ? r.data : null
}

/** The OCR text lines stored with a scan (`extracted.text`), or null when there are none. */
export function readScanText(extracted: unknown): string[] | null {
  if (typeof extracted !== 'object' || extracted === null) return null
  const r = z.array(z.string()).safeParse((extracted as Record<string, unknown>).text)
  return r.success ? r.data : null
}
