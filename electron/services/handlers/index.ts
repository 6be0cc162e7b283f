/**
 * The IPC handlers: one function per contract channel, each a thin layer over a service. The main
 * process registers them behind dispatch(); the UI tests call the very same object through the
 * same dispatch(), so what the tests exercise is what the app runs.
 */
import { access, constants, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Handlers } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/errors'
import { caseFileServer, type CaseFileResponse } from '../scans/case-file-server'
import { ScanImages, type PruneSummary } from '../scans/scan-images'
import { type AppServices, WorkspaceRegistry } from './app-services'
import { batchHandlers } from './batch-handlers'
import { fleetHandlers } from './fleet-handlers'
import { outputHandlers } from './output-handlers'
import { scanHandlers } from './scan-handlers'

/** Re-exported so the main process and tests import handlers and their needs from one place. */
export type { AppServices } from './app-services'
export type { CaseFileResponse } from '../scans/case-file-server'
export { isCaseFilePath } from '../scans/case-file-server'

/** The handlers of every channel, and the server of scan images for the app scheme, over one workspace registry. */
export interface AppBackend {
  readonly handlers: Handlers
  /** Answers `/case-file/…` URL paths (thumbnails, pages, crops) for app://renderer and the UI tests' page server. */
  readonly caseFiles: (urlPath: string) => Promise<CaseFileResponse>
  /** The start-up pruning of the scan render cache (old and over-cap entries); never rejects. */
  readonly pruned: Promise<PruneSummary | null>
}

/** Refuses a folder that does not exist or cannot be written, with the reason. */
async function checkWorkspaceFolder(folder: string): Promise<void> {
  try {
    const info = await stat(folder)
    if (!info.isDirectory()) throw new Error('not a folder')
    await access(folder, constants.R_OK | constants.W_OK)
  } catch (error) {
    const code = (error as { code?: unknown }).code
    throw AppError.of('workspace-unusable', {
      reason: typeof code === 'string' ? code : error instanceof Error ? error.message : 'unknown',
    })
  }
}

/** Builds the handler for every channel of the contract. */
export function createHandlers(services: AppServices): Handlers {
  return createBackend(services).handlers
}

/**
 * Builds the handlers and the scan image server together: they must share one workspace registry,
 * so that every change to a case goes through the same save queue.
 */
export function createBackend(services: AppServices): AppBackend {
  const workspaces = new WorkspaceRegistry(services)
  const images = new ScanImages(services.cacheDir)
  // Renders of ID cards are not kept forever: entries unused for 30 days or over the cap go at start-up.
  const pruned = images.prune().catch(() => null)
  const handlers = coreHandlers(services, workspaces, images)
  return {
    handlers: {
      ...handlers,
      ...scanHandlers(services, workspaces, images),
      ...outputHandlers(services, workspaces),
      ...fleetHandlers(services, workspaces),
      ...batchHandlers(services, workspaces),
    },
    caseFiles: caseFileServer((caseId) => workspaces.current().folderOf(caseId), images),
    pruned,
  }
}

type CoreChannels = Exclude<
  keyof Handlers,
  | `scan.${string}`
  | `letter.${string}`
  | `export.${string}`
  | `expiry.${string}`
  | `import.${string}`
  | 'filing.catalogue'
  | 'case.setStatus'
>

function coreHandlers(services: AppServices, workspaces: WorkspaceRegistry, images: ScanImages): Pick<Handlers, CoreChannels> {
  const { settings, jobs } = services

  return {
    'app.info': async () => ({ ...services.info, today: services.today() }),
    'settings.get': async () => settings.view(),
    'settings.update': async (patch) => {
      await settings.update({
        ...(patch.language !== undefined ? { language: patch.language } : {}),
        ...(patch.lastCaseId !== undefined ? { lastCaseId: patch.lastCaseId } : {}),
        ...(patch.lastScreen !== undefined ? { lastScreen: patch.lastScreen } : {}),
      })
      return settings.view()
    },
    'workspace.choose': async () => {
      const chosen = await services.chooseFolder(settings.workspace())
      if (chosen === null) return null
      const folder = path.resolve(chosen)
      await checkWorkspaceFolder(folder)
      await settings.update({ workspace: folder, lastCaseId: null, lastScreen: 'cases' })
      return settings.view()
    },
    'case.list': async (filter) =>
      workspaces.current().list({
        ...(filter.query !== undefined ? { query: filter.query } : {}),
        ...(filter.status !== undefined ? { status: filter.status } : {}),
        ...(filter.filing !== undefined ? { filing: filter.filing } : {}),
      }),
    'case.create': async () => workspaces.current().create(),
    'case.open': async ({ caseId }) => workspaces.current().open(caseId),
    'case.save': async ({ caseId, case: edited, revision }) => workspaces.current().save(caseId, edited, revision),
    'case.saveCopy': async ({ caseId, case: edited }) => workspaces.current().saveCopy(caseId, edited),
    'case.history': async ({ caseId }) => ({ items: await workspaces.current().history(caseId) }),
    'case.restore': async ({ caseId, snapshotId }) => workspaces.current().restore(caseId, snapshotId),
    'case.duplicate': async ({ caseId }) => workspaces.current().duplicate(caseId),
    'case.delete': async ({ caseId }) => {
      const workspace = workspaces.current()
      // The cached renders go first: the case folder's real path names them, and it is about to move.
      await images.forgetCase(workspace.folderOf(caseId)).catch(() => undefined)
      await workspace.remove(caseId)
      if (settings.get().lastCaseId === caseId) await settings.update({ lastCaseId: null, lastScreen: 'cases' })
      return { caseId }
    },
    'case.reveal': async ({ caseId }) => {
      const workspace = workspaces.current()
      await workspace.open(caseId) // refuses a case that is gone, instead of opening an empty folder
      await services.reveal(workspace.folderOf(caseId))
      return {}
    },
    'job.list': async () => jobs.snapshot(),
    'job.cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  }
}
