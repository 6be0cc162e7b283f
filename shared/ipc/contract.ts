/**
 * The one IPC contract: every channel the window can call, with the zod schemas of its input and
 * output, and every event the main process can push. Types for the preload, the handlers and the
 * window's api.ts all derive from here, and dispatch() checks both directions at run time, because
 * a type says nothing about what a compromised or buggy page actually sends.
 */
import { z } from 'zod'
import { EXPIRY_KINDS, EXPIRY_WINDOWS } from '../expiry/expiring'
import { CaseSchema } from '../model/case'
import { FilingEventSchema } from '../model/filing'
import { ImportAppliedSchema, ImportPlanSchema, QueueViewSchema } from './batch-schemas'
import type { EventChannel, InvokeChannel } from './channels'
import { ExportPlanSchema, LetterPreviewSchema } from './letter-export-schemas'
import { DocumentRole, ScanAddInput, ScanId, ScansAddedSchema, ScansChangedSchema } from './scan-schemas'
import {
  AppInfoSchema,
  CaseId,
  CaseStatus,
  CaseSummarySchema,
  FilingStatus,
  FindingSchema,
  JobFinishedSchema,
  JobId,
  JobProgressSchema,
  JobSnapshotSchema,
  Language,
  MenuCommand,
  Screen,
  SettingsViewSchema,
} from './schemas'

const Nothing = z.strictObject({})

const Short = z.string().max(200).optional()

/** A filing status change as the status dialog sends it. */
const StatusChangeInput = z.strictObject({
  caseId: CaseId,
  status: FilingStatus,
  date: z.string().max(20),
  provider: Short,
  orderNumber: Short,
  reason: z.string().max(2000).optional(),
  reasonCode: Short,
  filingNumber: Short,
  note: z.string().max(2000).optional(),
})

const FilingCatalogueSchema = z.object({
  statuses: z.array(z.object({ status: FilingStatus, label: z.string(), labelEn: z.string(), next: z.array(FilingStatus) })),
  reasons: z.array(z.object({ code: z.string(), label: z.string(), labelEn: z.string(), rule: z.string().nullable() })),
  providers: z.array(z.object({ name: z.string(), label: z.string(), labelEn: z.string() })),
  history: z.array(FilingEventSchema),
})

const ExpiryQuery = z.strictObject({ within: z.number().int().min(0).max(3650).optional(), all: z.boolean().optional() })

/** One dated item of the expiry watch (shared/expiry/expiring.ts ExpiryItem). */
export const ExpiryItemSchema = z.object({
  caseId: CaseId,
  caseName: z.string().nullable(),
  filingStatus: FilingStatus,
  kind: z.enum(EXPIRY_KINDS),
  field: z.string(),
  subject: z.string(),
  subjectEn: z.string(),
  date: z.string(),
  days: z.number().int(),
  window: z.enum(EXPIRY_WINDOWS),
  fix: z.string(),
  fixEn: z.string(),
  rule: z.string(),
  source: z.string(),
})

/** The SHA-256 of case.json as read: a save names it, and is refused when the file holds anything else. */
export const Revision = z.string().regex(/^[0-9a-f]{64}$/)

/** An opened case: its content, what the rules say about it, its list row and the revision it was read at. */
export const CaseOpenedSchema = z.object({
  id: CaseId,
  case: CaseSchema,
  findings: z.array(FindingSchema),
  summary: CaseSummarySchema,
  revision: Revision,
  /** Written by a newer version of the app: shown, never saved. */
  readOnly: z.boolean(),
})

/** A snapshot id in a case's history (`.history/<id>`). */
export const SnapshotId = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z(?:-\d{1,3})?\.json$/)

/** One saved version of a case: when it was replaced, its size, and which parts differ from the case now. */
export const HistoryItemSchema = z.object({
  id: SnapshotId,
  savedAt: z.string(),
  size: z.number().int().nonnegative(),
  valid: z.boolean(),
  changed: z.array(z.string().max(40)).max(20),
})

interface ChannelSpec {
  readonly input: z.ZodType
  readonly output: z.ZodType
}

