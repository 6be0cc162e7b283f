/**
 * The Guangdong letter of the open case: its preview (laid out by the main process, redrawn after
 * edits while the letter is shown), and saving or printing it. A refusal is not an error here: the
 * preview carries the findings that refuse the letter, and the view shows them.
 */
import { translate } from '../../../shared/i18n/messages'
import type { LetterPreview } from '../../../shared/ipc/letter-export-schemas'
import { call, errorText } from '../api'
import { isIsoDate } from '../../../shared/dates/iso-date'
import { generatedLetterRecord } from '../../../shared/letter/staleness'
import { editorStore, updateDraft } from './editor'
import { notify } from './notices'
import { createStore } from './store'

/** The letter view's state. */
export interface LetterState {
  readonly caseId: string | null
  readonly preview: LetterPreview | null
  readonly loading: boolean
  readonly busy: 'save' | 'print' | null
}

/** The letter store. */
export const letterStore = createStore<LetterState>({ caseId: null, preview: null, loading: false, busy: null })

let generation = 0

function fail(error: unknown): void {
  const { message, messageEn } = errorText(error)
  notify('error', message, messageEn)
}

/** Lays the letter out again for the case (an older answer never replaces a newer one). */
export async function refreshLetter(caseId: string): Promise<void> {
  generation += 1
  const mine = generation
  if (letterStore.get().caseId !== caseId) letterStore.set({ caseId, preview: null })
  letterStore.set({ loading: true })
  try {
    const preview = await call('letter.preview', { caseId })
    if (mine === generation) letterStore.set({ preview, loading: false })
  } catch (error) {
    if (mine !== generation) return
    letterStore.set({ loading: false })
    fail(error)
  }
}

/**
 * Keeps what the saved or printed letter carries in the case (`generatedLetter`), so the letter
 * view can say when a later edit makes that paper stale.
 */
function remember(caseId: string): void {
  const { preview } = letterStore.get()
  if (!preview || editorStore.get().caseId !== caseId || !isIsoDate(preview.date)) return
  const date = preview.date
  updateDraft((draft) => ({ ...draft, generatedLetter: generatedLetterRecord(draft, date, new Date()) }))
}

/** Saves the letter where the user chooses (native save dialog). */
export async function saveLetter(caseId: string): Promise<void> {
  letterStore.set({ busy: 'save' })
  try {
    const result = await call('letter.save', { caseId })
    if (result.saved) remember(caseId)
    if (result.saved && result.name)
      notify('info', translate('zh-CN', 'letter.saved', { name: result.name }), translate('en', 'letter.saved', { name: result.name }))
  } catch (error) {
    fail(error)
  } finally {
    letterStore.set({ busy: null })
  }
}

/** Opens the letter in the system PDF viewer, from where it is printed at actual size. */
export async function printLetter(caseId: string): Promise<void> {
  letterStore.set({ busy: 'print' })
  try {
    await call('letter.print', { caseId })
    remember(caseId)
    notify('info', translate('zh-CN', 'letter.printOpened'), translate('en', 'letter.printOpened'))
  } catch (error) {
    fail(error)
  } finally {
    letterStore.set({ busy: null })
  }
}
