/**
 * The app's services over temporary folders, for tests that need the IPC handlers without
 * Electron: settings in a user-data folder, a workspace, a trash folder standing in for the system
 * trash, scripted pickers and save dialogs, and records of what the app asked the file manager or
 * the PDF viewer to show.
 */
import { mkdir, mkdtemp, rename, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createBackend, type AppServices, type CaseFileResponse } from '../../electron/services/handlers'
import { JobRunner, type JobEventSink } from '../../electron/services/jobs'
import type { OcrPool } from '../../electron/services/ocr/pool'
import { SettingsStore } from '../../electron/services/workspace/settings-store'
import type { Handlers } from '../../shared/ipc/contract'
import type { PruneSummary } from '../../electron/services/scans/scan-images'

export interface TestApp {
  readonly root: string
  readonly userData: string
  readonly workspace: string
  readonly trash: string
  readonly services: AppServices
  readonly handlers: Handlers
  /** The app scheme's answer to `/case-file/…` paths (scan images). */
  readonly caseFiles: (urlPath: string) => Promise<CaseFileResponse>
  /** The start-up pruning of the scan render cache. */
  readonly pruned: Promise<PruneSummary | null>
  readonly jobs: JobRunner
  /** Folders the app asked the file manager to show. */
  readonly revealed: string[]
  /** Files the app asked the file manager to show selected. */
  readonly shown: string[]
  /** Files the app opened with the system viewer (the letter to print). */
  readonly opened: string[]
  /** Names the save dialog proposed, in order. */
  readonly saveRequests: Array<{ name: string; kind: 'pdf' | 'zip' | 'ics' | 'csv' }>
  /** What the next folder picker returns (null: the user cancels). */
  nextFolder: string | null
  /** What the next scan picker returns (empty: the user cancels). */
  nextScans: string[]
  /** What the next save dialog returns (null: the user cancels); kept for every later dialog. */
  nextSaveFile: string | null
}

export interface TestAppOptions {
  readonly today?: string
  readonly sink?: JobEventSink
  readonly now?: () => Date
  readonly ocrPool?: () => OcrPool
}

/** Creates the services and handlers over a fresh temporary directory. */
export async function makeTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const root = await mkdtemp(path.join(tmpdir(), 'icp-app-'))
  const userData = path.join(root, 'user-data')
  const workspace = path.join(root, '备案案件')
  const trash = path.join(root, 'trash')
  await Promise.all([mkdir(userData), mkdir(workspace), mkdir(trash)])
  const jobs = new JobRunner(options.sink ?? { progress: () => undefined, finished: () => undefined })
  const settings = await SettingsStore.open(userData, workspace)
  const app = {
    root,
    userData,
    workspace,
    trash,
    jobs,
    revealed: [] as string[],
    shown: [] as string[],
    opened: [] as string[],
    saveRequests: [] as Array<{ name: string; kind: 'pdf' | 'zip' | 'ics' | 'csv' }>,
    nextFolder: null as string | null,
    nextScans: [] as string[],
    nextSaveFile: null as string | null,
  } as TestApp
  let trashed = 0
  const services: AppServices = {
    settings,
    jobs,
    info: { name: '备案材料助手', version: 'test', platform: process.platform },
    cacheDir: path.join(userData, 'cache'),
    today: () => options.today ?? '2026-12-01',
    now: options.now ?? (() => new Date()),
    trash: async (target) => {
      // Like the system trash: the item keeps its name unless one by that name is already there.
      trashed += 1
      const plain = path.join(trash, path.basename(target))
      const taken = await stat(plain).then(
        () => true,
        () => false,
      )
      await rename(target, taken ? path.join(trash, `${trashed}-${path.basename(target)}`) : plain)
    },
    chooseFolder: async () => app.nextFolder,
    reveal: async (folder) => void app.revealed.push(folder),
    chooseScans: async () => {
      const chosen = app.nextScans
      app.nextScans = []
      return chosen
    },
    chooseSaveFile: async (request) => {
      app.saveRequests.push({ ...request })
      return app.nextSaveFile
    },
    showFile: async (file) => void app.shown.push(file),
    openFile: async (file) => void app.opened.push(file),
    ...(options.ocrPool ? { ocrPool: options.ocrPool } : {}),
  }
  Object.assign(app, { services, ...createBackend(services) })
  return app
}
