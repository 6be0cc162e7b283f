/**
 * `icp-prep status CASE` shows a case's filing status and its history; `icp-prep status CASE NEW
 * --date … [--provider … --order …] [--reason … | --reason-code …] [--number …]` records a change
 * (准备中 → 已导出 → 已提交 → 初审驳回 / 管局退回 → 已备案 → 变更中 / 注销), checked by the same
 * rules as the app's status button and written through the same workspace service.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { resolveCaseFile } from '../../../electron/services/case-folder/case-store'
import { todayIso } from '../../../electron/services/clock'
import { Workspace } from '../../../electron/services/workspace/workspace'
import { currentFiling, rejectionReason, rejectionReasons, statusDefinition, statusDefinitions } from '../../../shared/filing/status'
import { AppError } from '../../../shared/ipc/errors'
import { isSafeCaseId } from '../../../shared/ipc/schemas'
import { FILING_STATUSES, type FilingStatus } from '../../../shared/model/filing'
import { packageData } from '../../../shared/package/package-data'
import { EXIT, parseOptions, UsageError, type Command } from '../io'

/** A status by its code (submitted) or its Chinese label (已提交). */
export function statusByName(name: string): FilingStatus | null {
  const key = name.trim()
  const found = statusDefinitions().find((s) => s.status === key.toLowerCase() || s.label === key)
  return found ? found.status : null
}

const statusNames = (): string =>
  statusDefinitions()
    .map((s) => `${s.status} ${s.label}`)
    .join(', ')

export const statusCommand: Command = {
  name: 'status',
  summary: `查看或更改备案状态。Show or change the filing status: ${FILING_STATUSES.join(' | ')}`,
  usage:
    'icp-prep status [--json] CASE [NEW --date YYYY-MM-DD [--provider NAME] [--order NO] [--reason TEXT | --reason-code CODE] [--number 备案号] [--note TEXT]]',
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        date: { type: 'string' },
        provider: { type: 'string' },
        order: { type: 'string' },
        reason: { type: 'string' },
        'reason-code': { type: 'string' },
        number: { type: 'string' },
        note: { type: 'string' },
        reasons: { type: 'boolean', default: false },
      },
    })
    if (values.reasons) {
      for (const r of rejectionReasons()) io.stdout(`${r.code}  ${r.label}  ${r.labelEn}${r.rule ? `  → ${r.rule}` : ''}\n`)
      return EXIT.ok
    }
    if (positionals.length < 1 || positionals.length > 2)
      throw new UsageError('需要一个案件，可再加一个新状态 One CASE, optionally a NEW status')
    const { folder, file } = resolveCaseFile(positionals[0] as string)
    if (!existsSync(file)) {
      io.stderr(`找不到案件文件 No case file at ${path.resolve(positionals[0] as string)}\n`)
      return EXIT.usage
    }
    const id = path.basename(folder)
    if (!isSafeCaseId(id)) throw new UsageError(`案件文件夹名不可用 The case folder's name cannot be used: ${id}`)
    const workspace = new Workspace(path.dirname(folder), {
      today: () => todayIso(),
      now: () => new Date(),
      trash: async () => {
        throw new Error('the status command never deletes')
      },
    })

    if (positionals.length === 2) {
      const status = statusByName(positionals[1] as string)
      if (!status) throw new UsageError(`未知的状态 Unknown status: ${positionals[1] as string}（可选 choose: ${statusNames()}）`)
      const date = values.date ?? todayIso()
      try {
        await workspace.setFilingStatus(id, {
          status,
          date,
          ...(values.provider !== undefined ? { provider: values.provider.trim().toLowerCase() } : {}),
          ...(values.order !== undefined ? { orderNumber: values.order } : {}),
          ...(values.reason !== undefined ? { reason: values.reason } : {}),
          ...(values['reason-code'] !== undefined ? { reasonCode: values['reason-code'] } : {}),
          ...(values.number !== undefined ? { filingNumber: values.number } : {}),
          ...(values.note !== undefined ? { note: values.note } : {}),
        })
      } catch (error) {
        if (error instanceof AppError && error.code === 'status-refused') {
          io.stderr(`未更改状态 The status was not changed:\n${error.message}\n${error.messageEn}\n`)
          if (status === 'submitted')
            io.stderr(
              `接入商 Providers: ${packageData()
                .providers.map((p) => p.name)
                .join(', ')}\n`,
            )
          return EXIT.problems
        }
        if (error instanceof AppError) {
          io.stderr(`${error.message}\n${error.messageEn}\n`)
          return EXIT.usage
        }
        throw error
      }
    }

    const opened = await workspace.open(id).catch((error: unknown) => {
      if (error instanceof AppError) return error
      throw error
    })
    if (opened instanceof AppError) {
      io.stderr(`${opened.message}\n${opened.messageEn}\n`)
      return EXIT.usage
    }
    const current = currentFiling(opened.case)
    const history = opened.case.filing?.history ?? []
    if (values.json) {
      io.stdout(
        `${JSON.stringify({ case: folder, status: current.status, date: current.date, filingNumber: current.filingNumber, siteNumbers: current.siteNumbers, history }, null, 2)}\n`,
      )
      return EXIT.ok
    }
    const def = statusDefinition(current.status)
    io.stdout(
      `${def.label} ${def.labelEn}${current.date ? `  ${current.date}` : ''}${current.filingNumber ? `  ${current.filingNumber}` : ''}\n`,
    )
    if (history.length === 0) io.stdout('还没有状态记录 No status changes recorded yet\n')
    for (const e of history) {
      const d = statusDefinition(e.status)
      const reason = e.reasonCode ? rejectionReason(e.reasonCode)?.label : undefined
      const parts = [
        e.provider,
        e.orderNumber ? `订单 order ${e.orderNumber}` : undefined,
        reason ?? undefined,
        e.reason,
        e.filingNumber,
        e.auto ? '（导出时自动记录 recorded by the export）' : undefined,
        e.note,
      ].filter((p): p is string => typeof p === 'string' && p !== '')
      io.stdout(`  ${e.date}  ${d.label} ${d.labelEn}${parts.length > 0 ? `  ${parts.join(' · ')}` : ''}\n`)
    }
    const next = def.next.map((s) => `${s} ${statusDefinition(s).label}`).join(', ')
    io.stdout(`\n可改为 Next: ${next}\n`)
    return EXIT.ok
  },
}
