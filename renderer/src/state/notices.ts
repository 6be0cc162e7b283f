/**
 * Short notices at the bottom of the window ("已复制为新案件", a failed save). Errors stay until
 * dismissed; other notices fade after a few seconds.
 */
import { createStore } from './store'

/** One notice, in both languages. */
export interface Notice {
  readonly id: number
  readonly kind: 'info' | 'error'
  readonly message: string
  readonly messageEn: string
}

/** The notices on screen, newest last (at most four). */
export const noticesStore = createStore<{ notices: readonly Notice[] }>({ notices: [] })
let counter = 0

/** Shows a notice in both languages (the window picks one). */
export function notify(kind: Notice['kind'], message: string, messageEn: string): void {
  counter += 1
  const id = counter
  noticesStore.set((s) => ({ notices: [...s.notices.slice(-3), { id, kind, message, messageEn }] }))
  if (kind === 'info') setTimeout(() => dismiss(id), 4000)
}

/** Removes a notice (its close button, or the timer). */
export function dismiss(id: number): void {
  noticesStore.set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
}
