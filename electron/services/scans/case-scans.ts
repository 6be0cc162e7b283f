/**
 * Changing a case's scans from the app: add dropped or picked files (checked, de-duplicated by
 * content, copied in by the scan service's addScans), reassign a scan's role by hand, and remove a
 * scan (its file to the system trash). Each change runs in the workspace's queue for the case, so
 * it never interleaves with a save of the form or another change.
 */
import { sha256File } from '../file-hash'
import { realpath, stat } from 'node:fs/promises'
import type { Case } from '../../../shared/model/case'
import { markMisread as markDocumentMisread, removeDocument, setKeep, setRole } from '../../../shared/model/documents'
import { AppError } from '../../../shared/ipc/errors'
import { addScansReport } from '../case-folder/case-documents'
import { loadCase } from '../case-folder/case-store'
import type { Workspace } from '../workspace/workspace'
import { collectScanFiles, refusal, type RefusedFile } from './scan-paths'
import type { ScanImages } from './scan-images'
import { documentFile, scanIdOf } from './scan-view'
import path from 'node:path'

/** What the scan changes need from the outside world. */
export interface ScanChangeDeps {
  /** Moves a file to the system trash (shell.trashItem in the app). */
  trash(file: string): Promise<void>
  readonly images: ScanImages
}

/** The scans added (by id and name) and the files refused with their reasons. */
export interface AddOutcome {
  readonly added: Array<{ scanId: string; name: string }>
  readonly refused: RefusedFile[]
}

const sha256 = (file: string): Promise<string | null> => sha256File(file).catch(() => null)

async function loaded(folder: string): Promise<Case> {
  const result = await loadCase(folder)
  if (result.ok) return result.case
  if (result.reason === 'not-found') throw AppError.of('case-not-found')
  throw new AppError('case-invalid', `案件文件无法打开：${result.message}`, `The case file cannot be opened: ${result.messageEn}`)
}

/** The document a scan id names in this version of the case (-1 when none). */
function indexOf(c: Case, scanId: string): number {
  return c.documents.findIndex((d) => scanIdOf(d.file) === scanId)
}

function notFound(): never {
  throw AppError.of('scan-not-found')
}

/**
 * Adds files and folders to a case. With `role` (a drop on the signed-letter zone) the new scans
 * take that role instead of waiting for one to be proposed from their reading.
 */
export async function addScanFiles(
  workspace: Workspace,
  caseId: string,
  paths: readonly string[],
  options: { role?: string; website?: number } = {},
): Promise<AddOutcome> {
  return workspace.change(caseId, async (folder, update) => {
    const c = await loaded(folder)
    const collected = await collectScanFiles(paths, await realpath(folder))
    const refused = [...collected.refused]
    const known = new Set<string>()
    for (const doc of c.documents) {
      const file = documentFile(folder, doc)
      const sha = doc.extracted?.sourceSha256 ?? (file ? await sha256(file) : null)
      if (sha) known.add(sha)
    }
    const unique: string[] = []
    for (const file of collected.files) {
      const sha = await sha256(file)
      if (sha === null) refused.push(refusal(path.basename(file), 'scanImport.unreadable'))
      else if (known.has(sha)) refused.push(refusal(path.basename(file), 'scanImport.duplicate'))
      else {
        known.add(sha)
        unique.push(file)
      }
    }
    if (unique.length === 0) return { added: [], refused }
    let added
    try {
      // With `role` (a drop on the signed-letter zone) the new scans take it in the same write.
      const report = await addScansReport(folder, unique, {
        commit: update,
        ...(options.role !== undefined ? { role: options.role, website: options.website ?? 0 } : {}),
      })
      added = report.added
      // Checked here already, but a file can vanish or grow between the check and the copy.
      for (const s of report.skipped) refused.push({ name: path.basename(s.source), message: s.reason, messageEn: s.reasonEn })
    } catch (error) {
      throw AppError.fromIo(error)
    }
    return { added: added.map((a) => ({ scanId: scanIdOf(a.file), name: path.posix.basename(a.file) })), refused }
  })
}

/** Sets a scan's role (and website) by hand; a website role without a website goes to the first. */
export async function updateScan(
  workspace: Workspace,
  caseId: string,
  scanId: string,
  role: string,
  website: number | null,
): Promise<void> {
  try {
    await workspace.update(caseId, (c) => setRole(c, indexOf(c, scanId), role, website) ?? notFound())
  } catch (error) {
    throw AppError.fromIo(error)
  }
}

/** Keeps (or stops keeping) a scan left as 其他材料 in the package: a person's deliberate choice. */
export async function keepScan(workspace: Workspace, caseId: string, scanId: string, keep: boolean): Promise<void> {
  try {
    await workspace.update(caseId, (c) => setKeep(c, indexOf(c, scanId), keep) ?? notFound())
  } catch (error) {
    throw AppError.fromIo(error)
  }
}

/**
 * Marks one value read from a scan as misread (or clears the mark): the person looked at the scan
 * and the form is right, so the scan rules stop comparing the form with that reading. The reading
 * itself is kept as it was read.
 */
export async function markMisread(workspace: Workspace, caseId: string, scanId: string, field: string, misread: boolean): Promise<void> {
  try {
    await workspace.update(caseId, (c) => markDocumentMisread(c, indexOf(c, scanId), field, misread) ?? notFound())
  } catch (error) {
    throw AppError.fromIo(error)
  }
}

/** Takes a scan out of the case and moves its file to the trash (kept when another document still uses it). */
export async function removeScan(workspace: Workspace, caseId: string, scanId: string, deps: ScanChangeDeps): Promise<void> {
  await workspace.change(caseId, async (folder, update) => {
    const c = await loaded(folder)
    const index = indexOf(c, scanId)
    const doc = c.documents[index]
    if (!doc) throw AppError.of('scan-not-found')
    const file = documentFile(folder, doc)
    const shared = c.documents.some((d, i) => i !== index && d.file === doc.file)
    try {
      // Out of the case first: a refused write (the file changed on disk) must not cost the scan.
      await update((fresh) => removeDocument(fresh, indexOf(fresh, scanId)) ?? notFound())
      if (file && !shared && (await stat(file).catch(() => null))?.isFile()) {
        // Every cached render of it (any version, any turn): they are ID card images.
        await deps.images.forget(folder, file).catch(() => undefined)
        await deps.trash(file)
      }
    } catch (error) {
      throw AppError.fromIo(error)
    }
  })
}
