/**
 * `icp-prep check [--json] [--date YYYY-MM-DD] [--workspace DIR] CASE`: runs every rule over a case
 * folder (or a case.json) and prints the findings, errors first, then the reminders of what cannot be
 * checked offline. With --workspace, the other cases in DIR (the app's workspace folder) feed the
 * rules across cases (one sponsor in flight, one person per number), as in the app.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { caseFileFacts, loadCase } from '../../../electron/services/case-folder/case-store'
import { todayIso } from '../../../electron/services/clock'
import { otherCasesIn } from '../../../electron/services/workspace/workspace-cases'
import { normaliseCase, type ValueChange } from '../../../shared/model/normalise-case'
import { defaultCatalogue, fieldDefinition } from '../../../shared/rules/catalogue'
import { checkCase, effectiveDate, hasErrors, type Finding } from '../../../shared/rules/engine'
import { remindersFor, type Reminder } from '../../../shared/rules/reminders'
import { dateOption, EXIT, parseOptions, UsageError, type CliIo, type Command } from '../io'

const SEVERITY_LABEL = { error: '✗ 错误 error', warning: '! 注意 warning', info: 'i 提示 info' } as const

export function printFindings(io: CliIo, findings: readonly Finding[]): void {
  for (const f of findings) {
    io.stdout(`${SEVERITY_LABEL[f.severity]}  [${f.rule}]${f.field ? ` ${f.field}` : ''}\n`)
    io.stdout(`    ${f.message}\n    ${f.messageEn}\n    → ${f.fix}\n`)
  }
}

async function isFolder(folder: string): Promise<boolean> {
  return stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  )
}

/** The reminders, after the findings: info, never counted against the case. */
export function printReminders(io: CliIo, reminders: readonly Reminder[]): void {
  if (reminders.length === 0) return
  io.stdout(`\n提交前后还须自行完成 Still to do yourself (cannot be checked offline):\n`)
  for (const r of reminders) io.stdout(`${SEVERITY_LABEL.info}  [${r.code}]\n    ${r.message}\n    ${r.messageEn}\n`)
}

/** The typed values the rules read in their normalised form (full-width digits, spaces, http:// …). */
export function printNormalised(io: CliIo, changes: readonly ValueChange[]): void {
  if (changes.length === 0) return
  const catalogue = defaultCatalogue()
  io.stdout(`已按规范形式检查 ${changes.length} 个值 Checked ${changes.length} values in their normalised form:\n`)
  for (const c of changes) {
    const def = fieldDefinition(catalogue, c.field)
    io.stdout(`    ${def ? `${def.label} ` : ''}${c.field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}\n`)
  }
  io.stdout('\n')
}

export const checkCommand: Command = {
  name: 'check',
  summary: '按备案规则检查案件（案件文件夹或 case.json）。Check a case against the filing rules.',
  usage: 'icp-prep check [--json] [--date YYYY-MM-DD] [--workspace DIR] CASE',
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, date: { type: 'string' }, workspace: { type: 'string' } },
    })
    if (positionals.length !== 1) throw new UsageError('需要且只需要一个案件 Exactly one CASE is required')
    const date = dateOption(values.date)
    if (values.workspace !== undefined && !(await isFolder(values.workspace))) {
      io.stderr(`找不到工作区文件夹 No workspace folder at ${path.resolve(values.workspace)}\n`)
      return EXIT.usage
    }
    const loaded = await loadCase(positionals[0] as string)
    if (!loaded.ok) {
      io.stderr(`${loaded.message}\n${loaded.messageEn}\n`)
      for (const p of loaded.problems.slice(5, 30)) io.stderr(`  - ${p}\n`)
      return EXIT.usage
    }
    const today = todayIso()
    const workspace = values.workspace !== undefined ? await otherCasesIn(values.workspace, loaded.folder) : []
    const options = { today, ...(date ? { date } : {}), files: caseFileFacts(loaded.folder), workspace }
    const findings = checkCase(loaded.case, options)
    const reminders = remindersFor(loaded.case)
    // checkCase judges the normalised values; say once which typed values those differ from.
    const { changes } = normaliseCase(loaded.case)
    const ok = !hasErrors(findings)
    if (values.json) {
      const out = findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        field: f.field,
        message: f.message,
        messageEn: f.messageEn,
        fix: f.fix,
        fixEn: f.fixEn,
        source: f.source,
        ...(f.document !== undefined ? { document: f.document } : {}),
      }))
      const notes = reminders.map((r) => ({
        code: r.code,
        severity: r.severity,
        message: r.message,
        messageEn: r.messageEn,
        source: r.source,
        verified: r.verified,
      }))
      const date = effectiveDate(loaded.case, options)
      const normalised = changes.length > 0 ? { normalised: changes } : {}
      io.stdout(`${JSON.stringify({ ok, date, ...normalised, findings: out, reminders: notes }, null, 2)}\n`)
    } else {
      const counts = { error: 0, warning: 0, info: 0 }
      for (const f of findings) counts[f.severity] += 1
      printNormalised(io, changes)
      printFindings(io, findings)
      printReminders(io, reminders)
      io.stdout(
        `\n按 ${effectiveDate(loaded.case, options)} 提交检查 Checked for submission on ${effectiveDate(loaded.case, options)}: ` +
          `${counts.error} 个错误 errors, ${counts.warning} 个注意 warnings, ${counts.info} 个提示 info — ${ok ? '可以提交 ready to submit' : '需要修改 needs fixing'}\n`,
      )
    }
    return ok ? EXIT.ok : EXIT.problems
  },
}
