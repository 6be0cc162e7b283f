/**
 * The case list's rows: one per case folder, made by the rules once and reused while case.json, the
 * date and the other cases' numbers are unchanged — in memory, and between runs through list-cache.ts
 * (the app and `expiring` keep them). Searching, filtering and counting the rows is pure, below.
 */
import path from 'node:path'
import type { IsoDate } from '../../../shared/dates/iso-date'
import type { CaseStatus, CaseSummary, FilingStatus } from '../../../shared/ipc/schemas'
import type { Case } from '../../../shared/model/case'
import type { Finding } from '../../../shared/rules/engine'
import { stat } from 'node:fs/promises'
import { CASE_FILE, loadCase } from '../case-folder/case-store'
import { readListCache, writeListCache, type ListCacheEntry } from './list-cache'
import { brokenSummary, countByFiling, countByStatus, fold, matchesQuery, searchValues, summarise } from './case-summary'
import type { WorkspaceSnapshot } from './workspace-cases'

/** The list screen's data: rows plus the counts the filter chips show. */
export interface CaseList {
  readonly cases: CaseSummary[]
  /** Cases in the workspace, before search and filter. */
  readonly total: number
  /** Per status, after the search and before the status filter (the numbers on the filter chips). */
  readonly byStatus: Record<CaseStatus, number>
  /** Per filing status, after the search and the status filter, before the filing filter. */
  readonly byFiling: Record<FilingStatus, number>
}

/** A loaded case with its id, for views across cases (the expiry watch). */
export interface ListedCase {
  readonly id: string
  readonly case: Case
  readonly summary: CaseSummary
}

/** What the list is narrowed to: search words, a case status, a filing status. */
export interface CaseFilter {
  readonly query?: string
  readonly status?: CaseStatus
  readonly filing?: FilingStatus
}

export interface CaseRow {
  readonly mtimeMs: number
  readonly size: number
  readonly summary: CaseSummary
  readonly today: IsoDate
  /** Folded search values (case-summary.ts searchValues): kept here, never sent to the window. */
  readonly search: readonly string[]
  /** The parsed case, for views across cases; null for a damaged one. */
  readonly case: Case | null
  /** What the rules across cases read of the workspace's cases when this summary was made. */
  readonly workspace: string
}

/** What rows are made with: today, the rule check of a case, and whether rows outlive the run. */
export interface CaseRowDeps {
  today(): IsoDate
  check(id: string, folder: string, c: Case, all: WorkspaceSnapshot): Promise<Finding[]>
  readonly keepBetweenRuns: boolean
}

/** The rows of one workspace folder. */
export class CaseRows {
  readonly #root: string
  readonly #deps: CaseRowDeps
  readonly #cache = new Map<string, CaseRow>()
  /** The rows of the last run (list-cache.ts), read once; and whether a row was made since. */
  #persisted: Promise<Map<string, ListCacheEntry>> | null = null
  #dirty = false
  #cacheWrite: Promise<void> = Promise.resolve()

  constructor(root: string, deps: CaseRowDeps) {
    this.#root = root
    this.#deps = deps
  }

  /** A case changed or went: its row is made again when next asked for. */
  forget(id: string): void {
    this.#cache.delete(id)
  }

  /** Resolves when the rows of this run are on disk. */
  async flush(): Promise<void> {
    await this.#cacheWrite
  }

  /** The rows of these case folders (a folder without case.json has none); kept for the next run when any was made. */
  async all(ids: readonly string[], all: WorkspaceSnapshot): Promise<CaseRow[]> {
    const rows = await Promise.all(ids.map((id) => this.row(id, all)))
    const entries = rows.filter((r): r is CaseRow => r !== null)
    if (this.#deps.keepBetweenRuns && this.#dirty) {
      this.#dirty = false
      const keep = new Map(
        entries.map((e) => [
          e.summary.id,
          { mtimeMs: e.mtimeMs, size: e.size, today: e.today, workspace: e.workspace, summary: e.summary, search: [...e.search] },
        ]),
      )
      this.#cacheWrite = this.#cacheWrite.then(() => writeListCache(this.#root, keep))
    }
    return entries
  }

  /** A row for the list, reusing the last one while case.json, the date and the other cases' numbers are unchanged. */
  async row(id: string, all: WorkspaceSnapshot): Promise<CaseRow | null> {
    const folder = path.join(this.#root, id)
    let info
    try {
      info = await stat(path.join(folder, CASE_FILE))
    } catch {
      return null // a folder without case.json is not a case
    }
    const today = this.#deps.today()
    const workspace = all.key
    const cached = this.#cache.get(id)
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size && cached.today === today && cached.workspace === workspace)
      return cached
    if (this.#deps.keepBetweenRuns) {
      this.#persisted ??= readListCache(this.#root)
      const kept = (await this.#persisted).get(id)
      if (
        kept &&
        kept.mtimeMs === info.mtimeMs &&
        kept.size === info.size &&
        kept.today === today &&
        kept.workspace === workspace &&
        kept.summary.id === id
      ) {
        const entry: CaseRow = { ...kept, case: all.cases.get(id) ?? null }
        this.#cache.set(id, entry)
        return entry
      }
    }
    this.#dirty = true
    // The snapshot just read this case.json; only a broken one is read again, for its message.
    const known = all.mtimes.get(id) === info.mtimeMs ? all.cases.get(id) : undefined
    const loaded = known ? ({ ok: true, case: known } as const) : await loadCase(folder)
    const summary = loaded.ok
      ? summarise(id, loaded.case, await this.#deps.check(id, folder, loaded.case, all), info.mtime)
      : brokenSummary(id, loaded.message, loaded.messageEn, info.mtime)
    const entry: CaseRow = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      summary,
      today,
      workspace,
      search: searchValues(id, loaded.ok ? loaded.case : null),
      case: loaded.ok ? loaded.case : null,
    }
    this.#cache.set(id, entry)
    return entry
  }
}

/** The list screen's rows: searched, filtered, counted for the chips, most recently changed first. */
export function listRows(entries: readonly CaseRow[], filter: CaseFilter): CaseList {
  // Cases sharing a credit code are flagged on each row (a duplicate, or the same customer twice).
  const byCode = new Map<string, number>()
  for (const e of entries) {
    const code = e.summary.creditCode ? fold(e.summary.creditCode) : null
    if (code) byCode.set(code, (byCode.get(code) ?? 0) + 1)
  }
  const all = entries.map((e) => {
    const same = e.summary.creditCode ? (byCode.get(fold(e.summary.creditCode)) ?? 1) - 1 : 0
    return { row: same === e.summary.sameCreditCode ? e.summary : { ...e.summary, sameCreditCode: same }, search: e.search }
  })
  const found = all.filter((r) => matchesQuery(r.search, filter.query)).map((r) => r.row)
  const byStatusFiltered = found.filter((r) => filter.status === undefined || r.status === filter.status)
  const cases = byStatusFiltered
    .filter((r) => filter.filing === undefined || r.filing.status === filter.filing)
    .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') || a.id.localeCompare(b.id))
  return { cases, total: all.length, byStatus: countByStatus(found), byFiling: countByFiling(byStatusFiltered) }
}

/** The rows whose case loads, each with its parsed case: what views across cases read. */
export function loadedCases(entries: readonly CaseRow[], all: WorkspaceSnapshot): ListedCase[] {
  return entries.flatMap((e) => {
    // A row reused from the last run has no parsed case of its own: the snapshot read it.
    const c = e.case ?? all.cases.get(e.summary.id) ?? null
    return c === null ? [] : [{ id: e.summary.id, case: c, summary: e.summary }]
  })
}
