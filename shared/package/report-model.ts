/**
 * What 报告.html shows, as plain data: the status, the files in upload order, every finding with its
 * fix, what still needs a person, and every form field beside the value read from its scan. Pure,
 * so the desktop app can show the same report without rendering HTML, and tests can check content
 * without parsing markup.
 */
import type { IsoDate } from '../dates/iso-date'
import type { ExtractedFieldName } from '../model/extracted'
import { valueAt } from '../model/field-path'
import { isSure, linkPath, SCAN_FIELDS, sameValue } from '../model/scan-fields'
import type { Case } from '../model/case'
import { fieldDefinition, type Catalogue, type Severity } from '../rules/catalogue'
import { findProvince } from '../rules/context'
import type { Finding } from '../rules/engine'
import { remindersFor } from '../rules/reminders'
import { isBlank } from '../text/normalise'
import type { ManifestFile } from './manifest'
import type { PackageData, ProviderProfile } from './package-data'
import { formatBytes } from './problems'

/** A text in Chinese and English: the report shows Chinese first. */
export interface Text2 {
  readonly zh: string
  readonly en: string
}

type Params = Readonly<Record<string, string | number>>

const fill = (template: string, params: Params): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => (params[key] === undefined ? '' : String(params[key])))

/** A report label from report.json (`key` and `keyEn`), filled. Throws on a missing key (a data bug). */
export function label(data: PackageData, key: string, params: Params = {}): Text2 {
  const zh = data.report.labels[key]
  const en = data.report.labels[`${key}En`] ?? zh
  if (zh === undefined || en === undefined) throw new Error(`report.json has no label ${key}`)
  return { zh: fill(zh, params), en: fill(en, params) }
}

/** A packed file as the report needs it: its manifest entry plus what only the report shows. */
export interface ReportFileInput {
  readonly file: ManifestFile
  readonly placeEn: string
  /** A small JPEG of the packaged image as a data: URI, or null (PDF). */
  readonly thumbnail: string | null
  readonly sameAsPrincipal: boolean
}

/** Everything the report is built from; plain data, so the app can build the same report. */
export interface ReportInput {
  readonly case: Case
  readonly catalogue: Catalogue
  readonly data: PackageData
  readonly provider: ProviderProfile
  readonly date: IsoDate
  readonly ready: boolean
  readonly forced: boolean
  readonly toolVersion: string
  readonly findings: readonly Finding[]
  readonly files: readonly ReportFileInput[]
  /** SHA-256 of each case document's file as it is now, to tell readings of a replaced scan. */
  readonly documentHashes: ReadonlyMap<number, string>
}

/** One card of the upload list. */
export interface ReportFile {
  readonly name: string
  readonly place: Text2
  readonly thumbnail: string | null
  readonly mediaType: ManifestFile['mediaType']
  readonly details: string
  readonly sha256: string
  readonly notes: readonly Text2[]
}

/** What OCR read for a field, from which scan, and whether it agrees with the form. */
export interface ScanReading {
  readonly value: string
  readonly confidence: number
  readonly file: string
  readonly matches: boolean
  readonly uncertain: boolean
  readonly stale: boolean
}

/** One row of the form-values table. */
export interface FieldRow {
  readonly path: string
  readonly label: Text2
  /** The form value as shown (长期 for long-term), or null when empty. */
  readonly value: string | null
  readonly scan: ScanReading | null
  /** The worst finding on this field, if any. */
  readonly severity: Severity | null
}

/** A group of form values (filing, sponsor, principal, each website). */
export interface FieldSection {
  readonly title: Text2
  readonly rows: readonly FieldRow[]
}

/** The whole report as data, in display order. */
export interface ReportModel {
  readonly ready: boolean
  readonly forced: boolean
  readonly counts: Readonly<Record<Severity, number>>
  readonly summary: ReadonlyArray<{ readonly label: Text2; readonly value: Text2 }>
  readonly files: readonly ReportFile[]
  /** Each finding with the place it is about in words (网站 1 · 网站域名, 扫描件 营业执照.jpg); rule ids stay in manifest.json. */
  readonly findings: ReadonlyArray<Finding & { readonly place: Text2 | null }>
  readonly humanChecks: readonly Text2[]
  /** What cannot be checked offline (真实性核验, DNS during review, the 备案号 footer): info, never blocking. */
  readonly reminders: ReadonlyArray<{ readonly code: string; readonly text: Text2; readonly source: string }>
  readonly sections: readonly FieldSection[]
  readonly toolVersion: string
}

/**
 * The place a finding is about, in words for the person who reads the report: the field's label
 * (with its website), or the scan's file name. Never the path (`documents[3].file`): that is for tools.
 */
