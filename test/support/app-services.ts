/**
 * The app's services over temporary folders, for tests that need the IPC handlers without
 * Electron: settings in a user-data folder, a workspace, a trash folder standing in for the system
 * trash, a scripted folder picker and a record of "show in folder" requests.
 */
import { mkdir, mkdtemp, rename } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createHandlers, type AppServices } from '../../electron/services/handlers'
import { JobRunner, type JobEventSink } from '../../electron/services/jobs'
import { SettingsStore } from '../../electron/services/workspace/settings-store'
import type { Handlers } from '../../shared/ipc/contract'

export interface TestApp {
  readonly root: string
  readonly userData: string
  readonly workspace: string
  readonly trash: string
  readonly services: AppServices
  readonly handlers: Handlers
  readonly jobs: JobRunner
  /** Folders the app asked the file manager to show. */
  readonly revealed: string[]
  /** What the next folder picker returns (null: the user cancels). */
  nextFolder: string | null
}

export interface TestAppOptions {
  readonly today?: string
  readonly sink?: JobEventSink
  readonly now?: () => Date
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
  const app = { root, userData, workspace, trash, jobs, revealed: [] as string[], nextFolder: null as string | null } as TestApp
  const services: AppServices = {
    settings,
    jobs,
    info: { name: '备案材料助手', version: 'test', platform: process.platform },
    today: () => options.today ?? '2026-12-01',
    now: options.now ?? (() => new Date()),
    trash: async (folder) => rename(folder, path.join(trash, path.basename(folder))),
    chooseFolder: async () => app.nextFolder,
    reveal: async (folder) => void app.revealed.push(folder),
  }
  Object.assign(app, { services, handlers: createHandlers(services) })
  return app
}
