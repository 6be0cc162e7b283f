/**
 * packCase: the checked submission package, built by the one function the CLI (`icp-prep pack`),
 * the desktop app's export job and `icp-prep demo` all call.
 *
 * It checks the case with the rule engine, plans the upload files for the chosen provider, fits each
 * scan to the provider's limits, writes 报告.html and manifest.json, and writes the zip atomically
 * (temporary file, verified, renamed). With errors it refuses — nothing is written — unless `force`,
 * in which case the package is written and marked NOT ready in the report and the manifest.
 */
import { availableParallelism } from 'node:os'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { toParts, type IsoDate } from '../../../shared/dates/iso-date'
import { isSafeRelativePath } from '../../../shared/model/paths'
import { normaliseCase } from '../../../shared/model/normalise-case'
import type { ExportRecord, Manifest } from '../../../shared/package/manifest'
import { defaultProvider, findProvider, packageData, type ProviderProfile } from '../../../shared/package/package-data'
import { planUpload } from '../../../shared/package/plan'
import { mergeFindings, problemFinding, type PackageProblem } from '../../../shared/package/problems'
import { defaultCatalogue } from '../../../shared/rules/catalogue'
import type { WorkspaceCase } from '../../../shared/rules/context'
import { checkCase, effectiveDate, hasErrors, type Finding } from '../../../shared/rules/engine'
import { caseFileFacts, loadCase } from '../case-folder/case-store'
import { checkOutputFolder } from '../output-folder'
import { todayIso } from '../clock'
import { packageContents } from './package-contents'
import { processPlannedFileOffMain, type ProcessOutcome } from './process-file'
import { watermarkSpec } from './watermark'
import { writeVerifiedZip } from './zip-writer'
import type { Case } from '../../../shared/model/case'
import { pageTurns } from '../../../shared/model/extracted'
import type { Turn } from '../intake/prepare'

/** The fixed names of the report and the manifest inside every package. */
export { MANIFEST_NAME, REPORT_NAME } from './package-contents'

/** The steps of an export, in order, for a progress display. */
export type PackPhase = 'check' | 'images' | 'report' | 'zip' | 'verify' | 'done'

/** Progress for a job UI: `fraction` only grows and ends at exactly 1 with phase `done`. */
export interface PackProgress {
  readonly phase: PackPhase
  readonly fraction: number
  /** Files processed so far and in all (images phase). */
  readonly done: number
  readonly total: number
  /** The upload file just finished, during the images phase. */
  readonly file?: string
}

/** How to pack: where to, for which provider and date, and how to report progress or be cancelled. */
export interface PackOptions {
  /** Where the zip goes. Its folder must exist; an existing file there is replaced atomically. */
  readonly output: string
  /** Provider profile name (providers.json) or a profile object; default: the strictest. */
  readonly provider?: string | ProviderProfile
  /** Submission date validity is measured from (else the case's, else today). */
  readonly date?: IsoDate
  /** Write the package despite errors, marked NOT ready. */
  readonly force?: boolean
  readonly onProgress?: (progress: PackProgress) => void
  readonly signal?: AbortSignal
  /** Today, for a case without a submission date; default from the local clock. */
  readonly today?: IsoDate
  /** Wall clock for the export record (never written into the zip). */
  readonly now?: () => Date
  /** Images processed in parallel; default: the number of cores, at most 4. */
  readonly concurrency?: number
  /**
   * Add the 「仅供备案使用」 watermark (shared/data/watermark.json) to the exported ID images, only
   * where it covers no text or emblem; an image with no such place is packed without it and
   * reported (package-watermark-no-room). Default false.
   */
  readonly watermark?: boolean
  /** The workspace's other cases, for the rules across cases (the app passes its workspace's). */
  readonly workspace?: readonly WorkspaceCase[]
}

