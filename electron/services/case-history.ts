/**
 * A version history of case.json, kept inside the case folder (`.history/`) so it travels with the
 * case when the folder is moved or copied, and survives a restart.
 *
 * The app saves on every edit, so keeping every save would fill the history with keystrokes. We
 * snapshot the file *before* a burst of edits instead: a save only adds a snapshot when the newest
 * one is older than the coalescing window. Undoing a bad edit after a restart then means going
 * back one snapshot.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseCase, type Case } from '../../shared/model/case'
import { writeFileAtomic } from './atomic-file'

export const HISTORY_DIR = '.history'
export const HISTORY_LIMIT = 30
export const COALESCE_MS = 60_000

export interface HistoryEntry {
  /** The snapshot's file name, which is also its id: `2026-12-01T08-30-00.123Z.json`. */
  readonly id: string
  /** When the state it holds was replaced. */
  readonly savedAt: string
  readonly size: number
}

function snapshotName(now: Date): string {
  return `${now.toISOString().replace(/:/g, '-')}.json`
}

/** Snapshots, newest first. */
export async function listHistory(folder: string): Promise<HistoryEntry[]> {
  const dir = path.join(folder, HISTORY_DIR)
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const entries: HistoryEntry[] = []
  for (const id of names
    .filter((n) => /^\d{4}-\d{2}-\d{2}T[\d-]+\.\d{3}Z\.json$/.test(n))
    .sort()
    .reverse()) {
    const info = await stat(path.join(dir, id))
    entries.push({ id, savedAt: id.slice(0, -5).replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3'), size: info.size })
  }
  return entries
}

/**
 * Called by saveCase before case.json is replaced: keeps the current file as a snapshot unless a
 * snapshot was taken within the coalescing window, then prunes to HISTORY_LIMIT.
 */
export async function snapshotBeforeSave(folder: string, caseFile: string, now: Date = new Date(), force = false): Promise<void> {
  try {
    await stat(caseFile)
  } catch {
    return // a new case: nothing to keep
  }
  const existing = await listHistory(folder)
  const newest = existing[0]
  if (!force && newest && now.getTime() - Date.parse(newest.savedAt) < COALESCE_MS) return
  const dir = path.join(folder, HISTORY_DIR)
  await mkdir(dir, { recursive: true })
  // Written atomically too: a copy interrupted by a crash must not leave a truncated snapshot.
  await writeFileAtomic(path.join(dir, snapshotName(now)), await readFile(caseFile))
  for (const old of [...existing].slice(HISTORY_LIMIT - 1)) await rm(path.join(dir, old.id), { force: true })
}

/** Reads one snapshot as a case, or null when it is missing or not a valid case. */
export async function readSnapshot(folder: string, id: string): Promise<Case | null> {
  if (!/^[\w.-]+\.json$/.test(id)) return null
  try {
    const parsed = parseCase(JSON.parse(await readFile(path.join(folder, HISTORY_DIR, id), 'utf8')))
    return parsed.ok ? parsed.case : null
  } catch {
    return null
  }
}

/** Puts a snapshot back as case.json; the state it replaces becomes a snapshot itself. */
export async function restoreSnapshot(folder: string, id: string, caseFile: string): Promise<Case | null> {
  const snapshot = await readSnapshot(folder, id)
  if (!snapshot) return null
  await snapshotBeforeSave(folder, caseFile, new Date(), true)
  await writeFileAtomic(caseFile, `${JSON.stringify(snapshot, null, 2)}\n`)
  return snapshot
}
