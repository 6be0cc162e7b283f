/**
 * `icp-prep pack CASE -o OUT.zip [--provider NAME] [--date YYYY-MM-DD] [--force] [--watermark] [--json]`:
 * the checked submission package, through the same packCase the desktop app's export uses.
 * --watermark adds 「仅供备案使用」 to the ID images where it covers nothing.
 *
 * Exit 0: written and ready (or written with --force). Exit 1: refused because of errors (the
 * findings are printed; nothing is written). Exit 2: bad usage, an unreadable case, a bad output
 * path or an unknown provider. Ctrl+C cancels cleanly: no file is left under the output name.
 */
import path from 'node:path'
import { outputFolderProblem, outputReasonOf } from '../../../electron/services/output-folder'
import { PackError, packCase, type PackOutcome, type PackProgress } from '../../../electron/services/package/pack-case'
import { packageData } from '../../../shared/package/package-data'
import { formatBytes } from '../../../shared/package/problems'
import { dateOption, EXIT, parseOptions, UsageError, type CliIo, type Command } from '../io'
import { printFindings } from './check'

/** Exit code after Ctrl+C or SIGTERM, as shells report a process ended by SIGINT. */
const EXIT_CANCELLED = 130

/** One stderr line per step, so a long export visibly moves (stdout keeps the result). */
function progressLine(p: PackProgress): string | null {
  if (p.phase === 'images') return `  处理图片 images ${p.done}/${p.total}${p.file ? `: ${p.file}` : ''}\n`
  if (p.phase === 'zip') return '  写入 zip writing the zip…\n'
  if (p.phase === 'verify') return '  校验 verifying every entry…\n'
  return null
}

function printOutcome(io: CliIo, outcome: PackOutcome): void {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of outcome.findings) counts[f.severity] += 1
  printFindings(io, outcome.findings)
  const tally = `${counts.error} 个错误 errors, ${counts.warning} 个注意 warnings, ${counts.info} 个提示 info`
  const provider = `${outcome.provider.label} ${outcome.provider.labelEn}`
  if (outcome.refused) {
    io.stdout(
      `\n已拒绝打包 Refused: ${tally}（按 ${outcome.date} 检查，${provider}）。\n` +
        `修正错误后重新打包，或用 --force 生成标记为“未就绪”的包。 Fix the errors and pack again, or use --force to build a package marked NOT ready.\n`,
    )
    return
  }
  const manifest = outcome.manifest
  if (!manifest) return
  io.stdout('\n')
  for (const f of manifest.files) {
    const px = f.width !== null ? `${f.width}×${f.height}` : ''
    io.stdout(`  ${f.name}  ${px}  ${formatBytes(f.bytes)}\n`)
  }
  const state = outcome.ready ? '可以提交 ready to submit' : '未就绪 NOT ready (--force)'
  io.stdout(
    `\n已生成 Package written: ${outcome.output}（${formatBytes(outcome.bytes)}，${provider}，按 ${outcome.date} 检查）\n${tally} — ${state}\n`,
  )
}

/** Registered in bin/cli/main.ts. */
export const packCommand: Command = {
  name: 'pack',
  summary:
    '生成可直接上传的提交包（图片、报告.html、manifest.json）。Build the checked, ready-to-upload zip. ' +
    `--provider: ${packageData()
      .providers.map((p) => p.name)
      .join(' | ')}（默认 default ${packageData().defaultProvider}）`,
  usage: 'icp-prep pack CASE -o OUT.zip [--provider NAME] [--date YYYY-MM-DD] [--force] [--watermark] [--json]',
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        provider: { type: 'string' },
        date: { type: 'string' },
        force: { type: 'boolean', default: false },
        watermark: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    })
    if (positionals.length !== 1) throw new UsageError('需要且只需要一个案件 Exactly one CASE is required')
    if (values.output === undefined || values.output.trim() === '')
      throw new UsageError('需要用 -o 指定输出的 zip 文件 -o OUT.zip is required')
    const date = dateOption(values.date)
    const names = packageData().providers.map((p) => p.name)
    if (values.provider !== undefined && !names.includes(values.provider.trim().toLowerCase()))
      throw new UsageError(`未知的接入商配置 Unknown provider: ${values.provider}（可选 choose: ${names.join(', ')}）`)

    const controller = new AbortController()
    const cancel = (): void => controller.abort(new Error('cancelled'))
    process.once('SIGINT', cancel)
    process.once('SIGTERM', cancel)
    try {
      const outcome = await packCase(positionals[0] as string, {
        output: values.output,
        ...(values.provider !== undefined ? { provider: values.provider } : {}),
        ...(date ? { date } : {}),
        force: values.force,
        watermark: values.watermark,
        signal: controller.signal,
        onProgress: (p) => {
          const line = progressLine(p)
          if (line) io.stderr(line)
        },
      })
      if (values.json) {
        const { provider, manifest, ...rest } = outcome
        io.stdout(`${JSON.stringify({ ...rest, provider: provider.name, manifest }, null, 2)}\n`)
      } else printOutcome(io, outcome)
      return outcome.refused ? EXIT.problems : EXIT.ok
    } catch (error) {
      if (error instanceof PackError) {
        io.stderr(`${error.message}\n${error.messageEn}\n`)
        return EXIT.usage
      }
      // Writing the zip failed in the output folder (a disk full, a folder changed after the check).
      const reason = outputReasonOf(error)
      const failedPath = (error as { path?: unknown }).path
      if (reason !== null && typeof failedPath === 'string' && path.dirname(failedPath) === path.dirname(path.resolve(values.output))) {
        const p = outputFolderProblem(reason, path.dirname(failedPath))
        io.stderr(`未能写入提交包 The package was not written: ${path.resolve(values.output)}\n${p.message}\n${p.messageEn}\n`)
        return EXIT.usage
      }
      if (controller.signal.aborted) {
        io.stderr('已取消，未写入任何文件。 Cancelled; nothing was written.\n')
        return EXIT_CANCELLED
      }
      throw error
    } finally {
      process.off('SIGINT', cancel)
      process.off('SIGTERM', cancel)
    }
  },
}
