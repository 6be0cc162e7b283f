/**
 * The window's copy of the settings (language, workspace, last screen) and the app facts it
 * shows. The main process owns the settings; this store mirrors them and asks for changes.
 */
import type { Language } from '../../../shared/i18n/language'
import type { ResultOf } from '../../../shared/ipc/contract'
import type { SettingsView } from '../../../shared/ipc/schemas'
import { call } from '../api'
import { createStore } from './store'

/** Settings and app facts, null until loaded. */
export interface SettingsState {
  readonly settings: SettingsView | null
  readonly info: ResultOf<'app.info'> | null
}

/** The settings store; the language of every screen comes from here. */
export const settingsStore = createStore<SettingsState>({ settings: null, info: null })

/** Loads settings and app facts at start. */
export async function loadSettings(): Promise<SettingsView> {
  const [settings, info] = await Promise.all([call('settings.get', {}), call('app.info', {})])
  settingsStore.set({ settings, info })
  return settings
}

/** Applies settings the main process changed (the language from the menu, a new workspace). */
export function applySettings(settings: SettingsView): void {
  settingsStore.set({ settings })
}

/** Switches the interface language (the menu follows). */
export async function setLanguage(language: Language): Promise<void> {
  applySettings(await call('settings.update', { language }))
}

/** Remembers where the user is, so reopening the app returns there. */
export async function rememberPlace(place: Pick<SettingsView, 'lastScreen' | 'lastCaseId'>): Promise<void> {
  applySettings(await call('settings.update', place))
}
