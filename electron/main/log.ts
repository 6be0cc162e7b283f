/**
 * A small error log in the user-data folder, for support. It records what failed and where, never
 * whose data: digit runs (ID, phone and credit-code numbers) and e-mail addresses are masked, and
 * no case content is ever passed to it.
 */
import path from 'node:path'
import { fileLogger, type Logger } from '../services/log'

/** Writes masked lines to <userData>/logs/main.log (masking: shared/privacy/mask.ts). */
export class ErrorLog {
  readonly #logger: Logger

  constructor(userDataDir: string) {
    this.#logger = fileLogger(path.join(userDataDir, 'logs', 'main.log'))
  }

  error(where: string, error: unknown): void {
    const name = error instanceof Error ? error.name : typeof error
    const code = (error as { code?: unknown } | null)?.code
    const message = error instanceof Error ? error.message : String(error)
    const stack = error instanceof Error && error.stack ? error.stack.split('\n').slice(1, 6).join(' | ') : ''
    this.#logger.log('error', `${where} ${name}${typeof code === 'string' ? ` ${code}` : ''}: ${message} ${stack}`)
  }

  info(message: string): void {
    this.#logger.log('info', message)
  }
}
