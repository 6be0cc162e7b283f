/**
 * What case.json remembers about each export of a submission package (`exports`, appended by the
 * packaging step) and when a person last edited the case (`updatedAt`, written by the app).
 *
 * Together they decide the 已导出 status without guessing from file times: a case counts as
 * exported while its newest export was ready and nothing was edited after it.
 */
import { z } from 'zod'

/** One export of the submission package, appended (never rewritten) by the packaging step. */
export const ExportRecordSchema = z.looseObject({
  /** ISO date-time (UTC, with Z) when the zip was written. */
  at: z.string().min(1).max(40),
  /** Where the zip was written (absolute path, as the user chose it). */
  file: z.string().min(1).max(1000),
  /** Provider profile the package was built for (huawei, tencent, aliyun, generic …). */
  provider: z.string().min(1).max(100),
  /** False when the user explicitly exported a package with errors remaining (not ready). */
  ready: z.boolean(),
  /** The submission date the package was checked for. */
  submissionDate: z.string().max(20).optional(),
  /** SHA-256 of the zip written, to tell it from a later one under the same name. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
})
export type ExportRecord = z.output<typeof ExportRecordSchema>

/** The newest ready export made at or after the last edit, or null: "is this case exported?". */
export function currentExport(exports: readonly ExportRecord[] | undefined, updatedAt: string | undefined): ExportRecord | null {
  if (!exports || exports.length === 0) return null
  const newest = [...exports].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0]
  if (!newest || !newest.ready || Number.isNaN(Date.parse(newest.at))) return null
  if (updatedAt !== undefined && !Number.isNaN(Date.parse(updatedAt)) && Date.parse(updatedAt) > Date.parse(newest.at)) return null
  return newest
}
