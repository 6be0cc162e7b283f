/**
 * The PP-OCR engine (PP-OCRv4 mobile over onnxruntime-node, toolchain.md): one worker thread per
 * engine holding one set of ONNX sessions, one request at a time. Like the tesseract.js adapter,
 * start-up and every recognition have a budget; a worker that runs over it, or whose request is
 * cancelled, is retired (stopped once its run ends: stopping it inside a run aborts the process)
 * and the next request starts a fresh one; a worker that dies (out of
 * memory, native crash of the thread) rejects its request and is replaced — never the process.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import models from '../../../../shared/data/ppocr-models.json' with { type: 'json' }
import type { OcrPage } from '../../../../shared/extraction/ocr-types'
import { resourcePath } from '../../resources'
import { CancelledError, OcrTimeoutError, type OcrEngine, type OcrRequest, SerialQueue } from '../engine'
import type { ModelPaths, RunnerOptions } from './runner'
import type { WorkerCall, WorkerInit, WorkerReply } from './worker'

export interface PpocrOptions extends RunnerOptions {
  /** Folder with the four model files of shared/data/ppocr-models.json (default: resources/ppocr). */
  readonly modelDir?: string
  /** Budget for starting a worker and loading the models. */
  readonly initTimeoutMs?: number
  /** Budget for one recognition (default 60 s). */
  readonly recognizeTimeoutMs?: number
  /** V8 heap limits of the worker (tensors and pixels live outside the V8 heap, in ONNX Runtime and Buffers). */
  readonly resourceLimits?: ResourceLimits
}

/** The model files under `dir`, named as in the pinned list. */
export function modelPaths(dir: string): ModelPaths {
  const f = models.files
  return {
    det: path.join(dir, f.det.file),
    rec: path.join(dir, f.rec.file),
    cls: path.join(dir, f.cls.file),
    keys: path.join(dir, f.keys.file),
  }
}

// Not named `require`: a CommonJS rebundle of the main process (the security audit) declares its own.
const requireHere = createRequire(import.meta.url)

/** Raised when the worker cannot start or load the models (as opposed to failing on one image). */
export class OcrStartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'OcrStartError'
  }
}

function ortVersion(): string {
  try {
    return (requireHere('onnxruntime-node/package.json') as { version: string }).version
  } catch {
    return '?'
  }
}

let runtime: { ok: true } | { ok: false; reason: string } | undefined

/**
 * Loads onnxruntime-node's binding in this (main) thread once and keeps it. The binding registers
 * itself only when its library is first mapped: once the last thread holding it ends, the library
 * stays mapped but a new worker's load fails with "Module did not self-register". Held here, every
 * worker — including the ones replacing terminated workers — gets the registered module.
 */
