/**
 * The workspace: a folder the user chose, holding one sub-folder per case (case.json plus scans).
 * Everything the case list and the case screen do to cases on disk happens here — list, create,
 * open, save, duplicate, delete — so the app and the tests share one implementation.
 *
 * Cases are addressed by id (their folder name), checked to be one safe path segment and resolved
 * inside the workspace; the window never hands in a path. Deleting moves the folder to the trash
 * through an injected function (the system trash in the app, a temporary folder in tests).
 */
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { IsoDate } from '../../../shared/dates/iso-date'
import { AppError } from '../../../shared/ipc/errors'
import { isSafeCaseId, type CaseSummary } from '../../../shared/ipc/schemas'
import { checkStatusChange, withFilingEvent, type StatusChange } from '../../../shared/filing/status'
import { packageData } from '../../../shared/package/package-data'
import { CASE_SCHEMA_VERSION, CaseSchema, isNewerCase, parseCase, type Case } from '../../../shared/model/case'
import { deepParts, withDeepParts, withoutDeepParts } from '../../../shared/model/case-json'
import type { WorkspaceCase } from '../../../shared/rules/context'
import { checkCase, type Finding } from '../../../shared/rules/engine'
import { isTempName, sweepStaleTemps } from '../case-folder/atomic-file'
import { describeHistory, historyFolder, restoreSnapshot, type HistoryItem } from '../case-folder/case-history'
import { CASE_FILE, caseFileFacts, loadCase, saveCase, type LoadResult } from '../case-folder/case-store'
import { summarise } from './case-summary'
import { refuseBeyondLimits } from './case-limits'
import { newCaseId } from './case-names'
import { CaseRows, listRows, loadedCases, type CaseFilter, type CaseList, type ListedCase } from './case-rows'
import { WorkspaceCases, type WorkspaceSnapshot } from './workspace-cases'

export type { CaseList, ListedCase } from './case-rows'
export { newCaseId, UNNAMED_CASE } from './case-names'

/** What the workspace needs from the outside world. */
export interface WorkspaceDeps {
  /** Today in the user's time zone: validity rules measure from it when a case has no date. */
  today(): IsoDate
  /** The current time, for `updatedAt` and new case ids. */
  now(): Date
  /** Moves a folder to the trash (shell.trashItem in the app). */
  trash(folder: string): Promise<void>
  /** Keep the list's rows between runs in the workspace (list-cache.ts): the app and `expiring` do. */
  readonly listCache?: boolean
}

/** A case as the case screen receives it. */
export interface OpenedCase {
  readonly id: string
  /** The case, without values nested too deep to cross IPC (saves put them back from disk). */
  readonly case: Case
  readonly findings: Finding[]
  readonly summary: CaseSummary
  /** The revision it was read at: `save` refuses when case.json no longer descends from it. */
  readonly revision: string
  /** Written by a newer version of the app: shown, every save refused. */
  readonly readOnly: boolean
}

/** A change to a case made by a service: the freshest case in, the changed case out, nothing else. */
export type CaseChange = (fresh: Case) => Case

/** What update() wrote. */
export interface Updated {
  readonly case: Case
  readonly revision: string
}

/**
 * Keys of case.json the window never writes: scans and exports are added by their own services
 * (intake, packaging), so a window holding an older copy of the case can never drop one by saving.
 */
export const MAIN_OWNED_KEYS = ['documents', 'exports', 'filing'] as const

/** The cases in one workspace folder. */
export class Workspace {
  readonly root: string
  readonly #deps: WorkspaceDeps
  readonly #rows: CaseRows
  /** The workspace's cases, for the rules across cases (one sponsor in flight, one person per number). */
  readonly #cases: WorkspaceCases
  readonly #writes = new Map<string, Promise<unknown>>()
  /**
   * Per case, the revisions written by this workspace's services (update), each with the revision it
   * was made from. Services change only the main-owned keys, so a window whose revision is an
   * ancestor through such writes alone may still save; any other change on disk refuses its save.
   */
  readonly #serviceWrites = new Map<string, Map<string, string>>()

