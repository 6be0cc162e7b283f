/**
 * Jobs: the id comes back before anything runs, progress is throttled on an injected clock with
 * the final 100 % always delivered, exactly one finished event, cancellation through the signal,
 * failures as bilingual errors, and a snapshot for a reloaded window.
 */
import { describe, expect, it } from 'vitest'
import { JobRunner, type Cancel } from '../../electron/services/jobs'
import { AppError } from '../../shared/ipc/errors'
import { JobFinishedSchema, JobProgressSchema, JobSnapshotSchema, type JobFinished, type JobProgress } from '../../shared/ipc/schemas'

/** A clock and timer the test moves by hand. */
function manualTime() {
  let now = 0
  const timers: Array<{ at: number; run: () => void; cancelled: boolean }> = []
  return {
    now: () => now,
    schedule: (run: () => void, ms: number): Cancel => {
      const timer = { at: now + ms, run, cancelled: false }
      timers.push(timer)
      return () => (timer.cancelled = true)
    },
    advance(ms: number) {
      now += ms
      for (const t of timers.filter((t) => !t.cancelled && t.at <= now)) {
        t.cancelled = true
        t.run()
      }
    },
  }
}

function recorder() {
  const progress: JobProgress[] = []
  const finished: JobFinished[] = []
  return {
    progress,
    finished,
    sink: {
      progress: (e: JobProgress) => progress.push(JobProgressSchema.parse(e)),
      finished: (e: JobFinished) => finished.push(JobFinishedSchema.parse(e)),
    },
  }
}

/** A task that waits for the test to let each step go. */
function steppedTask(steps: number) {
  const gates: Array<() => void> = []
  let report: (done: number) => void = () => undefined
  return {
    release: async () => {
      gates.shift()?.()
      await new Promise((r) => setImmediate(r))
    },
    task: async ({ progress, signal }: { progress: (d: number, t: number) => void; signal: AbortSignal }) => {
      report = (d) => progress(d, steps)
      for (let i = 1; i <= steps; i += 1) {
        await new Promise<void>((resolve, reject) => {
          gates.push(resolve)
          signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true })
        })
        report(i)
      }
      return { steps }
    },
  }
}

const settle = () => new Promise((r) => setImmediate(r))