export function findingPlace(c: Case, catalogue: Catalogue, path: string | null): Text2 | null {
  if (path === null || path.trim() === '') return null
  const doc = /^documents\[(\d+)\]/.exec(path)
  if (doc) {
    const file = c.documents[Number(doc[1])]?.file
    const name = file ? (file.split('/').pop() ?? file) : `${Number(doc[1]) + 1}`
    return { zh: `扫描件 ${name}`, en: `scan ${name}` }
  }
  const def = fieldDefinition(catalogue, path)
  if (!def) return null
  const site = /^websites\[(\d+)\]/.exec(path)
  const n = site ? Number(site[1]) + 1 : null
  return n === null ? { zh: def.label, en: def.labelEn } : { zh: `网站 ${n} · ${def.label}`, en: `website ${n} · ${def.labelEn}` }
}

/** Re-exported for the report's tests, which read rows by path. */
export { valueAt }

function fileNotes(input: ReportInput, f: ReportFileInput): Text2[] {
  const { data } = input
  const p = f.file.processing
  const src = f.file.sources[0]
  const notes: Text2[] = []
  if (f.file.mediaType === 'application/pdf') notes.push(label(data, 'notePdf'))
  else if (p.passthrough) notes.push(label(data, 'notePassthrough'))
  else if (src && p.quality !== null) {
    if (f.file.sources.length === 1) {
      const params = { fromWidth: src.width ?? 0, fromHeight: src.height ?? 0, fromBytes: formatBytes(src.bytes), quality: p.quality }
      notes.push(label(data, 'noteReencoded', params))
    } else notes.push(label(data, 'noteCombinedReencoded', { count: f.file.sources.length, quality: p.quality }))
    notes.push(label(data, 'noteMetadataRemoved'))
  }
  if (p.scaled) notes.push(label(data, 'noteScaled', { width: f.file.width ?? 0, height: f.file.height ?? 0 }))
  if (p.rotated) notes.push(label(data, 'noteRotated'))
  if (p.watermark) notes.push(label(data, 'noteWatermark', { text: p.watermark.text }))
  if (p.combined) notes.push(label(data, 'noteCombined'))
  if (f.sameAsPrincipal) notes.push(label(data, 'noteSameAsPrincipal'))
  return notes
}

function isUnit(input: ReportInput): boolean {
  const type = input.case.sponsor.type?.trim() ?? ''
  return input.catalogue.sponsorTypes.find((t) => t.name === type)?.unit ?? type !== '个人'
}

function humanChecks(input: ReportInput): Text2[] {
  const province = findProvince(input.catalogue, input.case.province)?.short ?? ''
  const unit = isUnit(input)
  const params = unit
    ? { signer: '法定代表人', signerEn: 'the legal representative' }
    : { signer: '主办人本人', signerEn: 'the filer in person' }
  const checks = input.data.report.humanChecks
    .filter((h) => !h.when?.provinces || h.when.provinces.includes(province))
    .filter((h) => h.when?.unit === undefined || h.when.unit === unit)
    .map((h) => ({ zh: fill(h.text, params), en: fill(h.textEn, params) }))
  const mark = input.provider.watermark
  if (mark) checks.push({ zh: `${input.provider.label}：${mark.text}`, en: `${input.provider.labelEn}: ${mark.textEn}` })
  return checks
}

/** The best reading of each field path from the scans' stored OCR results. */
function scanReadings(input: ReportInput): Map<string, ScanReading> {
  const out = new Map<string, ScanReading>()
  const unit = isUnit(input)
  input.case.documents.forEach((doc, index) => {
    const extracted = doc.extracted
    if (!extracted) return
    const current = input.documentHashes.get(index)
    const stale = extracted.sourceSha256 !== undefined && current !== undefined && extracted.sourceSha256 !== current
    const read = (from: ExtractedFieldName): boolean => extracted.fields[from] !== undefined
    for (const link of SCAN_FIELDS) {
      if (link.role !== doc.role || (link.individualOnly === true && unit)) continue
      if (link.standsFor !== undefined && read(link.standsFor)) continue
      const field = extracted.fields[link.from]
      if (!field) continue
      const path = linkPath(link, doc.website ?? 0)
      if (path === null) continue
      const formValue = valueAt(input.case, path)
      const reading: ScanReading = {
        value: displayValue(input.data, field.value) ?? field.value,
        confidence: field.confidence,
        file: doc.file,
        matches: typeof formValue === 'string' && sameValue(link.kind, formValue, field.value),
        uncertain: !isSure(field),
        stale,
      }
      const previous = out.get(path)
      if (!previous || previous.confidence < reading.confidence) out.set(path, reading)
    }
  })
  return out
}

