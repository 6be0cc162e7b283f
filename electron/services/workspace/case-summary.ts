/**
 * A case's row in the list, and the search over rows. Search folds what people type differently
 * (full-width characters from a Chinese IME, spaces, letter case in a credit code) so
 * 「９１４４ ０３」 finds 91440300…; several words narrow the result (「云帆 深圳」), each found in
 * any searchable value: any person's name, phone, the last 4 digits of an ID number, the credit
 * code, a domain, a website name, a 备案号, the folder name.
 */
import { currentFiling } from '../../../shared/filing/status'
import type { CaseStatus, CaseSummary, FilingStatus } from '../../../shared/ipc/schemas'
import { FILING_STATUSES } from '../../../shared/ipc/schemas'
import type { Case, Person } from '../../../shared/model/case'
import type { Finding } from '../../../shared/rules/engine'
import { stripSpaces, toHalfWidth } from '../../../shared/text/normalise'
import { deriveStatus, incompleteRuleCodes } from './status'

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

const incomplete: ReadonlySet<string> = new Set(incompleteRuleCodes())

/** 缺什么: the first error of a missing-material rule, else the first error (messages are short already). */
export function firstMissing(findings: readonly Finding[]): { message: string; messageEn: string } | null {
  const errors = findings.filter((f) => f.severity === 'error')
  const first = errors.find((f) => incomplete.has(f.rule)) ?? errors[0]
  return first ? { message: first.message, messageEn: first.messageEn } : null
}

/** The list row for a case that loaded. */
export function summarise(id: string, c: Case, findings: readonly Finding[], fileModified: Date | null): CaseSummary {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity] += 1
  const filing = currentFiling(c)
  return {
    id,
    name: text(c.sponsor.name),
    creditCode: text(c.sponsor.certificateNumber),
    sponsorType: text(c.sponsor.type),
    province: text(c.province),
    filingType: text(c.filingType),
    domains: c.websites.map((w) => text(w.domain)).filter((d): d is string => d !== null),
    status: deriveStatus(c, findings),
    counts,
    updatedAt: c.updatedAt ?? (fileModified ? fileModified.toISOString() : null),
    problem: null,
    filing: { status: filing.status, date: filing.date, filingNumber: filing.filingNumber },
    missing: firstMissing(findings),
    sameCreditCode: 0,
  }
}

/** The list row for a folder whose case.json cannot be read: it stays visible so it can be dealt with. */
export function brokenSummary(id: string, message: string, messageEn: string, fileModified: Date | null): CaseSummary {
  return {
    id,
    name: null,
    creditCode: null,
    sponsorType: null,
    province: null,
    filingType: null,
    domains: [],
    status: 'incomplete',
    counts: { error: 1, warning: 0, info: 0 },
    updatedAt: fileModified ? fileModified.toISOString() : null,
    problem: { message, messageEn },
    filing: { status: 'preparing', date: null, filingNumber: null },
    missing: null,
    sameCreditCode: 0,
  }
}

export function fold(value: string): string {
  return stripSpaces(toHalfWidth(value)).toLowerCase()
}

function personValues(p: Person): Array<string | null | undefined> {
  const id = p.idNumber ? fold(p.idNumber) : ''
  // Only the last 4 digits of an ID number are searchable: a search box is no place for the rest.
  return [p.name, id.length >= 4 ? id.slice(-4) : null, p.mobile, p.emergencyPhone, p.officePhone, p.email]
}

/**
 * The folded values a case is searched by, kept in the main process beside its row (never sent to
 * the window: phones and ID digits stay where the case is).
 */
export function searchValues(id: string, c: Case | null): string[] {
  const values: Array<string | null | undefined> = [id]
  if (c) {
    const filing = currentFiling(c)
    values.push(c.sponsor.name, c.sponsor.certificateNumber, c.sponsor.legalRepresentative, filing.filingNumber, ...filing.siteNumbers)
    values.push(...personValues(c.principal))
    for (const w of c.websites) values.push(w.name, w.domain, w.homepage, ...personValues(w.manager))
  }
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map(fold))]
}

/**
 * True when the query finds the case: the whole query (spaces folded away) in one value, or every
 * word of it in some value.
 */
export function matchesQuery(values: readonly string[], query: string | undefined): boolean {
  const whole = fold(query ?? '')
  if (whole === '') return true
  if (values.some((v) => v.includes(whole))) return true
  const words = toHalfWidth(query ?? '')
    .split(/\s+/)
    .map(fold)
    .filter((w) => w !== '')
  return words.length > 1 && words.every((w) => values.some((v) => v.includes(w)))
}

/** Counts per status, every status present (zero included), for the filter chips. */
export function countByStatus(rows: readonly CaseSummary[]): Record<CaseStatus, number> {
  const counts: Record<CaseStatus, number> = { incomplete: 0, 'to-review': 0, ready: 0, exported: 0 }
  for (const row of rows) counts[row.status] += 1
  return counts
}

/** Counts per filing status, every one present, for the filing filter. */
export function countByFiling(rows: readonly CaseSummary[]): Record<FilingStatus, number> {
  const counts = Object.fromEntries(FILING_STATUSES.map((s) => [s, 0])) as Record<FilingStatus, number>
  for (const row of rows) counts[row.filing.status] += 1
  return counts
}
