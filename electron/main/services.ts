/**
 * Assembles the services and handlers for the running app: the settings in the user-data folder,
 * the default workspace under Documents, the system trash, the native folder picker and file
 * manager, and the job runner wired to the window's events.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { app, dialog, shell, type BrowserWindow } from 'electron'
import { pick } from '../../shared/i18n/language'
import { menuMessages } from '../../shared/i18n/messages/menu'
import { AppError } from '../../shared/ipc/errors'
import { todayIso } from '../services/clock'
import { translate } from '../../shared/i18n/messages'
import { createBackend, type AppBackend, type AppServices } from '../services/handlers'
import { scanImport } from '../services/scans/import-limits'
import { JobRunner } from '../services/jobs'
import { revealMethod } from '../services/reveal'
import { SettingsStore } from '../services/workspace/settings-store'
import type { EventSender } from './ipc/events'
import type { ErrorLog } from './log'

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8')) as { version?: unknown }
    return typeof pkg.version === 'string' ? pkg.version : app.getVersion()
  } catch {
    return app.getVersion()
  }
}

const SAVE_TITLES = { pdf: 'dialog.saveLetter', zip: 'dialog.saveExport', ics: 'dialog.saveCalendar', csv: 'dialog.saveCsv' } as const
const SAVE_FILTERS = { pdf: 'dialog.filter.pdf', zip: 'dialog.filter.zip', ics: 'dialog.filter.ics', csv: 'dialog.filter.csv' } as const

/** Builds everything the IPC handlers need from Electron's real facilities. */
export async function createAppServices(
  send: EventSender,
  getWindow: () => BrowserWindow | null,
  log: ErrorLog,
): Promise<{ services: AppServices } & AppBackend> {
  const defaultWorkspace = path.join(app.getPath('documents'), pick(menuMessages['workspace.defaultFolder'], 'zh-CN'))
  const settings = await SettingsStore.open(app.getPath('userData'), defaultWorkspace)
  const jobs = new JobRunner(
    { progress: (event) => send('job.progress', event), finished: (event) => send('job.finished', event) },
    { onUnexpected: (kind, error) => log.error(`job ${kind}`, error) },
  )
  const language = () => settings.get().language
  const services: AppServices = {
    settings,
    jobs,
    cacheDir: path.join(app.getPath('userData'), 'cache'),
    info: { name: pick(menuMessages['app.name'], 'zh-CN'), version: appVersion(), platform: process.platform },
    today: () => todayIso(),
    now: () => new Date(),
    trash: (target) => shell.trashItem(target),
    chooseFolder: async (current) => {
      const window = getWindow()
      const options = {
        title: pick(menuMessages['dialog.chooseWorkspace'], settings.get().language),
        defaultPath: current,
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      }
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    reveal: async (folder) => {
      // A case folder named like a macOS bundle (…app) would be launched by openPath: select it instead.
      if (revealMethod(folder, process.platform) === 'select') return shell.showItemInFolder(folder)
      const problem = await shell.openPath(folder)
      if (problem !== '') throw AppError.of('io', { reason: problem })
    },
    chooseScans: async ({ folders }) => {
      const window = getWindow()
      // Files and folders in one picker exist on macOS only; elsewhere "add a folder" is its own item.
      const properties: Array<'openFile' | 'openDirectory' | 'multiSelections'> = folders
        ? ['openDirectory', 'multiSelections']
        : process.platform === 'darwin'
          ? ['openFile', 'openDirectory', 'multiSelections']
          : ['openFile', 'multiSelections']
      const options = {
        title: translate(language(), folders ? 'dialog.addFolder' : 'dialog.addScans'),
        properties,
        filters: folders ? [] : [{ name: translate(language(), 'dialog.filter.scans'), extensions: [...scanImport.extensions] }],
      }
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? [] : result.filePaths
    },
    chooseSaveFile: async ({ name, kind }) => {
      const window = getWindow()
      const options = {
        title: translate(language(), SAVE_TITLES[kind]),
        defaultPath: path.join(app.getPath('documents'), name),
        filters: [{ name: translate(language(), SAVE_FILTERS[kind]), extensions: [kind] }],
      }
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    showFile: async (file) => shell.showItemInFolder(file),
    openFile: async (file) => {
      const problem = await shell.openPath(file)
      if (problem !== '') throw AppError.of('io', { reason: problem })
    },
  }
  return { services, ...createBackend(services) }
}