/** Request/response channels. */
export const contract = {
  'app.info': { input: Nothing, output: AppInfoSchema },
  'settings.get': { input: Nothing, output: SettingsViewSchema },
  'settings.update': {
    input: z.strictObject({ language: Language.optional(), lastCaseId: CaseId.nullable().optional(), lastScreen: Screen.optional() }),
    output: SettingsViewSchema,
  },
  /** Shows the native folder picker; null when the user cancelled. */
  'workspace.choose': { input: Nothing, output: SettingsViewSchema.nullable() },
  'case.list': {
    input: z.strictObject({ query: z.string().max(200).optional(), status: CaseStatus.optional(), filing: FilingStatus.optional() }),
    output: z.object({
      cases: z.array(CaseSummarySchema),
      total: z.number().int(),
      byStatus: z.record(CaseStatus, z.number().int()),
      byFiling: z.record(FilingStatus, z.number().int()),
    }),
  },
  'case.create': { input: Nothing, output: CaseOpenedSchema },
  'case.open': { input: z.strictObject({ caseId: CaseId }), output: CaseOpenedSchema },
  /**
   * Saves the whole case atomically and returns the findings for exactly what was saved. `revision`
   * is the one the edit was made on; refused (case-changed-on-disk) when the file changed since.
   */
  'case.save': {
    input: z.strictObject({ caseId: CaseId, case: CaseSchema, revision: Revision }),
    output: z.object({ summary: CaseSummarySchema, findings: z.array(FindingSchema), revision: Revision }),
  },
  /** 另存为副本: saves the window's version of the case as a new case (scans copied) and opens it. */
  'case.saveCopy': { input: z.strictObject({ caseId: CaseId, case: CaseSchema }), output: CaseOpenedSchema },
  /** The case's saved versions (历史版本), newest first. */
  'case.history': { input: z.strictObject({ caseId: CaseId }), output: z.object({ items: z.array(HistoryItemSchema) }) },
  /** Puts a saved version back (the current state is saved as a version first) and returns the case as opened. */
  'case.restore': { input: z.strictObject({ caseId: CaseId, snapshotId: SnapshotId }), output: CaseOpenedSchema },
  'case.duplicate': { input: z.strictObject({ caseId: CaseId }), output: CaseSummarySchema },
  /** Moves the case folder to the system trash (the window asks for confirmation first). */
  'case.delete': { input: z.strictObject({ caseId: CaseId }), output: z.object({ caseId: CaseId }) },
  /** Shows the case folder in the system file manager. */
  'case.reveal': { input: z.strictObject({ caseId: CaseId }), output: Nothing },
  'job.list': { input: Nothing, output: z.array(JobSnapshotSchema) },
  'job.cancel': { input: z.strictObject({ jobId: JobId }), output: z.object({ cancelled: z.boolean() }) },
  /** The case's scans, with its findings and list row (the scan rules depend on what was read). */
  'scan.list': { input: z.strictObject({ caseId: CaseId }), output: ScansChangedSchema },
  /** Adds dropped files and folders (paths filled in by the preload: a FILE_CHANNEL). */
  'scan.add': { input: ScanAddInput, output: ScansAddedSchema },
  /** Shows the native file picker (or folder picker) and adds what was chosen. */
  'scan.pick': {
    input: z.strictObject({ caseId: CaseId, folders: z.boolean().optional(), role: DocumentRole.optional() }),
    output: ScansAddedSchema,
  },
  /** Reassigns a scan's role (and website) by hand. */
  'scan.update': {
    input: z.strictObject({ caseId: CaseId, scanId: ScanId, role: DocumentRole, website: z.number().int().min(0).max(999).nullable() }),
    output: ScansChangedSchema,
  },
  /** Marks (or unmarks) one value read from a scan as misread: the person checked the scan, the form stands. */
  'scan.misread': {
    input: z.strictObject({ caseId: CaseId, scanId: ScanId, field: z.string().min(1).max(60), misread: z.boolean() }),
    output: ScansChangedSchema,
  },
  /** Keeps (or stops keeping) a scan left as 其他材料 in the package (the card's 保留 tick). */
  'scan.keep': {
    input: z.strictObject({ caseId: CaseId, scanId: ScanId, keep: z.boolean() }),
    output: ScansChangedSchema,
  },
  /** Moves a scan's file to the system trash and takes it out of the case. */
  'scan.remove': { input: z.strictObject({ caseId: CaseId, scanId: ScanId }), output: ScansChangedSchema },
  /** Reads the case's new or changed scans (OCR) as a job. */
  'scan.read': { input: z.strictObject({ caseId: CaseId }), output: z.object({ jobId: JobId }) },
  'letter.preview': { input: z.strictObject({ caseId: CaseId }), output: LetterPreviewSchema },
  /** Generates the letter and saves it where the user chooses (native save dialog). */
  'letter.save': { input: z.strictObject({ caseId: CaseId }), output: z.object({ saved: z.boolean(), name: z.string().nullable() }) },
  /** Generates the letter and opens it in the system PDF viewer to print. */
  'letter.print': { input: z.strictObject({ caseId: CaseId }), output: z.object({ opened: z.boolean() }) },
  'export.plan': { input: z.strictObject({ caseId: CaseId, provider: z.string().max(100).optional() }), output: ExportPlanSchema },
  /** Asks where to save (native dialog), then packs as a job; refused while errors remain unless forced. */
  'export.start': {
    input: z.strictObject({ caseId: CaseId, provider: z.string().min(1).max(100), force: z.boolean() }),
    output: z.object({ jobId: JobId.nullable(), cancelled: z.boolean() }),
  },
  /** Shows the newest exported package in the file manager. */
  'export.reveal': { input: z.strictObject({ caseId: CaseId }), output: Nothing },
  // --- issue 17: filing status and the expiry watch ---
  /** Records a filing status change (checked: what follows, the date, provider, reason, 备案号); refused with status-refused. */
  'case.setStatus': { input: StatusChangeInput, output: CaseSummarySchema },
  /** The statuses, the rejection catalogue and the providers, for the status dialog; and a case's history. */
  'filing.catalogue': { input: z.strictObject({ caseId: CaseId.optional() }), output: FilingCatalogueSchema },
  /** What expires across the workspace's cases (submitted and filed ones, every one with `all`). */
  'expiry.list': {
    input: ExpiryQuery,
    output: z.object({ items: z.array(ExpiryItemSchema), today: z.string(), badgeWithin: z.number().int() }),
  },
  /** Saves the expiry list as .ics or CSV where the user chooses (native save dialog). */
  'expiry.export': {
    input: ExpiryQuery.extend({ format: z.enum(['ics', 'csv']) }),
    output: z.object({ saved: z.boolean(), name: z.string().nullable() }),
  },
  // --- issue 17: batch intake ---
  /** Shows the native folder picker and plans the import as a job (loose scans are read to group them); its result names the plan. */
  'import.plan': { input: Nothing, output: z.object({ jobId: JobId.nullable(), cancelled: z.boolean() }) },
  /** The plan a finished import.plan job made, to preview and edit. */
  'import.preview': { input: z.strictObject({ planId: ImportPlanSchema.shape.planId }), output: ImportPlanSchema },
  /** Creates the edited plan's cases, adds their scans and starts the reading queue. */
  'import.apply': { input: z.strictObject({ plan: ImportPlanSchema }), output: ImportAppliedSchema },
  /** The reading queue: overall and per case (also after a restart: interrupted). */
  'import.status': { input: Nothing, output: QueueViewSchema },
  'import.cancel': { input: Nothing, output: z.object({ cancelled: z.boolean() }) },
  /** Reads the cases a cancel or a restart left unread. */
  'import.resume': { input: Nothing, output: z.object({ jobId: JobId.nullable() }) },
  /** Forgets a finished or stopped queue (the cases stay). */
  'import.dismiss': { input: Nothing, output: QueueViewSchema },
} as const satisfies Record<InvokeChannel, ChannelSpec>

/** Events pushed from the main process to the window. */
export const events = {
  'job.progress': JobProgressSchema,
  'job.finished': JobFinishedSchema,
  'menu.command': z.object({ command: MenuCommand }),
  'settings.changed': SettingsViewSchema,
} as const satisfies Record<EventChannel, z.ZodType>

type Contract = typeof contract

/** What a caller sends (the lenient form: missing optional keys, numbers typed as text). */
export type RequestOf<C extends InvokeChannel> = z.input<Contract[C]['input']>
/** What a handler receives, after validation. */
export type InputOf<C extends InvokeChannel> = z.output<Contract[C]['input']>
/** What a handler returns, before the output is validated. */
export type OutputOf<C extends InvokeChannel> = z.input<Contract[C]['output']>
/** What the caller receives, after validation. */
export type ResultOf<C extends InvokeChannel> = z.output<Contract[C]['output']>
/** An event's payload. */
export type EventOf<E extends EventChannel> = z.output<(typeof events)[E]>

/** One handler per channel; a missing one is a type error here and a failing contract test. */
export type Handlers = { readonly [C in InvokeChannel]: (input: InputOf<C>) => Promise<OutputOf<C>> }
