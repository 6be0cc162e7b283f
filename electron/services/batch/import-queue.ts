/**
 * 批量导入 (issue 17), the reading half: one background queue that reads the imported cases one
 * after another with one OCR pool, so memory stays that of one pool however many cases come in.
 *
 * The queue is a job of its own (kind 'import', the overall progress) that runs each case as the
 * case's ordinary reading job (kind 'ocr', keyed by the case: scan-handlers' 读取 and the queue
 * start the same task, so a case is never read twice at once, and a case screen that opens a case
 * while the queue reads it follows that job). Each case's readings are stored when it is read, so
 * opening a case shows what has been read so far.
 *
 * Its state is a file in the workspace (.icp-prep-import.json): after a restart the cases not yet
 * read are still listed, and resume() reads them — a case cut off half-way is read again, skipping
 * the scans whose readings were stored (same SHA-256).
 */
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import limits from '../../../shared/data/batch-import.json' with { type: 'json' }
import type { IsoDate } from '../../../shared/dates/iso-date'
import { translate } from '../../../shared/i18n/messages'
import { AppError } from '../../../shared/ipc/errors'
import { writeFileAtomic } from '../case-folder/atomic-file'
import type { JobRunner } from '../jobs'
import { OcrPool } from '../ocr/pool'
import { readScansTask } from '../scans/read-scans'
import type { Workspace } from '../workspace/workspace'

export const QUEUE_FILE = '.icp-prep-import.json'

export const QUEUE_CASE_STATES = ['pending', 'reading', 'done', 'failed', 'cancelled'] as const

const QueueCaseSchema = z.object({
  caseId: z.string(),
  name: z.string(),
  state: z.enum(QUEUE_CASE_STATES),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  read: z.number().int().nonnegative().default(0),
  failed: z.number().int().nonnegative().default(0),
})
export type QueueCase = z.infer<typeof QueueCaseSchema>

const QueueFileSchema = z.object({
  version: z.literal(1),
  /** running: reading (or cut off by a restart); cancelled: stopped by the person; finished: nothing left. */
  state: z.enum(['running', 'cancelled', 'finished']),
  startedAt: z.string(),
  cases: z.array(QueueCaseSchema),
})
type QueueFile = z.infer<typeof QueueFileSchema>

/** What the window and the CLI see of the queue. */
export interface QueueView {
  readonly state: 'idle' | 'running' | 'cancelled' | 'finished' | 'interrupted'
  /** The queue's own job while it runs. */
  readonly jobId: string | null
  /** Scans read of all the queue's scans. */
  readonly done: number
  readonly total: number
  readonly cases: readonly QueueCase[]
}

export interface QueueDeps {
  readonly jobs: JobRunner
  today(): IsoDate
  now(): Date
  /** The one OCR pool of a run (default: a new OcrPool, closed when the run ends). */
  readonly pool?: () => OcrPool
}

/** The import queue of one workspace. */
export class ImportQueue {
  readonly #workspace: Workspace
  readonly #deps: QueueDeps
  readonly #file: string
  #state: QueueFile | null = null
  #loaded: Promise<void> | null = null
  #jobId: string | null = null
  /** The case job being read now, for its per-scan progress. */
  #current: { caseId: string; jobId: string } | null = null
  #writes: Promise<void> = Promise.resolve()
  #lastSaved = 0

  constructor(workspace: Workspace, deps: QueueDeps) {
    this.#workspace = workspace
    this.#deps = deps
    this.#file = path.join(workspace.root, QUEUE_FILE)
  }

