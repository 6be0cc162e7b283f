/**
 * What goes into the zip besides the upload files: 报告.html (for the person uploading) and
 * manifest.json (for tools and reviewers), built from the same facts so they cannot disagree.
 */
import { createHash } from 'node:crypto'
import { MANIFEST_FORMAT, MANIFEST_VERSION, type Manifest, type ManifestFile } from '../../../shared/package/manifest'
import { buildReportModel, type ReportInput } from '../../../shared/package/report-model'
import { maskText } from '../../../shared/privacy/mask'
import type { Finding } from '../../../shared/rules/engine'
import type { ProcessedFile } from './process-file'
import { renderReportHtml } from './report-html'
import { TOOL_NAME, TOOL_VERSION } from './tool-version'
import type { ZipEntry } from './zip-writer'

/** The report a person opens first; Chinese name, as users see it. */
export const REPORT_NAME = '报告.html'
/** The machine-readable description of the package. */
export const MANIFEST_NAME = 'manifest.json'

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')

const NO_PROCESSING: ManifestFile['processing'] = { passthrough: false, scaled: false, combined: false, quality: null, rotated: false }

/** The manifest's description of one packed upload file. */
export function manifestFile(f: ProcessedFile): ManifestFile {
  return {
    name: f.name,
    role: f.plan.role,
    website: f.plan.website,
    place: f.plan.place,
    mediaType: f.mediaType,
    bytes: f.data.length,
    width: f.width,
    height: f.height,
    sha256: sha256(f.data),
    sources: [...f.sources],
    processing: f.processing,
  }
}

/**
 * A finding as the package carries it: ID numbers, credit codes, phone numbers and e-mail addresses
 * quoted in its texts are masked. The zip travels (to a provider, a colleague, a mailbox); the form
 * values the person uploading must type stay in the report's field table, where they are needed.
 */
export function packagedFinding(f: Finding): Finding {
  return { ...f, message: maskText(f.message), messageEn: maskText(f.messageEn), fix: maskText(f.fix), fixEn: maskText(f.fixEn) }
}

/** The facts the report and the manifest are both built from, so they cannot disagree. */
export interface ContentsInput extends Omit<ReportInput, 'toolVersion' | 'files' | 'documentHashes'> {
  readonly files: readonly ProcessedFile[]
}

/** The zip entries in their fixed order — upload files, 报告.html, manifest.json — and the manifest. */
export function packageContents(input: ContentsInput): { entries: ZipEntry[]; manifest: Manifest } {
  const { case: c, provider, files } = input
  const findings = input.findings.map(packagedFinding)
  const fileEntries = files.map(manifestFile)
  const documentHashes = new Map<number, string>()
  for (const f of files) for (const s of f.sources) documentHashes.set(s.document, s.sha256)
  const model = buildReportModel({
    ...input,
    findings,
    toolVersion: TOOL_VERSION,
    files: files.map((f, i) => ({
      file: fileEntries[i] as ManifestFile,
      placeEn: f.plan.placeEn,
      thumbnail: f.thumbnail,
      sameAsPrincipal: f.plan.sameAsPrincipal,
    })),
    documentHashes,
  })
  const report = Buffer.from(renderReportHtml(model, input.data), 'utf8')
  const reportEntry: ManifestFile = {
    name: REPORT_NAME,
    role: 'report',
    website: null,
    place: '—',
    mediaType: 'text/html',
    bytes: report.length,
    width: null,
    height: null,
    sha256: sha256(report),
    sources: [],
    processing: NO_PROCESSING,
  }
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity] += 1
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    ready: input.ready,
    forced: input.forced,
    submissionDate: input.date,
    provider: {
      name: provider.name,
      label: provider.label,
      maxBytes: provider.maxBytes,
      acceptsPdf: provider.acceptsPdf,
      idBothSidesOneImage: provider.idBothSidesOneImage,
    },
    case: {
      province: c.province,
      filingType: c.filingType,
      sponsorType: c.sponsor.type,
      sponsorName: c.sponsor.name,
      websites: c.websites.map((w) => ({ name: w.name, domain: w.domain })),
      documents: c.documents.length,
    },
    counts,
    files: [...fileEntries, reportEntry],
    findings: findings.map((f) => ({ ...f })),
  }
  const entries: ZipEntry[] = [
    ...files.map((f) => ({ name: f.name, data: f.data, compress: false })),
    { name: REPORT_NAME, data: report, compress: true },
    { name: MANIFEST_NAME, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), compress: true },
  ]
  return { entries, manifest }
}
