/**
 * An OCR engine for tests of what happens *while* scans are read: it reads nothing (an empty page)
 * and holds every request until the test opens the gate, and tells the test when the first request
 * has arrived — so "edit the case during the reading" happens at a known moment, not after a sleep.
 */
import type { OcrEngine, OcrRequest } from '../../electron/services/ocr/engine'
import type { OcrPage } from '../../shared/extraction/ocr-types'

/** A gate the test opens; `entered` resolves when reading has started. */
export class GateEngine implements OcrEngine {
  readonly description = 'gate (test)'
  readonly entered: Promise<void>
  #enter: () => void = () => undefined
  #open: () => void = () => undefined
  readonly #opened: Promise<void>
  requests = 0
  readonly #passFirst: number

  /** `passFirst`: how many requests go through before the gate holds the rest (default none). */
  constructor(passFirst = 0) {
    this.#passFirst = passFirst
    this.entered = new Promise((resolve) => (this.#enter = resolve))
    this.#opened = new Promise((resolve) => (this.#open = resolve))
  }

  async recognize(_request: OcrRequest, signal?: AbortSignal): Promise<OcrPage> {
    this.requests += 1
    this.#enter()
    if (this.requests <= this.#passFirst) return { text: '', confidence: 0, lines: [] }
    await Promise.race([
      this.#opened,
      new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true })),
    ])
    return { text: '', confidence: 0, lines: [] }
  }

  /** Lets every held and later request through. */
  open(): void {
    this.#open()
  }

  async close(): Promise<void> {}
}