export function holdRuntime(): string | null {
  if (!runtime)
    try {
      requireHere('onnxruntime-node')
      runtime = { ok: true }
    } catch (error) {
      runtime = {
        ok: false,
        reason: `onnxruntime-node failed to load: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300),
      }
    }
  return runtime.ok ? null : runtime.reason
}

/** Why PP-OCR cannot run here (no runtime binary for this platform, models missing, runtime not loading), or null. */
export function ppocrUnavailable(modelDir = resourcePath('ppocr')): string | null {
  let ortDir: string
  try {
    ortDir = path.dirname(requireHere.resolve('onnxruntime-node/package.json'))
  } catch {
    return 'onnxruntime-node is not installed'
  }
  const binding = path.join(ortDir, 'bin', 'napi-v6', process.platform, process.arch, 'onnxruntime_binding.node')
  if (!existsSync(binding.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1')) && !existsSync(binding))
    return `onnxruntime-node has no binary for ${process.platform}-${process.arch}`
  for (const file of Object.values(modelPaths(modelDir))) if (!existsSync(file)) return `PP-OCR model missing: ${path.basename(file)}`
  return holdRuntime()
}

/**
 * How to start the worker. From the TypeScript sources (tsx for the CLI, vitest for tests) the
 * worker registers tsx itself and imports worker.ts; in the built app electron-vite emits
 * out/main/ppocr-worker.js (electron.vite.config.ts), next to the code that starts it.
 */
function spawn(workerData: WorkerInit, resourceLimits: ResourceLimits): Worker {
  const self = import.meta.url
  if (self.endsWith('.ts')) {
    const tsxApi = pathToFileURL(path.join(path.dirname(requireHere.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href
    const entry = new URL('./worker.ts', self).href
    const source = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`
    return new Worker(source, { eval: true, workerData, resourceLimits })
  }
  const here = path.dirname(fileURLToPath(self))
  const built = [path.join(here, 'ppocr-worker.js'), path.join(here, '..', 'ppocr-worker.js')].find((f) => existsSync(f))
  if (!built) throw new Error('PP-OCR worker script not found next to the bundle')
  return new Worker(built, { workerData, resourceLimits })
}

interface Pending {
  resolve(page: OcrPage): void
  reject(error: Error): void
}

/** How long a retired worker may finish its run before it is stopped anyway. */
const RETIRE_LIMIT_MS = 120_000

/** One live worker: its ready promise, and the request it is working on. */
class Slot {
  readonly ready: Promise<void>
  pending: { id: number; p: Pending } | null = null
  /** The request the worker is running, answered or not (a caller that gave up leaves it running). */
  busy: number | null = null
  private dead = false
  private retired: (() => void) | null = null

  constructor(
    readonly worker: Worker,
    initTimeoutMs: number,
    onDeath: (slot: Slot) => void,
  ) {
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new OcrTimeoutError(initTimeoutMs)), initTimeoutMs)
      const fail = (error: Error): void => {
        clearTimeout(timer)
        reject(error)
      }
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type !== 'ready' && reply.type !== 'failed' && reply.id === this.busy) {
          this.busy = null
          if (this.retired) {
            this.retired()
            return
          }
        }
        if (reply.type === 'ready') {
          clearTimeout(timer)
          resolve()
        } else if (reply.type === 'failed') fail(new Error(`PP-OCR models failed to load: ${reply.error}`))
        else if (this.pending && reply.id === this.pending.id) {
          const { p } = this.pending
          this.pending = null
          if (reply.type === 'page') p.resolve(reply.page)
          else p.reject(new Error(`OCR failed: ${reply.error}`))
        }
      })
      const die = (error: Error): void => {
        if (this.dead) return
        this.dead = true
        fail(error)
        const p = this.pending?.p
        this.pending = null
        p?.reject(error)
        onDeath(this)
        this.retired?.()
      }
      worker.on('error', (e) => die(new Error(`PP-OCR worker failed: ${e.message}`)))
      worker.on('exit', (code) => die(new Error(`PP-OCR worker stopped (code ${code})`)))
    })
    this.ready.catch(() => {})
  }

  terminate(): void {
    this.dead = true
    void this.worker.terminate().catch(() => {})
  }

  /**
   * Stops the worker once it is idle. Terminating a worker inside an ONNX Runtime run aborts the
   * whole process ("terminate called after throwing an instance of 'Napi::Error'"), so a worker whose
   * caller timed out or cancelled finishes its run first; its answer is dropped. Resolves when it
   * has stopped.
   */
  retire(): Promise<void> {
    this.pending = null
    if (this.busy === null) {
      this.terminate()
      return Promise.resolve()
    }
    return new Promise<void>((resolve) => {
      // A run that never ends is stopped all the same, at the risk above.
      const limit = setTimeout(() => this.retired?.(), RETIRE_LIMIT_MS)
      limit.unref()
      this.retired = () => {
        clearTimeout(limit)
        this.retired = null
        this.terminate()
        resolve()
      }
    })
  }
}

export class PpocrEngine implements OcrEngine {
  readonly description: string
  readonly reportsDirection = true
  private readonly init: WorkerInit
  private readonly initTimeoutMs: number
  private readonly recognizeTimeoutMs: number
  private readonly limits: ResourceLimits
  private slot: Slot | null = null
  private readonly queue = new SerialQueue()
  private nextId = 1
  private closed = false

