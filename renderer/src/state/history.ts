/**
 * The 历史版本 list of the open case: the snapshots the main process keeps in the case's .history,
 * each with when it was replaced, its size and which parts differ from the case now.
 */
import type { ResultOf } from '../../../shared/ipc/contract'
import { call, errorText } from '../api'
import { createStore } from './store'

export type HistoryItem = ResultOf<'case.history'>['items'][number]

/** Whether the list is shown, and what it holds. */
export interface HistoryState {
  readonly open: boolean
  readonly caseId: string | null
  readonly items: readonly HistoryItem[] | null
  readonly error: { message: string; messageEn: string } | null
}

export const historyStore = createStore<HistoryState>({ open: false, caseId: null, items: null, error: null })

/** Shows the list for a case and reads it. */
export async function openHistory(caseId: string): Promise<void> {
  historyStore.set({ open: true, caseId, items: null, error: null })
  try {
    const { items } = await call('case.history', { caseId })
    if (historyStore.get().caseId === caseId) historyStore.set({ items })
  } catch (error) {
    if (historyStore.get().caseId === caseId) historyStore.set({ error: errorText(error) })
  }
}

export function closeHistory(): void {
  historyStore.set({ open: false, caseId: null, items: null, error: null })
}
