/**
 * `icp-prep checklist CASE [-o FILE.pdf] [--date YYYY-MM-DD] [--json]`: prints the 材料清单 to send
 * to the customer — what to collect for this sponsor type, province and website content, what is
 * already here, what is missing or expiring — through the same checklistPdf the app's button calls.
 *
 * Without -o the PDF goes into the current folder under its own name (材料清单_主办单位_日期.pdf).
 * Exit 1 when something is missing or expired (the list says what), 0 when all is here, 2 for bad
 * usage or an unreadable case.
 */
import path from 'node:path'
import { loadCase } from '../../../electron/services/case-folder/case-store'
import { checklistPdf } from '../../../electron/services/checklist/checklist-pdf'
import { todayIso } from '../../../electron/services/clock'
import { checkOutputFolder } from '../../../electron/services/output-folder'
import { dateOption, EXIT, parseOptions, UsageError, type Command } from '../io'
import { fontsOrSay, writePdfOrSay } from '../pdf-output'

export const checklistCommand: Command = {
  name: 'checklist',
  summary:
    '生成发给客户的备案材料清单 PDF（需要什么、已有什么、缺少或即将到期什么）。Print the customer checklist PDF (what to collect, what is here, what is missing or expiring).',
  usage: 'icp-prep checklist CASE [-o FILE.pdf] [--date YYYY-MM-DD] [--json]',
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, date: { type: 'string' }, json: { type: 'boolean', default: false } },
    })
    if (positionals.length !== 1) throw new UsageError('需要且只需要一个案件 Exactly one CASE is required')
    if (values.output !== undefined && !values.output.toLowerCase().endsWith('.pdf'))
      throw new UsageError(`输出文件应以 .pdf 结尾 The output file must end in .pdf: ${values.output}`)
    const today = dateOption(values.date) ?? todayIso()
    const loaded = await loadCase(positionals[0] as string)
    if (!loaded.ok) {
      io.stderr(`${loaded.message}\n${loaded.messageEn}\n`)
      return EXIT.usage
    }
    const fonts = await fontsOrSay(io)
    if (fonts === null) return EXIT.internal
    const result = await checklistPdf(loaded.case, { today, fonts })
    const output = path.resolve(values.output ?? result.name)
    const problem = await checkOutputFolder(path.dirname(output), { create: true })
    if (problem) {
      io.stderr(`${problem.message}\n${problem.messageEn}\n`)
      return EXIT.usage
    }
    if (!(await writePdfOrSay(io, output, result.pdf, ['材料清单', 'The checklist']))) return EXIT.usage
    const c = result.checklist
    const missing = c.collect.filter((r) => r.status === 'missing')
    const expired = c.collect.filter((r) => r.status === 'expired').length + c.expiring.filter((r) => r.expired).length
    if (values.json) {
      const out = { output, pages: result.pages, date: c.date, collect: c.collect, info: c.info, expiring: c.expiring }
      io.stdout(`${JSON.stringify(out, null, 2)}\n`)
    } else {
      io.stdout(`已生成材料清单 Checklist written: ${output}\n  ${result.pages} 页 pages · ${c.collect.length} 项材料 materials\n`)
      for (const r of c.collect) io.stdout(`  [${r.statusText}] ${r.material}${r.note ? ` — ${r.note}` : ''}\n`)
      if (c.info.length > 0) io.stdout(`  还需提供 Still to supply: ${c.info.join('；')}\n`)
      for (const r of c.expiring) io.stdout(`  [到期 ${r.date}] ${r.item}\n`)
    }
    return missing.length > 0 || c.info.length > 0 || expired > 0 ? EXIT.problems : EXIT.ok
  },
}