describe('jobs', () => {
  it('returns the id before the task starts, and reports exactly one finished event', async () => {
    const rec = recorder()
    const runner = new JobRunner(rec.sink)
    let ran = false
    const id = runner.start('export', async () => {
      ran = true
      return { file: '备案材料.zip' }
    })
    expect(id).toMatch(/^job-/)
    expect(ran).toBe(false)
    expect(await runner.wait(id)).toEqual({ jobId: id, kind: 'export', state: 'succeeded', result: { file: '备案材料.zip' } })
    await settle()
    expect(rec.finished).toHaveLength(1)
    expect(rec.progress.at(-1)).toMatchObject({ done: 1, total: 1 })
  })

  it('runs one job per kind and key: a second start returns the running id and never runs its task', async () => {
    const runner = new JobRunner({ progress: () => undefined, finished: () => undefined })
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    let runs = 0
    const task = async () => {
      runs += 1
      await held
      return null
    }
    const first = runner.start('ocr', task, 'case-a')
    expect(runner.start('ocr', task, 'case-a')).toBe(first)
    expect(runner.start('ocr', task, 'case-b')).not.toBe(first)
    expect(runner.start('export', task, 'case-a')).not.toBe(first)
    expect(runner.start('ocr', task)).not.toBe(first)
    release()
    await runner.wait(first)
    await Promise.all(runner.snapshot().map((j) => runner.wait(j.jobId)))
    expect(runs).toBe(4)
    expect(runner.start('ocr', task, 'case-a')).not.toBe(first)
  })

  it('throttles progress and always delivers the final 100 %', async () => {
    const time = manualTime()
    const rec = recorder()
    const runner = new JobRunner(rec.sink, { throttleMs: 100, now: time.now, schedule: time.schedule })
    const job = steppedTask(10)
    const id = runner.start('ocr', job.task)
    await settle()
    await job.release() // 1/10: the first report goes out at once
    expect(rec.progress.map((p) => p.done)).toEqual([1])
    for (let i = 0; i < 5; i += 1) await job.release() // 2..6 within the same instant: held back
    expect(rec.progress.map((p) => p.done)).toEqual([1])
    time.advance(100) // the trailing report carries the latest value only
    expect(rec.progress.map((p) => p.done)).toEqual([1, 6])
    for (let i = 0; i < 4; i += 1) await job.release() // 7..10, then the task ends before the throttle allows
    await runner.wait(id)
    expect(rec.progress.map((p) => p.done)).toEqual([1, 6, 10])
    expect(rec.progress.at(-1)).toMatchObject({ done: 10, total: 10 })
    time.advance(1000) // no stray event after the end
    expect(rec.progress).toHaveLength(3)
    expect(rec.finished).toEqual([{ jobId: id, kind: 'ocr', state: 'succeeded', result: { steps: 10 } }])
  })

  it('carries every finished unit (a scan read) with a progress event, none lost to the throttle (issue 14 item 8)', async () => {
    const time = manualTime()
    const rec = recorder()
    const runner = new JobRunner(rec.sink, { throttleMs: 100, now: time.now, schedule: time.schedule })
    let gate: () => void = () => undefined
    const held = new Promise<void>((resolve) => (gate = resolve))
    const id = runner.start('ocr', async ({ progress, item }) => {
      progress(1, 4)
      item('s-a') // within the same instant as the first event: waits for the trailing one
      item('s-b')
      await held
      item('s-c') // the job ends before the throttle allows: goes with the final 100 %
      return null
    })
    await settle()
    expect(rec.progress.map((p) => p.items ?? [])).toEqual([[]])
    time.advance(100)
    expect(rec.progress.map((p) => p.items ?? [])).toEqual([[], ['s-a', 's-b']])
    gate()
    await runner.wait(id)
    expect(rec.progress.map((p) => p.items ?? [])).toEqual([[], ['s-a', 's-b'], ['s-c']])
    expect(rec.progress.at(-1)).toMatchObject({ done: 4, total: 4 })
  })

  it('cancels a running job through its signal', async () => {
    const rec = recorder()
    const runner = new JobRunner(rec.sink)
    const job = steppedTask(5)
    const id = runner.start('ocr', job.task)
    await settle()
    await job.release()
    expect(runner.cancel(id)).toBe(true)
    expect(await runner.wait(id)).toEqual({ jobId: id, kind: 'ocr', state: 'cancelled' })
    expect(runner.cancel(id)).toBe(false)
    expect(runner.cancel('job-nope')).toBe(false)
    await settle()
    expect(rec.finished).toHaveLength(1)
    expect(rec.progress.every((p) => p.done < 5)).toBe(true)
  })

  it('reports failures in both languages and hides unexpected ones', async () => {
    const seen: string[] = []
    const runner = new JobRunner(recorder().sink, { onUnexpected: (kind) => seen.push(kind) })
    const known = runner.start('export', async () => {
      throw AppError.of('io', { reason: 'ENOSPC' })
    })
    const unknown = runner.start('ocr', async () => {
      throw new Error('worker crashed on 440305198506121237')
    })
    expect(await runner.wait(known)).toMatchObject({ state: 'failed', error: { code: 'io', message: expect.stringContaining('ENOSPC') } })
    const hidden = await runner.wait(unknown)
    expect(hidden).toMatchObject({ state: 'failed', error: { code: 'internal' } })
    expect(JSON.stringify(hidden)).not.toContain('440305')
    expect(seen).toEqual(['ocr'])
  })

  it('gives a reloaded window a snapshot of running and recent jobs', async () => {
    const runner = new JobRunner(recorder().sink, { keepFinished: 2 })
    const job = steppedTask(3)
    const running = runner.start('ocr', job.task)
    await settle()
    await job.release()
    const done = [1, 2, 3].map(() => runner.start('export', async () => 'ok'))
    await Promise.all(done.map((id) => runner.wait(id)))
    const snapshot = runner.snapshot().map((s) => JobSnapshotSchema.parse(s))
    expect(snapshot.map((s) => s.jobId)).toEqual([running, done[1], done[2]])
    expect(snapshot[0]).toMatchObject({ state: 'running', done: 1, total: 3, finishedAt: null })
    expect(snapshot[2]).toMatchObject({ state: 'succeeded', result: 'ok' })
    runner.cancelAll()
    expect((await runner.wait(running)).state).toBe('cancelled')
  })

  it('keeps bad progress numbers inside 0–100 %', async () => {
    const rec = recorder()
    const runner = new JobRunner(rec.sink, { throttleMs: 0 })
    const id = runner.start('ocr', async ({ progress }) => {
      progress(12, 10)
      progress(-3, 10)
      progress(Number.NaN, Number.POSITIVE_INFINITY)
      return null
    })
    await runner.wait(id)
    expect(rec.progress.map((p) => [p.done, p.total])).toEqual([
      [10, 10],
      [0, 10],
      [0, 0],
      [1, 1],
    ])
  })
})