  constructor(options: PpocrOptions = {}) {
    const { modelDir, initTimeoutMs, recognizeTimeoutMs, resourceLimits, ...runner } = options
    this.init = { paths: modelPaths(modelDir ?? resourcePath('ppocr')), options: runner }
    this.initTimeoutMs = initTimeoutMs ?? 30_000
    this.recognizeTimeoutMs = recognizeTimeoutMs ?? 60_000
    // The JS side holds little (boxes, text); 256 MB of old space is room for a very long page.
    this.limits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, ...resourceLimits }
    this.description = `PP-OCRv4 mobile (ONNX Runtime ${ortVersion()}; det ≤${runner.detMaxSide ?? 1280} px, direction classifier ${runner.classifier === false ? 'off' : 'on'}, ${models.package} ${models.version})`
  }

  private get(): Slot {
    if (this.closed) throw new Error('OCR engine is closed')
    if (!this.slot) {
      const missing = Object.values(this.init.paths).find((f) => !existsSync(f))
      if (missing) throw new OcrStartError(`OCR model missing: ${missing}`)
      const held = holdRuntime()
      if (held !== null) throw new OcrStartError(held)
      let worker: Worker
      try {
        worker = spawn(this.init, this.limits)
      } catch (error) {
        throw new OcrStartError(`PP-OCR worker could not start: ${String(error)}`, { cause: error })
      }
      this.slot = new Slot(worker, this.initTimeoutMs, (dead) => {
        if (this.slot === dead) this.slot = null
      })
      const slot = this.slot
      slot.ready.catch(() => this.discard(slot))
    }
    return this.slot
  }

  /** Terminates the worker (after a timeout, cancellation or failed start); the next request starts a fresh one. */
  private discard(slot: Slot | null = this.slot): void {
    if (!slot) return
    if (this.slot === slot) this.slot = null
    void slot.retire()
  }

  /** Starts the worker and loads the models now, so the first document does not pay for it. */
  async warm(): Promise<void> {
    try {
      await this.get().ready
    } catch (error) {
      throw error instanceof OcrStartError ? error : new OcrStartError(String(error), { cause: error })
    }
  }

  recognize(request: OcrRequest, signal?: AbortSignal): Promise<OcrPage> {
    return this.queue.run(() => this.recognizeNow(request, signal))
  }

  private async recognizeNow(request: OcrRequest, signal?: AbortSignal): Promise<OcrPage> {
    if (signal?.aborted) throw new CancelledError()
    const slot = this.get()
    try {
      await raceAbort(slot.ready, signal, () => this.discard(slot))
    } catch (error) {
      if (error instanceof CancelledError) throw error
      throw new OcrStartError(error instanceof Error ? error.message : String(error), { cause: error })
    }
    const ms = request.timeoutMs ?? this.recognizeTimeoutMs
    // A copy the worker owns (the caller's Buffer may be a slice of a shared pool).
    const image = new Uint8Array(request.image)
    const id = this.nextId++
    const call: WorkerCall = {
      id,
      image,
      request: {
        language: request.language,
        mode: request.mode,
        ...(request.whitelist !== undefined && { whitelist: request.whitelist }),
        ...(request.rectangle !== undefined && { rectangle: request.rectangle }),
      },
    }
    return new Promise<OcrPage>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', abort)
      }
      const timer = setTimeout(() => {
        finish()
        slot.pending = null
        this.discard(slot)
        reject(new OcrTimeoutError(ms))
      }, ms)
      const abort = (): void => {
        finish()
        slot.pending = null
        this.discard(slot)
        reject(new CancelledError())
      }
      signal?.addEventListener('abort', abort, { once: true })
      slot.pending = {
        id,
        p: {
          resolve: (page) => (finish(), resolve(page)),
          reject: (error) => (finish(), reject(error)),
        },
      }
      slot.busy = id
      slot.worker.postMessage(call, [image.buffer])
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    const slot = this.slot
    this.slot = null
    if (slot) await slot.retire()
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => void): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      onAbort()
      reject(new CancelledError())
    }
    signal.addEventListener('abort', abort, { once: true })
    promise.then(
      (v) => (signal.removeEventListener('abort', abort), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', abort), reject(e instanceof Error ? e : new Error(String(e)))),
    )
  })
}
