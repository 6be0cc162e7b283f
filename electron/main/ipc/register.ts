/**
 * The only file that touches ipcMain. Each contract channel gets one handler that first checks
 * the sender — the top frame of a page served by the app itself — and then goes through dispatch(),
 * which validates input and output and turns failures into envelopes.
 */
import { ipcMain, type WebFrameMain } from 'electron'
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels'
import type { Handlers } from '../../../shared/ipc/contract'
import { dispatch, type IpcEnvelope, type UnexpectedErrorSink } from '../../../shared/ipc/dispatch'
import { AppError } from '../../../shared/ipc/errors'

/** Only the app's own top-level page may call; frames, other origins and dead frames may not. */
export function isTrustedSender(frame: WebFrameMain | null | undefined, isTrustedUrl: (url: string) => boolean): boolean {
  if (!frame) return false
  if (frame.parent !== null) return false
  return isTrustedUrl(frame.url)
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpc(handlers: Handlers, isTrustedUrl: (url: string) => boolean, onUnexpected?: UnexpectedErrorSink): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, raw: unknown): Promise<IpcEnvelope> => {
      if (!isTrustedSender(event.senderFrame, isTrustedUrl)) return { ok: false, error: AppError.of('untrusted-sender').toIpcError() }
      return dispatch(handlers, channel, raw, onUnexpected)
    })
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel)
  }
}
