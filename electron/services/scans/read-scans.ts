/**
 * Reading a case's scans (OCR) from the app, while the user goes on editing the form.
 *
 * readCaseDocuments reads for as long as forty scans take; it writes its readings through
 * `commit`, over the freshest case.json, so an edit made meanwhile is never overwritten. The app's
 * commit runs inside the workspace's per-case save queue (the same queue every edit goes
 * through). Scans added, removed or reassigned during the reading are respected; what was read
 * before a cancellation is kept. A role the reading proposes stays marked as proposed
 * (shared/model/documents.ts applyReading) until the person picks one by hand.
 */
import type { IsoDate } from '../../../shared/dates/iso-date'
import { translate } from '../../../shared/i18n/messages'
import type { ReadResult } from '../../../shared/ipc/letter-export-schemas'
import { readCaseDocuments, type ReadSummary } from '../case-folder/case-documents'
import type { JobTask } from '../jobs'
import type { OcrPool } from '../ocr/pool'
import type { Workspace } from '../workspace/workspace'
import { scanIdOf } from './scan-view'

/** Progress, cancellation, the OCR pool to use and the date validity findings are measured from. */
export interface ReadScansOptions {
  readonly onProgress?: (done: number, total: number, file: string) => void
  /** Told each scan's file once its reading is stored. */
  readonly onRead?: (file: string) => void
  readonly signal?: AbortSignal
  readonly pool?: OcrPool
  readonly today?: IsoDate
}

/** Reads the case's new and changed scans and stores the readings; never loses an edit made meanwhile. */
export async function readScans(workspace: Workspace, caseId: string, options: ReadScansOptions = {}): Promise<ReadSummary> {
  const folder = workspace.folderOf(caseId)
  // Wait for edits already queued, so the reading starts from what the person sees.
  await workspace.change(caseId, async () => undefined)
  return readCaseDocuments(folder, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onRead ? { onRead: options.onRead } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.pool ? { pool: options.pool } : {}),
    ...(options.today ? { today: options.today } : {}),
    commit: (apply) => workspace.update(caseId, apply),
  })
}

/**
 * The reading of one case as a job task (kind 'ocr', keyed by the case): what 读取 on the case
 * screen and the batch queue both start, so a case is never read by two jobs at once. `pool` gives
 * the OCR pool: a new one per job (closed after it) or, with `shared`, the queue's one pool.
 */
export function readScansTask(
  workspace: Workspace,
  caseId: string,
  options: { readonly today: IsoDate; readonly pool?: () => OcrPool | undefined; readonly shared?: boolean },
): JobTask {
  return async ({ signal, progress, item }) => {
    const total = (await workspace.open(caseId)).case.documents.length
    progress(0, total)
    const pool = options.pool?.()
    try {
      const summary = await readScans(workspace, caseId, {
        signal,
        today: options.today,
        ...(pool ? { pool } : {}),
        // The card of each scan is refreshed as soon as its reading is stored.
        onRead: (file) => item(scanIdOf(file)),
        onProgress: (done, total, file) => {
          const name = file.split('/').pop() ?? file
          progress(done, total, {
            message: translate('zh-CN', 'scans.readingFile', { name }),
            messageEn: translate('en', 'scans.readingFile', { name }),
          })
        },
      })
      // What was read before a cancellation is kept; the job still ends as cancelled.
      signal.throwIfAborted()
      const result: ReadResult = {
        caseId,
        read: summary.read,
        skipped: summary.skipped,
        failed: summary.failed,
        cancelled: summary.cancelled,
      }
      return result
    } finally {
      if (options.shared !== true) await pool?.close()
    }
  }
}
