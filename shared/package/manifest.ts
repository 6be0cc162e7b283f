/**
 * manifest.json: the machine-readable half of the package report. Anyone (a reviewer, a later
 * version of the app, a script) can check the zip against it — each file's role, size, pixel size
 * and SHA-256 — and see which provider profile and submission date it was built for. It holds a
 * case summary but no ID numbers, phone numbers or e-mail addresses.
 */
import { z } from 'zod'

/** Identifies a manifest written by this tool, and its layout version, for readers years later. */
export const MANIFEST_FORMAT = 'icp-prep-package'
export const MANIFEST_VERSION = 1

const FindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  field: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
  fix: z.string(),
  fixEn: z.string(),
  source: z.string(),
  document: z.number().int().optional(),
})

export const ManifestFileSchema = z.object({
  /** Name inside the zip. */
  name: z.string(),
  /** Document role (document-roles.json) or `report` / `manifest` for the package's own files. */
  role: z.string(),
  website: z.number().int().nullable(),
  /** Where to upload it, in the provider's form. */
  place: z.string(),
  mediaType: z.enum(['image/jpeg', 'application/pdf', 'text/html']),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The scans it was made from (paths relative to the case folder) with what was done to them. */
  sources: z.array(
    z.object({
      file: z.string(),
      document: z.number().int(),
      side: z.enum(['front', 'back', 'both']).nullable(),
      format: z.string(),
      bytes: z.number().int().nonnegative(),
      width: z.number().int().nullable(),
      height: z.number().int().nullable(),
      sha256: z.string(),
    }),
  ),
  processing: z.object({
    /** Original bytes kept (metadata removed only). */
    passthrough: z.boolean(),
    /** Scaled down from the upright original. */
    scaled: z.boolean(),
    /** Two ID sides stacked front above back. */
    combined: z.boolean(),
    /** JPEG quality of a re-encoded image, else null. */
    quality: z.number().int().nullable(),
    /** EXIF orientation applied (the image was turned upright). */
    rotated: z.boolean(),
    /** The 「仅供备案使用」 watermark drawn (pack --watermark), where no ink was; absent when not asked. */
    watermark: z
      .object({ text: z.string(), box: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }) })
      .nullable()
      .optional(),
  }),
})
export type ManifestFile = z.infer<typeof ManifestFileSchema>

export const ManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(MANIFEST_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  /** False when errors were found and the package was built anyway (--force). */
  ready: z.boolean(),
  forced: z.boolean(),
  /** The date validity was checked for (--date, else the case's submission date, else that day). */
  submissionDate: z.string(),
  provider: z.object({
    name: z.string(),
    label: z.string(),
    maxBytes: z.number().int(),
    acceptsPdf: z.boolean(),
    idBothSidesOneImage: z.boolean(),
  }),
  case: z.object({
    province: z.string().nullable(),
    filingType: z.string().nullable(),
    sponsorType: z.string().nullable(),
    sponsorName: z.string().nullable(),
    websites: z.array(z.object({ name: z.string().nullable(), domain: z.string().nullable() })),
    documents: z.number().int(),
  }),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  /** Upload files in form order; the report last. manifest.json does not list itself. */
  files: z.array(ManifestFileSchema),
  findings: z.array(FindingSchema),
})
export type Manifest = z.infer<typeof ManifestSchema>

/** The export record packCase returns for case.json's `exports` (one schema, in the case model). */
export { ExportRecordSchema, type ExportRecord } from '../model/export-record'
