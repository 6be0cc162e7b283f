/**
 * Atomic file replacement: write a temporary file beside the target, flush it to disk, then rename
 * it over the target. A crash at any moment leaves either the old or the new content under the
 * final name, never a mix (rename within one directory is atomic on every platform we ship to).
 *
 * The temporary file holds the whole new content (for case.json: names, ID numbers), so a failed
 * write (a full disk, a size limit) removes it at once, and one left by a killed process is swept
 * by sweepStaleTemps the next time the folder is opened.
 */
import { randomBytes } from 'node:crypto'
import { lstat, open, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/** `.case.json.<pid>.<8 hex>.tmp`: the names writeFileAtomic gives its temporary files. */
const TEMP_NAME = /^\.(.+)\.(\d{1,10})\.[0-9a-f]{8}\.tmp$/

/** A temporary file of a live writer is left alone this long; past it, it is stale whatever its pid says (pids are reused). */
export const STALE_TEMP_MS = 10 * 60_000

export interface AtomicWriteOptions {
  /**
   * Runs after the new content is on disk and just before the rename: throwing here (the target
   * changed since it was read, say) leaves the target untouched and the temporary file removed.
   */
  readonly beforeRename?: () => Promise<void>
}

/** True for a name writeFileAtomic uses for its temporary files. */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name)
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(target)
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx', 0o600)
  try {
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await options.beforeRename?.()
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncDirectory(dir)
}

/** True while a process holds `pid` (a temp file of it is not stale). */
export function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: a process of another user holds the pid, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes temporary files a killed writer left in `dir`: those whose process is gone, and any older
 * than STALE_TEMP_MS. Only regular files with writeFileAtomic's names are touched; returns their names.
 */
export async function sweepStaleTemps(dir: string, now: Date = new Date()): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const match = TEMP_NAME.exec(name)
    if (!match) continue
    const file = path.join(dir, name)
    try {
      const info = await lstat(file)
      if (!info.isFile()) continue
      const old = now.getTime() - info.mtimeMs > STALE_TEMP_MS
      if (!old && alive(Number(match[2]))) continue
      await rm(file, { force: true })
      removed.push(name)
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
  return removed
}

/** Makes the rename itself durable; not possible (nor needed) on Windows. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
