/**
 * Reading a case's scans (OCR) from the app, while the user goes on editing the form.
 *
 * readCaseDocuments (the scan service) loads case.json, reads for as long as forty scans take, and
 * saves the case it loaded — which would undo every edit made meanwhile. So the app runs it on a
 * private working copy: a case.json with the same content beside links to the case's scan folders,
 * and merges only what reading produces (each document's reading, and the role proposed for scans
 * nobody has assigned by hand) into the real case, in the workspace's queue. Scans added, removed
 * or reassigned during the reading are respected; what was read before a cancellation is kept.
 */
import { copyFile, link, mkdtemp, rm, rmdir, symlink, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { IsoDate } from '../../../shared/dates/iso-date'
import type { Case } from '../../../shared/model/case'
import { isSafeRelativePath } from '../../../shared/model/paths'
import { readCaseDocuments, type ReadSummary } from '../case-documents'
import { loadCase, saveCase } from '../case-store'
import type { OcrPool } from '../ocr/pool'
import type { Workspace } from '../workspace/workspace'

/** Progress, cancellation, the OCR pool to use and the date validity findings are measured from. */
export interface ReadScansOptions {
  readonly onProgress?: (done: number, total: number, file: string) => void
  readonly signal?: AbortSignal
  readonly pool?: OcrPool
  readonly today?: IsoDate
}

/**
 * Links each top-level entry the documents live in (scans/, or a file at the top) into `copy`;
 * returns the links, which are removed one by one before the copy is deleted (never followed).
 */
async function linkSources(folder: string, copy: string, c: Case): Promise<string[]> {
  const links: string[] = []
  const tops = new Set(c.documents.filter((d) => isSafeRelativePath(d.file)).map((d) => d.file.split('/')[0] as string))
  for (const top of tops) {
    const source = path.join(folder, top)
    const target = path.join(copy, top)
    if (top === 'case.json' || top.startsWith('.')) continue
    const isFolder = c.documents.some((d) => d.file.startsWith(`${top}/`))
    if (isFolder) {
      // A junction needs no privilege on Windows; elsewhere the type is ignored.
      if (
        await symlink(source, target, 'junction').then(
          () => true,
          () => false,
        )
      )
        links.push(target)
    } else {
      await link(source, target).catch(() => copyFile(source, target).catch(() => undefined))
    }
  }
  return links
}

/**
 * Copies what reading produced into the current case: each reading, and the proposed role of scans
 * still waiting for one (a role chosen by hand meanwhile stands). Scans removed meanwhile are not
 * brought back; scans added meanwhile are left for the next reading. Returns how many changed.
 */
export function mergeReadings(current: Case, read: Case): number {
  let changed = 0
  const byFile = new Map(read.documents.map((d) => [d.file, d]))
  for (const doc of current.documents) {
    const fresh = byFile.get(doc.file)
    if (!fresh || fresh.extracted === undefined || JSON.stringify(fresh.extracted) === JSON.stringify(doc.extracted)) continue
    doc.extracted = fresh.extracted
    changed += 1
    const proposed = (doc as { roleProposed?: unknown }).roleProposed === true
    if (proposed && fresh.role !== doc.role) {
      doc.role = fresh.role
      if (fresh.website !== undefined) doc.website = fresh.website
      else delete doc.website
    }
  }
  return changed
}

/** Reads the case's new and changed scans and stores the readings; never loses an edit made meanwhile. */
export async function readScans(workspace: Workspace, caseId: string, options: ReadScansOptions = {}): Promise<ReadSummary> {
  const folder = workspace.folderOf(caseId)
  const copy = await mkdtemp(path.join(tmpdir(), 'icp-prep-read-'))
  let links: string[] = []
  try {
    const start = await workspace.change(caseId, async () => {
      const loaded = await loadCase(folder)
      if (!loaded.ok) throw new Error(loaded.messageEn)
      return loaded.case
    })
    links = await linkSources(folder, copy, start)
    await saveCase(copy, start)
    const summary = await readCaseDocuments(copy, {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.pool ? { pool: options.pool } : {}),
      ...(options.today ? { today: options.today } : {}),
    })
    const read = await loadCase(copy)
    if (!read.ok) throw new Error(read.messageEn)
    await workspace.change(caseId, async () => {
      const current = await loadCase(folder)
      if (!current.ok) return
      if (mergeReadings(current.case, read.case) > 0) await saveCase(folder, current.case)
    })
    return summary
  } finally {
    // unlink removes a link; rmdir removes a Windows junction; neither touches the scans behind it.
    for (const made of links) await unlink(made).catch(() => rmdir(made).catch(() => undefined))
    await rm(copy, { recursive: true, force: true })
  }
}
