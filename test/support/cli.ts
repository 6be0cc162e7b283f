/**
 * Runs the CLI in-process (fast, exact output) or as a real process through bin/icp-prep.js
 * (proves the launcher, tsx and exit codes work as a user would see them).
 */
import { spawnSync } from 'node:child_process'
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
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

export function cliProcess(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: options.env ?? process.env,
    timeout: 120_000,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

/** The user `nobody`: tests running as root run the CLI as it to meet a real permission error. */
const NOBODY = 65534

/** Makes `folder` and everything under it readable (not writable) by every user, for a run as `nobody`. */
export async function shareReadOnly(folder: string): Promise<void> {
  await chmod(folder, 0o755)
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const at = path.join(folder, entry.name)
    if (entry.isDirectory()) await shareReadOnly(at)
    else if (entry.isFile()) await chmod(at, 0o644)
  }
}

/**
 * Runs the CLI as a process that permissions apply to: as `nobody` when the tests run as root (root
 * reads and writes past any mode bits), else as the current user.
 */
export function cliProcessUnprivileged(argv: string[]): CliRun {
  return cliProcess(argv, process.getuid?.() === 0 ? { uid: NOBODY, env: { ...process.env, HOME: tmpdir() } } : {})
}

/**
 * A folder this test's CLI process cannot write, and how to run the CLI against it. Root may write
 * anywhere, so under root the CLI runs as `nobody` (the folder is root's, 0755); a normal user gets
 * a 0555 folder of its own. Either way the failure comes from the kernel, not from a stub.
 */
export async function unwritableFolder(): Promise<{ folder: string; run: (argv: string[]) => CliRun; cleanup: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'icp-unwritable-'))
  const root = process.getuid?.() === 0
  await chmod(folder, root ? 0o755 : 0o555)
  return {
    folder,
    run: cliProcessUnprivileged,
    cleanup: async () => {
      await chmod(folder, 0o700)
      await rm(folder, { recursive: true, force: true })
    },
  }
}
