/**
 * A version history of case.json, kept inside the case folder (`.history/`) so it travels with the
 * case when the folder is moved or copied, and survives a restart.
 *
 * The app saves on every edit, so keeping every save would fill the history with keystrokes. We
 * snapshot the file *before* a burst of edits instead: a save skips the snapshot only when the
 * newest one is younger than the coalescing window AND the file holds exactly what this process
 * wrote last (an intermediate keystroke state). Content anyone else wrote — another window, the
 * CLI, a hand edit — is always kept before it is replaced, whatever the window says.
 *
 * The history never blocks a save and never reaches outside the case: whatever sits at `.history`
 * that is not a real folder (a link, dangling or not, a file) is moved aside, never followed; only
 * regular files with snapshot names are listed, read or pruned; a snapshot dated in the future is
 * ignored for coalescing; and any failure to keep a snapshot is swallowed (the save goes on).
 */
import { createHash } from 'node:crypto'
import { lstat, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { caseJson } from '../../../shared/model/case-json'
import { parseCase, type Case } from '../../../shared/model/case'
import { writeFileAtomic } from './atomic-file'

export const HISTORY_DIR = '.history'
export const HISTORY_LIMIT = 30
export const COALESCE_MS = 60_000

const SNAPSHOT_NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z)(?:-(\d{1,3}))?\.json$/

export interface HistoryEntry {
  /** The snapshot's file name, which is also its id: `2026-12-01T08-30-00.123Z.json`. */
  readonly id: string
  /** When the state it holds was replaced. */
  readonly savedAt: string
  readonly size: number
}

/** The revision (SHA-256) each case file last received from this process, for coalescing. */
const written = new Map<string, string>()

/** Called by saveCase after a write: this content is ours, so replacing it may be coalesced. */
export function rememberWritten(caseFile: string, revision: string): void {
  written.delete(caseFile)
  written.set(caseFile, revision)
  if (written.size > 1000) written.delete(written.keys().next().value as string)
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function snapshotName(now: Date, n: number): string {
  return `${now.toISOString().replace(/:/g, '-')}${n > 0 ? `-${n}` : ''}.json`
}

function savedAtOf(id: string): string {
  return (SNAPSHOT_NAME.exec(id)?.[1] ?? '').replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3')
}

/** True when `target` exists (as anything, links not followed). */
async function present(target: string): Promise<boolean> {
  try {
    await lstat(target)
    return true
  } catch {
    return false
  }
}

/**
 * The case's history folder, or null when there is none. With `create`, makes it; anything in its
 * place that is not a real folder is renamed aside first (a link is never followed, a file never
 * overwritten), so the history can neither be blocked by it nor write through it.
 */
export async function historyFolder(folder: string, create: boolean): Promise<string | null> {
  const dir = path.join(folder, HISTORY_DIR)
  let info
  try {
    info = await lstat(dir)
  } catch {
    if (!create) return null
    await mkdir(dir, { mode: 0o700 })
    return dir
  }
  if (info.isDirectory()) return dir
  if (!create) return null
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  await rename(dir, path.join(folder, `${HISTORY_DIR}.moved-${stamp}`))
  await mkdir(dir, { mode: 0o700 })
  return dir
}

/** Snapshots, newest first: regular files with snapshot names only. */
export async function listHistory(folder: string): Promise<HistoryEntry[]> {
  const dir = await historyFolder(folder, false).catch(() => null)
  if (!dir) return []
  let names: string[]
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && SNAPSHOT_NAME.test(e.name)).map((e) => e.name)
  } catch {
    return []
  }
  const entries: HistoryEntry[] = []
  for (const id of names.sort().reverse()) {
    try {
      const info = await lstat(path.join(dir, id))
      if (info.isFile()) entries.push({ id, savedAt: savedAtOf(id), size: info.size })
    } catch {
      // removed meanwhile
    }
  }
  return entries
}

async function snapshotBytes(dir: string, id: string): Promise<Buffer | null> {
  try {
    const file = path.join(dir, id)
    if (!(await lstat(file)).isFile()) return null
    return await readFile(file)
  } catch {
    return null
  }
}

/**
 * Called by saveCase before case.json is replaced: keeps the current file as a snapshot unless it
 * is already the newest snapshot, or it is this process's own write of the last minute (see the
 * file comment); `force` always keeps it. Then prunes to HISTORY_LIMIT. Never throws: a history
 * that cannot be written must not cost the save. Returns whether a snapshot was written.
 */
