/**
 * Long work (OCR of forty scans, building a package) as jobs: start() returns an id at once, the
 * task reports progress, and the window hears about it through two events — throttled progress,
 * with the final 100 % always delivered, then exactly one finished. A job is cancelled through its
 * AbortSignal; a reloaded window catches up with snapshot(). Plain Node: the events go to a sink the
 * main process connects to the window, and tests connect to an array.
 */
import { randomBytes } from 'node:crypto'
import { setMaxListeners } from 'node:events'
import { AppError } from '../../shared/ipc/errors'
import type { JobFinished, JobProgress, JobSnapshot, JobState } from '../../shared/ipc/schemas'

/** Where job events go (the window in the app, an array in tests). */
export interface JobEventSink {
  progress(event: JobProgress): void
  finished(event: JobFinished): void
}

/** A text in both languages describing the current step, e.g. 正在识别 营业执照.jpg. */
export interface StepMessage {
  readonly message: string
  readonly messageEn: string
}

/** What a running task sees. */
export interface JobContext {
  /** Aborted when the job is cancelled; the task must stop soon after and may just throw. */
  readonly signal: AbortSignal
  /** Reports `done` of `total` units; cheap to call often (events are throttled). */
  progress(done: number, total: number, step?: StepMessage): void
  /**
   * Reports that one unit of the work is finished and its result stored (a scan read): its id goes
   * with the next progress event, so the window can show that unit at once. Never lost to the
   * throttle: ids wait in the job until an event carries them.
   */
  item(id: string): void
}

/** A JSON value a job may return to the window. */
export type JobResult = string | number | boolean | null | JobResult[] | { [key: string]: JobResult }

/** A typed value as a job result: a JSON round trip, which drops undefined keys as the event would. */
export function toJobResult(value: object): JobResult {
  return JSON.parse(JSON.stringify(value)) as JobResult
}

/** The work of a job; its result (JSON) goes to the window with the finished event. */
export type JobTask = (context: JobContext) => Promise<JobResult | undefined>

/** Cancels a scheduled callback. */
export type Cancel = () => void

/** Tuning and injectable time, so throttling is tested without waiting. */
export interface JobRunnerOptions {
  /** Minimum time between two progress events of one job. */
  readonly throttleMs?: number
  /** How many finished jobs the snapshot keeps for a reloaded window. */
  readonly keepFinished?: number
  /** Clock and timer, injectable so throttling is tested without waiting. */
  readonly now?: () => number
  readonly schedule?: (callback: () => void, ms: number) => Cancel
  /** Told about failures that are bugs (not AppErrors), for the log. */
  readonly onUnexpected?: (kind: string, error: unknown) => void
}

interface Job {
  readonly id: string
  readonly kind: string
  /** What the job works on (a case id); with the kind, at most one running job per key. */
  readonly key: string | null
  readonly controller: AbortController
  readonly startedAt: number
  state: JobState
  done: number
  total: number
  step: StepMessage | null
  /** Units finished since the last progress event (see JobContext.item). */
  items: string[]
  finishedAt: number | null
  result?: JobResult
  error?: { code: string; message: string; messageEn: string }
  lastSentAt: number | null
  pending: Cancel | null
  finishedPromise: Promise<JobFinished>
}

const defaultSchedule = (callback: () => void, ms: number): Cancel => {
  const timer = setTimeout(callback, ms)
  return () => clearTimeout(timer)
}

/** Runs jobs and reports on them; one runner per app. */
export class JobRunner {
  readonly #sink: JobEventSink
  readonly #throttleMs: number
  readonly #keepFinished: number
  readonly #now: () => number
  readonly #schedule: (callback: () => void, ms: number) => Cancel
  readonly #onUnexpected: ((kind: string, error: unknown) => void) | undefined
  readonly #jobs = new Map<string, Job>()
  #counter = 0

  constructor(sink: JobEventSink, options: JobRunnerOptions = {}) {
    this.#sink = sink
    this.#throttleMs = options.throttleMs ?? 100
    this.#keepFinished = options.keepFinished ?? 50
    this.#now = options.now ?? Date.now
    this.#schedule = options.schedule ?? defaultSchedule
    this.#onUnexpected = options.onUnexpected
  }

