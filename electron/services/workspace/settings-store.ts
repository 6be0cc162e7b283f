/**
 * The app's own settings (which workspace, which language, where the user was, the window's size
 * and position), kept as settings.json in the app's user-data folder. The folder is passed in, so
 * the store runs in tests without Electron. A damaged file never stops the app: each bad value
 * falls back to its default on its own.
 */
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_LANGUAGE } from '../../../shared/i18n/language'
import { CaseId, Language, Screen, type SettingsView } from '../../../shared/ipc/schemas'
import { writeFileAtomic } from '../case-folder/atomic-file'

/** The file name in the user-data folder, for tests and support. */
export const SETTINGS_FILE = 'settings.json'

const Bounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
})
/** The window's last size and position, restored at the next start. */
export type WindowBounds = z.infer<typeof Bounds>

const StoredSettingsSchema = z.object({
  version: z.literal(1).catch(1),
  workspace: z.string().min(1).max(4000).nullable().catch(null),
  language: Language.catch(DEFAULT_LANGUAGE),
  lastCaseId: CaseId.nullable().catch(null),
  lastScreen: Screen.catch('cases'),
  window: Bounds.nullable().catch(null),
})
/** Everything stored in settings.json. */
export type StoredSettings = z.infer<typeof StoredSettingsSchema>

/** The settings the window may change. */
export type SettingsPatch = Partial<Pick<StoredSettings, 'workspace' | 'language' | 'lastCaseId' | 'lastScreen' | 'window'>>

type Listener = (settings: StoredSettings) => void

/** Reads and writes settings.json; one instance per app. */
export class SettingsStore {
  readonly #file: string
  readonly #defaultWorkspace: string
  #settings: StoredSettings
  #writing: Promise<void> = Promise.resolve()
  readonly #listeners = new Set<Listener>()

  private constructor(file: string, defaultWorkspace: string, settings: StoredSettings) {
    this.#file = file
    this.#defaultWorkspace = defaultWorkspace
    this.#settings = settings
  }

  /** Loads settings from `userDataDir`; a missing or unreadable file gives the defaults. */
  static async open(userDataDir: string, defaultWorkspace: string): Promise<SettingsStore> {
    const file = path.join(userDataDir, SETTINGS_FILE)
    let data: unknown
    try {
      data = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''))
    } catch {
      data = {} // no settings yet, or not JSON: start from the defaults
    }
    const parsed = StoredSettingsSchema.safeParse(typeof data === 'object' && data !== null ? data : {})
    const settings = parsed.success ? parsed.data : StoredSettingsSchema.parse({})
    return new SettingsStore(file, defaultWorkspace, settings)
  }

  get(): StoredSettings {
    return this.#settings
  }

  /** The workspace in use: the one the user chose, else the default under Documents. */
  workspace(): string {
    return this.#settings.workspace ?? this.#defaultWorkspace
  }

  /** What the window sees. */
  view(): SettingsView {
    const s = this.#settings
    return { workspace: this.workspace(), language: s.language, lastCaseId: s.lastCaseId, lastScreen: s.lastScreen }
  }

  /** Changes settings and writes them atomically; writes happen one after another, in call order. */
  async update(patch: SettingsPatch): Promise<StoredSettings> {
    const next = StoredSettingsSchema.parse({ ...this.#settings, ...patch })
    this.#settings = next
    const write = this.#writing.then(async () => {
      await mkdir(path.dirname(this.#file), { recursive: true })
      await writeFileAtomic(this.#file, `${JSON.stringify(next, null, 2)}\n`)
    })
    this.#writing = write.catch(() => undefined)
    for (const listener of this.#listeners) listener(next)
    await write
    return next
  }

  /** Called after every change (the main process rebuilds the menu when the language changes). */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
}