export async function snapshotBeforeSave(folder: string, caseFile: string, now: Date = new Date(), force = false): Promise<boolean> {
  try {
    let current: Buffer
    try {
      if (!(await lstat(caseFile)).isFile()) return false
      current = await readFile(caseFile)
    } catch {
      return false // a new case: nothing to keep
    }
    const hash = sha256(current)
    const existing = await listHistory(folder)
    // A snapshot dated in the future (a clock set wrong, a copied folder) says nothing about now.
    const newest = existing.find((e) => Date.parse(e.savedAt) <= now.getTime())
    const dir = await historyFolder(folder, true)
    if (!dir) return false
    if (newest) {
      const kept = await snapshotBytes(dir, newest.id)
      if (kept && sha256(kept) === hash) return false
      const recent = now.getTime() - Date.parse(newest.savedAt) < COALESCE_MS
      if (!force && recent && written.get(caseFile) === hash) return false
    }
    let name = snapshotName(now, 0)
    for (let n = 1; (await present(path.join(dir, name))) && n < 1000; n += 1) name = snapshotName(now, n)
    // Written atomically too: a copy interrupted by a crash must not leave a truncated snapshot.
    await writeFileAtomic(path.join(dir, name), current)
    const all = await listHistory(folder)
    for (const old of all.filter((e) => e.id !== name).slice(HISTORY_LIMIT - 1))
      await rm(path.join(dir, old.id), { force: true }).catch(() => undefined)
    return true
  } catch {
    return false
  }
}

/** Reads one snapshot as a case, or null when it is missing, not a regular file or not a valid case. */
export async function readSnapshot(folder: string, id: string): Promise<Case | null> {
  if (!SNAPSHOT_NAME.test(id)) return null
  const dir = await historyFolder(folder, false).catch(() => null)
  const bytes = dir ? await snapshotBytes(dir, id) : null
  if (!bytes) return null
  try {
    const parsed = parseCase(JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')))
    return parsed.ok ? parsed.case : null
  } catch {
    return null
  }
}

/**
 * Puts a snapshot back as case.json; the state it replaces becomes a snapshot itself (always, not
 * coalesced). Returns the restored case, or null when the snapshot cannot be used.
 */
export async function restoreSnapshot(folder: string, id: string, caseFile: string, now: Date = new Date()): Promise<Case | null> {
  const snapshot = await readSnapshot(folder, id)
  if (!snapshot) return null
  await snapshotBeforeSave(folder, caseFile, now, true)
  const text = caseJson(snapshot)
  await writeFileAtomic(caseFile, text)
  rememberWritten(caseFile, sha256(Buffer.from(text, 'utf8')))
  return snapshot
}

/** The parts of a case a history list names when they differ (top-level keys, in form order). */
export const CASE_SECTIONS = [
  'province',
  'filingType',
  'submissionDate',
  'sponsor',
  'principal',
  'websites',
  'documents',
  'remark',
  'exports',
] as const

/** A snapshot as the history list shows it: when, how big, and which parts differ from the case now. */
export interface HistoryItem extends HistoryEntry {
  /** False when the snapshot is not a valid case (it cannot be restored). */
  readonly valid: boolean
  /** CASE_SECTIONS that differ from the current case, then `other` for any other key. */
  readonly changed: string[]
}

function sectionText(c: Record<string, unknown>, key: string): string {
  const value = c[key]
  return value === undefined || value === null ? '' : caseJson(value)
}

/** Which top-level parts of `a` and `b` differ. */
export function changedSections(a: Case, b: Case): string[] {
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  const changed: string[] = CASE_SECTIONS.filter((key) => sectionText(ra, key) !== sectionText(rb, key))
  const known = new Set<string>([...CASE_SECTIONS, 'schemaVersion', 'updatedAt'])
  const others = new Set([...Object.keys(ra), ...Object.keys(rb)].filter((k) => !known.has(k)))
  if ([...others].some((k) => sectionText(ra, k) !== sectionText(rb, k))) changed.push('other')
  return changed
}

/** The history list, each snapshot compared with `current` (the case as it is now; null when it cannot be read). */
export async function describeHistory(folder: string, current: Case | null): Promise<HistoryItem[]> {
  const items: HistoryItem[] = []
  for (const entry of await listHistory(folder)) {
    const snapshot = await readSnapshot(folder, entry.id)
    items.push({ ...entry, valid: snapshot !== null, changed: snapshot && current ? changedSections(snapshot, current) : [] })
  }
  return items
}
