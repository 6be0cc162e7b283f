/**
 * The app's workspace as seen from outside the app (the CLI, a scheduled task): the same
 * settings.json the app keeps in its user-data folder, and the same default under Documents.
 * Electron names the user-data folder after the product name under the platform's application
 * data folder; ICP_PREP_USER_DATA overrides it, as it does for the app (electron/main/index.ts).
 */
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { pick } from '../../../shared/i18n/language'
import { menuMessages } from '../../../shared/i18n/messages/menu'
import { SettingsStore } from './settings-store'

/** package.json productName: Electron's app name, hence the user-data folder's name. */
export const PRODUCT_NAME = 'ICP Prep 备案材料助手'

/** Electron's app.getPath('appData') for this platform and environment. */
function appDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming')
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config')
}

/** Electron's app.getPath('documents'): on Linux the XDG documents folder when one is configured. */
function documentsDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'linux') {
    try {
      const dirs = readFileSync(path.join(appDataDir(env, platform), 'user-dirs.dirs'), 'utf8')
      const m = /^XDG_DOCUMENTS_DIR="([^"]+)"/m.exec(dirs)
      if (m?.[1]) return m[1].replace(/^\$HOME/, homedir())
    } catch {
      // no user-dirs.dirs: ~/Documents, as Electron falls back to
    }
  }
  return path.join(homedir(), 'Documents')
}

/** The user-data folder the app uses. */
export function appUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return env.ICP_PREP_USER_DATA ? path.resolve(env.ICP_PREP_USER_DATA) : path.join(appDataDir(env, platform), PRODUCT_NAME)
}

/** The workspace the app would open: the one chosen in its settings, else the default under Documents. */
export async function appWorkspace(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<string> {
  const fallback = path.join(documentsDir(env, platform), pick(menuMessages['workspace.defaultFolder'], 'zh-CN'))
  const settings = await SettingsStore.open(appUserDataDir(env, platform), fallback)
  return settings.workspace()
}
