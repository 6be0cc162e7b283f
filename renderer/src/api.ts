/**
 * The only file that touches window.icpPrep (the preload's bridge). Everything else calls `call`
 * and `subscribe`, typed from the one contract; an error envelope becomes an ApiError carrying
 * the message in both languages.
 */
import type { BridgeApi } from '../../shared/ipc/bridge'
import { BRIDGE_GLOBAL, type EventChannel, type FileChannel, type InvokeChannel } from '../../shared/ipc/channels'
import type { EventOf, RequestOf, ResultOf } from '../../shared/ipc/contract'
import type { IpcError } from '../../shared/ipc/errors'
import { errorMessages } from '../../shared/i18n/messages/errors'

/** A failed call, with the reason in both languages. */
export class ApiError extends Error {
  readonly code: IpcError['code']
  readonly messageEn: string

  constructor(error: IpcError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.messageEn = error.messageEn
  }
}

function bridge(): BridgeApi | null {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL]
  return typeof candidate === 'object' && candidate !== null ? (candidate as BridgeApi) : null
}

/** True when the page runs inside the app (or the UI tests' bridge). */
export function hasBridge(): boolean {
  return bridge() !== null
}

function noBridge(): ApiError {
  const [message, messageEn] = errorMessages['error.no-bridge']
  return new ApiError({ code: 'no-bridge', message, messageEn })
}

/** Calls a contract channel; resolves with its validated result or rejects with an ApiError. */
export async function call<C extends InvokeChannel>(channel: C, input: RequestOf<C>): Promise<ResultOf<C>> {
  const api = bridge()
  if (!api) throw noBridge()
  const envelope = await api.invoke(channel, input)
  if (!envelope.ok) throw new ApiError(envelope.error)
  return envelope.value as ResultOf<C>
}

/**
 * Calls a file channel with File objects the user dropped; the preload adds their paths, so this
 * window never holds one. `input` is everything but `paths`.
 */
export async function callWithFiles<C extends FileChannel>(
  channel: C,
  input: Omit<RequestOf<C>, 'paths'>,
  files: readonly File[],
): Promise<ResultOf<C>> {
  const api = bridge()
  if (!api) throw noBridge()
  const envelope = await api.invokeWithFiles(channel, input, files)
  if (!envelope.ok) throw new ApiError(envelope.error)
  return envelope.value as ResultOf<C>
}

/** Listens to a contract event; returns the function that stops listening. */
export function subscribe<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
  const api = bridge()
  if (!api) return () => undefined
  return api.on(event, (payload) => listener(payload as EventOf<E>))
}

/** The bilingual message of any error, for showing it. */
export function errorText(error: unknown): { message: string; messageEn: string } {
  if (error instanceof ApiError) return { message: error.message, messageEn: error.messageEn }
  const [message, messageEn] = errorMessages['error.internal']
  return { message, messageEn }
}
