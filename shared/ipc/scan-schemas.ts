/**
 * The JSON shapes of the scan channels: a scan as the window sees it (an opaque id, its display
 * name, role, what was read, image URLs made by the main process) and the answers of the calls
 * that change scans. No file system path ever appears here: the window names a scan by its id,
 * and its images by URLs the main process resolves inside the case folder.
 */
import { z } from 'zod'
import documentRolesData from '../data/document-roles.json' with { type: 'json' }
import { SEVERITIES } from '../rules/catalogue'
import { DOCUMENT_KINDS } from '../model/extracted'
import { CaseId, CaseSummarySchema, FindingSchema } from './schemas'

/** A scan's id: derived from its place in the case folder, stable while it stays there, opaque to the window. */
export const ScanId = z.string().regex(/^s[0-9a-f]{16}$/)

/** The roles a scan can fill (document-roles.json): nothing else is accepted from the window. */
export const DocumentRole = z.enum(documentRolesData.roles.map((r) => r.role) as [string, ...string[]])

/** An image of the case served by the app (thumbnail, page, crop): relative to the page, never a path. */
export const CaseFileUrl = z.string().regex(/^case-file\/[A-Za-z0-9%._~-]+\/s[0-9a-f]{16}\/[a-z][a-zA-Z0-9-]{0,40}\.jpg\?v=[0-9a-f]{1,32}$/)

/** A look-alike repair of a code: what OCR read and which characters the check digits changed. */
const Correction = z.object({
  from: z.string(),
  changes: z.array(z.object({ position: z.number().int(), from: z.string(), to: z.string() })),
})

/** One value read from a scan, with where it came from. */
export const ScanFieldSchema = z.object({
  name: z.string().max(60),
  value: z.string(),
  confidence: z.number().min(0).max(1),
  uncertain: z.boolean(),
  /** A person marked it as misread: shown, never compared with the form. */
  misread: z.boolean(),
  corrected: Correction.nullable(),
  raw: z.string().nullable(),
  /** Where on the upright page it was read, as fractions of the page (0..1), to mark it on the preview. */
  box: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).nullable(),
  cropUrl: CaseFileUrl.nullable(),
})
export type ScanField = z.infer<typeof ScanFieldSchema>

/** A finding stored with a scan's reading (quality: grey copy, blur, glare …). */
const ScanQualitySchema = z.object({ rule: z.string(), severity: z.enum(SEVERITIES), message: z.string(), messageEn: z.string() })

/** One scan of the case, as the scans column and the OCR review show it. */
export const ScanViewSchema = z.object({
  scanId: ScanId,
  /** Index in case.json documents: findings point at scans with it. */
  index: z.number().int().nonnegative(),
  /** The file's name in the case (for people, not for addressing). */
  name: z.string(),
  bytes: z.number().int().nonnegative().nullable(),
  role: z.string(),
  website: z.number().int().nonnegative().nullable(),
  /** The role was proposed from the reading, not chosen by a person. */
  roleProposed: z.boolean(),
  /** A person ticked 保留: goes into the package although its role is 其他材料. */
  keep: z.boolean(),
  /** The website the reading points at (the domain it shows, the manager named on it), when one does. */
  websiteProposal: z.number().int().nonnegative().nullable(),
  /** unread: never read; read: a reading is stored; failed: it could not be read; missing: the file is gone. */
  state: z.enum(['unread', 'read', 'failed', 'missing']),
  kind: z.enum(DOCUMENT_KINDS).nullable(),
  sides: z.array(z.enum(['front', 'back'])).nullable(),
  colour: z.boolean().nullable(),
  findings: z.array(ScanQualitySchema),
  fields: z.array(ScanFieldSchema),
  thumbUrl: CaseFileUrl.nullable(),
  pageUrl: CaseFileUrl.nullable(),
  /** Pixel size of the upright image the boxes refer to. */
  image: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).nullable(),
})
export type ScanView = z.infer<typeof ScanViewSchema>

/** What every call that changes scans answers: the scans, and the case's findings and row after it. */
export const ScansChangedSchema = z.object({
  scans: z.array(ScanViewSchema),
  findings: z.array(FindingSchema),
  summary: CaseSummarySchema,
})

/** A file that was not added, and why (for people: its name, never its path). */
const Refused = z.object({ name: z.string(), message: z.string(), messageEn: z.string() })

/** The answer to adding scans: what was added, what was refused and why, and the new state. */
export const ScansAddedSchema = ScansChangedSchema.extend({
  added: z.array(z.object({ scanId: ScanId, name: z.string() })),
  refused: z.array(Refused),
  /** The native picker was closed without choosing. */
  cancelled: z.boolean(),
})

/** Input of scan.add: paths filled in by the preload from dropped File objects (FILE_CHANNELS). */
export const ScanAddInput = z.strictObject({
  caseId: CaseId,
  paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
  /** Where the drop happened says what it is (the signed letter's drop zone). */
  role: DocumentRole.optional(),
  website: z.number().int().min(0).max(999).optional(),
})
