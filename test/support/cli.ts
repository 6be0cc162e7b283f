/**
 * Runs the CLI in-process (fast, exact output) or as a real process through bin/icp-prep.js
 * (proves the launcher, tsx and exit codes work as a user would see them).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { main } from '../../bin/cli/main'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) })
  return { code, stdout, stderr }
}

export const BIN = path.resolve(import.meta.dirname, '../../bin/icp-prep.js')

export function cliProcess(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: options.env ?? process.env,
    timeout: 120_000,
  })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}
