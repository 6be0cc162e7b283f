/**
 * The JSON shapes of the letter and export channels: the letter's draw operations for an exact
 * preview (the same list the PDF writer draws, shared/letter/draw-ops.ts), and the export plan —
 * which files go into the zip, in upload order, with their Chinese names.
 */
import { z } from 'zod'
import { CaseSummarySchema, FindingSchema } from './schemas'
import { ScanId } from './scan-schemas'

const Dash = z.array(z.number()).max(8).optional()

/** One drawing operation of a letter page, in points from the page's top-left. */
export const DrawOpSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('text'),
    x: z.number(),
    baseline: z.number(),
    text: z.string(),
    size: z.number(),
    face: z.enum(['regular', 'bold']),
    spacing: z.number(),
    grey: z.boolean().optional(),
  }),
  z.object({ op: z.literal('line'), x1: z.number(), y1: z.number(), x2: z.number(), y2: z.number(), width: z.number(), dash: Dash }),
  z.object({
    op: z.literal('rect'),
    x: z.number(),
    y: z.number(),
    width: z.number(),
    height: z.number(),
    lineWidth: z.number(),
    dash: Dash,
  }),
  z.object({ op: z.literal('circle'), cx: z.number(), cy: z.number(), r: z.number(), lineWidth: z.number(), dash: Dash }),
])
export type DrawOpView = z.infer<typeof DrawOpSchema>

/** The letter of a case: its pages to preview, or the findings that refuse it. */
export const LetterPreviewSchema = z.object({
  /** Only filings to the Guangdong 管局 need the letter. */
  applicable: z.boolean(),
  variant: z.enum(['unit', 'individual']),
  date: z.string(),
  template: z.object({ name: z.string(), id: z.string(), version: z.string(), wording: z.string() }),
  /** Errors first; with an error there are no pages. */
  findings: z.array(FindingSchema),
  page: z.object({ width: z.number().positive(), height: z.number().positive() }),
  pages: z.array(z.object({ ops: z.array(DrawOpSchema).max(5000) })).max(20),
})
export type LetterPreview = z.infer<typeof LetterPreviewSchema>

/** A provider profile to choose from (providers.json). */
const ProviderChoice = z.object({
  name: z.string(),
  label: z.string(),
  labelEn: z.string(),
  maxBytes: z.number().int(),
  idBothSidesOneImage: z.boolean(),
  acceptsPdf: z.boolean(),
  note: z.object({ text: z.string(), textEn: z.string() }).nullable(),
})

/** One file of the zip as planned: its upload name and place, and the scans it is made from. */
const PlannedFileView = z.object({
  order: z.number().int().positive(),
  name: z.string(),
  place: z.string(),
  placeEn: z.string(),
  role: z.string(),
  website: z.number().int().nonnegative().nullable(),
  sources: z.array(z.object({ scanId: ScanId, name: z.string() })),
  /** Size of the scans it is made from (the zip holds them fitted to the provider's limit). */
  sourceBytes: z.number().int().nonnegative().nullable(),
  combine: z.boolean(),
  sameAsPrincipal: z.boolean(),
})

/** An earlier export, from case.json `exports`. */
const ExportView = z.object({ at: z.string(), name: z.string(), provider: z.string(), ready: z.boolean() })

/** What export will do for a provider, before it runs. */
export const ExportPlanSchema = z.object({
  providers: z.array(ProviderChoice),
  provider: z.string(),
  files: z.array(PlannedFileView),
  /** Written after the scans: 报告.html and manifest.json. */
  extras: z.array(z.string()),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  exports: z.array(ExportView),
})
export type ExportPlan = z.infer<typeof ExportPlanSchema>

/** The result an export job finishes with (sent as the job's JSON result). */
export const ExportResultSchema = z.object({
  caseId: z.string(),
  refused: z.boolean(),
  ready: z.boolean(),
  forced: z.boolean(),
  name: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative() })),
  findings: z.array(FindingSchema),
  summary: CaseSummarySchema,
})
export type ExportResult = z.infer<typeof ExportResultSchema>

/** The result an OCR job finishes with. */
export const ReadResultSchema = z.object({
  caseId: z.string(),
  read: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  cancelled: z.boolean(),
})
export type ReadResult = z.infer<typeof ReadResultSchema>
