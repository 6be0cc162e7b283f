/**
 * `icp-prep history [--json] CASE` lists the saved versions of a case (its `.history`), newest
 * first, with which parts differ from the case now; `icp-prep restore CASE SNAPSHOT` puts one back,
 * keeping the current state as a version first. The same service the app's 历史版本 list uses.
 */
import { describeHistory, restoreSnapshot } from '../../../electron/services/case-folder/case-history'
import { CASE_FILE, loadCase, resolveCaseFile } from '../../../electron/services/case-folder/case-store'
import { EXIT, parseOptions, UsageError, type Command } from '../io'
import path from 'node:path'
import { existsSync } from 'node:fs'

const PART_ZH: Record<string, string> = {
  province: '省份',
  filingType: '备案类型',
  submissionDate: '提交日期',
  sponsor: '主办单位',
  principal: '主体负责人',
  websites: '网站',
  documents: '扫描件',
  remark: '备注',
  exports: '导出记录',
  other: '其他',
}

function caseFolderOf(target: string): { folder: string; file: string } | null {
  const { folder, file } = resolveCaseFile(target)
  return existsSync(file) ? { folder, file } : null
}

export const historyCommand: Command = {
  name: 'history',
  summary: '列出案件的历史版本（.history）。List the saved versions of a case.',
  usage: 'icp-prep history [--json] CASE',
  async run(args, io) {
    const { values, positionals } = parseOptions({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } })
    if (positionals.length !== 1) throw new UsageError('需要且只需要一个案件 Exactly one CASE is required')
    const target = caseFolderOf(positionals[0] as string)
    if (!target) {
      io.stderr(`找不到案件文件 No case file at ${path.resolve(positionals[0] as string)}\n`)
      return EXIT.usage
    }
    const loaded = await loadCase(target.folder, { newer: true })
    const items = await describeHistory(target.folder, loaded.ok ? loaded.case : null)
    if (values.json) {
      io.stdout(`${JSON.stringify({ case: target.folder, versions: items }, null, 2)}\n`)
      return EXIT.ok
    }
    if (items.length === 0) {
      io.stdout('还没有历史版本 No saved versions yet\n')
      return EXIT.ok
    }
    for (const item of items) {
      const parts = !item.valid
        ? '无法读取，不能恢复 unreadable, cannot be restored'
        : item.changed.length === 0
          ? '与当前相同 same as now'
          : `不同 differs: ${item.changed.map((p) => `${PART_ZH[p] ?? p} ${p}`).join(', ')}`
      io.stdout(`${item.id}  ${item.savedAt}  ${item.size} B  ${parts}\n`)
    }
    io.stdout(`\n恢复 Restore: icp-prep restore ${positionals[0] as string} SNAPSHOT\n`)
    return EXIT.ok
  },
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: '把案件恢复为一个历史版本（当前内容先存为历史版本）。Restore a saved version (the current state is kept first).',
  usage: 'icp-prep restore CASE SNAPSHOT',
  async run(args, io) {
    const { positionals } = parseOptions({ args, allowPositionals: true, options: {} })
    if (positionals.length !== 2) throw new UsageError('需要一个案件和一个历史版本 A CASE and a SNAPSHOT are required')
    const target = caseFolderOf(positionals[0] as string)
    if (!target) {
      io.stderr(`找不到案件文件 No case file at ${path.resolve(positionals[0] as string)}\n`)
      return EXIT.usage
    }
    const id = path.basename(positionals[1] as string)
    const restored = await restoreSnapshot(target.folder, id, path.join(target.folder, CASE_FILE))
    if (!restored) {
      io.stderr(`找不到这个历史版本，或它不是有效的案件：${id}\nThis saved version was not found, or is not a valid case: ${id}\n`)
      return EXIT.usage
    }
    io.stdout(`已恢复 ${id}；原内容已存为历史版本。\nRestored ${id}; the previous state was kept as a saved version.\n`)
    return EXIT.ok
  },
}