  constructor(root: string, deps: WorkspaceDeps) {
    this.root = path.resolve(root)
    this.#deps = deps
    this.#cases = new WorkspaceCases(this.root)
    this.#rows = new CaseRows(this.root, {
      today: () => deps.today(),
      keepBetweenRuns: deps.listCache === true,
      check: (id, folder, c, all) => this.#check(id, folder, c, all),
    })
  }

  /** Every case folder, searched and filtered, most recently changed first. */
  async list(filter: CaseFilter = {}): Promise<CaseList> {
    return listRows(await this.#rows.all(await this.#caseIds(), await this.#cases.snapshot()), filter)
  }

  /** Every case that loads, with its row: what views across cases (the expiry watch) read. */
  async cases(): Promise<ListedCase[]> {
    const all = await this.#cases.snapshot()
    return loadedCases(await this.#rows.all(await this.#caseIds(), all), all)
  }

  /** Resolves when the list's rows of this run are on disk (tests, the benchmark and the CLI wait for it). */
  async flushListCache(): Promise<void> {
    await this.#rows.flush()
  }

  /** The folder of a case, refusing any id that could resolve outside the workspace. */
  folderOf(id: string): string {
    if (!isSafeCaseId(id)) throw AppError.of('case-not-found')
    const folder = path.join(this.root, id)
    if (path.dirname(folder) !== this.root) throw AppError.of('case-not-found')
    return folder
  }

  /**
   * Records a filing status change (准备中 → 已导出 → 已提交 …) on the freshest case, refused with
   * status-refused and the reasons when it does not follow (filing/status.ts checkStatusChange).
   */
  async setFilingStatus(id: string, change: StatusChange): Promise<CaseSummary> {
    const providers = packageData().providers.map((p) => p.name)
    await this.update(id, (fresh) => {
      const checked = checkStatusChange(fresh, change, { now: this.#deps.now(), providers })
      if (!checked.ok)
        throw new AppError(
          'status-refused',
          checked.problems.map((p) => p.message).join('；'),
          checked.problems.map((p) => p.messageEn).join('; '),
          checked.problems.map((p) => `${p.field}: ${p.messageEn}`),
        )
      return withFilingEvent(fresh, checked.event)
    })
    const summary = (await this.#rows.row(id, await this.#cases.snapshot()))?.summary ?? null
    if (!summary) throw AppError.of('case-not-found')
    return summary
  }

  /**
   * Creates an empty 首次备案 case with one website (every filing has at least one), in a folder named
   * after `name` (the customer, when known: a batch import) and a short id.
   */
  async create(options: { readonly name?: string } = {}): Promise<OpenedCase> {
    return this.open(await this.createEmpty(options))
  }

  /** create() without opening (and checking) the new case: the batch import makes many at once. */
  async createEmpty(options: { readonly name?: string } = {}): Promise<string> {
    await this.#ensureRoot()
    const c = CaseSchema.parse({ schemaVersion: CASE_SCHEMA_VERSION, filingType: '首次备案', websites: [{}] })
    for (let attempt = 0; ; attempt += 1) {
      const id = newCaseId(options.name)
      const folder = this.folderOf(id)
      try {
        await mkdir(folder)
      } catch (error) {
        // Two customers of one name met the same short id: draw another.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 20) continue
        throw AppError.fromIo(error)
      }
      try {
        await saveCase(folder, { ...c, updatedAt: this.#deps.now().toISOString() })
      } catch (error) {
        await rm(folder, { recursive: true, force: true }).catch(() => undefined)
        throw AppError.fromIo(error)
      }
      return id
    }
  }

  /** Opens a case (read-only when a newer version wrote it), sweeping temporary files a killed save left. */
  async open(id: string): Promise<OpenedCase> {
    const folder = this.folderOf(id)
    await this.#sweep(folder)
    const loaded = await loadCase(folder, { newer: true })
    if (!loaded.ok) throw loadError(loaded)
    return this.#opened(id, folder, loaded)
  }

  /** The list row of a case already in hand (checked once, not read again): after a change a service just wrote. */
  async summaryOf(id: string, c: Case): Promise<CaseSummary> {
    const folder = this.folderOf(id)
    return summarise(id, c, await this.#check(id, folder, c), await this.#modified(folder))
  }

  async #opened(id: string, folder: string, loaded: Extract<LoadResult, { ok: true }>): Promise<OpenedCase> {
    const findings = await this.#check(id, folder, loaded.case)
    const modified = await this.#modified(folder)
    return {
      id,
      case: withoutDeepParts(loaded.case, deepParts(loaded.case)),
      findings,
      summary: summarise(id, loaded.case, findings, modified),
      revision: loaded.revision,
      readOnly: loaded.readOnly,
    }
  }

  /**
   * Saves an edit from the window, made on the case as it was at `revision`, atomically, and returns
   * the findings for exactly what was saved and the new revision. Saves of one case run one after
   * another, so an older save can never land after a newer one. Refused with case-changed-on-disk
   * when case.json changed since `revision` other than by this workspace's own services, or no
   * longer parses; with case-read-only for a case of a newer version.
   */
  async save(id: string, edited: Case, revision: string): Promise<{ summary: CaseSummary; findings: Finding[]; revision: string }> {
    const folder = this.folderOf(id)
    return this.#serialise(id, async () => {
      const onDisk = await loadCase(folder, { newer: true })
      if (!onDisk.ok && onDisk.reason === 'not-found') throw AppError.of('case-not-found')
      if (!onDisk.ok) throw AppError.of('case-changed-on-disk')
      if (onDisk.readOnly || isNewerCase(edited)) throw AppError.of('case-read-only')
      if (!this.#descends(id, onDisk.revision, revision)) throw AppError.of('case-changed-on-disk')
      const kept: Partial<Case> = {}
      for (const key of MAIN_OWNED_KEYS) if (onDisk.case[key] !== undefined) Object.assign(kept, { [key]: onDisk.case[key] })
      // Values too deep for the window were held back at open: put them back from disk.
      const next: Case = withDeepParts({ ...edited, ...kept, updatedAt: this.#deps.now().toISOString() }, deepParts(onDisk.case))
      if (onDisk.case.exports === undefined) delete next.exports
      if (onDisk.case.filing === undefined) delete next.filing
      let written: string
      try {
        written = await saveCase(folder, next, this.#deps.now(), { expected: onDisk.revision })
      } catch (error) {
        throw AppError.fromIo(error)
      }
      this.#rows.forget(id)
      this.#cases.forget(id)
      const findings = await this.#check(id, folder, next)
      return { summary: summarise(id, next, findings, null), findings, revision: written }
    })
  }

  /**
   * The one way services change a case: in the case's queue, load the freshest case.json, apply a
   * pure change, check the result against the schema and its limits, and save it — refused when
   * case.json changes between the read and the write, or was written by a newer version.
   */
  async update(id: string, change: CaseChange): Promise<Updated> {
    const folder = this.folderOf(id)
    const result = await this.#serialise(id, () => this.#commit(id, folder, change))
    this.#rows.forget(id)
    this.#cases.forget(id)
    return result
  }

  async #commit(id: string, folder: string, change: CaseChange): Promise<Updated> {
    const loaded = await loadCase(folder, { newer: true })
    if (!loaded.ok) throw loadError(loaded)
    if (loaded.readOnly) throw AppError.of('case-read-only')
    const next = change(loaded.case)
    refuseBeyondLimits(next)
    const parsed = parseCase(next)
    if (!parsed.ok)
      throw new AppError(
        'case-invalid',
        `修改后的案件无效：${parsed.problems[0] ?? ''}`,
        `The changed case is not valid: ${parsed.problems[0] ?? ''}`,
        parsed.problems.slice(0, 20),
      )
    let revision: string
    try {
      revision = await saveCase(folder, next, this.#deps.now(), { expected: loaded.revision })
    } catch (error) {
      throw AppError.fromIo(error)
    }
    const chain = this.#serviceWrites.get(id) ?? new Map<string, string>()
    chain.set(revision, loaded.revision)
    if (chain.size > 500) chain.delete(chain.keys().next().value as string)
    this.#serviceWrites.set(id, chain)
    return { case: next, revision }
  }

  /** True when `onDisk` is `base`, or was reached from it by this workspace's service writes alone. */
  #descends(id: string, onDisk: string, base: string): boolean {
    const chain = this.#serviceWrites.get(id)
    let at: string | undefined = onDisk
    for (let steps = 0; at !== undefined && steps <= 500; steps += 1) {
      if (at === base) return true
      at = chain?.get(at)
    }
    return false
  }

  /** The case's snapshots, newest first, each with the parts that differ from the case now. */
  async history(id: string): Promise<HistoryItem[]> {
    const folder = this.folderOf(id)
    const loaded = await loadCase(folder, { newer: true })
    if (!loaded.ok && loaded.reason === 'not-found') throw AppError.of('case-not-found')
    return describeHistory(folder, loaded.ok ? loaded.case : null)
  }

  /** Puts a snapshot back (the state it replaces is snapshotted first) and returns the case as opened. */
  async restore(id: string, snapshotId: string): Promise<OpenedCase> {
    const folder = this.folderOf(id)
    await this.#serialise(id, async () => {
      try {
        await stat(path.join(folder, CASE_FILE))
      } catch {
        throw AppError.of('case-not-found')
      }
      let restored
      try {
        restored = await restoreSnapshot(folder, snapshotId, path.join(folder, CASE_FILE), this.#deps.now())
      } catch (error) {
        throw AppError.fromIo(error)
      }
      if (!restored) throw AppError.of('snapshot-not-found')
      // Every window holding the case must reload it now.
      this.#serviceWrites.delete(id)
    })
    this.#rows.forget(id)
    return this.open(id)
  }

  /**
   * 另存为副本: the window's version of a case whose file changed under it, saved as a new case (the
   * scans copied with it) so neither version is lost. Documents come from the folder's case.json
   * when it still parses (they name the files copied), else from the window.
   */
  async saveCopy(id: string, edited: Case): Promise<OpenedCase> {
    if (isNewerCase(edited)) throw AppError.of('case-read-only')
    const source = this.folderOf(id)
    const onDisk = await loadCase(source)
    const newId = newCaseId(edited.sponsor.name)
    const target = this.folderOf(newId)
    const copy: Case = { ...edited, ...(onDisk.ok ? { documents: onDisk.case.documents } : {}), updatedAt: this.#deps.now().toISOString() }
    delete copy.exports
    await this.#copyFolder(source, target, copy, newId)
    return this.open(newId)
  }

  /**
   * Copies a case (scans included) to a new folder. The copy is assembled under a hidden name and
   * renamed into place, so a half-finished copy never shows up in the list; it has no exports.
   */
  async duplicate(id: string): Promise<CaseSummary> {
    const source = this.folderOf(id)
    const loaded = await loadCase(source)
    if (!loaded.ok) throw loadError(loaded)
    const newId = await this.#copyName(loaded.case.sponsor.name ?? null, id)
    const target = this.folderOf(newId)
    const copy: Case = { ...loaded.case, updatedAt: this.#deps.now().toISOString() }
    // A copy starts again: no exports, no filing history (it is a new filing, not the same one).
    delete copy.exports
    delete copy.filing
    await this.#copyFolder(source, target, copy, newId)
    const listed = await this.list()
    const summary = listed.cases.find((r) => r.id === newId)
    if (!summary) throw AppError.of('case-not-found')
    return summary
  }

  /**
   * The folder name of a copy: 「<主办单位> 副本」 (then 副本 2, 副本 3 …), after the source folder
   * when the sponsor has no name yet, else a new id after the name when no such name is safe.
   */
  async #copyName(sponsor: string | null, sourceId: string): Promise<string> {
    const cleaned = [...(sponsor ?? '').trim()].filter((ch) => ch.charCodeAt(0) >= 0x20 && !'\\/<>:"|?*'.includes(ch)).join('')
    const base = cleaned.slice(0, 100) || sourceId.slice(0, 100)
    const taken = new Set(await this.#allNames())
    for (let n = 1; n < 1000; n += 1) {
      const name = n === 1 ? `${base} 副本` : `${base} 副本 ${n}`
      if (isSafeCaseId(name) && !taken.has(name) && !taken.has(`.${name}.partial`)) return name
    }
    return newCaseId(sponsor)
  }

  async #allNames(): Promise<string[]> {
    try {
      return await readdir(this.root)
    } catch {
      return []
    }
  }

  /** Moves a case folder to the trash; only folders that hold a case.json are ever touched. */
  async remove(id: string): Promise<void> {
    const folder = this.folderOf(id)
    try {
      const info = await stat(path.join(folder, CASE_FILE))
      if (!info.isFile()) throw AppError.of('case-not-found')
    } catch (error) {
      if (error instanceof AppError) throw error
      throw AppError.of('case-not-found')
    }
    try {
      await this.#serialise(id, () => this.#deps.trash(folder))
    } catch (error) {
      throw AppError.fromIo(error)
    }
    this.#rows.forget(id)
  }

  /**
   * Runs `work` on a case folder in the same queue as saves, so scans, readings and export records
   * written by the main process and edits sent by the window never overwrite each other.
   */
  async change<T>(id: string, work: (folder: string, update: (change: CaseChange) => Promise<Updated>) => Promise<T>): Promise<T> {
    const folder = this.folderOf(id)
    const result = await this.#serialise(id, () => work(folder, (change) => this.#commit(id, folder, change)))
    this.#rows.forget(id)
    return result
  }

  /**
   * Copies a case folder under a hidden name, writes `c` as its case, and renames it into place. A
   * save's temporary files (which hold a whole case) are never copied.
   */
  async #copyFolder(source: string, target: string, c: Case, newId: string): Promise<void> {
    const partial = path.join(this.root, `.${newId}.partial`)
    try {
      await cp(source, partial, {
        recursive: true,
        errorOnExist: true,
        force: false,
        verbatimSymlinks: true,
        filter: (from) => !isTempName(path.basename(from)),
      })
      await saveCase(partial, c, this.#deps.now())
      await rename(partial, target)
    } catch (error) {
      await rm(partial, { recursive: true, force: true })
      throw AppError.fromIo(error)
    }
  }

  /** Removes temporary files a killed or failed save left in the case folder and its history. */
  async #sweep(folder: string): Promise<void> {
    // File times are real times: the staleness of a temporary file is measured by the real clock.
    const now = new Date()
    await sweepStaleTemps(folder, now)
    const history = await historyFolder(folder, false).catch(() => null)
    if (history) await sweepStaleTemps(history, now)
  }

  /** The workspace's cases other than `id`, for the rules across cases (the export's check). */
  async otherCases(id: string): Promise<WorkspaceCase[]> {
    return (await this.#cases.snapshot()).others(id)
  }

  /** The findings for a case, with the workspace's other cases for the rules across cases. */
  async #check(id: string, folder: string, c: Case, all?: WorkspaceSnapshot): Promise<Finding[]> {
    const workspace = (all ?? (await this.#cases.snapshot())).others(id)
    return checkCase(c, { today: this.#deps.today(), files: caseFileFacts(folder), workspace })
  }

  async #ensureRoot(): Promise<void> {
    try {
      await mkdir(this.root, { recursive: true })
    } catch (error) {
      throw AppError.of('workspace-unusable', { reason: error instanceof Error ? error.message : String(error) })
    }
  }

  async #caseIds(): Promise<string[]> {
    let entries
    try {
      entries = await readdir(this.root, { withFileTypes: true })
    } catch {
      return [] // no workspace folder yet: no cases
    }
    return entries.filter((e) => e.isDirectory() && isSafeCaseId(e.name)).map((e) => e.name)
  }

  async #modified(folder: string): Promise<Date | null> {
    try {
      return (await stat(path.join(folder, CASE_FILE))).mtime
    } catch {
      return null
    }
  }

  #serialise<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#writes.get(id) ?? Promise.resolve()
    const next = previous.then(work, work)
    const settled = next.catch(() => undefined)
    this.#writes.set(id, settled)
    void settled.then(() => {
      if (this.#writes.get(id) === settled) this.#writes.delete(id)
    })
    return next
  }
}

function loadError(failure: { reason: string; message: string; messageEn: string }): AppError {
  if (failure.reason === 'not-found') return AppError.of('case-not-found')
  return new AppError('case-invalid', `案件文件无法打开：${failure.message}`, `The case file cannot be opened: ${failure.messageEn}`)
}
