/**
 * Pixel work off the main thread (issue 13 item 7). Decoding a scan, turning it upright, finding
 * cards, judging quality, locating values and the packager's image work are JavaScript loops over
 * millions of pixels: on the Electron main process one hostile file froze every window. Here each
 * file is one task on a worker thread of a small pool, and the main thread only passes messages:
 * - a task's OCR calls come back to the main thread's engine (the OCR pool and its workers stay
 *   where they are), so ONNX Runtime never runs inside a pixel worker and stopping one is safe
 *   (stopping a PP-OCR worker inside a run aborts the process: ocr/ppocr/engine.ts);
 * - each file has a budget (shared/data/pixel-work.json): pixel time, not counting time waiting
 *   for OCR; the worker's V8 heap (resourceLimits); and the Buffers it holds, which the worker
 *   reports between steps. A worker over budget is stopped and its file fails with a reason in
 *   both languages (PixelBudgetError; the callers store it as scan-unreadable); the pool starts a
 *   fresh worker for the next file. libvips' own working memory is native and counted by neither:
 *   it is bounded by the decoding limits (limitInputPixels, scan-quality.json). The Buffer count
 *   is read between steps, so a file may pass it by one step: the 80 MP BMP bomb under a 200 MB
 *   budget peaked at 526 MB of process RSS (base 156 MB) before it was stopped; a worker itself
 *   adds ~110 MB of RSS (793 MB peak reading that BMP in a worker, 682 MB on the main thread).
 * Workers start on demand, do one task at a time and end after a while idle; an idle worker does
 * not keep a CLI process alive. Under tsx (CLI) and vitest the worker runs the TypeScript sources;
 * the built app starts out/main/pixel-worker.js (electron.vite.config.ts).
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import budgetData from '../../../shared/data/pixel-work.json' with { type: 'json' }
import { CancelledError, type OcrEngine, type OcrRequest } from '../ocr/engine'
import { rebuildError, revive, wireError, type FromWorker, type ToWorker } from './protocol'
import type { Tasks } from './tasks'

export interface PixelBudget {
  /** Pixel time of one file, waiting for OCR not counted. */
  readonly timeMs: number
  /** V8 old-space limit of the worker (resourceLimits.maxOldGenerationSizeMb). */
  readonly heapMb: number
  /** Buffers (pixels) the worker may hold, as it reports between steps. */
  readonly maxExternalMb: number
}

export const DEFAULT_BUDGET: PixelBudget = {
  timeMs: budgetData.timeMs,
  heapMb: budgetData.heapMb,
  maxExternalMb: budgetData.maxExternalMb,
}

export interface PixelPoolOptions {
  readonly budget?: Partial<PixelBudget>
  /** Most workers at once (default: shared/data/pixel-work.json, at least the cores). */
  readonly maxWorkers?: number
  /** An idle worker ends after this long. */
  readonly idleMs?: number
}

/** A file whose pixel work ran over its budget, or whose worker died: the reason in both languages. */
export class PixelBudgetError extends Error {
  constructor(
    readonly kind: 'time' | 'memory' | 'crashed',
    readonly reason: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn)
    this.name = 'PixelBudgetError'
  }
}

function overTime(ms: number): PixelBudgetError {
  const s = Math.round(ms / 100) / 10
  return new PixelBudgetError(
    'time',
    `处理此文件超过 ${s} 秒仍未完成，已停止（文件可能异常或被恶意构造）`,
    `processing this file took longer than ${s} s and was stopped (the file may be malformed or hostile)`,
  )
}

function overMemory(mb: number): PixelBudgetError {
  return new PixelBudgetError(
    'memory',
    `处理此文件所需内存超过 ${mb} MB，已停止（文件可能异常或被恶意构造）`,
    `processing this file needed more than ${mb} MB of memory and was stopped (the file may be malformed or hostile)`,
  )
}

function crashed(text: string): PixelBudgetError {
  return new PixelBudgetError('crashed', `处理此文件时出错（${text.slice(0, 120)}）`, `processing this file failed (${text.slice(0, 120)})`)
}

