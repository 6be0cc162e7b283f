/**
 * Which screen the window shows. Moving between screens is remembered in the settings, so the app
 * reopens where the user left it.
 */
import type { Screen } from '../../../shared/ipc/schemas'
import { createStore } from './store'

/** The current screen and focus requests. */
export interface NavigationState {
  /** 'boot' until the settings are loaded and the last place restored. */
  readonly screen: Screen | 'boot'
  /** Bumped to ask the checks panel (or the search box) to take the focus. */
  readonly focusChecks: number
  readonly focusSearch: number
}

/** The navigation store. */
export const navigationStore = createStore<NavigationState>({ screen: 'boot', focusChecks: 0, focusSearch: 0 })
