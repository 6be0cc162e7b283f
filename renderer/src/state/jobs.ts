/**
 * Jobs running in the main process (OCR, export), as the window knows them: a snapshot when the
 * window loads, then progress and finished events. The status bar shows the running ones.
 */
import type { JobSnapshot } from '../../../shared/ipc/schemas'
import { call, subscribe } from '../api'
import { notify } from './notices'
import { readScans } from './scans'
import { createStore } from './store'
import { translate } from '../../../shared/i18n/messages'

/** Jobs as last heard of. */
export const jobsStore = createStore<{ jobs: readonly JobSnapshot[] }>({ jobs: [] })

function upsert(jobId: string, change: (job: JobSnapshot | undefined) => JobSnapshot): void {
  jobsStore.set((s) => {
    const existing = s.jobs.find((j) => j.jobId === jobId)
    const next = change(existing)
    return { jobs: existing ? s.jobs.map((j) => (j.jobId === jobId ? next : j)) : [...s.jobs, next] }
  })
}

/** Catches up with jobs started before this window loaded, then follows their events. */
export async function followJobs(): Promise<() => void> {
  const stopProgress = subscribe('job.progress', (p) =>
    upsert(p.jobId, (job) => ({
      jobId: p.jobId,
      kind: p.kind,
      state: 'running',
      done: p.done,
      total: p.total,
      message: p.message,
      messageEn: p.messageEn,
      startedAt: job?.startedAt ?? new Date().toISOString(),
      finishedAt: null,
    })),
  )
  const stopFinished = subscribe('job.finished', (f) => {
    upsert(f.jobId, (job) => ({
      jobId: f.jobId,
      kind: f.kind,
      state: f.state,
      done: job?.done ?? 0,
      total: job?.total ?? 0,
      message: job?.message ?? null,
      messageEn: job?.messageEn ?? null,
      startedAt: job?.startedAt ?? new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      ...(f.error ? { error: f.error } : {}),
    }))
    if (f.state === 'failed' && f.error) {
      // A reading that failed has something to do about it (read again): that notice stays until done or closed.
      const retry =
        f.kind === 'ocr'
          ? { label: translate('zh-CN', 'jobs.retry'), labelEn: translate('en', 'jobs.retry'), run: () => void readScans() }
          : undefined
      notify(
        'error',
        translate('zh-CN', 'jobs.failed', { message: f.error.message }),
        translate('en', 'jobs.failed', { message: f.error.messageEn }),
        retry ? { action: retry } : {},
      )
    } else if (f.state === 'cancelled') {
      notify('info', translate('zh-CN', 'jobs.cancelled'), translate('en', 'jobs.cancelled'))
    }
  })
  const snapshot = await call('job.list', {})
  jobsStore.set((s) => {
    const known = new Set(s.jobs.map((j) => j.jobId))
    return { jobs: [...snapshot.filter((j) => !known.has(j.jobId)), ...s.jobs] }
  })
  return () => {
    stopProgress()
    stopFinished()
  }
}

/** Asks the main process to cancel a job; its finished event follows. */
export async function cancelJob(jobId: string): Promise<void> {
  await call('job.cancel', { jobId })
}
