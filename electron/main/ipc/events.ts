/**
 * Pushing contract events to the window. Each payload is validated against its schema before it
 * leaves, so the window only ever receives what the contract promises.
 */
import type { BrowserWindow } from 'electron'
import type { EventChannel } from '../../../shared/ipc/channels'
import { events, type EventOf } from '../../../shared/ipc/contract'

/** Sends an event to the window if there is one; drops (and reports) a payload that breaks the contract. */
export type EventSender = <E extends EventChannel>(event: E, payload: EventOf<E>) => void

/** Builds the sender over the current window (none while it is closed or reloading). */
export function createEventSender(getWindow: () => BrowserWindow | null, onInvalid: (event: string, problem: string) => void): EventSender {
  return (event, payload) => {
    const parsed = events[event].safeParse(payload)
    if (!parsed.success) {
      onInvalid(event, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
      return
    }
    const window = getWindow()
    if (!window || window.isDestroyed()) return
    window.webContents.send(event, parsed.data)
  }
}
