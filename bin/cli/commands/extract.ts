/**
 * `icp-prep extract [--json] [--date YYYY-MM-DD] FILE…`: reads scans offline — what each one is,
 * whether it is a colour scan, the fields on it with a confidence and the box each came from, and
 * quality findings — in input order, one object per file (one per page for a multi-page PDF).
 * A file that cannot be read gets an `error` and the run goes on.
 */
import { extractFiles, type FileExtraction } from '../../../electron/services/extract/extract-files'
import type { PageResult } from '../../../electron/services/extract/pipeline'
import { todayIso } from '../../../electron/services/clock'
import { dateOption, EXIT, parseOptions, UsageError, type CliIo, type Command } from '../io'

const KIND_LABELS: Record<string, string> = {
  'business-licence': '营业执照 business licence',
  'id-card': '身份证 ID card',
  'domain-certificate': '域名证书 domain certificate',
  'commitment-letter': '承诺书 commitment letter',
  other: '其他 other',
}
const SIDE_LABELS: Record<string, string> = { front: '人像面 front', back: '国徽面 back' }

/** The JSON object for one page: the shape documented in the README and issue 3. */
export function pageJson(file: string, page: PageResult, multiPage: boolean): Record<string, unknown> {
  const fields: Record<string, string> = {}
  const confidence: Record<string, number> = {}
  const boxes: Record<string, unknown> = {}
  const uncertain: string[] = []
  for (const [name, f] of Object.entries(page.fields)) {
    fields[name] = f.value
    confidence[name] = f.confidence
    if (f.box) boxes[name] = f.box
    if (f.uncertain) uncertain.push(name)
  }
  return {
    file,
    ...(multiPage || page.page !== undefined ? { page: page.page } : {}),
    kind: page.kind,
    ...(page.sides ? { sides: page.sides } : {}),
    colour: page.colour,
    fields,
    confidence,
    ...(uncertain.length > 0 ? { uncertain } : {}),
    boxes,
    image: { ...page.image, rotation: page.rotation, skew: page.skew },
    findings: page.findings.map((x) => ({
      rule: x.rule,
      severity: x.severity,
      message: x.message,
      ...(x.messageEn ? { messageEn: x.messageEn } : {}),
    })),
    ...(page.text ? { text: page.text } : {}),
  }
}

/** The objects for one file: one per page, or one with `error`. */
export function fileJson(r: FileExtraction): Array<Record<string, unknown>> {
  if (!r.ok) return [{ file: r.file, error: r.error, errorEn: r.errorEn }]
  return r.pages.map((p) => pageJson(r.file, p, r.pages.length > 1))
}

function printHuman(io: CliIo, obj: Record<string, unknown>): void {
  const page = obj.page !== undefined ? ` 第${String(obj.page)}页 page ${String(obj.page)}` : ''
  if (obj.error !== undefined) {
    io.stdout(`✗ ${String(obj.file)}${page}\n    无法读取 cannot read: ${String(obj.error)} (${String(obj.errorEn)})\n`)
    return
  }
  const sides = Array.isArray(obj.sides) ? `（${(obj.sides as string[]).map((s) => SIDE_LABELS[s] ?? s).join(' + ')}）` : ''
  io.stdout(
    `• ${String(obj.file)}${page}: ${KIND_LABELS[String(obj.kind)] ?? String(obj.kind)}${sides}, ${obj.colour ? '彩色 colour' : '非彩色 not colour'}\n`,
  )
  const fields = obj.fields as Record<string, string>
  const confidence = obj.confidence as Record<string, number>
  const uncertain = new Set((obj.uncertain as string[] | undefined) ?? [])
  for (const [name, value] of Object.entries(fields))
    io.stdout(
      `    ${name.padEnd(20)} ${value}  (${Math.round((confidence[name] ?? 0) * 100)}%${uncertain.has(name) ? ', 待核对 check' : ''})\n`,
    )
  for (const f of obj.findings as Array<{ severity: string; message: string; messageEn?: string }>)
    io.stdout(
      `    ${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '注意' : '提示'}: ${f.message}\n           ${f.messageEn ?? ''}\n`,
    )
}

export const extractCommand: Command = {
  name: 'extract',
  summary:
    '离线识别扫描件：类型、是否彩色、证照字段及置信度、质量问题。Read scans offline: kind, colour, fields with confidence, quality findings.',
  usage: 'icp-prep extract [--json] [--date YYYY-MM-DD] FILE…',
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, date: { type: 'string' } },
    })
    if (positionals.length === 0) throw new UsageError('没有要识别的文件 No files given')
    const today = dateOption(values.date) ?? todayIso()
    const results = await extractFiles(positionals, {
      today,
      ...(values.json ? {} : { onProgress: (done: number, total: number, file: string) => io.stderr(`[${done}/${total}] ${file}\n`) }),
    })
    const objects = results.flatMap(fileJson)
    if (values.json) io.stdout(`${JSON.stringify(objects, null, 2)}\n`)
    else for (const o of objects) printHuman(io, o)
    return EXIT.ok
  },
}