  /** Reads the queue file once (a damaged one is an empty queue: the cases themselves are safe). */
  async load(): Promise<void> {
    this.#loaded ??= readFile(this.#file, 'utf8').then(
      (text) => {
        const parsed = QueueFileSchema.safeParse(JSON.parse(text))
        this.#state = parsed.success ? parsed.data : null
      },
      () => {
        this.#state = null
      },
    )
    await this.#loaded
  }

  get running(): boolean {
    return this.#jobId !== null
  }

  /** The queue now: overall and per case, the case being read with its live count. */
  async view(): Promise<QueueView> {
    await this.load()
    const s = this.#state
    if (!s) return { state: 'idle', jobId: null, done: 0, total: 0, cases: [] }
    const live = this.#current ? this.#deps.jobs.snapshot().find((j) => j.jobId === this.#current?.jobId) : undefined
    const cases = s.cases.map((c) =>
      live && c.caseId === this.#current?.caseId && c.state === 'reading' ? { ...c, done: live.done, total: live.total || c.total } : c,
    )
    const state: QueueView['state'] = this.#jobId ? 'running' : s.state === 'running' ? 'interrupted' : s.state
    return {
      state,
      jobId: this.#jobId,
      done: cases.reduce((n, c) => n + (c.state === 'done' || c.state === 'failed' ? c.total : c.done), 0),
      total: cases.reduce((n, c) => n + c.total, 0),
      cases,
    }
  }

  /** Adds new cases (with their scan counts) and starts reading; returns the queue's job. */
  async enqueue(cases: ReadonlyArray<{ caseId: string; name: string; total: number }>): Promise<string> {
    await this.load()
    const kept = this.#state && this.#state.state !== 'finished' ? this.#state.cases : []
    const known = new Set(kept.map((c) => c.caseId))
    this.#state = {
      version: 1,
      state: 'running',
      startedAt: this.#state?.state === 'finished' || !this.#state ? this.#deps.now().toISOString() : this.#state.startedAt,
      cases: [
        ...kept.map((c) => (c.state === 'cancelled' ? { ...c, state: 'pending' as const } : c)),
        ...cases.filter((c) => !known.has(c.caseId)).map((c) => ({ ...c, state: 'pending' as const, done: 0, read: 0, failed: 0 })),
      ],
    }
    await this.#save(true)
    return this.#start()
  }

  /** Reads what is left (after a restart, or a cancel); null when nothing is. */
  async resume(): Promise<string | null> {
    await this.load()
    const s = this.#state
    if (!s) return null
    if (this.#jobId) return this.#jobId
    const left = s.cases.some((c) => c.state !== 'done' && c.state !== 'failed')
    if (!left) return null
    this.#state = {
      ...s,
      state: 'running',
      cases: s.cases.map((c) => (c.state === 'done' || c.state === 'failed' ? c : { ...c, state: 'pending' })),
    }
    await this.#save(true)
    return this.#start()
  }

  /** Stops the queue (the case being read keeps what it read); false when it is not running. */
  cancel(): boolean {
    return this.#jobId !== null && this.#deps.jobs.cancel(this.#jobId)
  }

  /** Forgets a finished or cancelled queue (its cases stay). */
  async dismiss(): Promise<void> {
    await this.load()
    if (this.#jobId) return
    this.#state = null
    await this.#enqueueWrite(() => rm(this.#file, { force: true }))
  }

  #start(): string {
    if (this.#jobId) return this.#jobId
    const id = this.#deps.jobs.start('import', async (context) => this.#run(context.signal, context.progress), this.#workspace.root)
    this.#jobId = id
    void this.#deps.jobs.wait(id).finally(() => {
      if (this.#jobId === id) this.#jobId = null
    })
    return id
  }

  async #run(signal: AbortSignal, progress: (done: number, total: number, step?: { message: string; messageEn: string }) => void) {
    const pool = this.#deps.pool?.() ?? new OcrPool()
    const report = async () => {
      const v = await this.view()
      const reading = v.cases.find((c) => c.state === 'reading')
      const index = reading ? v.cases.indexOf(reading) + 1 : v.cases.length
      const params = { name: reading?.name ?? '', n: index, of: v.cases.length }
      const key = reading ? 'import.progress' : 'import.finished'
      progress(v.done, v.total, { message: translate('zh-CN', key, params), messageEn: translate('en', key, params) })
    }
    const ticker = setInterval(() => void report(), 500)
    try {
      for (;;) {
        signal.throwIfAborted()
        const s = this.#state
        const next = s?.cases.find((c) => c.state === 'pending')
        if (!s || !next) break
        this.#set(next.caseId, { state: 'reading', done: 0 })
        await this.#save(true)
        await report()
        const jobId = this.#deps.jobs.start(
          'ocr',
          readScansTask(this.#workspace, next.caseId, { today: this.#deps.today(), pool: () => pool, shared: true }),
          next.caseId,
        )
        this.#current = { caseId: next.caseId, jobId }
        const cancelCase = () => this.#deps.jobs.cancel(jobId)
        signal.addEventListener('abort', cancelCase, { once: true })
        const finished = await this.#deps.jobs.wait(jobId)
        signal.removeEventListener('abort', cancelCase)
        this.#current = null
        const result = finished.result as { read?: number; failed?: number; skipped?: number } | undefined
        if (finished.state === 'succeeded') {
          this.#set(next.caseId, {
            state: 'done',
            done: next.total,
            read: (result?.read ?? 0) + (result?.skipped ?? 0),
            failed: result?.failed ?? 0,
          })
        } else if (finished.state === 'cancelled') {
          this.#set(next.caseId, { state: 'cancelled' })
        } else if (finished.error?.code === 'case-not-found') {
          // Deleted while it waited: nothing to read.
          this.#set(next.caseId, { state: 'failed', done: next.total })
        } else {
          this.#set(next.caseId, { state: 'failed', done: next.total })
        }
        await this.#save(true)
      }
      if (this.#state) this.#state = { ...this.#state, state: 'finished' }
      await this.#save(true)
      await report()
      const v = await this.view()
      return { cases: v.cases.length, done: v.cases.filter((c) => c.state === 'done').length }
    } catch (error) {
      if (signal.aborted && this.#state) {
        this.#state = {
          ...this.#state,
          state: 'cancelled',
          cases: this.#state.cases.map((c) => (c.state === 'pending' || c.state === 'reading' ? { ...c, state: 'cancelled' } : c)),
        }
        await this.#save(true)
        throw AppError.of('cancelled')
      }
      throw error
    } finally {
      clearInterval(ticker)
      await pool.close()
    }
  }

  #set(caseId: string, change: Partial<QueueCase>): void {
    const s = this.#state
    if (!s) return
    this.#state = { ...s, cases: s.cases.map((c) => (c.caseId === caseId ? { ...c, ...change } : c)) }
  }

  /** Writes the state (atomically; throttled unless `now`). */
  async #save(now: boolean): Promise<void> {
    const at = Date.now()
    if (!now && at - this.#lastSaved < limits.saveEveryMs.value) return
    this.#lastSaved = at
    const text = `${JSON.stringify(this.#state, null, 1)}\n`
    await this.#enqueueWrite(() => writeFileAtomic(this.#file, Buffer.from(text, 'utf8')))
  }

  #enqueueWrite(write: () => Promise<unknown>): Promise<void> {
    const next = this.#writes.then(write, write).then(() => undefined)
    this.#writes = next.catch(() => undefined)
    return next
  }
}

/** One queue per workspace folder, for the app's handlers. */
export class ImportQueues {
  readonly #byRoot = new Map<string, ImportQueue>()
  constructor(private readonly deps: QueueDeps) {}

  of(workspace: Workspace): ImportQueue {
    let q = this.#byRoot.get(workspace.root)
    if (!q) {
      q = new ImportQueue(workspace, this.deps)
      this.#byRoot.set(workspace.root, q)
    }
    return q
  }
}
