/**
 * `icp-prep demo [-o DIR] [--provider NAME] [--date YYYY-MM-DD]`: the complete pipeline — read the
 * scans, check, print the letter, pack — on the bundled sample case, and where the zip is.
 */
import { mkdtemp, readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runDemo, type DemoStep } from '../../../electron/services/demo'
import { dateOption, EXIT, parseOptions, UsageError, type Command } from '../io'
import { printFindings } from './check'

const STEP_LABEL: Record<DemoStep, string> = {
  copy: '复制示例案件 Copying the sample case',
  read: '识别扫描件 Reading the scans (offline OCR)',
  check: '检查 Checking',
  letter: '生成广东承诺书 Printing the Guangdong letter',
  pack: '打包 Packing',
}

export const demoCommand: Command = {
  name: 'demo',
  summary: '用内置示例案件演示完整流程：识别、检查、承诺书、打包。Run the whole pipeline on the bundled sample case.',
  usage: 'icp-prep demo [-o DIR] [--force] [--provider NAME] [--date YYYY-MM-DD]',
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false },
        provider: { type: 'string' },
        date: { type: 'string' },
      },
    })
    if (positionals.length > 0) throw new UsageError(`多余的参数 Unexpected arguments: ${positionals.join(' ')}`)
    const date = dateOption(values.date)
    const out = values.output ? path.resolve(values.output) : await mkdtemp(path.join(tmpdir(), 'icp-prep-demo-'))
    // -o names a folder to create or reuse; a file there is a mistake to report, not an internal error.
    const existing = await stat(out).catch(() => null)
    if (existing && !existing.isDirectory()) throw new UsageError(`-o 应为文件夹，而这是一个文件 -o must be a folder, not a file: ${out}`)
    // The demo writes 备案材料.zip, the letter and a case there: it never replaces what it did not make unasked.
    if (existing && !values.force && (await readdir(out)).length > 0)
      throw new UsageError(
        `-o 文件夹不是空的，示例会覆盖其中的提交包、承诺书和案件；请换一个空文件夹，或加 --force -o folder is not empty and the demo would overwrite the package, letter and case in it; choose an empty folder or add --force: ${out}`,
      )
    let lastShown = -1
    const result = await runDemo(out, {
      ...(values.provider ? { provider: values.provider } : {}),
      ...(date ? { date } : {}),
      onStep: (step, detail) => io.stderr(`» ${STEP_LABEL[step]}${detail ? `: ${detail}` : ''}\n`),
      onReadProgress: (done, total, file) => io.stderr(`  ${done}/${total} ${file}\n`),
      onPackProgress: (p) => {
        const percent = Math.floor(p.fraction * 10) * 10
        if (percent > lastShown) io.stderr(`  ${percent}% ${p.phase}\n`)
        lastShown = Math.max(lastShown, percent)
      },
    })
    io.stdout(`示例案件 Sample case: ${result.caseFolder}\n`)
    io.stdout(`识别 Read: ${result.read.read} 份 read, ${result.read.failed} 份失败 failed\n`)
    const errors = result.findings.filter((f) => f.severity === 'error').length
    io.stdout(`检查 Check: ${errors} 个错误 errors, ${result.findings.length - errors} 个注意/提示 warnings/info\n`)
    if (result.findings.length > 0) printFindings(io, result.findings)
    io.stdout(`承诺书（打印用，未签字）Letter to print: ${result.letter ?? '未生成 not generated'}\n`)
    const pack = result.pack
    if (pack.refused || !pack.output) {
      io.stdout('提交包被拒绝：仍有错误。Package refused: errors remain.\n')
      return EXIT.problems
    }
    io.stdout(`提交包 Package (${pack.ready ? '可提交 ready' : '未就绪 NOT ready'}): ${pack.output}\n`)
    return pack.ready ? EXIT.ok : EXIT.problems
  },
}
