/**
 * The handlers of 批量导入 (issue 17): plan a folder the person picks (a job: loose scans are read to
 * group them), preview and apply the edited plan, and follow, stop and resume the reading queue.
 * Plans stay here with their paths; the window sees file ids and names only.
 */
import type { z } from 'zod'
import type { ImportPlan } from '../../../shared/batch/plan'
import { translate } from '../../../shared/i18n/messages'
import type { ImportPlanSchema, QueueViewSchema } from '../../../shared/ipc/batch-schemas'
import type { Handlers } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/errors'
import { ImportQueues } from '../batch/import-queue'
import { applyImport, planImport, type PlannedImport } from '../batch/plan-import'
import { OcrPool } from '../ocr/pool'
import type { AppServices, WorkspaceRegistry } from './app-services'

type BatchChannels = `import.${'plan' | 'preview' | 'apply' | 'status' | 'cancel' | 'resume' | 'dismiss'}`

/** A readonly service value as the contract's plain JSON shape (a round trip also drops undefined keys). */
function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T
}
type PlanJson = z.input<typeof ImportPlanSchema>
type QueueJson = z.input<typeof QueueViewSchema>

/** Plans kept for the preview: the newest few (a plan holds its readings until applied). */
const KEEP_PLANS = 4

export function batchHandlers(services: AppServices, workspaces: WorkspaceRegistry): Pick<Handlers, BatchChannels> {
  const plans = new Map<string, PlannedImport>()
  const queues = new ImportQueues({
    jobs: services.jobs,
    today: () => services.today(),
    now: () => services.now(),
    pool: () => services.ocrPool?.() ?? new OcrPool(),
  })
  const queue = () => queues.of(workspaces.current())
  const planned = (planId: string): PlannedImport => {
    const p = plans.get(planId)
    if (!p) throw AppError.of('import-plan-unknown')
    return p
  }

  return {
    'import.plan': async () => {
      const workspace = workspaces.current()
      const folder = await services.chooseFolder(workspace.root)
      if (folder === null) return { jobId: null, cancelled: true }
      const jobId = services.jobs.start('import-plan', async ({ signal, progress }) => {
        const pool = services.ocrPool?.()
        try {
          const made = await planImport(folder, {
            workspaceRoot: workspace.root,
            today: services.today(),
            signal,
            ...(pool ? { pool } : {}),
            onProgress: (done, total, name) =>
              progress(done, total, {
                message: translate('zh-CN', 'import.planning', { done, total, name }),
                messageEn: translate('en', 'import.planning', { done, total, name }),
              }),
          })
          plans.set(made.plan.planId, made)
          for (const old of [...plans.keys()].slice(0, Math.max(0, plans.size - KEEP_PLANS))) plans.delete(old)
          return { planId: made.plan.planId }
        } finally {
          await pool?.close()
        }
      })
      return { jobId, cancelled: false }
    },
    'import.preview': async ({ planId }) => {
      return plain<PlanJson>(planned(planId).plan)
    },
    'import.apply': async ({ plan }) => {
      const made = planned(plan.planId)
      const workspace = workspaces.current()
      const created = await applyImport(workspace, made, plain<ImportPlan>(plan))
      // Applied once: a second apply of the same preview would make every case twice.
      plans.delete(plan.planId)
      const counts = await Promise.all(
        created.map(async (c) => ({ caseId: c.caseId, name: c.name, total: (await workspace.open(c.caseId)).case.documents.length })),
      )
      const jobId = counts.length > 0 ? await queue().enqueue(counts) : null
      return { cases: created.map((c) => ({ caseId: c.caseId, name: c.name, added: c.added })), jobId }
    },
    'import.status': async () => plain<QueueJson>(await queue().view()),
    'import.cancel': async () => ({ cancelled: queue().cancel() }),
    'import.resume': async () => ({ jobId: await queue().resume() }),
    'import.dismiss': async () => {
      await queue().dismiss()
      return plain<QueueJson>(await queue().view())
    },
  }
}
