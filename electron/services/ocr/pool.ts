/**
 * A pool of OCR engines sized to the machine (one per core, at most `max`), each reading one
 * document at a time. Jobs queue in order; a cancelled job leaves the queue at once; a job that
 * fails or times out frees its engine for the next one, so one slow or broken file never blocks
 * the others.
 */
import os from 'node:os'
import { CancelledError, type OcrEngine } from './engine'
import { createOcrEngine, engineFromEnv, type EngineChoice } from './create-engine'
import type { PpocrOptions } from './ppocr/engine'
import type { TesseractOptions } from './tesseract-engine'

export interface PoolOptions extends TesseractOptions {
  /**
   * Number of engines; default: the number of cores, between 1 and 4 (two on two cores); for
   * PP-OCR half that (each of its engines runs two threads and holds up to ~1 GB at its peak).
   */
  readonly size?: number
  /**
   * Which engine the pool builds (createOcrEngine; ICP_PREP_OCR overrides). Default 'auto': PP-OCR,
   * measured best on the real corpus (bench:real), or tesseract.js where the ONNX runtime cannot load.
   */
  readonly engine?: EngineChoice
  /** Options of the PP-OCR engines, when the pool builds those. */
  readonly ppocr?: PpocrOptions
  /** Makes the engines (tests pass a scripted one); default: createOcrEngine with `engine`. */
  readonly createEngine?: () => OcrEngine
}

interface Waiter {
  resolve(engine: OcrEngine): void
  reject(error: Error): void
  signal: AbortSignal | undefined
}

/** The default pool size: one engine per core, capped (each engine holds ~250 MB of models). */
export function defaultPoolSize(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
  return Math.max(1, Math.min(4, cores))
}

export class OcrPool {
  private readonly engines: OcrEngine[]
  private readonly idle: OcrEngine[]
  private readonly waiters: Waiter[] = []
  private closed = false

  constructor(options: PoolOptions = {}) {
    const choice = engineFromEnv() ?? options.engine ?? 'auto'
    const size = options.size ?? (choice === 'tesseract' ? defaultPoolSize() : Math.max(1, Math.floor(defaultPoolSize() / 2)))
    const make = options.createEngine ?? (() => createOcrEngine({ engine: choice, tesseract: options, ppocr: options.ppocr ?? {} }))
    this.engines = Array.from({ length: size }, make)
    this.idle = [...this.engines]
  }

  get size(): number {
    return this.engines.length
  }

  get description(): string {
    return this.engines[0]?.description ?? ''
  }

  /** Loads every engine's models in parallel (engines that can). */
  async warm(): Promise<void> {
    await Promise.all(this.engines.map((e) => (e as { warm?: () => Promise<void> }).warm?.()))
  }

  private acquire(signal?: AbortSignal): Promise<OcrEngine> {
    if (this.closed) return Promise.reject(new Error('OCR pool is closed'))
    if (signal?.aborted) return Promise.reject(new CancelledError())
    const engine = this.idle.pop()
    if (engine) return Promise.resolve(engine)
    return new Promise<OcrEngine>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal }
      this.waiters.push(waiter)
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.waiters.indexOf(waiter)
          if (i >= 0) {
            this.waiters.splice(i, 1)
            reject(new CancelledError())
          }
        },
        { once: true },
      )
    })
  }

  private release(engine: OcrEngine): void {
    const next = this.waiters.shift()
    if (next) next.resolve(engine)
    else this.idle.push(engine)
  }

  /** Runs `job` with an engine of its own; the engine returns to the pool however the job ends. */
  async run<T>(job: (engine: OcrEngine) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const engine = await this.acquire(signal)
    try {
      return await job(engine)
    } finally {
      this.release(engine)
    }
  }

  async close(): Promise<void> {
    this.closed = true
    for (const w of this.waiters.splice(0)) w.reject(new Error('OCR pool is closed'))
    await Promise.all(this.engines.map((e) => e.close()))
  }
}