// Not named `require`: a CommonJS rebundle of the main process declares its own (ocr/ppocr/engine.ts).
const requireHere = createRequire(import.meta.url)

/** The worker: under tsx or vitest it registers tsx and imports worker.ts; built, pixel-worker.js beside the bundle. */
function spawn(heapMb: number): Worker {
  const self = import.meta.url
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 }
  if (self.endsWith('.ts')) {
    const tsxApi = pathToFileURL(path.join(path.dirname(requireHere.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href
    const entry = new URL('./worker.ts', self).href
    const source = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`
    return new Worker(source, { eval: true, resourceLimits })
  }
  const here = path.dirname(fileURLToPath(self))
  const built = [path.join(here, 'pixel-worker.js'), path.join(here, '..', 'pixel-worker.js')].find((f) => existsSync(f))
  if (!built) throw new Error('pixel worker script not found next to the bundle')
  return new Worker(built, { resourceLimits })
}

type TaskName = keyof Tasks
type ArgsOf<K extends TaskName> = Parameters<Tasks[K]>[0]
type ResultOf<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>

export interface RunOptions {
  /** The OCR engine the task reads with (its calls run here, on the main thread). */
  readonly engine?: OcrEngine
  readonly signal?: AbortSignal
}

interface Job {
  readonly id: number
  readonly task: TaskName
  readonly args: unknown
  readonly options: RunOptions
  resolve(value: unknown): void
  reject(error: Error): void
}

/** One worker and the task it runs. */
interface Slot {
  readonly worker: Worker
  job: Job | null
  /** Pixel time used by the job so far, the moment its clock last started, and OCR calls it waits on. */
  used: number
  since: number
  waits: number
  timer: NodeJS.Timeout | null
  idle: NodeJS.Timeout | null
  /** Cancels the OCR calls of the job when it ends early. */
  calls: AbortController | null
  dead: boolean
}

export class PixelPool {
  readonly budget: PixelBudget
  private readonly maxWorkers: number
  private readonly idleMs: number
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private nextId = 1
  private closed = false

  constructor(options: PixelPoolOptions = {}) {
    this.budget = { ...DEFAULT_BUDGET, ...options.budget }
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
    this.maxWorkers = Math.max(1, options.maxWorkers ?? Math.max(cores, budgetData.maxWorkers))
    this.idleMs = options.idleMs ?? budgetData.idleMs
  }

  /** Workers alive now (tests). */
  get workers(): number {
    return this.slots.length
  }

  /** Runs one task (one file's pixel work) on a worker; rejects with PixelBudgetError over budget. */
  run<K extends TaskName>(task: K, args: ArgsOf<K>, options: RunOptions = {}): Promise<ResultOf<K>> {
    if (this.closed) return Promise.reject(new Error('pixel pool is closed'))
    if (options.signal?.aborted) return Promise.reject(new CancelledError())
    return new Promise<ResultOf<K>>((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, args, options, resolve: resolve as (v: unknown) => void, reject }
      options.signal?.addEventListener('abort', () => this.cancel(job), { once: true })
      this.queue.push(job)
      this.pump()
    })
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job && !s.dead)
      if (!slot) {
        if (this.slots.length >= this.maxWorkers) return
        try {
          slot = this.start()
        } catch (error) {
          for (const job of this.queue.splice(0)) job.reject(error instanceof Error ? error : new Error(String(error)))
          return
        }
      }
      this.begin(slot, this.queue.shift() as Job)
    }
  }

  private start(): Slot {
    const worker = spawn(this.budget.heapMb)
    const slot: Slot = { worker, job: null, used: 0, since: 0, waits: 0, timer: null, idle: null, calls: null, dead: false }
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m))
    worker.on('error', (error: Error & { code?: string }) => {
      const text = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? null : error.message
      this.fail(slot, text === null ? overMemory(this.budget.heapMb) : crashed(text))
    })
    worker.on('exit', (code) => this.fail(slot, crashed(`worker stopped, code ${code}`)))
    this.slots.push(slot)
    return slot
  }

  private begin(slot: Slot, job: Job): void {
    if (slot.idle) clearTimeout(slot.idle)
    slot.idle = null
    slot.job = job
    slot.used = 0
    slot.waits = 0
    slot.calls = new AbortController()
    slot.worker.ref()
    const engine = job.options.engine
    const message: ToWorker = {
      type: 'run',
      id: job.id,
      task: job.task,
      args: job.args,
      engine: engine ? { description: engine.description, reportsDirection: engine.reportsDirection === true } : null,
    }
    // The clock starts when the worker says the task has begun (its code loaded).
    slot.worker.postMessage(message)
  }

  /** Starts the job's pixel clock (again) with what is left of its budget. */
  private resume(slot: Slot): void {
    slot.since = performance.now()
    const left = Math.max(0, this.budget.timeMs - slot.used)
    slot.timer = setTimeout(() => this.fail(slot, overTime(this.budget.timeMs)), left)
  }

  private pause(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    slot.used += performance.now() - slot.since
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    const job = slot.job
    if (slot.dead || !job) return
    if (m.type === 'memory') {
      if (m.external > this.budget.maxExternalMb * 1048576) this.fail(slot, overMemory(this.budget.maxExternalMb))
      return
    }
    if (m.id !== job.id) return
    if (m.type === 'started') {
      if (!slot.timer && slot.waits === 0) this.resume(slot)
      return
    }
    if (m.type === 'ocr') {
      this.relay(slot, job, m.call, m.request)
      return
    }
    this.finish(slot)
    if (m.type === 'done') job.resolve(revive(m.result))
    else job.reject(rebuildError(m.error))
  }

  /** Runs one OCR call of the worker's task on the main thread's engine; the task's clock stops meanwhile. */
  private relay(slot: Slot, job: Job, call: number, request: OcrRequest): void {
    const engine = job.options.engine
    if (slot.waits === 0) this.pause(slot)
    slot.waits += 1
    const signal = slot.calls?.signal
    const answer = engine
      ? engine.recognize(revive({ ...request }), signal)
      : Promise.reject(new Error('no OCR engine was given to this task'))
    answer.then(
      (page) => this.reply(slot, job, { type: 'ocr-reply', call, page }),
      (error: unknown) => this.reply(slot, job, { type: 'ocr-reply', call, error: wireError(error) }),
    )
  }

  private reply(slot: Slot, job: Job, message: ToWorker): void {
    if (slot.dead || slot.job !== job) return
    slot.worker.postMessage(message)
    slot.waits -= 1
    if (slot.waits === 0) this.resume(slot)
  }

  /** The job is over: the worker goes back to the pool, and ends if it stays idle. */
  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    slot.calls = null
    slot.job = null
    slot.worker.unref()
    slot.idle = setTimeout(() => this.stop(slot), this.idleMs)
    slot.idle.unref()
    this.pump()
  }

  /** Ends the job with `error` and stops its worker (never inside an ONNX run: those run in the OCR workers). */
  private fail(slot: Slot, error: Error): void {
    if (slot.dead) return
    const job = slot.job
    this.stop(slot)
    job?.reject(error)
  }

  private stop(slot: Slot): void {
    if (slot.dead) return
    slot.dead = true
    if (slot.timer) clearTimeout(slot.timer)
    if (slot.idle) clearTimeout(slot.idle)
    slot.calls?.abort()
    const i = this.slots.indexOf(slot)
    if (i >= 0) this.slots.splice(i, 1)
    void slot.worker.terminate().catch(() => undefined)
    this.pump()
  }

  private cancel(job: Job): void {
    const i = this.queue.indexOf(job)
    if (i >= 0) {
      this.queue.splice(i, 1)
      job.reject(new CancelledError())
      return
    }
    const slot = this.slots.find((s) => s.job === job)
    if (slot) this.fail(slot, new CancelledError())
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) job.reject(new Error('pixel pool is closed'))
    const slots = [...this.slots]
    for (const slot of slots) this.fail(slot, new Error('pixel pool is closed'))
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)))
  }
}

let shared: PixelPool | null = null

/** The process's pool, made on first use. */
export function pixelWork(): PixelPool {
  shared ??= new PixelPool()
  return shared
}
