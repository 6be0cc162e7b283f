/** The shapes of 批量导入 (issue 17) on the IPC: the editable plan and the reading queue. */
import { z } from 'zod'
import { BATCH_LIMITS } from '../batch/plan'
import { DOCUMENT_KINDS } from '../model/extracted'
import { CaseId, JobId } from './schemas'

const FileId = z.string().regex(/^f\d{1,6}$/)
const GroupKey = z.string().regex(/^[gm]\d{1,6}$/)

export const ImportPlanSchema = z.strictObject({
  version: z.literal(1),
  planId: z.string().regex(/^plan-[0-9a-f]{12}$/),
  source: z.string().max(300),
  mode: z.enum(['folders', 'loose']),
  files: z
    .array(
      z.strictObject({
        id: FileId,
        name: z.string().max(1000),
        size: z.number().int().nonnegative(),
        kind: z.enum(DOCUMENT_KINDS).optional(),
        proof: z.string().max(200).optional(),
      }),
    )
    .max(BATCH_LIMITS.files),
  groups: z
    .array(
      z.strictObject({
        key: GroupKey,
        name: z.string().max(BATCH_LIMITS.name),
        reason: z.enum(['folder', 'credit-code', 'sponsor-name', 'id-number', 'manual']),
        files: z.array(FileId).max(BATCH_LIMITS.files),
      }),
    )
    .max(BATCH_LIMITS.files),
  ungrouped: z.array(FileId).max(BATCH_LIMITS.files),
  dropped: z.array(FileId).max(BATCH_LIMITS.files),
  refused: z.array(z.strictObject({ name: z.string(), message: z.string(), messageEn: z.string() })).max(BATCH_LIMITS.files * 2),
})

export const QueueViewSchema = z.object({
  state: z.enum(['idle', 'running', 'cancelled', 'finished', 'interrupted']),
  jobId: JobId.nullable(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  cases: z.array(
    z.object({
      caseId: CaseId,
      name: z.string(),
      state: z.enum(['pending', 'reading', 'done', 'failed', 'cancelled']),
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      read: z.number().int().nonnegative(),
      failed: z.number().int().nonnegative(),
    }),
  ),
})

export const ImportAppliedSchema = z.object({
  cases: z.array(z.object({ caseId: CaseId, name: z.string(), added: z.number().int().nonnegative() })),
  jobId: JobId.nullable(),
})
