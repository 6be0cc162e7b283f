/**
 * Is the letter that was saved or printed still this case's letter? When the letter is generated
 * (saved as PDF or printed), the app keeps what it printed in case.json (`generatedLetter`, an
 * additive key); a field it prints changed since then makes that paper stale, and the person must
 * print, sign and seal it again before scanning. Values, not times, are compared: a name changed
 * and changed back leaves the paper valid.
 */
import { z } from 'zod'
import type { IsoDate } from '../dates/iso-date'
import type { Case } from '../model/case'
import { letterValues } from './values'

export const GeneratedLetterSchema = z.looseObject({
  /** ISO date-time of the save or print. */
  at: z.string().max(40),
  /** The date line it carried. */
  date: z.string().max(40),
  /** What it printed: `sponsorName`, `websiteCount`, `websites[1].domain` … → text. */
  values: z.record(z.string().max(100), z.string().max(10_000)),
})
export type GeneratedLetter = z.infer<typeof GeneratedLetterSchema>

/**
 * Not compared: the date line (it moves by itself), the row number, and values the bundled
 * templates do not print (the home page; the sponsor type only picks the variant).
 */
const NOT_PRINTED = new Set(['date', 'index', 'homepage', 'sponsorType'])

/** The values a letter for this case prints, flat. */
export function printedValues(c: Case, date: IsoDate): Record<string, string> {
  const v = letterValues(c, date)
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(v.case)) if (!NOT_PRINTED.has(key)) out[key] = value
  v.websites.forEach((w, i) => {
    for (const [key, value] of Object.entries(w)) if (!NOT_PRINTED.has(key)) out[`websites[${i}].${key}`] = value
  })
  return out
}

/** The record of the last generated letter, or null when none was kept (or it has a shape we do not know). */
export function generatedLetterOf(c: Case): GeneratedLetter | null {
  const r = GeneratedLetterSchema.safeParse((c as Record<string, unknown>).generatedLetter)
  return r.success ? r.data : null
}

/** The record to keep when a letter is generated now. */
export function generatedLetterRecord(c: Case, date: IsoDate, at: Date): GeneratedLetter {
  return { at: at.toISOString(), date, values: printedValues(c, date) }
}

const LABELS: Record<string, readonly [string, string]> = {
  sponsorName: ['主办单位名称', 'sponsor name'],
  certificateType: ['证件类型', 'certificate type'],
  certificateNumber: ['证件号码', 'certificate number'],
  legalRepresentative: ['法定代表人', 'legal representative'],
  principalName: ['主体负责人', 'principal'],
  websiteCount: ['网站数量', 'number of websites'],
  websiteName: ['名称', 'name'],
  domain: ['域名', 'domain'],
  managerName: ['负责人', 'manager'],
}

/** One printed value that differs now, labelled for the letter view. */
export interface StaleValue {
  readonly key: string
  readonly label: string
  readonly labelEn: string
}

/** What changed since the letter was generated, in print order; empty when the paper still matches. */
export function staleValues(c: Case, record: GeneratedLetter): StaleValue[] {
  const now = printedValues(c, record.date as IsoDate)
  const keys = [...new Set([...Object.keys(now), ...Object.keys(record.values)])]
  return keys
    .filter((key) => (now[key] ?? '') !== (record.values[key] ?? ''))
    .map((key) => {
      const site = /^websites\[(\d+)\]\.(.+)$/.exec(key)
      const [zh, en] = LABELS[site ? (site[2] ?? '') : key] ?? [key, key]
      if (!site) return { key, label: zh, labelEn: en }
      const n = Number(site[1]) + 1
      return { key, label: `网站 ${n} ${zh}`, labelEn: `website ${n}'s ${en}` }
    })
}
