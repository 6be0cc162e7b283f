/**
 * Short notices at the bottom of the window ("已复制为新案件", a failed save). They go by themselves
 * after a few seconds — an error a little later, to be read — unless they carry an action the
 * person still has to take (those stay until done or closed). At most three at once.
 */
import { createStore } from './store'

/** Something the person can do from the notice (重试, 打开): such a notice stays until closed. */
export interface NoticeAction {
  readonly label: string
  readonly labelEn: string
  readonly run: () => void
}

/** One notice, in both languages. */
export interface Notice {
  readonly id: number
  readonly kind: 'info' | 'error'
  readonly message: string
  readonly messageEn: string
  readonly action?: NoticeAction
}

/** How long a notice stays without an action (ms): long enough to read an error's reason. */
export const NOTICE_MS = { info: 4000, error: 8000 } as const
/** Notices on screen at once: a fourth pushes out the oldest, so they never pile over the window. */
const MAX_NOTICES = 3

/** The notices on screen, newest last. */
export const noticesStore = createStore<{ notices: readonly Notice[] }>({ notices: [] })
let counter = 0

/** Shows a notice in both languages (the window picks one). */
export function notify(kind: Notice['kind'], message: string, messageEn: string, options: { action?: NoticeAction } = {}): void {
  counter += 1
  const id = counter
  const notice: Notice = { id, kind, message, messageEn, ...(options.action ? { action: options.action } : {}) }
  noticesStore.set((s) => ({ notices: [...s.notices.slice(-(MAX_NOTICES - 1)), notice] }))
  if (!options.action) setTimeout(() => dismiss(id), NOTICE_MS[kind])
}

/** Removes a notice (its close button, its action, or the timer). */
export function dismiss(id: number): void {
  noticesStore.set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
}
