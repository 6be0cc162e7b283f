/**
 * The OCR engine behind a small interface: the extraction pipeline asks for "this image (or this
 * rectangle of it), read as a page or as one line, in these languages, with this whitelist" and
 * gets lines and words back. The tesseract.js adapter implements it; tests may script it.
 */
import type { Box } from '../../../shared/model/extracted'
import type { OcrPage } from '../../../shared/extraction/ocr-types'

/**
 * Which trained models read the request: Chinese with English (best_int) for pages, English alone
 * for codes, and `chi_sim-full` — the larger 4.0.0 Chinese model of the same npm package — as a
 * second opinion on names, whose characters best_int misreads in ways that no other scale or look
 * of the crop repairs (磊 read 舌 at every size).
 */
export type OcrLanguage = 'chi_sim+eng' | 'eng' | 'chi_sim-full'

/**
 * page: find the layout; sparse: find as much text as possible in no particular order (labels and
 * values of forms, which the automatic layout sometimes drops); line: exactly one line of text
 * (value regions); block: one uniform block.
 */
export type OcrMode = 'page' | 'sparse' | 'line' | 'block'

export interface OcrRequest {
  /** An encoded image (PNG or JPEG), already upright. */
  readonly image: Buffer
  readonly language: OcrLanguage
  readonly mode: OcrMode
  /** Only these characters may be recognised (credit codes, ID numbers, dates). */
  readonly whitelist?: string
  /** Read only this part of the image; boxes in the result stay in the image's pixels. */
  readonly rectangle?: Box
  /** Budget for this request (default: the engine's). */
  readonly timeoutMs?: number
}

export interface OcrEngine {
  recognize(request: OcrRequest, signal?: AbortSignal): Promise<OcrPage>
  /** For the report and case.json: which engine and models read the document. */
  readonly description: string
  /** True when pages come back with `direction` (which way each box's text runs): the pipeline then turns pages by it. */
  readonly reportsDirection?: boolean
  close(): Promise<void>
}

/** Raised when a recognition takes longer than its budget; the worker behind it is replaced. */
export class OcrTimeoutError extends Error {
  constructor(ms: number) {
    super(`OCR timed out after ${ms} ms`)
    this.name = 'OcrTimeoutError'
  }
}

/** Raised when the caller cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled')
    this.name = 'CancelledError'
  }
}

/** Throws CancelledError when the signal has fired: call between steps of long work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError()
}

/** Runs tasks one after another, each whether the one before it succeeded or failed: one request at a time per engine. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task)
    this.tail = run.catch(() => {})
    return run
  }
}
