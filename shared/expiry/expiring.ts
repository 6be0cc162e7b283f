/**
 * Expiry watch (issue 17 section 3): every dated thing across cases that can bring a rectification
 * notice once a filing is approved — each person's ID 有效期, the licence's 营业期限, each 前置审批,
 * each domain's expiry — as dated items with what to do (the fix text of the rule that checks the
 * same date), sorted by date. Pure: the app's 到期提醒 screen, the start-up badge and
 * `icp-prep expiring` all call it on the cases they read.
 */
import { z } from 'zod'
import watchData from '../data/expiry-watch.json' with { type: 'json' }
import { daysBetween, isIsoDate, type IsoDate } from '../dates/iso-date'
import { currentFiling } from '../filing/status'
import type { Case, Person } from '../model/case'
import { FILING_STATUSES, type FilingStatus } from '../model/filing'
import { defaultCatalogue, type Catalogue } from '../rules/catalogue'

export const EXPIRY_KINDS = ['principal-id', 'manager-id', 'licence', 'pre-approval', 'domain'] as const
export type ExpiryKind = (typeof EXPIRY_KINDS)[number]

/** How close an item is: already past, within 30, 90 or 180 days, or later. */
export const EXPIRY_WINDOWS = ['past', '30', '90', '180', 'later'] as const
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number]

const Kind = z.object({ label: z.string(), labelEn: z.string(), pastRule: z.string(), soonRule: z.string() })
const WatchData = z.object({
  source: z.string().min(10),
  updated: z.string(),
  windows: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  defaultWithin: z.number().int().positive(),
  badgeWithin: z.number().int().positive(),
  reminderDaysBefore: z.number().int().positive(),
  watchedStatuses: z.array(z.enum(FILING_STATUSES)),
  kinds: z.record(z.enum(EXPIRY_KINDS), Kind),
})
const watch = WatchData.parse(watchData)

/** The watch's settings (expiry-watch.json): windows, the default range, the badge's and the reminder's days. */
export function expirySettings(): z.infer<typeof WatchData> {
  return watch
}

/** One dated thing of one case. */
export interface ExpiryItem {
  readonly caseId: string
  readonly caseName: string | null
  readonly filingStatus: FilingStatus
  readonly kind: ExpiryKind
  /** The case path of the date (`websites[0].manager.idValidTo`). */
  readonly field: string
  /** What expires, in a few words (「网站负责人证件 李娜（云帆软件服务）」, a domain …). */
  readonly subject: string
  readonly subjectEn: string
  readonly date: IsoDate
  /** Days from today (negative: already past). */
  readonly days: number
  readonly window: ExpiryWindow
  /** What to do: the fix of the rule that checks this date (expired or soon). */
  readonly fix: string
  readonly fixEn: string
  readonly rule: string
  readonly source: string
}

export interface ExpiryOptions {
  readonly today: IsoDate
  /** Items up to this many days ahead (past ones always); default from expiry-watch.json. */
  readonly within?: number
  /** Include cases not yet submitted (准备中, 已导出, a rejection). */
  readonly all?: boolean
  readonly catalogue?: Catalogue
}

/** A case to watch: its id (folder name) and its content. */
export interface WatchedCase {
  readonly id: string
  readonly case: Case
}

export function windowOf(days: number): ExpiryWindow {
  const [a, b, c] = watch.windows
  if (days < 0) return 'past'
  if (days <= a) return '30'
  if (days <= b) return '90'
  if (days <= c) return '180'
  return 'later'
}

function isoOrNull(value: string | null | undefined): IsoDate | null {
  const v = value?.trim()
  return v && isIsoDate(v) ? v : null
}

interface Dated {
  readonly kind: ExpiryKind
  readonly field: string
  readonly subject: string
  readonly subjectEn: string
  readonly date: IsoDate
}

