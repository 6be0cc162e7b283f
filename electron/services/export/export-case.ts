/**
 * Export from the app: what will go into the zip for a provider (the packaging plan, before any
 * image is processed), and the export itself — packCase, the one function the CLI also runs —
 * followed by appending its export record to case.json in the workspace's queue, so the case list
 * shows 已导出 and an edit made during the export is never lost.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { afterExport } from '../../../shared/filing/status'
import type { IsoDate } from '../../../shared/dates/iso-date'
import { AppError } from '../../../shared/ipc/errors'
import type { ExportPlan, ExportResult } from '../../../shared/ipc/letter-export-schemas'
import { CASE_LIMITS, type Case } from '../../../shared/model/case'
import { defaultProvider, findProvider, packageData, type ProviderProfile } from '../../../shared/package/package-data'
import { planUpload, uploadExtension } from '../../../shared/package/plan'
import { defaultCatalogue } from '../../../shared/rules/catalogue'
import { MANIFEST_NAME, packCase, REPORT_NAME, type PackProgress } from '../package/pack-case'
import { documentFile, scanIdOf } from '../scans/scan-view'
import type { OpenedCase, Workspace } from '../workspace/workspace'

/** Most findings an export result carries to the window (errors come first). */
const MAX_FINDINGS = 100

/** The provider asked for, else the one of the case's last export, else the default (the strictest). */
export function chooseProvider(c: Case, asked: string | undefined): ProviderProfile {
  const last = c.exports?.at(-1)?.provider
  return (asked ? findProvider(asked) : undefined) ?? (last ? findProvider(last) : undefined) ?? defaultProvider()
}

/** What exporting a case for a provider will write, and what stands in the way. */
export async function exportPlan(workspace: Workspace, caseId: string, asked: string | undefined): Promise<ExportPlan> {
  return planOf(workspace, await workspace.open(caseId), asked)
}

/** exportPlan for a case already opened (export.start plans and exports from one read). */
export async function planOf(workspace: Workspace, opened: OpenedCase, asked: string | undefined): Promise<ExportPlan> {
  const c = opened.case
  const folder = workspace.folderOf(opened.id)
  const data = packageData()
  const provider = chooseProvider(c, asked)
  const plan = planUpload(c, defaultCatalogue(), data, provider)
  const files = await Promise.all(
    plan.map(async (p) => {
      const sizes = await Promise.all(
        p.sources.map(async (s) => {
          const doc = c.documents[s.document]
          const file = doc ? documentFile(folder, doc) : null
          return file ? ((await stat(file).catch(() => null))?.size ?? null) : null
        }),
      )
      return {
        order: p.order,
        name: `${p.baseName}${uploadExtension(p, provider, p.sources[0]?.file.toLowerCase().endsWith('.pdf') === true)}`,
        place: p.place,
        placeEn: p.placeEn,
        role: p.role,
        website: p.website,
        sources: p.sources.map((s) => ({ scanId: scanIdOf(s.file), name: path.posix.basename(s.file) })),
        sourceBytes: sizes.every((n) => n !== null) ? sizes.reduce<number>((a, b) => a + (b ?? 0), 0) : null,
        combine: p.combine,
        sameAsPrincipal: p.sameAsPrincipal,
      }
    }),
  )
  return {
    providers: data.providers.map((p) => ({
      name: p.name,
      label: p.label,
      labelEn: p.labelEn,
      maxBytes: p.maxBytes,
      idBothSidesOneImage: p.idBothSidesOneImage,
      acceptsPdf: p.acceptsPdf,
      note: p.watermark,
    })),
    provider: provider.name,
    files,
    extras: [REPORT_NAME, MANIFEST_NAME],
    errors: opened.findings.filter((f) => f.severity === 'error').length,
    warnings: opened.findings.filter((f) => f.severity === 'warning').length,
    exports: (c.exports ?? []).map((e) => ({ at: e.at, name: path.basename(e.file), provider: e.provider, ready: e.ready })),
  }
}

/** How to export: where to, for which provider, whether a package with errors is wanted. */
export interface RunExportOptions {
  readonly output: string
  readonly provider: string
  readonly force: boolean
  readonly today: IsoDate
  readonly now: () => Date
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: PackProgress) => void
  /** The case as opened when the export was asked for: its export records, and the summary when nothing is recorded. */
  readonly opened: Case
}

/** Packs the case; on a written package, appends its export record to case.json. */
export async function runExport(workspace: Workspace, caseId: string, options: RunExportOptions): Promise<ExportResult> {
  const folder = workspace.folderOf(caseId)
  if (!findProvider(options.provider)) throw AppError.of('bad-input')
  // An export that could not be recorded would be refused after the work: say so before it.
  const recorded = options.opened.exports?.length ?? 0
  if (recorded >= CASE_LIMITS.exports) throw AppError.limit(CASE_LIMITS.exports, recorded + 1, '导出记录', 'export records')
  const outcome = await packCase(folder, {
    output: options.output,
    provider: options.provider,
    force: options.force,
    today: options.today,
    now: options.now,
    // The rules across cases judge the export as they judge the case screen.
    workspace: await workspace.otherCases(caseId),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })
  const record = outcome.exportRecord
  const recordedAt = options.now()
  // The export also moves the filing status to 已导出 (before submission or after a rejection).
  const updated = record
    ? await workspace.update(caseId, (current) =>
        afterExport({ ...current, exports: [...(current.exports ?? []), record] }, options.today, recordedAt),
      )
    : null
  const summary = await workspace.summaryOf(caseId, updated?.case ?? options.opened)
  return {
    caseId,
    refused: outcome.refused,
    ready: outcome.ready,
    forced: !outcome.ready && !outcome.refused,
    name: outcome.output ? path.basename(outcome.output) : null,
    bytes: outcome.bytes,
    files: (outcome.manifest?.files ?? []).map((f) => ({ name: f.name, bytes: f.bytes })),
    findings: outcome.findings.slice(0, MAX_FINDINGS).map((f) => ({ ...f })),
    summary,
  }
}

/** The newest exported zip of a case that is still where it was written, for "show in folder". */
export async function newestExportFile(c: Case): Promise<string | null> {
  const newest = [...(c.exports ?? [])].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0]
  if (!newest || !path.isAbsolute(newest.file)) return null
  return (await stat(newest.file).catch(() => null))?.isFile() ? newest.file : null
}
