/**
 * The 填报 sheet: a case laid out as a provider's web form asks for it — every value in the form's
 * order and under its label (providers.json `form`), as it is typed into the console (normalised,
 * 长期 for a long-term validity), with what is missing marked — and the upload boxes in the same
 * order with the package's file for each (the export plan's names, so they match the zip), plus
 * the boxes still without a file. Pure: the 填报 view and the 材料清单 both read it.
 */
import type { IsoDate } from '../dates/iso-date'
import { filledOf, type Case } from '../model/case'
import { valueAt } from '../model/field-path'
import { fieldKind, normaliseValue } from '../model/normalise-case'
import { findProvider, packageData, type PackageData } from '../package/package-data'
import { planUpload, uploadExtension } from '../package/plan'
import { defaultCatalogue, fieldDefinition, type Catalogue } from '../rules/catalogue'
import { buildContext } from '../rules/context'
import type { Finding } from '../rules/engine'
import { providerForms, type FormGroup, type ProviderFormEntry } from './form-data'
import { materialNeeds } from './needs'

/** How a value stands: present, missing though the form requires it, or empty and optional. */
export type EntryState = 'ok' | 'missing' | 'empty'

/** One field of the form. */
export interface FillEntry {
  /** The concrete case path (`websites[0].manager.mobile`): the key of its 已填 tick and of the form field. */
  readonly path: string
  readonly label: string
  /** What is typed into the console; null when there is nothing to type. */
  readonly value: string | null
  /** What the view shows: the value, or 「缺少…」 / 「未填（选填）」. */
  readonly display: string
  readonly state: EntryState
  readonly filled: boolean
}

export interface FillGroup {
  /** Stable key: group index, website and pre-approval (`2-0`, `3-0-1`). */
  readonly key: string
  /** The console's group label, with the website named when the case has several (网站信息 · 网站2). */
  readonly title: string
  readonly titleEn: string
  readonly website: number | null
  readonly entries: readonly FillEntry[]
}

/** One upload box of the form. */
export interface FillUpload {
  /** The key of its 已填 tick: `upload:` and the file's name, or the box's role and website while it has none. */
  readonly key: string
  readonly role: string
  readonly website: number | null
  /** Where in the console (主办单位信息 › 主办单位证件). */
  readonly place: string
  readonly placeEn: string
  /** The package file's name (01_主办单位证件_营业执照.jpg), null when the case has no scan for it. */
  readonly file: string | null
  /** 1-based order in the package (the export plan's), null for a missing box. */
  readonly order: number | null
  /** Case-relative scans it is made from. */
  readonly sources: readonly string[]
  /** For a missing box: what to add (「缺少网站1的域名证书」). */
  readonly missing: string | null
  readonly missingEn: string | null
  readonly filled: boolean
}

export interface FillSheet {
  readonly provider: { readonly name: string; readonly label: string; readonly labelEn: string }
  readonly source: string
  readonly verified: readonly string[]
  readonly groups: readonly FillGroup[]
  readonly uploads: readonly FillUpload[]
  /** How many values and boxes are missing. */
  readonly missing: number
}

export interface FillOptions {
  /** The date the material rules measure from (the Guangdong letter's start). */
  readonly date: IsoDate
  readonly catalogue?: Catalogue
  readonly data?: PackageData
  readonly forms?: readonly ProviderFormEntry[]
  /** The case's findings, when the caller has them (else checked here). */
  readonly findings?: readonly Finding[]
}

/** The value as the console takes it; null for nothing. Lists are joined with 、. */
export function displayValue(path: string, raw: unknown): string | null {
  if (Array.isArray(raw)) {
    const items = raw.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim())
    return items.length === 0 ? null : items.join('、')
  }
  if (typeof raw !== 'string' || raw.trim() === '') return null
  const v = raw.trim()
  if (v === 'long-term') return '长期'
  const kind = fieldKind(path)
  return kind ? normaliseValue(kind, v) : v
}

/** The providers whose forms are known, for the view's choice. */
export function fillProviders(
  forms: readonly ProviderFormEntry[] = providerForms(),
): Array<{ name: string; label: string; labelEn: string }> {
  return forms.map((f) => ({ name: f.name, label: f.label, labelEn: f.labelEn }))
}

