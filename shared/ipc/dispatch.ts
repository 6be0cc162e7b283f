/**
 * The single path every IPC call takes, in the app and in the UI tests alike: refuse an unknown
 * channel, validate the input, call the handler, validate the output, and wrap any failure into a
 * JSON-safe envelope. Nothing thrown ever crosses the boundary as an exception.
 */
import type { z } from 'zod'
import { isInvokeChannel } from './channels'
import { contract, type Handlers } from './contract'
import { AppError, type IpcError } from './errors'

/** The only shape that crosses the boundary: a value or an error a person can read. */
export type IpcEnvelope<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError }

/** Called with failures that are bugs (not AppErrors), so the main process can log them. */
export type UnexpectedErrorSink = (channel: string, error: unknown) => void

/** `websites.0.name: expected string` for each issue, without echoing the values sent. */
function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
}

/** Runs one call through the contract; never throws. */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  raw: unknown,
  onUnexpected?: UnexpectedErrorSink,
): Promise<IpcEnvelope> {
  if (!isInvokeChannel(channel)) {
    const name = typeof channel === 'string' ? channel.slice(0, 60) : typeof channel
    return { ok: false, error: AppError.of('unknown-channel', { channel: name }).toIpcError() }
  }
  const spec = contract[channel]
  const input = spec.input.safeParse(raw)
  if (!input.success) return { ok: false, error: AppError.of('bad-input', undefined, describeIssues(input.error)).toIpcError() }
  let value: unknown
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>
    value = await handler(input.data)
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toIpcError() }
    onUnexpected?.(channel, error)
    return { ok: false, error: AppError.of('internal').toIpcError() }
  }
  const output = spec.output.safeParse(value)
  if (!output.success) {
    onUnexpected?.(channel, new Error(`output of ${channel} failed validation: ${describeIssues(output.error).join('; ')}`))
    return { ok: false, error: AppError.of('bad-output').toIpcError() }
  }
  return { ok: true, value: output.data }
}
