/**
 * Main process entry: security first (sandbox for every renderer, the app scheme, a sealed session),
 * then the services, the IPC contract, the menu and the window. One instance only, so two windows
 * can never save the same case over each other.
 */
import path from 'node:path'
import { app, BrowserWindow, session } from 'electron'
import { pick } from '../../shared/i18n/language'
import { menuMessages } from '../../shared/i18n/messages/menu'
import type { SettingsView } from '../../shared/ipc/schemas'
import type { StoredSettings } from '../services/workspace/settings-store'
import { handleAppScheme, registerAppScheme } from './app-protocol'
import { APP_ENTRY, isTrustedUrl } from './app-url'
import { createEventSender } from './ipc/events'
import { registerIpc } from './ipc/register'
import { ErrorLog } from './log'
import { applyMenu } from './menu'
import { hardenAllWebContents, hardenSession } from './security'
import { createAppServices } from './services'
import { createMainWindow } from './window'

// Tests and portable setups point the app at their own settings folder.
if (process.env.ICP_PREP_USER_DATA) app.setPath('userData', path.resolve(process.env.ICP_PREP_USER_DATA))

registerAppScheme()
app.enableSandbox()

const devServer = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null
const devOrigin = devServer ? new URL(devServer).origin : null
let mainWindow: BrowserWindow | null = null

async function start(): Promise<void> {
  await app.whenReady()
  const log = new ErrorLog(app.getPath('userData'))
  hardenSession(session.defaultSession, devOrigin, (url) => log.info(`blocked a network request to ${new URL(url).host}`))
  hardenAllWebContents()
  const send = createEventSender(
    () => mainWindow,
    (event, problem) => log.error(`event ${event}`, new Error(problem)),
  )
  const { services, handlers, caseFiles } = await createAppServices(send, () => mainWindow, log)
  handleAppScheme(path.join(import.meta.dirname, '../renderer'), caseFiles)
  const { settings, jobs } = services
  registerIpc(
    handlers,
    (url) => isTrustedUrl(url, devOrigin),
    (channel, error) => log.error(channel, error),
  )

  const refreshMenu = (s: StoredSettings) =>
    applyMenu(
      { language: s.language, screen: s.lastScreen, platform: process.platform, development: !app.isPackaged },
      {
        command: (command) => send('menu.command', { command }),
        language: (language) => void settings.update({ language }),
      },
    )
  refreshMenu(settings.get())
  let shown: SettingsView = settings.view()
  let menuKey = `${settings.get().language}/${settings.get().lastScreen}`
  settings.onChange((next) => {
    const key = `${next.language}/${next.lastScreen}`
    if (key !== menuKey) {
      menuKey = key
      refreshMenu(next)
    }
    const view = settings.view()
    if (JSON.stringify(view) !== JSON.stringify(shown)) {
      shown = view
      send('settings.changed', view)
    }
  })

  const open = () => {
    mainWindow = createMainWindow({
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      title: pick(menuMessages['app.title'], settings.get().language),
      saved: settings.get().window,
      onBounds: (bounds) => void settings.update({ window: bounds }),
    })
    mainWindow.on('closed', () => (mainWindow = null))
    void mainWindow.loadURL(devServer ?? APP_ENTRY)
  }
  open()

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open()
  })
  app.on('before-quit', () => jobs.cancelAll())
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  start().catch((error: unknown) => {
    new ErrorLog(app.getPath('userData')).error('startup', error)
    app.exit(1)
  })
}
