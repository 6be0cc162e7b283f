/**
 * Which screen the window shows. Moving between screens is remembered in the settings, so the app
 * reopens where the user left it.
 */
import type { Screen } from '../../../shared/ipc/schemas'
import { createStore } from './store'

/** What the case screen's middle shows: the form, the scans and their review, the letter, or export. */
export type CaseView = 'form' | 'scans' | 'letter' | 'export'

/** The current screen and focus requests. */
export interface NavigationState {
  /** 'boot' until the settings are loaded and the last place restored. */
  readonly screen: Screen | 'boot'
  readonly caseView: CaseView
  /** Bumped to ask the checks panel (or the search box) to take the focus. */
  readonly focusChecks: number
  readonly focusSearch: number
}

/** The navigation store. */
export const navigationStore = createStore<NavigationState>({ screen: 'boot', caseView: 'form', focusChecks: 0, focusSearch: 0 })

/** Shows one view of the case screen. */
export function showCaseView(caseView: CaseView): void {
  navigationStore.set({ caseView })
}
