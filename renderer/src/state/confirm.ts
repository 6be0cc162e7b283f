/**
 * One confirmation dialog for the whole window, asked for with a promise, so a menu command and a
 * button confirm a deletion the same way.
 */
import { createStore } from './store'

/** What the dialog shows and how it answers. */
export interface ConfirmRequest {
  readonly title: string
  readonly body: string
  readonly confirmLabel: string
  readonly danger: boolean
  readonly resolve: (confirmed: boolean) => void
}

/** The pending question, if any. */
export const confirmStore = createStore<{ request: ConfirmRequest | null }>({ request: null })

/** Asks the user; resolves true when they confirm, false when they cancel or press Escape. */
export function askConfirm(options: Omit<ConfirmRequest, 'resolve'>): Promise<boolean> {
  confirmStore.get().request?.resolve(false)
  return new Promise((resolve) => {
    confirmStore.set({
      request: {
        ...options,
        resolve: (confirmed) => {
          confirmStore.set({ request: null })
          resolve(confirmed)
        },
      },
    })
  })
}
