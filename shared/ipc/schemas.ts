/**
 * The JSON shapes that travel between the window and the main process. Ids are opaque strings:
 * the window never receives or sends a file system path it could use to reach a file (the
 * workspace path is shown to the user, never used by the window to address anything).
 */
import { z } from 'zod'
import { LANGUAGES } from '../i18n/language'
import { SEVERITIES } from '../rules/catalogue'
import { CASE_STATUSES, FILING_STATUSES, FINISHED_JOB_STATES, JOB_STATES, MENU_COMMANDS, SCREENS } from './enums'

export { CASE_STATUSES, FILING_STATUSES, FINISHED_JOB_STATES, JOB_STATES, MENU_COMMANDS, SCREENS }

const FORBIDDEN_IN_NAME = /[\\/<>:"|?*]/
const hasControlCharacter = (value: string) => [...value].some((c) => c.charCodeAt(0) < 0x20)

/**
 * A case id is the name of the case's folder inside the workspace: one path segment that cannot
 * climb out of the workspace (no separators, no `.`/`..`, no leading dot, no Windows-reserved
 * characters, no trailing dot or space).
 */
export function isSafeCaseId(value: string): boolean {
  if (value.length === 0 || value.length > 120) return false
  if (FORBIDDEN_IN_NAME.test(value) || hasControlCharacter(value)) return false
  if (value.startsWith('.') || value.endsWith('.') || value.endsWith(' ') || value.startsWith(' ')) return false
  return true
}

export const CaseId = z.string().refine(isSafeCaseId, { message: 'not a valid case id' })
/** Job ids as JobRunner makes them. */
export const JobId = z.string().regex(/^job-[a-z0-9-]{1,40}$/)
/** What a job does (ocr, export …): the window names it from the catalogue. */
export const JobKind = z.string().regex(/^[a-z][a-z0-9.-]{0,40}$/)
/** The interface language. */
export const Language = z.enum(LANGUAGES)

export const Screen = z.enum(SCREENS)
export type Screen = z.infer<typeof Screen>

export const CaseStatus = z.enum(CASE_STATUSES)
export type CaseStatus = z.infer<typeof CaseStatus>

/** Filing status after export (准备中 … 已备案), stored in the case's history (shared/model/filing.ts). */
export const FilingStatus = z.enum(FILING_STATUSES)
export type FilingStatus = z.infer<typeof FilingStatus>

/** A rule finding as the engine returns it (shared/rules/engine.ts Finding). */
export const FindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  field: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
  fix: z.string(),
  fixEn: z.string(),
  source: z.string(),
  document: z.number().int().nonnegative().optional(),
})

const Bilingual = z.object({ message: z.string(), messageEn: z.string() })

/** One row of the case list. */
export const CaseSummarySchema = z.object({
  id: CaseId,
  name: z.string().nullable(),
  creditCode: z.string().nullable(),
  sponsorType: z.string().nullable(),
  province: z.string().nullable(),
  filingType: z.string().nullable(),
  domains: z.array(z.string()),
  status: CaseStatus,
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  /** ISO date-time of the last edit (case.json `updatedAt`, else the file's modification time). */
  updatedAt: z.string().nullable(),
  /** Set when case.json cannot be read: the reason, in both languages. */
  problem: Bilingual.nullable(),
  // --- issue 17: filing status, 缺什么 and duplicates ---
  /** The filing status now, the day it was reached and the 备案号 in force. */
  filing: z.object({ status: FilingStatus, date: z.string().nullable(), filingNumber: z.string().nullable() }),
  /** 缺什么: the first missing material or error, in a few words (null when nothing blocks). */
  missing: Bilingual.nullable(),
  /** Other cases in the workspace with the same credit code. */
  sameCreditCode: z.number().int().nonnegative(),
})
export type CaseSummary = z.infer<typeof CaseSummarySchema>

/** The settings the window may see and change (window bounds stay in the main process). */
export const SettingsViewSchema = z.object({
  workspace: z.string(),
  language: Language,
  lastCaseId: CaseId.nullable(),
  lastScreen: Screen,
})
export type SettingsView = z.infer<typeof SettingsViewSchema>

/** Facts about the running app the window shows or needs. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Today in the user's time zone, from the main process clock. */
  today: z.string(),
})

/** A job's state in a snapshot. */
export const JobState = z.enum(JOB_STATES)
export type JobState = z.infer<typeof JobState>

const JobError = z.object({ code: z.string(), message: z.string(), messageEn: z.string() })

/** A throttled progress report; `done` of `total` units (scans read, files packed). */
export const JobProgressSchema = z.object({
  jobId: JobId,
  kind: JobKind,
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  message: z.string().nullable(),
  messageEn: z.string().nullable(),
  /** Units finished and stored since the previous event (the ids of scans just read), to show each at once. */
  items: z.array(z.string().max(100)).max(1000).optional(),
})
export type JobProgress = z.infer<typeof JobProgressSchema>

/** Sent exactly once per job. */
export const JobFinishedSchema = z.object({
  jobId: JobId,
  kind: JobKind,
  state: z.enum(FINISHED_JOB_STATES),
  result: z.json().optional(),
  error: JobError.optional(),
})
export type JobFinished = z.infer<typeof JobFinishedSchema>

/** What a reloaded window asks for to catch up with jobs started before it loaded. */
export const JobSnapshotSchema = z.object({
  jobId: JobId,
  kind: JobKind,
  state: JobState,
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  message: z.string().nullable(),
  messageEn: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: z.json().optional(),
  error: JobError.optional(),
})
export type JobSnapshot = z.infer<typeof JobSnapshotSchema>

export const MenuCommand = z.enum(MENU_COMMANDS)
export type MenuCommand = z.infer<typeof MenuCommand>
