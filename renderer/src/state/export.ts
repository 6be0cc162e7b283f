/**
 * Export of the open case: the plan for the chosen provider (what goes into the zip), the export
 * job (started after the native save dialog, refused while errors remain unless the user confirms a
 * package marked NOT ready), its result, and showing the package in the file manager.
 */
import { translate } from '../../../shared/i18n/messages'
import type { ExportPlan, ExportResult } from '../../../shared/ipc/letter-export-schemas'
import { call, errorText, subscribe } from '../api'
import { formatBytes } from '../components/bytes'
import { askConfirm } from './confirm'
import { editorStore } from './editor'
import { notify } from './notices'
import { settingsStore } from './settings'
import { createStore } from './store'

/** The export view's state. */
export interface ExportState {
  readonly caseId: string | null
  readonly plan: ExportPlan | null
  readonly loading: boolean
  readonly jobId: string | null
  readonly result: ExportResult | null
}

/** The export store. */
export const exportStore = createStore<ExportState>({ caseId: null, plan: null, loading: false, jobId: null, result: null })

let generation = 0

function fail(error: unknown): void {
  const { message, messageEn } = errorText(error)
  notify('error', message, messageEn)
}

/** Loads the plan for a provider (default: the case's last, else the strictest profile). */
export async function refreshPlan(caseId: string, provider?: string): Promise<void> {
  generation += 1
  const mine = generation
  if (exportStore.get().caseId !== caseId) exportStore.set({ caseId, plan: null, jobId: null, result: null })
  exportStore.set({ loading: true })
  try {
    const asked = provider ?? exportStore.get().plan?.provider
    const plan = await call('export.plan', { caseId, ...(asked ? { provider: asked } : {}) })
    if (mine === generation) exportStore.set({ plan, loading: false })
  } catch (error) {
    if (mine !== generation) return
    exportStore.set({ loading: false })
    fail(error)
  }
}

/** Exports: a package with errors only after a clear confirmation that it will be marked NOT ready. */
export async function startExport(force: boolean): Promise<void> {
  const { caseId, plan, jobId } = exportStore.get()
  if (!caseId || !plan || jobId) return
  if (force) {
    const lang = settingsStore.get().settings?.language ?? 'zh-CN'
    const ok = await askConfirm({
      title: translate(lang, 'export.force.title'),
      body: translate(lang, 'export.force.body', { n: plan.errors }),
      confirmLabel: translate(lang, 'export.force.confirm'),
      danger: true,
    })
    if (!ok) return
  }
  try {
    const started = await call('export.start', { caseId, provider: plan.provider, force })
    if (started.jobId) exportStore.set({ jobId: started.jobId, result: null })
  } catch (error) {
    fail(error)
  }
}

/** Shows the newest package of the case in the file manager. */
export async function revealExport(): Promise<void> {
  const { caseId } = exportStore.get()
  if (caseId) await call('export.reveal', { caseId }).catch(fail)
}

/** Takes the export job's result when it ends: the case's new status, the package, or the refusal. */
export function followExports(): () => void {
  return subscribe('job.finished', (event) => {
    const { caseId, jobId } = exportStore.get()
    if (!caseId || event.jobId !== jobId) return
    exportStore.set({ jobId: null })
    // The result is the export handler's own ExportResult (checked as JSON by the event's schema).
    const result = event.result as ExportResult | undefined
    if (event.state !== 'succeeded' || typeof result !== 'object' || result === null || result.caseId !== caseId) return
    exportStore.set({ result })
    if (editorStore.get().caseId === caseId) editorStore.set({ summary: result.summary })
    if (result.name && !result.refused) {
      const key = result.ready ? 'export.done' : 'export.doneNotReady'
      const params = { name: result.name, size: formatBytes(result.bytes) }
      notify('info', translate('zh-CN', key, params), translate('en', key, params))
    }
    void refreshPlan(caseId)
  })
}
