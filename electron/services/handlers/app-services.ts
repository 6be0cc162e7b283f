/**
 * What the IPC handlers need from the world, gathered in one object. The main process fills it
 * with Electron's dialog, shell and paths; the UI tests fill it with temporary folders. Handlers
 * never import 'electron', so the same code runs in both.
 */
import path from 'node:path'
import type { IsoDate } from '../../../shared/dates/iso-date'
import type { JobRunner } from '../jobs'
import type { SettingsStore } from '../workspace/settings-store'
import { Workspace } from '../workspace/workspace'

/** Everything a handler may use, injected so tests replace the trash, picker and clock. */
export interface AppServices {
  readonly settings: SettingsStore
  readonly jobs: JobRunner
  readonly info: { readonly name: string; readonly version: string; readonly platform: string }
  today(): IsoDate
  now(): Date
  /** Moves a folder to the system trash (shell.trashItem). */
  trash(folder: string): Promise<void>
  /** Shows a native folder picker starting at `current`; null when cancelled. */
  chooseFolder(current: string): Promise<string | null>
  /** Shows a folder in the system file manager (shell.openPath). */
  reveal(folder: string): Promise<void>
}

/** One Workspace object per folder, so its summary cache survives between calls. */
export class WorkspaceRegistry {
  readonly #services: AppServices
  readonly #byRoot = new Map<string, Workspace>()

  constructor(services: AppServices) {
    this.#services = services
  }

  /** The workspace the settings currently point at. */
  current(): Workspace {
    const root = path.resolve(this.#services.settings.workspace())
    let workspace = this.#byRoot.get(root)
    if (!workspace) {
      const s = this.#services
      workspace = new Workspace(root, { today: () => s.today(), now: () => s.now(), trash: (folder) => s.trash(folder) })
      this.#byRoot.set(root, workspace)
    }
    return workspace
  }
}
