/**
 * The bundled sample case (resources/sample-case) with its scans read by the app's own reading
 * job (scan.read over the real OCR pool), once per test worker: later tests copy the read
 * case.json and the scans into their workspace and open the case without waiting for OCR again.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { makeTestApp } from '../../support/app-services'
import { REPO } from './paths'

export const SAMPLE = path.join(REPO, 'resources', 'sample-case')
export const SAMPLE_ID = '示例案件'

let cached: Promise<string> | null = null

/** The sample's case.json after every scan was read (the readings stored in documents[i].extracted). */
function readSample(): Promise<string> {
  cached ??= (async () => {
    const app = await makeTestApp({ today: '2026-12-01' })
    try {
      const folder = path.join(app.workspace, SAMPLE_ID)
      await mkdir(folder, { recursive: true })
      await cp(path.join(SAMPLE, 'case.json'), path.join(folder, 'case.json'))
      await cp(path.join(SAMPLE, 'scans'), path.join(folder, 'scans'), { recursive: true })
      const { jobId } = await app.handlers['scan.read']({ caseId: SAMPLE_ID })
      const finished = await app.jobs.wait(jobId)
      if (finished.state !== 'succeeded') throw new Error(`reading the sample failed: ${finished.state}`)
      return await readFile(path.join(folder, 'case.json'), 'utf8')
    } finally {
      await rm(app.root, { recursive: true, force: true })
    }
  })()
  return cached
}

/** Writes the sample case, read, into `workspace` as 示例案件 (for HarnessOptions.prepare). */
export async function writeReadSample(workspace: string): Promise<string> {
  const json = await readSample()
  const folder = path.join(workspace, SAMPLE_ID)
  await mkdir(folder, { recursive: true })
  await cp(path.join(SAMPLE, 'scans'), path.join(folder, 'scans'), { recursive: true })
  await writeFile(path.join(folder, 'case.json'), json)
  return SAMPLE_ID
}