/** Everything the CLI prints and the app shows or stores after an export (or a refusal). */
export interface PackOutcome {
  /** No error findings (rules or packaging). */
  readonly ready: boolean
  /** Errors were found and `force` was not set: nothing was written. */
  readonly refused: boolean
  /** The zip written, or null when refused. */
  readonly output: string | null
  readonly manifest: Manifest | null
  /** Rule findings and packaging problems, errors first. */
  readonly findings: readonly Finding[]
  readonly date: IsoDate
  readonly provider: ProviderProfile
  /** For the app to append to case.json under `exports`; null when refused. */
  readonly exportRecord: ExportRecord | null
  /** Size of the zip written. */
  readonly bytes: number
}

/** A failure the user can act on (unreadable case, unknown provider, bad output path): exit code 2. */
export class PackError extends Error {
  constructor(
    readonly reason: 'case-unreadable' | 'unknown-provider' | 'bad-output',
    message: string,
    readonly messageEn: string,
  ) {
    super(message)
    this.name = 'PackError'
  }
}

/** The turns OCR applied to each document's pages, so uploads come out upright like the reading. */
function storedRotations(c: Case): (document: number) => readonly Turn[] | undefined {
  return (document) => {
    const read = c.documents[document]?.extracted
    return read ? pageTurns(read) : undefined
  }
}

async function checkOutput(output: string, caseFile: string, scans: readonly string[]): Promise<string> {
  const resolved = path.resolve(output)
  const dir = path.dirname(resolved)
  // Before any image is processed: an unwritable folder is the user's to fix, not an internal error.
  const problem = await checkOutputFolder(dir)
  if (problem) throw new PackError('bad-output', problem.message, problem.messageEn)
  const existing = await stat(resolved).catch(() => null)
  if (existing?.isDirectory())
    throw new PackError('bad-output', `输出路径是一个文件夹：${resolved}`, `The output path is a folder: ${resolved}`)
  if (resolved === path.resolve(caseFile))
    throw new PackError('bad-output', '不能覆盖案件文件 case.json', 'Refusing to overwrite the case file')
  if (scans.includes(resolved))
    throw new PackError('bad-output', `不能覆盖案件中的扫描件：${resolved}`, `Refusing to overwrite a scan of the case: ${resolved}`)
  return resolved
}

function resolveProvider(provider: PackOptions['provider']): ProviderProfile {
  if (provider === undefined) return defaultProvider()
  if (typeof provider !== 'string') return provider
  const found = findProvider(provider)
  if (found) return found
  const names = packageData()
    .providers.map((p) => p.name)
    .join(', ')
  throw new PackError(
    'unknown-provider',
    `未知的接入商配置：${provider}（可选：${names}）`,
    `Unknown provider profile: ${provider} (choose one of: ${names})`,
  )
}

/** Runs `work` over `items` with at most `limit` in flight, keeping results in input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next
      next += 1
      results[i] = await work(items[i] as T)
    }
  })
  await Promise.all(runners)
  return results
}

/** The DOS timestamp for every entry: midnight of the submission date, local time (toolchain.md). */
function entryTime(date: IsoDate): Date {
  const p = toParts(date)
  return p ? new Date(p.year, p.month - 1, p.day, 0, 0, 0) : new Date(2000, 0, 1)
}