/** The dates of one case, each person once (the principal is often also a website's manager). */
function datesOf(c: Case): Dated[] {
  const out: Dated[] = []
  const label = (k: ExpiryKind) => watch.kinds[k]
  const seen = new Set<string>()
  const person = (kind: ExpiryKind, p: Person, field: string, where: string, whereEn: string) => {
    const date = isoOrNull(p.idValidTo)
    if (!date) return
    const key = `${(p.idNumber ?? p.name ?? field).trim()}|${date}`
    if (seen.has(key)) return
    seen.add(key)
    const name = p.name?.trim() ?? ''
    out.push({
      kind,
      field,
      date,
      subject: `${label(kind).label} ${name}${where}`.trim(),
      subjectEn: `${label(kind).labelEn} ${name}${whereEn}`.trim(),
    })
  }
  person('principal-id', c.principal, 'principal.idValidTo', '', '')
  const licence = isoOrNull(c.sponsor.certificateValidTo)
  if (licence) {
    const type = c.sponsor.certificateType?.trim() ?? ''
    out.push({
      kind: 'licence',
      field: 'sponsor.certificateValidTo',
      date: licence,
      subject: `${label('licence').label}${type ? ` ${type}` : ''}`,
      subjectEn: `${label('licence').labelEn}${type ? ` ${type}` : ''}`,
    })
  }
  c.websites.forEach((w, i) => {
    const site = w.name?.trim() || w.domain?.trim() || `网站 ${i + 1}`
    const siteEn = w.name?.trim() || w.domain?.trim() || `website ${i + 1}`
    person('manager-id', w.manager, `websites[${i}].manager.idValidTo`, `（${site}）`, ` (${siteEn})`)
    const domain = isoOrNull(w.domainCertificate.expiresOn)
    if (domain) {
      const name = w.domain?.trim() ?? site
      out.push({
        kind: 'domain',
        field: `websites[${i}].domainCertificate.expiresOn`,
        date: domain,
        subject: `域名 ${name}`,
        subjectEn: `Domain ${name}`,
      })
    }
    w.preApprovals.forEach((p, j) => {
      const date = isoOrNull(p.validTo)
      if (!date) return
      const what = p.category?.trim() || p.certificateType?.trim() || ''
      out.push({
        kind: 'pre-approval',
        field: `websites[${i}].preApprovals[${j}].validTo`,
        date,
        subject: `${label('pre-approval').label} ${what}（${site}）`,
        subjectEn: `${label('pre-approval').labelEn} ${what} (${siteEn})`,
      })
    })
  })
  return out
}

/** True when the case's dates are watched: submitted or filed, or any case with `all`. */
export function isWatched(c: Case, all: boolean): boolean {
  return all || watch.watchedStatuses.includes(currentFiling(c).status)
}

/** Every dated item of the cases within the range (and every past one), soonest first. */
export function expiringItems(cases: readonly WatchedCase[], options: ExpiryOptions): ExpiryItem[] {
  const catalogue = options.catalogue ?? defaultCatalogue()
  const within = options.within ?? watch.defaultWithin
  const rules = new Map(catalogue.rules.map((r) => [r.code, r]))
  const items: ExpiryItem[] = []
  for (const { id, case: c } of cases) {
    if (!isWatched(c, options.all === true)) continue
    const status = currentFiling(c).status
    for (const d of datesOf(c)) {
      const days = daysBetween(options.today, d.date)
      if (days > within) continue
      const kind = watch.kinds[d.kind]
      const code = days < 0 ? kind.pastRule : kind.soonRule
      const rule = rules.get(code)
      const text = rule?.messages.default
      items.push({
        caseId: id,
        caseName: c.sponsor.name?.trim() || null,
        filingStatus: status,
        kind: d.kind,
        field: d.field,
        subject: d.subject,
        subjectEn: d.subjectEn,
        date: d.date,
        days,
        window: windowOf(days),
        fix: text?.fix ?? '',
        fixEn: text?.fixEn ?? '',
        rule: code,
        source: rule?.source ?? watch.source,
      })
    }
  }
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.caseId.localeCompare(b.caseId) || a.field.localeCompare(b.field))
}

/** Counts per window, for the screen's chips and the CLI's summary line. */
export function countByWindow(items: readonly ExpiryItem[]): Record<ExpiryWindow, number> {
  const counts = Object.fromEntries(EXPIRY_WINDOWS.map((w) => [w, 0])) as Record<ExpiryWindow, number>
  for (const item of items) counts[item.window] += 1
  return counts
}
