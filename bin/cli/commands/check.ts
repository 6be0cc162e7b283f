/**
 * `icp-prep check [--json] [--date YYYY-MM-DD] CASE`: runs every rule over a case folder (or a
 * case.json) and prints the findings, errors first.
 */
import { caseFileFacts, loadCase } from '../../../electron/services/case-folder/case-store'
import { todayIso } from '../../../electron/services/clock'
import { normaliseCase, type ValueChange } from '../../../shared/model/normalise-case'
import { defaultCatalogue, fieldDefinition } from '../../../shared/rules/catalogue'
import { checkCase, effectiveDate, hasErrors, type Finding } from '../../../shared/rules/engine'
import { dateOption, EXIT, parseOptions, UsageError, type CliIo, type Command } from '../io'

const SEVERITY_LABEL = { error: '✗ 错误 error', warning: '! 注意 warning', info: 'i 提示 info' } as const

export function printFindings(io: CliIo, findings: readonly Finding[]): void {
  for (const f of findings) {
    io.stdout(`${SEVERITY_LABEL[f.severity]}  [${f.rule}]${f.field ? ` ${f.field}` : ''}\n`)
    io.stdout(`    ${f.message}\n    ${f.messageEn}\n    → ${f.fix}\n`)
  }
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
  usage: 'icp-prep check [--json] [--date YYYY-MM-DD] CASE',
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, date: { type: 'string' } },
    })
    if (positionals.length !== 1) throw new UsageError('需要且只需要一个案件 Exactly one CASE is required')
    const date = dateOption(values.date)
    const loaded = await loadCase(positionals[0] as string)
    if (!loaded.ok) {
      io.stderr(`${loaded.message}\n${loaded.messageEn}\n`)
      for (const p of loaded.problems.slice(5, 30)) io.stderr(`  - ${p}\n`)
      return EXIT.usage
    }
    const today = todayIso()
    const options = { today, ...(date ? { date } : {}), files: caseFileFacts(loaded.folder) }
    const findings = checkCase(loaded.case, options)
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
      io.stdout(
        `${JSON.stringify({ ok, date: effectiveDate(loaded.case, options), ...(changes.length > 0 ? { normalised: changes } : {}), findings: out }, null, 2)}\n`,
      )
    } else {
      const counts = { error: 0, warning: 0, info: 0 }
      for (const f of findings) counts[f.severity] += 1
      printNormalised(io, changes)
      printFindings(io, findings)
      io.stdout(
        `\n按 ${effectiveDate(loaded.case, options)} 提交检查 Checked for submission on ${effectiveDate(loaded.case, options)}: ` +
          `${counts.error} 个错误 errors, ${counts.warning} 个注意 warnings, ${counts.info} 个提示 info — ${ok ? '可以提交 ready to submit' : '需要修改 needs fixing'}\n`,
      )
    }
    return ok ? EXIT.ok : EXIT.problems
  },
}
