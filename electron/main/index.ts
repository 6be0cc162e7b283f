/**
 * Main process entry: one window with the renderer sandboxed. The full shell (custom scheme,
 * request blocking, IPC contract) is built in the desktop-app issue; security settings are set
 * here explicitly from the start so they can never silently default to something weaker.
 */
import path from 'node:path'
import { app, BrowserWindow } from 'electron'

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'ICP Prep 备案材料助手',
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  })
  void window.loadFile(path.join(import.meta.dirname, '../renderer/index.html'))
}

void app.whenReady().then(createWindow)
app.on('window-all-closed', () => app.quit())
