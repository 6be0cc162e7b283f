/**
 * The scan channels: list, add (dropped files, or the native picker), reassign, remove, and read
 * (OCR as a job). Every answer that changes scans carries the case's findings and list row after the
 * change, so the window's checks follow a scan exactly as they follow an edit.
 */
import type { Handlers } from '../../../shared/ipc/contract'
import { addScanFiles, keepScan, markMisread, removeScan, updateScan, type AddOutcome } from '../scans/case-scans'
import { readScansTask } from '../scans/read-scans'
import type { ScanImages } from '../scans/scan-images'
import { scanViews } from '../scans/scan-view'
import type { AppServices, WorkspaceRegistry } from './app-services'

type ScanChannels = 'scan.list' | 'scan.add' | 'scan.pick' | 'scan.update' | 'scan.misread' | 'scan.keep' | 'scan.remove' | 'scan.read'

/** Builds the scan handlers over the shared workspace registry and image cache. */
export function scanHandlers(services: AppServices, workspaces: WorkspaceRegistry, images: ScanImages): Pick<Handlers, ScanChannels> {
  const changed = async (caseId: string) => {
    const workspace = workspaces.current()
    const opened = await workspace.open(caseId)
    return {
      scans: await scanViews(caseId, workspace.folderOf(caseId), opened.case),
      findings: opened.findings,
      summary: opened.summary,
    }
  }
  const added = async (caseId: string, outcome: AddOutcome, cancelled: boolean) => ({
    ...(await changed(caseId)),
    added: outcome.added,
    refused: outcome.refused,
    cancelled,
  })

  return {
    'scan.list': async ({ caseId }) => changed(caseId),
    'scan.add': async ({ caseId, paths, role, website }) => {
      const outcome = await addScanFiles(workspaces.current(), caseId, paths, {
        ...(role !== undefined ? { role } : {}),
        ...(website !== undefined ? { website } : {}),
      })
      return added(caseId, outcome, false)
    },
    'scan.pick': async ({ caseId, folders, role }) => {
      await workspaces.current().open(caseId) // a case that is gone is refused before a picker opens
      const paths = await services.chooseScans({ folders: folders === true })
      if (paths.length === 0) return added(caseId, { added: [], refused: [] }, true)
      const outcome = await addScanFiles(workspaces.current(), caseId, paths, role !== undefined ? { role } : {})
      return added(caseId, outcome, false)
    },
    'scan.update': async ({ caseId, scanId, role, website }) => {
      await updateScan(workspaces.current(), caseId, scanId, role, website)
      return changed(caseId)
    },
    'scan.misread': async ({ caseId, scanId, field, misread }) => {
      await markMisread(workspaces.current(), caseId, scanId, field, misread)
      return changed(caseId)
    },
    'scan.keep': async ({ caseId, scanId, keep }) => {
      await keepScan(workspaces.current(), caseId, scanId, keep)
      return changed(caseId)
    },
    'scan.remove': async ({ caseId, scanId }) => {
      await removeScan(workspaces.current(), caseId, scanId, { trash: (file) => services.trash(file), images })
      return changed(caseId)
    },
    'scan.read': async ({ caseId }) => {
      const workspace = workspaces.current()
      await workspace.open(caseId) // a case that is gone is refused before a job starts
      // One reading per case: a second start (another window, a double click, the batch queue) joins the running one.
      const jobId = services.jobs.start(
        'ocr',
        readScansTask(workspace, caseId, { today: services.today(), pool: () => services.ocrPool?.() }),
        caseId,
      )
      return { jobId }
    },
  }
}
