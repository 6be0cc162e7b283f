import { parseArgs, type ParseArgsConfig } from 'node:util'
import { isIsoDate, type IsoDate } from '../../shared/dates/iso-date'

/**
 * How CLI commands talk to the outside: two writers and an exit code. Commands never call
 * process.exit or console.*, so tests run them in-process and read exactly what a user would see.
 */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const

/** Thrown for bad usage; main() prints the message with the command's usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  run(args: string[], io: CliIo): Promise<number>
}

/**
 * A parseArgs error in both languages, by its code (Node words them in English only): the option
 * named, never the advice about '--' that would puzzle a user who mistyped.
 */
export function usageMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  const text = error instanceof Error ? error.message : String(error)
  const option = /'([^']+)'/.exec(text)?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项 Unknown option: ${option}`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = (/^Option '([^']+)'/.exec(text)?.[1] ?? option).replace(/ <value>$/, '')
    return text.includes('argument missing')
      ? `选项 ${name} 需要一个值 Option ${name} needs a value`
      : `选项 ${name} 不接受值 Option ${name} takes no value`
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数 Unexpected argument: ${option}`
  return `参数无效 Invalid arguments: ${text}`
}

/** parseArgs with its errors turned into UsageError, so every command reports them the same way. */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (error) {
    throw new UsageError(usageMessage(error))
  }
}

/** The --date option: a real ISO date, or undefined when absent. */
export function dateOption(value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined
  if (!isIsoDate(value)) throw new UsageError(`--date 应为真实日期 YYYY-MM-DD，而不是 must be a real YYYY-MM-DD date, not: ${value}`)
  return value
}
