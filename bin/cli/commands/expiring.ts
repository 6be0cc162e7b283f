/**
 * `icp-prep expiring [WORKSPACE] [--within 90] [--all] [--json] [--ics FILE] [--csv FILE]` lists
 * what expires across the cases that are submitted or filed (every case with --all): each person's
 * ID, the licence, each 前置审批 and each domain, soonest first, with what to do — the app's 到期提醒
 * list. Exit 1 when something is already past, so a scheduled task can raise an alarm. Without
 * WORKSPACE it reads the app's own workspace (its settings.json).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { todayIso } from '../../../electron/services/clock'
import { appWorkspace } from '../../../electron/services/workspace/app-workspace'
import { Workspace } from '../../../electron/services/workspace/workspace'
import { isIsoDate } from '../../../shared/dates/iso-date'
import { toCsv, toIcs } from '../../../shared/expiry/calendar'
import { countByWindow, expiringItems, expirySettings, type ExpiryItem } from '../../../shared/expiry/expiring'
import { statusDefinition } from '../../../shared/filing/status'
import { EXIT, parseOptions, UsageError, type CliIo, type Command } from '../io'

const WINDOW_ZH: Record<ExpiryItem['window'], string> = {
  past: '已过期 past',
  '30': '30天内 ≤30 d',
  '90': '90天内 ≤90 d',
  '180': '180天内 ≤180 d',
  later: '更晚 later',
}

function printItems(io: CliIo, items: readonly ExpiryItem[], within: number, all: boolean): void {
  if (items.length === 0) {
    io.stdout(
      `${within} 天内没有到期项目 Nothing expires within ${within} days${all ? '' : '（仅已提交、已备案的案件 submitted and filed cases only; --all for every case）'}\n`,
    )
    return
  }
  for (const item of items) {
    const when =
      item.days < 0
        ? `已过 ${-item.days} 天 ${-item.days} d ago`
        : item.days === 0
          ? '今天 today'
          : `还有 ${item.days} 天 in ${item.days} d`
    io.stdout(`${item.date}  ${when}  ${item.caseName ?? item.caseId}（${statusDefinition(item.filingStatus).label}）  ${item.subject}\n`)
    io.stdout(`    ${item.fix}  ${item.fixEn}\n`)
  }
  const counts = countByWindow(items)
  const line = (['past', '30', '90', '180'] as const).filter((w) => counts[w] > 0).map((w) => `${WINDOW_ZH[w]}: ${counts[w]}`)
  io.stdout(`\n${line.join('  ')}\n`)
}

async function writeOut(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  await writeFile(file, text, 'utf8')
}

export const expiringCommand: Command = {
  name: 'expiring',
  summary:
    '列出各案件即将到期的证件、前置审批和域名（有已过期项目时退出码为 1）。List what expires across cases (exit 1 when something is past).',
  usage: 'icp-prep expiring [WORKSPACE] [--within DAYS] [--all] [--json] [--ics FILE] [--csv FILE] [--today YYYY-MM-DD]',
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        within: { type: 'string' },
        all: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        ics: { type: 'string' },
        csv: { type: 'string' },
        today: { type: 'string' },
      },
    })
    if (positionals.length > 1) throw new UsageError('最多一个工作区 At most one WORKSPACE')
    const within = values.within === undefined ? expirySettings().defaultWithin : Number(values.within)
    if (!Number.isInteger(within) || within < 0 || within > 3650)
      throw new UsageError(`--within 应为 0 到 3650 之间的天数 must be a number of days from 0 to 3650, not: ${values.within ?? ''}`)
    if (values.today !== undefined && !isIsoDate(values.today))
      throw new UsageError(`--today 应为真实日期 YYYY-MM-DD must be a real date, not: ${values.today}`)
    const today = values.today ?? todayIso()
    const root = positionals[0] !== undefined ? path.resolve(positionals[0]) : await appWorkspace()

    const workspace = new Workspace(root, {
      today: () => today,
      now: () => new Date(),
      trash: async () => {
        throw new Error('expiring never deletes')
      },
      // A scheduled run reuses the app's rows (and leaves its own for the app) instead of checking every case.
      listCache: true,
    })
    const listed = await workspace.list()
    if (listed.total === 0 && positionals[0] !== undefined) {
      io.stderr(`工作区中没有案件 No cases in the workspace: ${root}\n`)
      return EXIT.usage
    }
    const cases = await workspace.cases()
    const items = expiringItems(cases, { today, within, all: values.all })
    await workspace.flushListCache()
    if (values.ics !== undefined) await writeOut(values.ics, toIcs(items, new Date()))
    if (values.csv !== undefined) await writeOut(values.csv, toCsv(items))
    if (values.json) io.stdout(`${JSON.stringify({ workspace: root, today, within, all: values.all, items }, null, 2)}\n`)
    else {
      io.stdout(`工作区 Workspace: ${root}  今天 today ${today}\n\n`)
      printItems(io, items, within, values.all)
      if (values.ics !== undefined) io.stdout(`已写入日历 Calendar written: ${path.resolve(values.ics)}\n`)
      if (values.csv !== undefined) io.stdout(`已写入表格 CSV written: ${path.resolve(values.csv)}\n`)
    }
    return items.some((i) => i.days < 0) ? EXIT.problems : EXIT.ok
  },
}
