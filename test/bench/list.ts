/**
 * bench:list — opening the case list of a generated 500-case workspace (issue 17, target under 1 s):
 * the first case.list (every case.json read and checked), a second one (rows reused), a search of
 * several words and the expiry watch across all cases. Prints figures; asserts nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Workspace } from '../../electron/services/workspace/workspace'
import { expiringItems } from '../../shared/expiry/expiring'
import { writeFleetWorkspace } from '../support/fleet-workspace'

const COUNT = Number(process.env.BENCH_CASES ?? 500)
const TODAY = '2026-12-07'

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now()
  const result = await work()
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`)
  return result
}

const root = await mkdtemp(path.join(tmpdir(), 'icp-bench-list-'))
try {
  await timed(`generate ${COUNT} case folders`, () => writeFleetWorkspace(root, { count: COUNT, today: TODAY }))
  const deps = { today: () => TODAY, now: () => new Date(), trash: async () => undefined, listCache: true }
  const ws = new Workspace(root, deps)
  const first = await timed('case.list, first (read + check every case)', () => ws.list())
  await timed('case.list, again (rows reused)', () => ws.list())
  const found = await timed('case.list, search 「云帆 深圳」', () => ws.list({ query: '云帆 深圳' }))
  await timed('case.list, filter 已备案', () => ws.list({ filing: 'filed' }))
  const items = await timed('expiry watch, within 90 days', async () => expiringItems(await ws.cases(), { today: TODAY, within: 90 }))
  await ws.flushListCache()
  // A fresh workspace object, as after a restart: nothing in memory, the rows of the last run on disk.
  await timed('case.list after a restart (rows from .icp-prep-list.json)', () => new Workspace(root, deps).list())
  await timed('case.list after a restart, no kept rows (check all)', () => new Workspace(root, { ...deps, listCache: false }).list())
  const restarted = new Workspace(root, deps)
  await restarted.list()
  await timed('expiry watch after a restart (cases read, not checked)', async () =>
    expiringItems(await restarted.cases(), { today: TODAY, within: 90 }),
  )
  console.log(`\ncases ${first.total}, found by search ${found.cases.length}, expiring within 90 days ${items.length}`)
  console.log(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`)
} finally {
  await rm(root, { recursive: true, force: true })
}