  /**
   * Starts a task and returns its id before the task runs. With `key` (a case id) at most one job
   * of this kind runs for it: a second start returns the running job's id and its task never runs
   * (four scan.read calls on one case would otherwise start four OCR pools, 2 GB).
   */
  start(kind: string, task: JobTask, key?: string): string {
    if (key !== undefined) {
      const running = [...this.#jobs.values()].find((j) => j.kind === kind && j.key === key && j.state === 'running')
      if (running) return running.id
    }
    this.#counter += 1
    const id = `job-${this.#counter}-${randomBytes(3).toString('hex')}`
    const controller = new AbortController()
    // A job hands its signal to every file it works on: forty scans, forty listeners at once.
    setMaxListeners(0, controller.signal)
    let resolveFinished: (event: JobFinished) => void = () => undefined
    const job: Job = {
      id,
      kind,
      key: key ?? null,
      controller,
      startedAt: this.#now(),
      state: 'running',
      done: 0,
      total: 0,
      step: null,
      items: [],
      finishedAt: null,
      lastSentAt: null,
      pending: null,
      finishedPromise: new Promise<JobFinished>((resolve) => (resolveFinished = resolve)),
    }
    this.#jobs.set(id, job)
    const context: JobContext = {
      signal: controller.signal,
      progress: (done, total, step) => this.#report(job, done, total, step),
      item: (itemId) => {
        if (job.state !== 'running') return
        job.items.push(itemId)
        this.#report(job, job.done, job.total, undefined)
      },
    }
    // Deferred so the caller has the id before the first event can arrive.
    void Promise.resolve()
      .then(() => task(context))
      .then(
        (result) => this.#finish(job, { state: 'succeeded', ...(result !== undefined ? { result } : {}) }),
        (error: unknown) => this.#finish(job, job.controller.signal.aborted ? { state: 'cancelled' } : { state: 'failed', error }),
      )
      .then(() => resolveFinished(this.#finishedEvent(job)))
    return id
  }

  /** Asks a running job to stop; false when there is no such running job. */
  cancel(id: string): boolean {
    const job = this.#jobs.get(id)
    if (!job || job.state !== 'running') return false
    job.controller.abort(AppError.of('cancelled'))
    return true
  }

  /** Resolves when the job has finished (for callers that run a job to completion, like the CLI). */
  wait(id: string): Promise<JobFinished> {
    const job = this.#jobs.get(id)
    if (!job) return Promise.reject(AppError.of('job-not-found'))
    return job.finishedPromise
  }

  /** Every running job and the most recent finished ones, oldest first. */
  snapshot(): JobSnapshot[] {
    return [...this.#jobs.values()].map((job) => ({
      jobId: job.id,
      kind: job.kind,
      state: job.state,
      done: job.done,
      total: job.total,
      message: job.step?.message ?? null,
      messageEn: job.step?.messageEn ?? null,
      startedAt: new Date(job.startedAt).toISOString(),
      finishedAt: job.finishedAt === null ? null : new Date(job.finishedAt).toISOString(),
      ...(job.result !== undefined ? { result: job.result } : {}),
      ...(job.error ? { error: job.error } : {}),
    }))
  }

  /** Cancels everything, e.g. when the app quits. */
  cancelAll(): void {
    for (const job of this.#jobs.values()) if (job.state === 'running') this.cancel(job.id)
  }

  #report(job: Job, done: number, total: number, step: StepMessage | undefined): void {
    if (job.state !== 'running') return
    // Bad numbers from a task must not produce a bar past 100 % or below 0.
    job.total = Number.isFinite(total) && total > 0 ? total : 0
    if (Number.isFinite(done)) job.done = Math.max(0, job.total > 0 ? Math.min(done, job.total) : done)
    if (step) job.step = step
    if (job.pending) return // a trailing event is already scheduled; it will carry the latest values
    const elapsed = job.lastSentAt === null ? Infinity : this.#now() - job.lastSentAt
    if (elapsed >= this.#throttleMs) {
      this.#sendProgress(job)
      return
    }
    job.pending = this.#schedule(() => {
      job.pending = null
      if (job.state === 'running') this.#sendProgress(job)
    }, this.#throttleMs - elapsed)
  }

  #sendProgress(job: Job): void {
    job.lastSentAt = this.#now()
    const items = job.items
    job.items = []
    this.#sink.progress({
      jobId: job.id,
      kind: job.kind,
      done: job.done,
      total: job.total,
      message: job.step?.message ?? null,
      messageEn: job.step?.messageEn ?? null,
      ...(items.length > 0 ? { items } : {}),
    })
  }

  #finish(
    job: Job,
    outcome: { state: 'succeeded'; result?: JobResult } | { state: 'failed'; error: unknown } | { state: 'cancelled' },
  ): void {
    job.pending?.()
    job.pending = null
    if (outcome.state === 'succeeded') {
      // The final 100 % is always delivered, whatever the throttle swallowed before it.
      if (job.total === 0) job.total = Math.max(job.done, 1)
      job.done = job.total
      this.#sendProgress(job)
      if (outcome.result !== undefined) job.result = outcome.result
    } else if (outcome.state === 'failed') {
      if (!(outcome.error instanceof AppError)) this.#onUnexpected?.(job.kind, outcome.error)
      const error = outcome.error instanceof AppError ? outcome.error : AppError.of('internal')
      job.error = { code: error.code, message: error.message, messageEn: error.messageEn }
    }
    job.state = outcome.state
    job.finishedAt = this.#now()
    this.#sink.finished(this.#finishedEvent(job))
    this.#prune()
  }

  #finishedEvent(job: Job): JobFinished {
    const state = job.state === 'running' ? 'failed' : job.state
    return {
      jobId: job.id,
      kind: job.kind,
      state,
      ...(job.result !== undefined ? { result: job.result } : {}),
      ...(job.error ? { error: job.error } : {}),
    }
  }

  #prune(): void {
    const finished = [...this.#jobs.values()].filter((j) => j.state !== 'running')
    for (const job of finished.slice(0, Math.max(0, finished.length - this.#keepFinished))) this.#jobs.delete(job.id)
  }
}
