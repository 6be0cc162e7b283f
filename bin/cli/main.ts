/**
 * icp-prep: the command-line face of the same services the desktop app uses.
 */
import { checkCommand } from './commands/check'
import { checklistCommand } from './commands/checklist'
import { demoCommand } from './commands/demo'
import { expiringCommand } from './commands/expiring'
import { extractCommand } from './commands/extract'
import { historyCommand, restoreCommand } from './commands/history'
import { importCommand } from './commands/import'
import { letterCommand } from './commands/letter'
import { packCommand } from './commands/pack'
import { statusCommand } from './commands/status'
import { validateCommand } from './commands/validate'
import { EXIT, UsageError, type CliIo, type Command } from './io'

export const COMMANDS: readonly Command[] = [
  validateCommand,
  checkCommand,
  extractCommand,
  letterCommand,
  packCommand,
  demoCommand,
  historyCommand,
  restoreCommand,
  statusCommand,
  expiringCommand,
  checklistCommand,
  importCommand,
]

function help(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`)
  return `icp-prep — 备案材料助手 (ICP filing materials assistant)\n\n用法 Usage:\n${lines.join('\n')}\n\n退出码 Exit codes: 0 成功 ok, 1 发现问题 problems found, 2 用法错误或无法读取 bad usage or unreadable input, 3 内部错误 internal error\n`
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help())
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    io.stderr(`未知命令 Unknown command: ${name}\n\n${help()}`)
    return EXIT.usage
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`用法 Usage: ${command.usage}\n${command.summary}\n`)
    return EXIT.ok
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n用法 Usage: ${command.usage}\n`)
      return EXIT.usage
    }
    // An unexpected failure: say what happened in one line, never a stack trace.
    io.stderr(`内部错误 Internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    return EXIT.internal
  }
}