/** Builds, checks and writes the submission package of a case folder (or its case.json). */
export async function packCase(caseTarget: string, options: PackOptions): Promise<PackOutcome> {
  const { signal, onProgress } = options
  let reported = 0
  const progress = (phase: PackPhase, fraction: number, done = 0, total = 0, file?: string): void => {
    reported = Math.max(reported, Math.min(1, fraction))
    onProgress?.({ phase, fraction: phase === 'done' ? 1 : reported, done, total, ...(file !== undefined ? { file } : {}) })
  }
  signal?.throwIfAborted()
  const loaded = await loadCase(caseTarget)
  if (!loaded.ok) throw new PackError('case-unreadable', loaded.message, loaded.messageEn)
  const provider = resolveProvider(options.provider)
  const scans = loaded.case.documents.filter((d) => isSafeRelativePath(d.file)).map((d) => path.join(loaded.folder, ...d.file.split('/')))
  const output = await checkOutput(options.output, loaded.file, scans)
  // 报告.html and the manifest carry the values staff copy into the console: normalised, like the rules see them.
  const c = normaliseCase(loaded.case).case
  const catalogue = defaultCatalogue()
  const data = packageData()
  const checkOptions = {
    today: options.today ?? todayIso(),
    ...(options.date ? { date: options.date } : {}),
    files: caseFileFacts(loaded.folder),
    ...(options.workspace ? { workspace: options.workspace } : {}),
  }
  const date = effectiveDate(c, checkOptions)
  progress('check', 0)
  const ruleFindings = checkCase(c, checkOptions)

  const plan = planUpload(c, catalogue, data, provider)
  const limit = Math.max(1, options.concurrency ?? Math.min(3, availableParallelism()))
  let done = 0
  const ctx = {
    folder: loaded.folder,
    provider,
    encoding: data.encoding,
    rotations: storedRotations(loaded.case),
    watermark: options.watermark ? watermarkSpec() : null,
    ...(signal ? { signal } : {}),
  }
  // The same scans for two slots (a manager who is the principal) are processed once.
  const processed = new Map<string, Promise<ProcessOutcome>>()
  const outcomes = await mapLimit(plan, limit, async (planned) => {
    const key = JSON.stringify([
      planned.sources,
      planned.combine,
      planned.cut ?? null,
      planned.mayBePdf,
      planned.minLongSidePx,
      planned.minBytes,
    ])
    const earlier = processed.get(key)
    let outcome: ProcessOutcome
    if (earlier) {
      const first = await earlier
      const file = first.file
        ? { ...first.file, plan: planned, name: `${planned.baseName}${first.file.name.slice(first.file.plan.baseName.length)}` }
        : null
      outcome = { file, problems: [] }
    } else {
      const running = processPlannedFileOffMain(planned, ctx)
      processed.set(key, running)
      outcome = await running
    }
    done += 1
    progress('images', 0.05 + 0.75 * (done / Math.max(1, plan.length)), done, plan.length, outcome.file?.name)
    return outcome
  })
  signal?.throwIfAborted()
  const problems: PackageProblem[] = []
  // A scan the rules already call unopenable (document-file-unreadable) is not reported twice.
  const seen = new Set<string>(
    ruleFindings
      .filter((f) => f.rule === 'document-file-unreadable' && f.document !== undefined)
      .map((f) => `package-image-unreadable|${f.document}|`),
  )
  for (const p of outcomes.flatMap((o) => o.problems)) {
    const key = `${p.code}|${p.document ?? ''}|${JSON.stringify(p.params)}`
    if (!seen.has(key) && !seen.has(`${p.code}|${p.document ?? ''}|`)) problems.push(p)
    seen.add(key)
  }
  const findings = mergeFindings(
    ruleFindings,
    problems.map((p) => problemFinding(p, data)),
  )
  const ready = !hasErrors(findings)
  const forced = !ready && options.force === true
  const base = { ready, findings, date, provider }
  if (!ready && !forced) {
    progress('done', 1)
    return { ...base, refused: true, output: null, manifest: null, exportRecord: null, bytes: 0 }
  }

  progress('report', 0.82)
  const files = outcomes.flatMap((o) => (o.file ? [o.file] : []))
  const { entries, manifest } = packageContents({ case: c, catalogue, data, provider, date, ready, forced, findings, files })
  signal?.throwIfAborted()
  const written = await writeVerifiedZip(output, entries, {
    mtime: entryTime(date),
    ...(signal ? { signal } : {}),
    onStage: (stage) => progress(stage, stage === 'zip' ? 0.85 : 0.95),
  })
  progress('done', 1)
  const at = (options.now ?? (() => new Date()))().toISOString()
  const exportRecord: ExportRecord = { at, file: output, provider: provider.name, ready, submissionDate: date, sha256: written.sha256 }
  return { ...base, refused: false, output, manifest, exportRecord, bytes: written.bytes }
}
