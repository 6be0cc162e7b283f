/**
 * Accepting values read from scans into the form, with undo: each accepted value goes through the
 * editor like any edit (saved and checked at once), and the value it replaced is remembered, so the
 * last acceptance can be taken back with 撤销 or Ctrl/Cmd+Z while reviewing.
 */
import { storedValue, type FieldTarget } from '../../../shared/review/form-fields'
import { parsePath } from '../case/paths'
import { editField, editorStore, fieldValue } from './editor'
import { createStore } from './store'

/** One acceptance: the field, the value it had before, and the value put in. */
export interface Accepted {
  readonly path: string
  readonly previous: string | null
  readonly value: string
}

/** Acceptances of this visit, newest last (undo takes them back one by one). */
export const reviewStore = createStore<{ history: readonly Accepted[] }>({ history: [] })

/** How many acceptances undo can take back. */
const KEEP = 50

function current(path: string): string | null {
  const { draft } = editorStore.get()
  if (!draft) return null
  const value = fieldValue(draft, parsePath(path))
  return value === '' ? null : value
}

/** Puts the values into the form (one undo step each) and remembers what they replaced. */
export function accept(items: ReadonlyArray<{ target: FieldTarget; value: string }>): void {
  const done: Accepted[] = []
  for (const { target, value } of items) {
    const stored = storedValue(target.kind, value)
    const previous = current(target.path)
    if (previous === stored) continue
    editField(parsePath(target.path), stored)
    done.push({ path: target.path, previous, value: stored })
  }
  if (done.length > 0) reviewStore.set((s) => ({ history: [...s.history, ...done].slice(-KEEP) }))
}

/** Takes back the last accepted value, unless the field was edited since; returns what was undone. */
export function undoLast(): Accepted | null {
  const last = reviewStore.get().history.at(-1)
  if (!last) return null
  reviewStore.set((s) => ({ history: s.history.slice(0, -1) }))
  if (current(last.path) === last.value) editField(parsePath(last.path), last.previous)
  return last
}

/** Forgets the history (another case was opened). */
export function clearReview(): void {
  reviewStore.set({ history: [] })
}
