/**
 * `icp-prep import DIR [--workspace WS] [--json] [--dry-run]` — 批量导入 (issue 17): a folder of
 * customer folders (one case per sub-folder, named after it) or one folder of loose scans (read,
 * then grouped by the credit code, sponsor name and ID numbers read from them) becomes new cases in
 * the workspace, and the cases are read one after another with one OCR pool — the app's own planner
 * and queue. --dry-run prints the grouping and creates nothing. Exit 1 when files were left out
 * (ungrouped, refused) or a case could not be read; 2 for a folder that cannot be imported.
 */
import path from 'node:path'
import type { ImportPlan } from '../../../shared/batch/plan'
import { translate } from '../../../shared/i18n/messages'
import { AppError } from '../../../shared/ipc/errors'
import { applyImport, planImport, type CreatedCase } from '../../../electron/services/batch/plan-import'
import { ImportQueue } from '../../../electron/services/batch/import-queue'
import { todayIso } from '../../../electron/services/clock'
import { JobRunner } from '../../../electron/services/jobs'
import { OcrPool } from '../../../electron/services/ocr/pool'
import { appWorkspace } from '../../../electron/services/workspace/app-workspace'
import { Workspace } from '../../../electron/services/workspace/workspace'
import { EXIT, parseOptions, UsageError, type CliIo, type Command } from '../io'

const REASON: Record<ImportPlan['groups'][number]['reason'], string> = {
  folder: '子文件夹 sub-folder',
  'credit-code': '按信用代码 by credit code',
  'sponsor-name': '按主体名称 by sponsor name',
  'id-number': '按身份证号 by ID number',
  manual: '手动 by hand',
}

function printPlan(io: CliIo, plan: ImportPlan, created: readonly CreatedCase[] | null): void {
  const names = new Map(plan.files.map((f) => [f.id, f.name]))
  const used = plan.groups.filter((g) => g.files.length > 0)
  io.stdout(
    plan.mode === 'folders'
      ? `${used.length} 个客户文件夹 customer folders in ${plan.source}\n`
      : `${plan.files.length} 个散放扫描件分为 ${used.length} 组 loose scans in ${used.length} groups, from ${plan.source}\n`,
  )
  used.forEach((g, i) => {
    const made = created?.[i]
    io.stdout(`\n• ${g.name}  (${REASON[g.reason]}, ${g.files.length} 个文件 files)${made ? `  → ${made.caseId}` : ''}\n`)
    for (const f of g.files) {
      const file = plan.files.find((x) => x.id === f)
      io.stdout(`    ${names.get(f) ?? f}${file?.proof ? `  [${file.proof}]` : ''}\n`)
    }
  })
  if (plan.ungrouped.length > 0) {
    io.stdout(`\n未分组，不导入 Not grouped, not imported (${plan.ungrouped.length}):\n`)
    for (const f of plan.ungrouped) io.stdout(`    ${names.get(f) ?? f}\n`)
  }
  if (plan.refused.length > 0) {
    io.stdout(`\n无法导入 Cannot be imported (${plan.refused.length}):\n`)
    for (const r of plan.refused) io.stdout(`    ${r.name}: ${r.message} ${r.messageEn}\n`)
  }
}

