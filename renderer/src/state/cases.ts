/**
 * The case list: what is shown (search text, status filter) and the rows the main process found.
 * Searching is done by the workspace service, so the window never reads a case folder itself.
 */
import type { ResultOf } from '../../../shared/ipc/contract'
import type { CaseStatus, CaseSummary } from '../../../shared/ipc/schemas'
import { call, errorText } from '../api'
import { createStore } from './store'

/** The list screen's state. */
export interface CasesState {
  readonly query: string
  readonly status: CaseStatus | null
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
  const { query, status } = casesStore.get()
  try {
    const result = await call('case.list', { ...(query.trim() !== '' ? { query } : {}), ...(status ? { status } : {}) })
    if (mine !== generation) return
    casesStore.set({ rows: result.cases, total: result.total, byStatus: result.byStatus, loaded: true, error: null })
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
