/**
 * The window's security settings, in one place where they are easy to see and to test. Each is
 * set explicitly, even where it is Electron's default, so a changed default can never weaken them.
 */
import type { WebPreferences } from 'electron'

/** webPreferences for the main window, given the built preload script. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // Middle-click must not open windows (window.open is denied anyway; electronegativity AUXCLICK).
    disableBlinkFeatures: 'Auxclick',
  }
}