export const importCommand: Command = {
  name: 'import',
  summary:
    '批量导入：每个子文件夹一个案件，或按识别结果把散放扫描件分组为案件，然后逐个识别。Batch import: one case per sub-folder, or loose scans grouped by what OCR reads; then read them.',
  usage: 'icp-prep import DIR [--workspace WS] [--json] [--dry-run]',
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        workspace: { type: 'string' },
        json: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    })
    if (positionals.length !== 1) throw new UsageError('需要一个要导入的文件夹 One folder to import is needed')
    const dir = path.resolve(positionals[0] as string)
    const root = values.workspace !== undefined ? path.resolve(values.workspace) : await appWorkspace()
    const today = todayIso()
    const progress = (text: string) => {
      if (!values.json) io.stderr(text)
    }
    const workspace = new Workspace(root, {
      today: () => today,
      now: () => new Date(),
      trash: async () => {
        throw new Error('import never deletes')
      },
      listCache: true,
    })
    // One pool for the whole run: the loose scans' grouping and every case's reading.
    const pool = new OcrPool()
    let queued = false
    try {
      let planned
      try {
        planned = await planImport(dir, {
          workspaceRoot: root,
          today,
          pool,
          onProgress: (done, total, name) => progress(`[${done}/${total}] ${name}\n`),
        })
      } catch (error) {
        if (error instanceof AppError) {
          io.stderr(`${error.message}\n${error.messageEn}\n`)
          return EXIT.usage
        }
        throw error
      }
      const { plan } = planned
      const used = plan.groups.filter((g) => g.files.length > 0)
      const leftOut = plan.ungrouped.length + plan.refused.length
      if (used.length === 0) {
        if (values.json)
          io.stdout(
            `${JSON.stringify({ source: dir, workspace: root, mode: plan.mode, dryRun: values['dry-run'], cases: [], ungrouped: plan.ungrouped.map((f) => plan.files.find((x) => x.id === f)?.name), refused: plan.refused }, null, 2)}\n`,
          )
        else io.stderr(`没有可导入的扫描件 Nothing to import in ${dir}\n`)
        return EXIT.usage
      }
      let created: CreatedCase[] | null = null
      const results = new Map<string, { state: string; read: number; failed: number; status: string | null }>()
      if (!values['dry-run']) {
        created = await applyImport(workspace, planned, plan)
        let last = ''
        const jobs = new JobRunner(
          {
            progress: (e) => {
              const line = e.kind === 'import' && e.message ? `[${e.done}/${e.total}] ${e.message}\n` : ''
              if (line && line !== last) progress(line)
              last = line || last
            },
            finished: () => undefined,
          },
          { throttleMs: 2000 },
        )
        const queue = new ImportQueue(workspace, { jobs, today: () => today, now: () => new Date(), pool: () => pool })
        const counts = await Promise.all(
          created.map(async (c) => ({ ...c, total: (await workspace.open(c.caseId)).case.documents.length })),
        )
        queued = true // the queue closes the pool when its run ends
        const jobId = await queue.enqueue(counts.map((c) => ({ caseId: c.caseId, name: c.name, total: c.total })))
        await jobs.wait(jobId)
        const view = await queue.view()
        const listed = await workspace.list()
        for (const c of view.cases) {
          const row = listed.cases.find((r) => r.id === c.caseId)
          results.set(c.caseId, { state: c.state, read: c.read, failed: c.failed, status: row?.status ?? null })
        }
        await queue.dismiss()
        await workspace.flushListCache()
      }
      const failedCases = [...results.values()].filter((r) => r.state !== 'done' || r.failed > 0).length
      if (values.json) {
        const names = new Map(plan.files.map((f) => [f.id, f]))
        io.stdout(
          `${JSON.stringify(
            {
              source: dir,
              workspace: root,
              mode: plan.mode,
              dryRun: values['dry-run'],
              cases: used.map((g, i) => {
                const made = created?.[i]
                const r = made ? results.get(made.caseId) : undefined
                return {
                  name: g.name,
                  reason: g.reason,
                  files: g.files.map((f) => ({ file: names.get(f)?.name, ...(names.get(f)?.kind ? { kind: names.get(f)?.kind } : {}) })),
                  ...(made ? { caseId: made.caseId, added: made.added } : {}),
                  ...(r ? { reading: r.state, read: r.read, failed: r.failed, status: r.status } : {}),
                }
              }),
              ungrouped: plan.ungrouped.map((f) => names.get(f)?.name),
              refused: plan.refused,
            },
            null,
            2,
          )}\n`,
        )
      } else {
        io.stdout(`工作区 Workspace: ${root}\n`)
        printPlan(io, plan, created)
        if (values['dry-run']) io.stdout(`\n预览，未创建任何案件 Dry run: no case was created\n`)
        else {
          io.stdout(`\n已创建 ${created?.length ?? 0} 个案件并读取 ${created?.length ?? 0} cases created and read:\n`)
          for (const c of created ?? []) {
            const r = results.get(c.caseId)
            const state = r ? translate('zh-CN', `import.state.${r.state as 'done'}`) : ''
            io.stdout(`    ${c.caseId}  ${state} ${r?.state ?? ''}, 已读 read ${r?.read ?? 0}, 失败 failed ${r?.failed ?? 0}\n`)
          }
        }
      }
      return leftOut > 0 || failedCases > 0 ? EXIT.problems : EXIT.ok
    } finally {
      if (!queued) await pool.close()
    }
  },
}
