/**
 * `icp-prep letter CASE -o OUT.pdf [--date YYYY-MM-DD] [--template FILE] [--json]`: prints the
 * commitment letter for a case (Guangdong's, or the filing province's own: 上海, 江苏), through the
 * same generateLetter the app calls.
 *
 * Exit 1 with the findings (and no file) when the case cannot produce a correct letter; exit 2
 * for bad usage, an unreadable case or an invalid template file.
 */
import path from 'node:path'
import { loadCase } from '../../../electron/services/case-folder/case-store'
import { todayIso } from '../../../electron/services/clock'
import { generateLetter } from '../../../electron/services/letter/generate'
import { loadTemplateFile } from '../../../electron/services/letter/templates'
import { checkOutputFolder } from '../../../electron/services/output-folder'
import { hasErrors } from '../../../shared/rules/engine'
import { dateOption, EXIT, parseOptions, UsageError, type Command } from '../io'
import { fontsOrSay, writePdfOrSay } from '../pdf-output'
import { printFindings } from './check'

export const letterCommand: Command = {
  name: 'letter',
  summary:
    '生成备案承诺书 PDF（广东，或上海、江苏的本省承诺书）。Generate the commitment letter PDF (Guangdong, or the Shanghai or Jiangsu letter).',
  usage: 'icp-prep letter CASE -o OUT.pdf [--date YYYY-MM-DD] [--template FILE] [--json]',
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        date: { type: 'string' },
        template: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    })
    if (positionals.length !== 1) throw new UsageError('需要且只需要一个案件 Exactly one CASE is required')
    if (values.output === undefined || values.output.trim() === '')
      throw new UsageError('需要输出文件 -o OUT.pdf An output file is required: -o OUT.pdf')
    if (!values.output.toLowerCase().endsWith('.pdf'))
      throw new UsageError(`输出文件应以 .pdf 结尾 The output file must end in .pdf: ${values.output}`)
    const date = dateOption(values.date)
    const output = path.resolve(values.output)
    // Before any work: a folder the user cannot write is said at once (missing folders are made).
    const problem = await checkOutputFolder(path.dirname(output), { create: true })
    if (problem) {
      io.stderr(`${problem.message}\n${problem.messageEn}\n`)
      return EXIT.usage
    }
    const loaded = await loadCase(positionals[0] as string)
    if (!loaded.ok) {
      io.stderr(`${loaded.message}\n${loaded.messageEn}\n`)
      return EXIT.usage
    }
    const fonts = await fontsOrSay(io)
    if (fonts === null) return EXIT.internal
    let template
    if (values.template !== undefined) {
      const t = await loadTemplateFile(values.template, fonts.metrics)
      if (!t.ok) {
        io.stderr(`模板无效，未使用 The template is invalid and was not used: ${t.file}\n`)
        for (const p of t.problems.slice(0, 30)) io.stderr(`  - ${p}\n`)
        if (t.problems.length > 30) io.stderr(`  … 另有 ${t.problems.length - 30} 个问题 more problems\n`)
        return EXIT.usage
      }
      template = t.template
    }
    const result = await generateLetter(loaded.case, {
      today: todayIso(),
      fonts,
      ...(date ? { date } : {}),
      ...(template ? { template } : {}),
    })
    // Still possible after the check (a full disk, a folder changed meanwhile): name the output, not the temp file.
    if (result.pdf && !(await writePdfOrSay(io, output, result.pdf, ['承诺书', 'The letter']))) return EXIT.usage
    const ok = result.pdf !== null && !hasErrors(result.findings)
    if (values.json) {
      const out = {
        ok,
        output: result.pdf ? output : null,
        date: result.date,
        pages: result.pages,
        template: result.template,
        findings: result.findings,
        scanLayout: result.scanLayout,
      }
      io.stdout(`${JSON.stringify(out, null, 2)}\n`)
    } else {
      printFindings(io, result.findings)
      const variant = result.template.variant === 'unit' ? '单位版 unit' : '个人版 personal'
      if (result.pdf)
        io.stdout(
          `\n已生成承诺书 Letter written: ${output}\n  ${result.pages} 页 pages · ${variant} · 模板 template ${result.template.id} ${result.template.version} · 日期 date ${result.date}\n` +
            `  打印后签字${result.template.variant === 'unit' ? '并加盖公章' : '并按指印'}，彩色扫描后添加到案件。 Print, sign${result.template.variant === 'unit' ? ' and seal' : ''}, scan in colour and add it to the case.\n`,
        )
      else io.stdout(`\n未生成承诺书：请先修正上述错误。 No letter was written: fix the errors above first.\n`)
    }
    return ok ? EXIT.ok : EXIT.problems
  },
}