function displayValue(data: PackageData, value: unknown): string | null {
  // A list (网站服务内容, 网站语言) is shown as the console lists it, joined by 、.
  if (Array.isArray(value)) {
    const items = value.filter((v): v is string => typeof v === 'string' && !isBlank(v)).map((v) => v.trim())
    return items.length > 0 ? items.join('、') : null
  }
  if (typeof value !== 'string' || isBlank(value)) return null
  if (value.trim() === 'long-term') return `${label(data, 'longTerm').zh} long-term`
  return value.trim()
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

function fieldSections(input: ReportInput): FieldSection[] {
  const { data, catalogue } = input
  const c = input.case
  const unit = isUnit(input)
  const readings = scanReadings(input)
  const worst = (path: string): Severity | null =>
    input.findings
      .filter((f) => f.field === path)
      .map((f) => f.severity)
      .sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0] ?? null
  const row = (path: string, def: Catalogue['fields'][number]): FieldRow | null => {
    const value = displayValue(data, valueAt(c, path))
    const wanted = def.required === 'always' || (def.required === 'unit' && unit) || (def.required === 'individual' && !unit)
    if (value === null && !wanted) return null
    return { path, label: { zh: def.label, en: def.labelEn }, value, scan: readings.get(path) ?? null, severity: worst(path) }
  }
  const rowsFor = (prefix: (p: string) => boolean, expand: (p: string) => string[]): FieldRow[] =>
    catalogue.fields.filter((d) => prefix(d.path)).flatMap((d) => expand(d.path).flatMap((p) => row(p, d) ?? []))
  const single = (p: string): string[] => [p]
  const sections: FieldSection[] = [
    { title: label(data, 'sectionCase'), rows: rowsFor((p) => !p.includes('.') && !p.includes('['), single) },
    { title: label(data, 'sectionSponsor'), rows: rowsFor((p) => p.startsWith('sponsor.'), single) },
    { title: label(data, 'sectionPrincipal'), rows: rowsFor((p) => p.startsWith('principal.'), single) },
  ]
  c.websites.forEach((site, w) => {
    const expand = (p: string): string[] => {
      const at = p.replace('websites[]', `websites[${w}]`)
      if (!at.includes('preApprovals[]')) return [at]
      return site.preApprovals.map((_, k) => at.replace('preApprovals[]', `preApprovals[${k}]`))
    }
    const name = isBlank(site.name) ? '' : `：${site.name}`
    const title = label(data, 'sectionWebsite', { site: w + 1 })
    sections.push({
      title: { zh: `${title.zh}${name}`, en: `${title.en}${isBlank(site.name) ? '' : `: ${site.name}`}` },
      rows: rowsFor((p) => p.startsWith('websites[].'), expand),
    })
  })
  return sections.filter((s) => s.rows.length > 0)
}

/** Builds the report content from the case, its findings and the files that were packed. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { data, provider } = input
  const c = input.case
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of input.findings) counts[f.severity] += 1
  const formats = label(data, provider.acceptsPdf ? 'formatsWithPdf' : 'formatsImages')
  const limit = formatBytes(provider.maxBytes)
  const providerValue: Text2 = {
    zh: label(data, 'summaryProviderValue', { label: provider.label, limit, formats: formats.zh }).zh,
    en: label(data, 'summaryProviderValue', { label: provider.labelEn, limit, formats: formats.en }).en,
  }
  const filing = [c.province, c.filingType].filter((v) => !isBlank(v)).join(' · ')
  const sponsor = [c.sponsor.name, c.sponsor.type].filter((v) => !isBlank(v)).join(' · ')
  return {
    ready: input.ready,
    forced: input.forced,
    counts,
    summary: [
      { label: label(data, 'summarySponsor'), value: { zh: sponsor || '—', en: sponsor || '—' } },
      { label: label(data, 'summaryFiling'), value: { zh: filing || '—', en: filing || '—' } },
      { label: label(data, 'summaryProvider'), value: providerValue },
      { label: label(data, 'summaryDate'), value: { zh: input.date, en: input.date } },
    ],
    files: input.files.map((f) => ({
      name: f.file.name,
      place: { zh: f.file.place, en: f.placeEn },
      thumbnail: f.thumbnail,
      mediaType: f.file.mediaType,
      details: [f.file.width !== null ? `${f.file.width}×${f.file.height} px` : null, formatBytes(f.file.bytes)]
        .filter((v) => v !== null)
        .join(' · '),
      sha256: f.file.sha256,
      notes: fileNotes(input, f),
    })),
    findings: input.findings.map((f) => ({ ...f, place: findingPlace(c, input.catalogue, f.field) })),
    humanChecks: humanChecks(input),
    reminders: remindersFor(c).map((r) => ({ code: r.code, text: { zh: r.message, en: r.messageEn }, source: r.source })),
    sections: fieldSections(input),
    toolVersion: input.toolVersion,
  }
}
