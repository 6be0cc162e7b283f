/**
 * Runs the real CLI as a child process the way the corpus tests need it: a hard timeout that kills
 * it (a hang fails the test instead of stalling the suite), its peak memory (test/support/peak-rss.cjs),
 * and the network guard of the offline test loaded too, so no bad input can make it reach out.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BIN } from '../support/cli'
import { GUARD } from '../support/offline'

const PEAK_RSS = path.resolve(import.meta.dirname, '../support/peak-rss.cjs')

export interface BoundedRun {
  /** Exit code, or null when killed by the timeout. */
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
  /** Peak resident memory in MB, or null when the process died before it could say. */
  readonly peakMb: number | null
  readonly timedOut: boolean
  /** Network attempts the guard saw. */
  readonly attempts: string[]
}

/** Generous bounds for one CLI run on one file: far above what a good scan needs, far below trouble. */
export const BOUNDS = { ms: 120_000, peakMb: 2048 } as const

export function runBounded(args: string[], options: { timeoutMs?: number; cwd?: string } = {}): Promise<BoundedRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'icp-bounded-'))
  const rssFile = path.join(dir, 'peak-rss')
  const netLog = path.join(dir, 'attempts.log')
  const started = Date.now()
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: {
      ...process.env,
      NODE_OPTIONS: `--require ${GUARD} --require ${PEAK_RSS}`,
      PEAK_RSS_FILE: rssFile,
      NETWORK_GUARD_LOG: netLog,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (b: Buffer) => void (stdout += b.toString()))
  child.stderr.on('data', (b: Buffer) => void (stderr += b.toString()))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, options.timeoutMs ?? BOUNDS.ms)
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer)
      const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN
      const attempts = existsSync(netLog) ? readFileSync(netLog, 'utf8').split('\n').filter(Boolean) : []
      resolve({
        code,
        stdout,
        stderr,
        ms: Date.now() - started,
        peakMb: Number.isFinite(kb) ? Math.round(kb / 1024) : null,
        timedOut,
        attempts,
      })
    })
  })
}

/** Runs `work` over `items`, `limit` at a time (two cores: two CLI processes at once). */
export async function eachLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next
        next += 1
        out[i] = await work(items[i] as T)
      }
    }),
  )
  return out
}
