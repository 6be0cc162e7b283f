/**
 * The one IPC contract: every channel the window can call, with the zod schemas of its input and
 * output, and every event the main process can push. Types for the preload, the handlers and the
 * window's api.ts all derive from here, and dispatch() checks both directions at run time, because
 * a type says nothing about what a compromised or buggy page actually sends.
 */
import { z } from 'zod'
import { CaseSchema } from '../model/case'
import type { EventChannel, InvokeChannel } from './channels'
import {
  AppInfoSchema,
  CaseId,
  CaseStatus,
  CaseSummarySchema,
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

/** An opened case: its content, what the rules say about it, and its list row. */
export const CaseOpenedSchema = z.object({
  id: CaseId,
  case: CaseSchema,
  findings: z.array(FindingSchema),
  summary: CaseSummarySchema,
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
    input: z.strictObject({ query: z.string().max(200).optional(), status: CaseStatus.optional() }),
    output: z.object({ cases: z.array(CaseSummarySchema), total: z.number().int(), byStatus: z.record(CaseStatus, z.number().int()) }),
  },
  'case.create': { input: Nothing, output: CaseOpenedSchema },
  'case.open': { input: z.strictObject({ caseId: CaseId }), output: CaseOpenedSchema },
  /** Saves the whole case atomically and returns the findings for exactly what was saved. */
  'case.save': {
    input: z.strictObject({ caseId: CaseId, case: CaseSchema }),
    output: z.object({ summary: CaseSummarySchema, findings: z.array(FindingSchema) }),
  },
  'case.duplicate': { input: z.strictObject({ caseId: CaseId }), output: CaseSummarySchema },
  /** Moves the case folder to the system trash (the window asks for confirmation first). */
  'case.delete': { input: z.strictObject({ caseId: CaseId }), output: z.object({ caseId: CaseId }) },
  /** Shows the case folder in the system file manager. */
  'case.reveal': { input: z.strictObject({ caseId: CaseId }), output: Nothing },
  'job.list': { input: Nothing, output: z.array(JobSnapshotSchema) },
  'job.cancel': { input: z.strictObject({ jobId: JobId }), output: z.object({ cancelled: z.boolean() }) },
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
