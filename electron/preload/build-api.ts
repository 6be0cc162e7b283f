/**
 * Builds the window's API generically from the contract's channel names, over any transport
 * (ipcRenderer in the app, exposed functions in the UI tests). Unknown channels and events are
 * refused here, before anything reaches the main process. Dependency-free on purpose: a sandboxed
 * preload may only load bundled code.
 *
 * Paths: the page cannot send a file channel through `invoke`. `invokeWithFiles` takes File
 * objects the user dropped, turns each into its path here (webUtils.getPathForFile in the app) and
 * sends the paths on; the page never holds a path, and a File made up by script has none.
 */
import type { BridgeApi } from '../../shared/ipc/bridge'
import { isEventChannel, isFileChannel, isInvokeChannel } from '../../shared/ipc/channels'
import type { IpcEnvelope } from '../../shared/ipc/dispatch'
import { errorMessages } from '../../shared/i18n/messages/errors'

/** What carries calls and events (ipcRenderer in the app). */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<unknown>
  subscribe(event: string, listener: (payload: unknown) => void): () => void
  /** The path of a File the user dropped or picked; '' for a File made by script. */
  pathForFile(file: unknown): string
}

/** At most this many File objects per call (the contract refuses more paths anyway). */
const MAX_FILES = 1000

function refused(channel: string): IpcEnvelope {
  const [zh, en] = errorMessages['error.unknown-channel']
  const name = channel.slice(0, 60)
  return {
    ok: false,
    error: { code: 'unknown-channel', message: zh.replace('{channel}', name), messageEn: en.replace('{channel}', name) },
  }
}

function badInput(): IpcEnvelope {
  const [message, messageEn] = errorMessages['error.bad-input']
  return { ok: false, error: { code: 'bad-input', message, messageEn } }
}

function failed(): IpcEnvelope {
  const [zh, en] = errorMessages['error.internal']
  return { ok: false, error: { code: 'internal', message: zh, messageEn: en } }
}

/** Paths of the given File objects, or null when any is not a real file from the user. */
function pathsOf(transport: Transport, files: unknown): string[] | null {
  if (!Array.isArray(files) || files.length === 0 || files.length > MAX_FILES) return null
  const paths: string[] = []
  for (const file of files) {
    let found: unknown
    try {
      found = transport.pathForFile(file)
    } catch {
      return null
    }
    if (typeof found !== 'string' || found === '') return null
    paths.push(found)
  }
  return paths
}

/** The frozen object exposed as window.icpPrep. */
export function buildApi(transport: Transport): BridgeApi {
  const call = (channel: string, input: unknown): Promise<IpcEnvelope> =>
    transport.invoke(channel, input).then(
      (envelope) => envelope as IpcEnvelope,
      () => failed(),
    )
  const api: BridgeApi = {
    invoke(channel, input) {
      if (!isInvokeChannel(channel) || isFileChannel(channel)) return Promise.resolve(refused(String(channel)))
      return call(channel, input)
    },
    invokeWithFiles(channel, input, files) {
      if (!isFileChannel(channel)) return Promise.resolve(refused(String(channel)))
      if (typeof input !== 'object' || input === null || Array.isArray(input) || 'paths' in input) return Promise.resolve(badInput())
      const paths = pathsOf(transport, files)
      if (paths === null) return Promise.resolve(badInput())
      return call(channel, { ...input, paths })
    },
    on(event, listener) {
      if (!isEventChannel(event)) throw new Error(`Unknown event: ${String(event).slice(0, 60)}`)
      if (typeof listener !== 'function') throw new Error('The listener must be a function')
      return transport.subscribe(event, (payload) => listener(payload))
    },
  }
  return Object.freeze(api)
}
