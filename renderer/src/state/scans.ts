/**
 * The open case's scans: loaded with the case, changed by dropping files, the picker, a role chosen
 * by hand or a removal, and read by an OCR job whose progress the scans column shows. Every change
 * answers with the case's findings, which go straight to the editor, so the checks follow scans as
 * they follow typing.
 */
import { translate } from '../../../shared/i18n/messages'
import type { ResultOf } from '../../../shared/ipc/contract'
import type { ScanView } from '../../../shared/ipc/scan-schemas'
import { call, callWithFiles, errorText, subscribe } from '../api'
import { askConfirm } from './confirm'
import { editorStore } from './editor'
import { notify } from './notices'
import { settingsStore } from './settings'
import { createStore } from './store'

/** The scans column's state. */
export interface ScansState {
  readonly caseId: string | null
  readonly scans: readonly ScanView[]
  readonly loaded: boolean
  /** Adding files (copying, checking) is under way. */
  readonly adding: boolean
  /** The reading job of this case, while it runs. */
  readonly readJob: string | null
  /** The scan under review. */
  readonly selected: string | null
}

/** The scans store. */
export const scansStore = createStore<ScansState>({ caseId: null, scans: [], loaded: false, adding: false, readJob: null, selected: null })

type Changed = ResultOf<'scan.update'>
type Added = ResultOf<'scan.add'>

function fail(error: unknown): void {
  const { message, messageEn } = errorText(error)
  notify('error', message, messageEn)
}

function language() {
  return settingsStore.get().settings?.language ?? 'zh-CN'
}

/** Takes a changed scan list and the case's findings after it. */
function apply(caseId: string, result: Changed): void {
  if (scansStore.get().caseId !== caseId) return
  const selected = scansStore.get().selected
  scansStore.set({
    scans: result.scans,
    loaded: true,
    selected: result.scans.some((s) => s.scanId === selected) ? selected : (result.scans[0]?.scanId ?? null),
  })
  if (editorStore.get().caseId === caseId) editorStore.set({ findings: result.findings, summary: result.summary })
}

/** Loads the scans of the case just opened. */
export async function loadScans(caseId: string): Promise<void> {
  scansStore.set({ caseId, scans: [], loaded: false, adding: false, readJob: null, selected: null })
  try {
    apply(caseId, await call('scan.list', { caseId }))
  } catch (error) {
    fail(error)
  }
}

/** Reports what was added and each file that was refused, with its reason. */
function report(result: Added): void {
  if (result.added.length > 0)
    notify(
      'info',
      translate('zh-CN', 'scans.added', { n: result.added.length }),
      translate('en', 'scans.added', { n: result.added.length }),
    )
  for (const r of result.refused.slice(0, 4))
    notify(
      'error',
      translate('zh-CN', 'scans.refused', { name: r.name, reason: r.message }),
      translate('en', 'scans.refused', { name: r.name, reason: r.messageEn }),
    )
}

async function adding(caseId: string, work: () => Promise<Added>): Promise<Added | null> {
  scansStore.set({ adding: true })
  try {
    const result = await work()
    apply(caseId, result)
    report(result)
    const first = result.added[0]
    if (first) scansStore.set({ selected: first.scanId })
    return result
  } catch (error) {
    fail(error)
    return null
  } finally {
    scansStore.set({ adding: false })
  }
}

/** Adds files and folders dropped from the file manager (their paths never reach this window). */
export async function addDropped(files: readonly File[], options: { role?: string } = {}): Promise<Added | null> {
  const { caseId } = scansStore.get()
  if (!caseId || files.length === 0) return null
  return adding(caseId, () => callWithFiles('scan.add', { caseId, ...options }, files))
}

/** Opens the native picker (files, or folders) and adds what was chosen. */
export async function pickScans(options: { folders?: boolean; role?: string } = {}): Promise<Added | null> {
  const { caseId } = scansStore.get()
  if (!caseId) return null
  return adding(caseId, () => call('scan.pick', { caseId, ...options }))
}

/** Reassigns a scan by hand. */
export async function setScanRole(scanId: string, role: string, website: number | null): Promise<void> {
  const { caseId } = scansStore.get()
  if (!caseId) return
  try {
    apply(caseId, await call('scan.update', { caseId, scanId, role, website }))
  } catch (error) {
    fail(error)
  }
}