/** The sheet of a case for a provider (providers.json name); throws for an unknown provider. */
export function fillSheet(c: Case, providerName: string, options: FillOptions): FillSheet {
  const catalogue = options.catalogue ?? defaultCatalogue()
  const data = options.data ?? packageData()
  const forms = options.forms ?? providerForms()
  const entry = forms.find((f) => f.name === providerName)
  const provider = findProvider(providerName, data)
  if (!entry || !provider) throw new Error(`unknown provider: ${providerName}`)
  const ticked = new Set(filledOf(c))
  const isUnit = buildContext(c, options.date, catalogue).isUnit
  const required = (generic: string): boolean => {
    if (generic === 'websites[].serviceContent') return false
    const r = fieldDefinition(catalogue, generic)?.required
    return r === 'always' || (r === 'unit' && isUnit) || (r === 'individual' && !isUnit)
  }

  const entriesOf = (g: FormGroup, website: number | null, pre: number | null): FillEntry[] =>
    g.fields.map((f) => {
      const path = f.path.replace('websites[]', `websites[${website ?? 0}]`).replace('preApprovals[]', `preApprovals[${pre ?? 0}]`)
      const value = displayValue(path, valueAt(c, path))
      const state: EntryState = value !== null ? 'ok' : required(f.path) ? 'missing' : 'empty'
      const display =
        value ?? (state === 'missing' ? `缺少${f.label}` : f.path === 'websites[].serviceContent' ? '无（不涉及前置审批）' : '未填（选填）')
      return { path, label: f.label, value, display, state, filled: ticked.has(path) }
    })

  const groups: FillGroup[] = []
  const several = c.websites.length > 1
  const named = (g: FormGroup, i: number) => ({
    title: several ? `${g.group} · 网站${i + 1}` : g.group,
    titleEn: several ? `${g.groupEn} · website ${i + 1}` : g.groupEn,
  })
  const caseGroups = entry.form.groups.map((g, gi) => ({ g, gi })).filter(({ g }) => g.scope === 'case')
  const siteGroups = entry.form.groups.map((g, gi) => ({ g, gi })).filter(({ g }) => g.scope !== 'case')
  for (const { g, gi } of caseGroups)
    groups.push({ key: String(gi), title: g.group, titleEn: g.groupEn, website: null, entries: entriesOf(g, null, null) })
  // A website's groups together (its information, its pre-approvals, its manager), site after site.
  c.websites.forEach((site, i) => {
    for (const { g, gi } of siteGroups) {
      if (g.scope === 'website') {
        groups.push({ key: `${gi}-${i}`, ...named(g, i), website: i, entries: entriesOf(g, i, null) })
        continue
      }
      site.preApprovals.forEach((_, j) => {
        const n = named(g, i)
        const nth = site.preApprovals.length > 1 ? ` ${j + 1}` : ''
        groups.push({
          key: `${gi}-${i}-${j}`,
          title: `${n.title}${nth}`,
          titleEn: `${n.titleEn}${nth}`,
          website: i,
          entries: entriesOf(g, i, j),
        })
      })
    }
  })

  const plan = planUpload(c, catalogue, data, provider)
  const uploads: FillUpload[] = plan.map((p) => {
    const file = `${p.baseName}${uploadExtension(p, provider, p.sources[0]?.file.toLowerCase().endsWith('.pdf') === true)}`
    const key = `upload:${file}`
    return {
      key,
      role: p.role,
      website: p.website,
      place: p.place,
      placeEn: p.placeEn,
      file,
      order: p.order,
      sources: p.sources.map((s) => s.file),
      missing: null,
      missingEn: null,
      filled: ticked.has(key),
    }
  })
  // The boxes the filing needs that no scan fills yet, at their place in the form's order.
  const slot = (role: string) => data.slots.slots.find((s) => s.role === role)
  const roleIndex = (role: string) => catalogue.documentRoles.findIndex((d) => d.role === role)
  const firstSiteRole = catalogue.documentRoles.findIndex((d) => d.scope === 'website')
  const rank = (u: Pick<FillUpload, 'role' | 'website'>): number =>
    u.website === null ? roleIndex(u.role) * 1e6 : firstSiteRole * 1e6 + (u.website + 1) * 1e3 + roleIndex(u.role)
  const needs = materialNeeds(c, catalogue, options.date, options.findings)
  for (const n of needs.filter((x) => x.files.length === 0)) {
    if (uploads.some((u) => u.role === n.role && u.website === n.website)) continue
    const s = slot(n.role)
    const site = String((n.website ?? 0) + 1)
    uploads.push({
      key: `upload:${n.role}:${n.website ?? ''}`,
      role: n.role,
      website: n.website,
      place: (s?.place ?? n.label).replace('{site}', site),
      placeEn: (s?.placeEn ?? n.labelEn).replace('{site}', site),
      file: null,
      order: null,
      sources: [],
      missing: `缺少${n.label}`,
      missingEn: `Missing: ${n.labelEn}`,
      filled: false,
    })
  }
  const ordered = uploads
    .map((u, i) => ({ u, i }))
    .sort((a, b) => rank(a.u) - rank(b.u) || a.i - b.i)
    .map((x) => x.u)

  const missing =
    groups.reduce((n, g) => n + g.entries.filter((e) => e.state === 'missing').length, 0) + ordered.filter((u) => u.file === null).length
  return {
    provider: { name: entry.name, label: entry.label, labelEn: entry.labelEn },
    source: entry.form.source,
    verified: entry.form.verified,
    groups,
    uploads: ordered,
    missing,
  }
}
