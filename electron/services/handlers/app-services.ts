/**
 * What the IPC handlers need from the world, gathered in one object. The main process fills it
 * with Electron's dialog, shell and paths; the UI tests fill it with temporary folders and scripted
 * pickers. Handlers never import 'electron', so the same code runs in both.
 */
import path from 'node:path'
import type { IsoDate } from '../../../shared/dates/iso-date'
import type { JobRunner } from '../jobs'
import type { OcrPool } from '../ocr/pool'
import type { SettingsStore } from '../workspace/settings-store'
import { Workspace } from '../workspace/workspace'

/** What the save dialog saves: the letter, the package, the expiry calendar or table. */
export type SaveKind = 'pdf' | 'zip' | 'ics' | 'csv'

/** Everything a handler may use, injected so tests replace the trash, pickers and clock. */
export interface AppServices {
  readonly settings: SettingsStore
  readonly jobs: JobRunner
  readonly info: { readonly name: string; readonly version: string; readonly platform: string }
  /** A private folder of the app's user data for caches (scan images) and files handed to other apps. */
  readonly cacheDir: string
  today(): IsoDate
  now(): Date
  /** Moves a folder or file to the system trash (shell.trashItem). */
  trash(target: string): Promise<void>
  /** Shows a native folder picker starting at `current`; null when cancelled. */
  chooseFolder(current: string): Promise<string | null>
  /** Shows a folder in the system file manager (shell.openPath). */
  reveal(folder: string): Promise<void>
  /** Native picker for scans: several files, or folders; empty when cancelled. */
  chooseScans(options: { readonly folders: boolean }): Promise<string[]>
  /** Native save dialog for a PDF or a zip, proposing `name`; null when cancelled. */
  chooseSaveFile(options: { readonly name: string; readonly kind: SaveKind }): Promise<string | null>
  /** Shows a file selected in the file manager (shell.showItemInFolder). */
  showFile(file: string): Promise<void>
  /** Opens a file with the system's default application (the letter PDF, to print it). */
  openFile(file: string): Promise<void>
  /** The OCR pool for one reading job (closed after it); default: tesseract.js, one engine per core. */
  readonly ocrPool?: () => OcrPool
}

/** One Workspace object per folder, so its summary cache and save queue survive between calls. */
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
      workspace = new Workspace(root, { today: () => s.today(), now: () => s.now(), trash: (folder) => s.trash(folder), listCache: true })
      this.#byRoot.set(root, workspace)
    }
    return workspace
  }
}
