/**
 * What the pixel-work pool and its worker threads say to each other, and the copying rules both
 * sides share: Buffers cross as Uint8Arrays (structured clone drops the Buffer prototype) and are
 * made Buffers again on arrival; large pixel buffers are moved, not copied.
 */
import type { OcrPage } from '../../../shared/extraction/ocr-types'
import { CancelledError, OcrTimeoutError, type OcrRequest } from '../ocr/engine'

/** An error as it crosses a thread: its class name (CancelledError, OcrTimeoutError …) and message. */
export interface WireError {
  readonly name: string
  readonly message: string
}

/** The OCR engine a task may use, as the worker sees it (its calls come back to the main thread). */
export interface WireEngine {
  readonly description: string
  readonly reportsDirection: boolean
}

export type ToWorker =
  | { readonly type: 'run'; readonly id: number; readonly task: string; readonly args: unknown; readonly engine: WireEngine | null }
  | { readonly type: 'ocr-reply'; readonly call: number; readonly page?: OcrPage; readonly error?: WireError }

export type FromWorker =
  /** The task's code is loaded and the task begins: its clock starts now, not while code loads. */
  | { readonly type: 'started'; readonly id: number }
  | { readonly type: 'done'; readonly id: number; readonly result: unknown }
  | { readonly type: 'failed'; readonly id: number; readonly error: WireError }
  | { readonly type: 'ocr'; readonly id: number; readonly call: number; readonly request: OcrRequest }
  /** The worker's own V8 heap and the Buffers it holds (bytes), sent between steps of its work. */
  | { readonly type: 'memory'; readonly heap: number; readonly external: number }

export function wireError(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name, message: error.message.slice(0, 500) }
  return { name: 'Error', message: String(error).slice(0, 500) }
}

/** An error from the other thread as the class the code there tests for (CancelledError, OcrTimeoutError). */
export function rebuildError(e: WireError): Error {
  if (e.name === 'CancelledError') return new CancelledError()
  if (e.name === 'OcrTimeoutError') {
    const error = new OcrTimeoutError(Number(/(\d+) ms/.exec(e.message)?.[1] ?? 0))
    error.message = e.message
    return error
  }
  const error = new Error(e.message)
  error.name = e.name
  return error
}

/** Structured clone turns Buffers into plain Uint8Arrays: turn them back, in place where possible. */
export function revive<T>(value: T): T {
  if (value instanceof Uint8Array) {
    return (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)) as T
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = revive(value[i])
    return value
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) record[key] = revive(record[key])
  }
  return value
}

/**
 * The ArrayBuffers worth moving rather than copying: those a Uint8Array of at least 64 KB fills
 * whole (a small Buffer is a slice of Node's shared pool, which must not be moved).
 */
export function transferables(value: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (value instanceof Uint8Array) {
    if (
      value.byteLength >= 65_536 &&
      value.byteOffset === 0 &&
      value.buffer.byteLength === value.byteLength &&
      value.buffer instanceof ArrayBuffer
    )
      out.add(value.buffer)
  } else if (Array.isArray(value)) for (const v of value) transferables(v, out)
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    for (const v of Object.values(value)) transferables(v, out)
  return [...out]
}