/** Keeps (or stops keeping) a scan left as 其他材料 in the package: the card's 保留 tick. */
export async function keepScan(scanId: string, keep: boolean): Promise<void> {
  const { caseId } = scansStore.get()
  if (!caseId) return
  try {
    apply(caseId, await call('scan.keep', { caseId, scanId, keep }))
  } catch (error) {
    fail(error)
  }
}

/** Marks one value read from a scan as misread (the person checked the scan; the form stands), or clears the mark. */
export async function setMisread(scanId: string, field: string, misread: boolean): Promise<void> {
  const { caseId } = scansStore.get()
  if (!caseId) return
  try {
    apply(caseId, await call('scan.misread', { caseId, scanId, field, misread }))
  } catch (error) {
    fail(error)
  }
}

/** Asks, then moves a scan's file to the trash and takes it out of the case. */
export async function removeScan(scan: ScanView): Promise<void> {
  const { caseId } = scansStore.get()
  if (!caseId) return
  const lang = language()
  const ok = await askConfirm({
    title: translate(lang, 'scans.removeTitle'),
    body: translate(lang, 'scans.removeBody', { name: scan.name }),
    confirmLabel: translate(lang, 'scans.remove'),
    danger: true,
  })
  if (!ok) return
  try {
    apply(caseId, await call('scan.remove', { caseId, scanId: scan.scanId }))
    notify('info', translate('zh-CN', 'scans.removed'), translate('en', 'scans.removed'))
  } catch (error) {
    fail(error)
  }
}

/** Starts reading the case's new and changed scans; the column follows the job. */
export async function readScans(): Promise<void> {
  const { caseId, readJob } = scansStore.get()
  if (!caseId || readJob) return
  try {
    const { jobId } = await call('scan.read', { caseId })
    scansStore.set({ readJob: jobId })
  } catch (error) {
    fail(error)
  }
}

/** Chooses the scan shown in the review. */
export function selectScan(scanId: string): void {
  scansStore.set({ selected: scanId })
}

/**
 * Refreshes the list while a reading runs, each time the job says scans were read and stored: one
 * refresh at a time, and one more if scans were read while it ran, so the cards follow the job.
 */
function refresher(): (caseId: string) => void {
  let running = false
  let again: string | null = null
  const run = (caseId: string): void => {
    running = true
    void call('scan.list', { caseId })
      .then(
        // One that comes back after the job ended is older than the job's last refresh: dropped.
        (result) => {
          if (scansStore.get().readJob !== null) apply(caseId, result)
        },
        () => undefined, // the refresh at the job's end reports failures
      )
      .finally(() => {
        running = false
        const next = again
        again = null
        if (next !== null) run(next)
      })
  }
  return (caseId) => {
    if (running) again = caseId
    else run(caseId)
  }
}

/** Refreshes the scans as each is read, and when this case's reading job ends (however it ends). */
export function followReading(): () => void {
  const refresh = refresher()
  const stopProgress = subscribe('job.progress', (event) => {
    const { caseId, readJob } = scansStore.get()
    if (caseId && event.jobId === readJob && (event.items?.length ?? 0) > 0) refresh(caseId)
  })
  const stopFinished = subscribe('job.finished', (event) => {
    const { caseId, readJob } = scansStore.get()
    if (!caseId || event.jobId !== readJob) return
    scansStore.set({ readJob: null })
    void call('scan.list', { caseId }).then(
      (result) => apply(caseId, result),
      (error: unknown) => fail(error),
    )
    const result = event.result as { read?: number; failed?: number; skipped?: number } | undefined
    if (event.state === 'succeeded' && result) {
      const params = { read: result.read ?? 0, failed: result.failed ?? 0 }
      if ((result.read ?? 0) + (result.failed ?? 0) === 0)
        notify('info', translate('zh-CN', 'scans.readNothing'), translate('en', 'scans.readNothing'))
      else notify('info', translate('zh-CN', 'scans.readDone', params), translate('en', 'scans.readDone', params))
    }
  })
  return () => {
    stopProgress()
    stopFinished()
  }
}
