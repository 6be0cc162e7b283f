/**
 * Runs the real CLI in a child process with the network guard loaded (and, where the machine
 * allows it, inside a fresh network namespace with no interfaces but loopback), and returns what
 * the guard recorded. Shared by the offline tests of every command.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BIN } from './cli'

export const GUARD = path.resolve(import.meta.dirname, 'network-guard.cjs')

export interface GuardedRun {
  code: number
  stdout: string
  stderr: string
  /** Every network attempt the guard saw, one line each. */
  attempts: string[]
  /** True when the run also happened inside an empty network namespace. */
  isolated: boolean
}

let unshareWorks: boolean | undefined
/** `unshare --net` needs root or user namespaces; CI runs as root, some desktops do not. */
export function canIsolateNetwork(): boolean {
  unshareWorks ??= spawnSync('unshare', ['--net', 'true']).status === 0
  return unshareWorks
}

export function runGuarded(args: string[], options: { script?: string; cwd?: string } = {}): GuardedRun {
  // A script may also be inline code after `-e`: pass script '-e' and the code as the first arg.
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'icp-guard-')), 'attempts.log')
  const node = [process.execPath, options.script ?? BIN, ...args]
  const isolated = canIsolateNetwork()
  const [command, ...rest] = isolated ? ['unshare', '--net', ...node] : node
  const r = spawnSync(command as string, rest, {
    encoding: 'utf8',
    cwd: options.cwd,
    // NODE_OPTIONS, not a command-line flag: worker threads and child processes load the guard too.
    env: { ...process.env, NODE_OPTIONS: `--require ${GUARD}`, NETWORK_GUARD_LOG: log },
    timeout: 300_000,
  })
  const attempts = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, attempts, isolated }
}
