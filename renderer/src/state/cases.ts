/**
 * The case list: what is shown (search text, status filter) and the rows the main process found.
 * Searching is done by the workspace service, so the window never reads a case folder itself.
 */
import type { ResultOf } from '../../../shared/ipc/contract'
import type { CaseStatus, CaseSummary, FilingStatus } from '../../../shared/ipc/schemas'
import { call, errorText } from '../api'
import { createStore } from './store'

/** The list screen's state. */
export interface CasesState {
  readonly query: string
  readonly status: CaseStatus | null
  readonly filing: FilingStatus | null
  /** The column the rows are sorted by (null: last change first, as the workspace lists them). */
  readonly sort: { readonly key: SortKey; readonly descending: boolean } | null
  readonly byFiling: ResultOf<'case.list'>['byFiling'] | null
  readonly rows: readonly CaseSummary[]
  readonly total: number
  readonly byStatus: ResultOf<'case.list'>['byStatus'] | null
  readonly loaded: boolean
  readonly error: { message: string; messageEn: string } | null
}

/** The case list store. */
export const casesStore = createStore<CasesState>({
  query: '',
  status: null,
  filing: null,
  sort: null,
  byFiling: null,
  rows: [],
  total: 0,
  byStatus: null,
  loaded: false,
  error: null,
})

let generation = 0

/** Reloads the list for the current search and filter; an older answer never overwrites a newer one. */
export async function refreshCases(): Promise<void> {
  generation += 1
  const mine = generation
  const { query, status, filing } = casesStore.get()
  try {
    const result = await call('case.list', {
      ...(query.trim() !== '' ? { query } : {}),
      ...(status ? { status } : {}),
      ...(filing ? { filing } : {}),
    })
    if (mine !== generation) return
    casesStore.set({
      rows: result.cases,
      total: result.total,
      byStatus: result.byStatus,
      byFiling: result.byFiling,
      loaded: true,
      error: null,
    })
  } catch (error) {
    if (mine !== generation) return
    casesStore.set({ loaded: true, error: errorText(error) })
  }
}

/** Searches as the user types. */
export function setQuery(query: string): void {
  casesStore.set({ query })
  void refreshCases()
}

/** Shows one status only, or all with null. */
export function setStatusFilter(status: CaseStatus | null): void {
  casesStore.set({ status })
  void refreshCases()
}

/** Shows one filing status only, or all with null. */
export function setFilingFilter(filing: FilingStatus | null): void {
  casesStore.set({ filing })
  void refreshCases()
}

/** Columns the list sorts by. */
export type SortKey = 'name' | 'code' | 'province' | 'status' | 'filing' | 'missing' | 'updated'

/** Sorts by a column; the same column again reverses, a third time goes back to last change first. */
export function toggleSort(key: SortKey): void {
  const { sort } = casesStore.get()
  if (sort?.key !== key) casesStore.set({ sort: { key, descending: key === 'updated' } })
  else if (sort.descending !== (key === 'updated')) casesStore.set({ sort: null })
  else casesStore.set({ sort: { key, descending: !sort.descending } })
}

const STATUS_ORDER = ['incomplete', 'to-review', 'ready', 'exported']
const FILING_ORDER = ['preparing', 'exported', 'submitted', 'rejected-provider', 'rejected-bureau', 'filed', 'changing', 'cancelled']
const collator = new Intl.Collator('zh-CN')

function sortValue(row: CaseSummary, key: SortKey): string | number {
  switch (key) {
    case 'name':
      return row.name ?? ''
    case 'code':
      return row.creditCode ?? ''
    case 'province':
      return row.province ?? ''
    case 'status':
      return STATUS_ORDER.indexOf(row.status)
    case 'filing':
      return FILING_ORDER.indexOf(row.filing.status)
    case 'missing':
      return row.missing?.message ?? ''
    case 'updated':
      return row.updatedAt ?? ''
  }
}

/** The rows in the chosen order (empty values last either way). */
export function sortedRows(rows: readonly CaseSummary[], sort: CasesState['sort']): readonly CaseSummary[] {
  if (!sort) return rows
  const sign = sort.descending ? -1 : 1
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key)
    const y = sortValue(b, sort.key)
    if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y))
    return sign * order || a.id.localeCompare(b.id)
  })
}
