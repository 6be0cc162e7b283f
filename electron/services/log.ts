/**
 * The product's only logger. Every message and field is masked before it is written (no ID
 * numbers, phone numbers, e-mails or names in full), so a log file attached to a support request
 * never carries personal data. Writes go to a file the caller chooses (the app: its user-data
 * folder) or nowhere; never to the network.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import path from 'node:path'
import { maskFields, maskText } from '../../shared/privacy/mask'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  log(level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void
}

/** Formats one masked line: ISO time, level, message, JSON fields. */
export function formatLogLine(level: LogLevel, message: string, fields: Readonly<Record<string, unknown>> = {}, now = new Date()): string {
  const masked = maskFields(fields)
  const extra = Object.keys(masked).length > 0 ? ` ${maskText(JSON.stringify(masked))}` : ''
  return `${now.toISOString()} ${level.toUpperCase()} ${maskText(message)}${extra}\n`
}

/** A log file stays small enough to attach to a support request: one previous file is kept. */
export const LOG_MAX_BYTES = 1_000_000

/** A logger appending masked lines to `file` (created with its folder, private to the user). */
export function fileLogger(file: string, maxBytes = LOG_MAX_BYTES): Logger {
  return {
    log(level, message, fields) {
      try {
        mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
        try {
          if (statSync(file).size > maxBytes) renameSync(file, `${file}.1`)
        } catch {
          // no log yet
        }
        appendFileSync(file, formatLogLine(level, message, fields), { mode: 0o600 })
      } catch {
        // Logging must never break the work it describes.
      }
    },
  }
}

/** For tests and the CLI: collects masked lines in memory. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return { lines, log: (level, message, fields) => void lines.push(formatLogLine(level, message, fields)) }
}
