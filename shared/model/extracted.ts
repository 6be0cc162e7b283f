/**
 * What was read from one scan, stored in case.json as `documents[i].extracted` so that `check`,
 * the report and the app can compare scans with the form without running OCR again.
 *
 * Kept lenient like the case itself (a newer tool may add keys); every value carries how sure we
 * are and where on the image it came from, so the UI can show the crop beside the value.
 */
import { z } from 'zod'
import { LetterScanSchema } from '../letter/scan-result'

export const DOCUMENT_KINDS = ['business-licence', 'id-card', 'domain-certificate', 'commitment-letter', 'other'] as const
export const DocumentKind = z.enum(DOCUMENT_KINDS)
export type DocumentKind = z.infer<typeof DocumentKind>

/** Which sides of an ID card an image shows (both: the common A4 scan of front above back). */
export const ID_SIDES = ['front', 'back'] as const

/**
 * Field names, shared by `icp-prep extract`, case.json and the UI. Dates are ISO; a long-term
 * validity is "long-term". validFrom/validTo are a licence's 营业期限 or an ID card's 有效期限.
 */
export const EXTRACTED_FIELDS = [
  // 营业执照
  'creditCode',
  'entityName',
  'entityType',
  'legalRepresentative',
  'establishedOn',
  'address',
  'licenceNumber',
  'registrationNumber',
  // 身份证 人像面
  'personName',
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
  // 身份证 国徽面
  'issuer',
  // both licence and ID card
  'validFrom',
  'validTo',
  // 域名证书
  'domain',
  'domainOwner',
  'registeredOn',
  'expiresOn',
] as const
export type ExtractedFieldName = (typeof EXTRACTED_FIELDS)[number]

/** A rectangle in the pixels of the normalised (upright) image the document was read from. */
export const BoxSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })
export type Box = z.infer<typeof BoxSchema>

export const ExtractedFieldSchema = z.looseObject({
  value: z.string(),
  /** 0..1; below the app's threshold a value is shown as uncertain and never accepted silently. */
  confidence: z.number().min(0).max(1),
  box: BoxSchema.optional(),
  /** What OCR literally read, when the value was normalised or corrected from it. */
  raw: z.string().optional(),
  /** Set when look-alike characters were repaired using the check characters. */
  corrected: z
    .object({ from: z.string(), changes: z.array(z.object({ position: z.number(), from: z.string(), to: z.string() })) })
    .optional(),
  /** True when the value could not be proven (e.g. several valid repairs, or a cross-check failed). */
  uncertain: z.boolean().optional(),
  /** Set by a person who checked the scan: it shows something else (OCR misread), so the form is not compared with it. */
  misread: z.boolean().optional(),
})
export type ExtractedField = z.infer<typeof ExtractedFieldSchema>

export const ScanFindingSchema = z.looseObject({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  messageEn: z.string().optional(),
})
export type ScanFinding = z.infer<typeof ScanFindingSchema>

/** The reading of one page; a multi-page PDF's first page is the document's reading, the others sit in `pages`. */
export const ExtractedPageSchema = z.looseObject({
  version: z.literal(1),
  kind: DocumentKind,
  /** For id-card: which sides the image shows. */
  sides: z.array(z.enum(ID_SIDES)).optional(),
  /** 1-based page of a multi-page PDF. */
  page: z.number().int().positive().optional(),
  colour: z.boolean(),
  image: z.looseObject({ width: z.number().int().positive(), height: z.number().int().positive() }),
  fields: z.record(z.string(), ExtractedFieldSchema),
  findings: z.array(ScanFindingSchema),
  /** SHA-256 of the file the values were read from: a changed file means they are stale. */
  sourceSha256: z.string().optional(),
  /** ISO timestamp and engine description, for the report. */
  readAt: z.string().optional(),
  engine: z.string().optional(),
  /** For commitment-letter: signature, seal and fingerprint found on the scan (shared/letter/scan-result.ts). */
  letter: LetterScanSchema.optional(),
  /** Clockwise quarter turn (after EXIF / PDF rotation) and skew in degrees that made the image upright; boxes are in that image. */
  rotation: z.number().optional(),
  skew: z.number().optional(),
  /** Recognised text lines, kept for commitment letters (the letter checks read their wording). */
  text: z.array(z.string()).optional(),
})
export type ExtractedPage = z.infer<typeof ExtractedPageSchema>

export const ExtractedDocumentSchema = ExtractedPageSchema.extend({
  /** The readings of a multi-page PDF's other pages (2, 3 …), in order. */
  pages: z.array(ExtractedPageSchema).optional(),
})
export type ExtractedDocument = z.infer<typeof ExtractedDocumentSchema>

/** The stored reading of a document, or null when there is none or it has a shape we do not know. */
export function readExtracted(value: unknown): ExtractedDocument | null {
  const r = ExtractedDocumentSchema.safeParse(value)
  return r.success ? r.data : null
}

/** A quarter turn clockwise, as intake applies it. */
export type QuarterTurn = 0 | 90 | 180 | 270

function isQuarterTurn(t: number): t is QuarterTurn {
  return t === 0 || t === 90 || t === 180 || t === 270
}

/**
 * The quarter turns the reading applied to each page (first page, then `pages`), so a packed or
 * analysed image comes out upright like the reading; undefined when a stored turn is not a quarter turn.
 */
export function pageTurns(read: ExtractedDocument): QuarterTurn[] | undefined {
  const turns = [read.rotation ?? 0, ...(read.pages ?? []).map((p) => p.rotation ?? 0)]
  return turns.every(isQuarterTurn) ? turns : undefined
}
