/**
 * A small error log in the user-data folder, for support. It records what failed and where, never
 * whose data: digit runs (ID, phone and credit-code numbers) and e-mail addresses are masked, and
 * no case content is ever passed to it.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import path from 'node:path'

const MAX_BYTES = 1_000_000

/** Masks anything that looks like an identifier, phone number or e-mail address. */
export function maskPersonalData(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '***@***')
    .replace(/[0-9A-Z]{6,}/g, (run) => (/\d/.test(run) ? `${run.slice(0, 2)}${'*'.repeat(run.length - 4)}${run.slice(-2)}` : run))
}

/** Writes masked lines to <userData>/logs/main.log, keeping one previous file. */
export class ErrorLog {
  readonly #file: string

  constructor(userDataDir: string) {
    this.#file = path.join(userDataDir, 'logs', 'main.log')
  }

  error(where: string, error: unknown): void {
    const name = error instanceof Error ? error.name : typeof error
    const code = (error as { code?: unknown } | null)?.code
    const message = error instanceof Error ? error.message : String(error)
    const stack = error instanceof Error && error.stack ? error.stack.split('\n').slice(1, 6).join(' | ') : ''
    this.#write(
      `ERROR ${where} ${name}${typeof code === 'string' ? ` ${code}` : ''}: ${maskPersonalData(message)} ${maskPersonalData(stack)}`,
    )
  }

  info(message: string): void {
    this.#write(`INFO ${maskPersonalData(message)}`)
  }

  #write(line: string): void {
    try {
      mkdirSync(path.dirname(this.#file), { recursive: true })
      try {
        if (statSync(this.#file).size > MAX_BYTES) renameSync(this.#file, `${this.#file}.1`)
      } catch {
        // no log yet
      }
      appendFileSync(this.#file, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 })
    } catch {
      // Logging must never take the app down.
    }
  }
}
