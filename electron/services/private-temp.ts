/**
 * Temporary working folders for scans and exports: created private to the user (0700), and
 * removed when the work is done, whether it succeeded or not, so decoded ID images never linger
 * in a shared temp folder.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const TEMP_PREFIX = 'icp-prep-'

/** Runs `work` with a fresh private folder and removes the folder afterwards. */
export async function withPrivateTemp<T>(work: (dir: string) => Promise<T>, parent: string = tmpdir()): Promise<T> {
  const dir = await mkdtemp(path.join(parent, TEMP_PREFIX))
  try {
    return await work(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
