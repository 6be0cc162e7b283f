/**
 * What one export costs in case.json reads and rule-engine runs (issue 16.2), counted on the real
 * handlers: every read of the file through node:fs/promises and every call of checkCase, from
 * export.start to the finished job. The counts are ceilings: a change that reads the case again
 * (or checks it again) for something already known fails here.
 */
import fsp, { writeFile } from 'node:fs/promises'
import { syncBuiltinESMExports } from 'node:module'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ResultOf } from '../../../shared/ipc/contract'
import { dispatch } from '../../../shared/ipc/dispatch'
import type * as Engine from '../../../shared/rules/engine'
import { makeTestApp, type TestApp } from '../../support/app-services'
import { sampleCase, writeCaseFolder } from '../../support/sample-case'
import { makeScan, type ScanKind } from '../../support/scan-images'

const checks = vi.hoisted(() => ({ runs: 0 }))
vi.mock('../../../shared/rules/engine', async (importOriginal) => {
  const engine = await importOriginal<typeof Engine>()
  return {
    ...engine,
    checkCase: (...args: Parameters<typeof engine.checkCase>) => {
      checks.runs += 1
      return engine.checkCase(...args)
    },
  }
})

const KINDS: Record<string, ScanKind> = {
  'scans/licence.jpg': 'licence',
  'scans/principal-id.jpg': 'id-front',
  'scans/manager-id.jpg': 'id-front',
  'scans/domain.jpg': 'domain',
  'scans/letter.jpg': 'letter',
}

const original = fsp.readFile
let reads = 0
afterEach(() => {
  fsp.readFile = original
  syncBuiltinESMExports()
})

/** Counts reads of case.json from now on (named imports of readFile included). */
function countReads(): void {
  reads = 0
  fsp.readFile = ((file: Parameters<typeof original>[0], ...rest: unknown[]) => {
    if (String(file).endsWith('case.json')) reads += 1
    return (original as (...a: unknown[]) => Promise<unknown>)(file, ...rest)
  }) as typeof original
  syncBuiltinESMExports()
}

async function call(app: TestApp, channel: Parameters<typeof dispatch>[1], input: unknown): Promise<unknown> {
  const envelope = await dispatch(app.handlers, channel, input)
  if (!envelope.ok) throw new Error(envelope.error.messageEn)
  return envelope.value
}

describe('one export', () => {
  it('reads case.json and runs the rules no more often than it needs', async () => {
    const app = await makeTestApp({ now: () => new Date('2026-12-01T08:00:00Z') })
    const data = sampleCase()
    const folder = await writeCaseFolder(data, app.workspace)
    for (const doc of data.documents)
      await writeFile(
        path.join(folder, ...doc.file.split('/')),
        await makeScan({ width: 1600, height: 1100, kind: KINDS[doc.file] ?? 'plain', exif: false }),
      )
    const caseId = path.basename(folder)
    app.nextSaveFile = path.join(app.root, '备案材料.zip')

    countReads()
    checks.runs = 0
    const started = (await call(app, 'export.start', { caseId, provider: 'tencent', force: false })) as ResultOf<'export.start'>
    const finished = await app.jobs.wait(started.jobId as string)
    expect(finished.state).toBe('succeeded')
    // Was 9 reads and 4 runs: export.start opened the case twice (plan, file name), runExport read it
    // for the record count and again for the summary. Now: one open (plan, name, count), packCase's
    // own load (the job runs later, on the case as it is then), the update's load, and saveCase's
    // revision checks and history copy (3 reads); and the workspace's snapshot of its cases for the
    // rules across cases, which reads this case.json at the open and again after the record changed
    // it (2 reads; the snapshot does not yet reuse what the workspace itself just loaded or saved).
    // Runs: the open, packCase, the summary.
    expect(reads).toBeLessThanOrEqual(8)
    expect(checks.runs).toBeLessThanOrEqual(3)
  })
})
