/**
 * The 材料清单 sent to a customer: what to collect for this sponsor type, province and website
 * content (materialNeeds), which of it is already here, what is missing, which documents expire
 * soon or have expired (the expiry watch's dates), and the form values still to be supplied.
 * Pure: the PDF service lays it out; tests read it directly.
 */
import { z } from 'zod'
import checklistData from '../data/checklist.json' with { type: 'json' }
import { formatChineseDate, type IsoDate } from '../dates/iso-date'
import { expiringItems, type ExpiryItem } from '../expiry/expiring'
import type { Case } from '../model/case'
import { defaultCatalogue, type Catalogue } from '../rules/catalogue'
import type { Finding } from '../rules/engine'
import { fillSheet } from './fill-sheet'
import { materialNeeds, type MaterialNeed } from './needs'

const Texts = z.object({
  source: z.string().min(20),
  updated: z.string(),
  title: z.string(),
  titleEn: z.string(),
  intro: z.string(),
  expiryWithinDays: z.number().int().positive(),
  sections: z.object({ facts: z.string(), collect: z.string(), info: z.string(), expiring: z.string(), scanRules: z.string() }),
  columns: z.record(z.string(), z.string()),
  status: z.object({ have: z.string(), missing: z.string(), expiring: z.string(), expired: z.string() }),
  noneMissing: z.string(),
  noneExpiring: z.string(),
  scanRules: z.array(z.string()).min(1),
  footer: z.string(),
})
export type ChecklistTexts = z.infer<typeof Texts>

let texts: ChecklistTexts | undefined
/** The checklist's texts (checklist.json), parsed on first use. */
export function checklistTexts(): ChecklistTexts {
  texts ??= Texts.parse(checklistData)
  return texts
}

export type RowStatus = 'have' | 'missing' | 'expiring' | 'expired'

export interface ChecklistRow {
  readonly material: string
  readonly why: string
  readonly status: RowStatus
  readonly statusText: string
  /** What is here (file names), or when it expires. */
  readonly note: string | null
}

export interface ExpiringRow {
  readonly item: string
  readonly date: string
  readonly days: string
  readonly fix: string
  readonly expired: boolean
}

export interface Checklist {
  readonly title: string
  readonly who: string
  readonly intro: string
  readonly date: IsoDate
  readonly facts: ReadonlyArray<readonly [string, string]>
  readonly collect: readonly ChecklistRow[]
  /** Form values still missing, as 「主体负责人 · 应急联系电话」. */
  readonly info: readonly string[]
  readonly expiring: readonly ExpiringRow[]
  readonly texts: ChecklistTexts
}

/** The expiry item a material's scan answers for (the licence for the certificate, the person's ID …). */
function expiryOf(need: MaterialNeed, items: readonly ExpiryItem[]): ExpiryItem | undefined {
  const site = need.website
  switch (need.role) {
    case 'sponsor-certificate':
      return items.find((i) => i.kind === 'licence')
    case 'principal-id':
      return items.find((i) => i.kind === 'principal-id')
    case 'manager-id':
      return items.find((i) => i.field === `websites[${site}].manager.idValidTo`)
    case 'domain-certificate':
      return items.find((i) => i.field === `websites[${site}].domainCertificate.expiresOn`)
    case 'pre-approval':
      return items.find((i) => i.kind === 'pre-approval' && i.field.startsWith(`websites[${site}].`))
    default:
      return undefined
  }
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1)
}

export interface ChecklistOptions {
  readonly today: IsoDate
  readonly catalogue?: Catalogue
  readonly findings?: readonly Finding[]
}

/** The checklist of a case on a day. */
export function buildChecklist(c: Case, options: ChecklistOptions): Checklist {
  const t = checklistTexts()
  const catalogue = options.catalogue ?? defaultCatalogue()
  const today = options.today
  const items = expiringItems([{ id: 'case', case: c }], { today, within: t.expiryWithinDays, all: true, catalogue })
  const needs = materialNeeds(c, catalogue, today, options.findings)
  const collect = needs.map((n): ChecklistRow => {
    if (n.files.length === 0) return { material: n.label, why: n.why, status: 'missing', statusText: t.status.missing, note: null }
    const due = expiryOf(n, items)
    const files = n.files.map(baseName).join('、')
    if (!due) return { material: n.label, why: n.why, status: 'have', statusText: t.status.have, note: files }
    const expired = due.days < 0
    return {
      material: n.label,
      why: n.why,
      status: expired ? 'expired' : 'expiring',
      statusText: expired ? t.status.expired : t.status.expiring,
      note: `${formatChineseDate(due.date)}${expired ? '已到期' : '到期'}`,
    }
  })
  const sheet = fillSheet(c, 'generic', { date: today, catalogue, ...(options.findings ? { findings: options.findings } : {}) })
  const info = sheet.groups.flatMap((g) => g.entries.filter((e) => e.state === 'missing').map((e) => `${g.title} · ${e.label}`))
  const expiring = items.map((i): ExpiringRow => ({
    item: i.subject,
    date: formatChineseDate(i.date),
    days: i.days < 0 ? `已过期 ${-i.days} 天` : `${i.days} 天`,
    fix: i.fix,
    expired: i.days < 0,
  }))
  const sites = c.websites.map((w, i) => w.name?.trim() || w.domain?.trim() || `网站${i + 1}`)
  const content = [...new Set(c.websites.flatMap((w) => w.serviceContent.map((s) => s.trim())).filter((s) => s !== ''))]
  const value = (v: string | null | undefined) => (v?.trim() ? v.trim() : '（未填）')
  return {
    title: t.title,
    who: c.sponsor.name?.trim() || '（主办单位未填）',
    intro: t.intro,
    date: today,
    facts: [
      ['主办单位', value(c.sponsor.name)],
      ['主办单位性质', value(c.sponsor.type)],
      ['备案省份', value(c.province)],
      ['备案类型', value(c.filingType)],
      ['网站', sites.length === 0 ? '（未填）' : sites.join('、')],
      ['网站内容', content.length === 0 ? '不涉及前置审批' : `涉及前置审批：${content.join('、')}`],
      ['清单日期', formatChineseDate(today)],
    ],
    collect,
    info,
    expiring,
    texts: t,
  }
}
