/**
 * Errors that cross the IPC boundary. A service throws an AppError when the failure is something a
 * person can act on (a case was deleted, a folder is read-only); dispatch turns it into a JSON-safe
 * envelope with both languages. Anything else becomes a generic internal error, so stack traces,
 * paths and personal data never reach the window.
 */
import { z } from 'zod'
import { pick, type Message } from '../i18n/language'
import { errorMessages } from '../i18n/messages/errors'

/** Every reason a call can fail; the window may react to a code (e.g. a case gone). */
export const ERROR_CODES = [
  'unknown-channel',
  'bad-input',
  'untrusted-sender',
  'internal',
  'bad-output',
  'no-bridge',
  'case-not-found',
  'case-invalid',
  'workspace-unusable',
  'io',
  'job-not-found',
  'cancelled',
  'scan-not-found',
  'letter-refused',
  'export-refused',
  'no-export',
  'case-changed-on-disk',
  'case-read-only',
  'case-limit',
  'snapshot-not-found',
  'status-refused',
  'import-folder',
  'import-too-large',
  'import-plan-unknown',
  'import-plan-invalid',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** The error half of an envelope: what went wrong, in both languages, plus schema issues for bad input. */
export const IpcErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  messageEn: z.string(),
  issues: z.array(z.string()).optional(),
})
export type IpcError = z.infer<typeof IpcErrorSchema>

/** A failure a person can act on, thrown by services and handlers. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly messageEn: string
  readonly issues: readonly string[] | undefined

  constructor(code: ErrorCode, message: string, messageEn: string, issues?: readonly string[]) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.messageEn = messageEn
    this.issues = issues
  }

  /** An AppError whose text comes from the message catalogue (`error.<code>`). */
  static of(code: ErrorCode, params?: Readonly<Record<string, string | number>>, issues?: readonly string[]): AppError {
    const message: Message = (errorMessages as Record<string, Message>)[`error.${code}`] ?? errorMessages['error.internal']
    return new AppError(code, pick(message, 'zh-CN', params), pick(message, 'en', params), issues)
  }

  /**
   * The io error a failed file operation means, in words (ENOSPC → 磁盘空间不足); an AppError passes
   * through. One place for every service, so no errno reaches a person as a bare code.
   */
  static fromIo(error: unknown): AppError {
    if (error instanceof AppError) return error
    const code = (error as { code?: unknown } | null)?.code
    const known = typeof code === 'string' ? (errorMessages as Record<string, Message>)[`io.${code}`] : undefined
    if (known !== undefined) {
      const io = errorMessages['error.io']
      return new AppError('io', pick(io, 'zh-CN', { reason: pick(known, 'zh-CN') }), pick(io, 'en', { reason: pick(known, 'en') }))
    }
    return AppError.of('io', { reason: typeof code === 'string' ? code : error instanceof Error ? error.message : String(error) })
  }

  /** case-limit naming the list: `扫描件`/`scans` at most `max`, `have` after the change refused. */
  static limit(max: number, have: number, what: string, whatEn: string): AppError {
    return new AppError(
      'case-limit',
      `一个案件最多可有 ${max} 个${what}，这次修改后会有 ${have} 个，因此未保存。`,
      `A case holds at most ${max} ${whatEn}; this change would make it ${have}, so it was not saved.`,
    )
  }

  toIpcError(): IpcError {
    return { code: this.code, message: this.message, messageEn: this.messageEn, ...(this.issues ? { issues: [...this.issues] } : {}) }
  }
}
