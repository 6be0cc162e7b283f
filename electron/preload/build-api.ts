/**
 * Builds the window's API generically from the contract's channel names, over any transport
 * (ipcRenderer in the app, exposed functions in the UI tests). Unknown channels and events are
 * refused here, before anything reaches the main process. Dependency-free on purpose: a sandboxed
 * preload may only load bundled code.
 */
import type { BridgeApi } from '../../shared/ipc/bridge'
import { isEventChannel, isInvokeChannel } from '../../shared/ipc/channels'
import type { IpcEnvelope } from '../../shared/ipc/dispatch'
import { errorMessages } from '../../shared/i18n/messages/errors'

/** What carries calls and events (ipcRenderer in the app). */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<unknown>
  subscribe(event: string, listener: (payload: unknown) => void): () => void
}

function refused(channel: string): IpcEnvelope {
  const [zh, en] = errorMessages['error.unknown-channel']
  const name = channel.slice(0, 60)
  return {
    ok: false,
    error: { code: 'unknown-channel', message: zh.replace('{channel}', name), messageEn: en.replace('{channel}', name) },
  }
}

function failed(): IpcEnvelope {
  const [zh, en] = errorMessages['error.internal']
  return { ok: false, error: { code: 'internal', message: zh, messageEn: en } }
}

/** The frozen object exposed as window.icpPrep. */
export function buildApi(transport: Transport): BridgeApi {
  const api: BridgeApi = {
    invoke(channel, input) {
      if (!isInvokeChannel(channel)) return Promise.resolve(refused(String(channel)))
      return transport.invoke(channel, input).then(
        (envelope) => envelope as IpcEnvelope,
        () => failed(),
      )
    },
    on(event, listener) {
      if (!isEventChannel(event)) throw new Error(`Unknown event: ${String(event).slice(0, 60)}`)
      if (typeof listener !== 'function') throw new Error('The listener must be a function')
      return transport.subscribe(event, (payload) => listener(payload))
    },
  }
  return Object.freeze(api)
}
