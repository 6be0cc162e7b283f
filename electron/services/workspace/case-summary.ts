/**
 * A case's row in the list, and the search over rows. Search folds what people type differently
 * (full-width characters from a Chinese IME, spaces, letter case in a credit code) so
 * 「９１４４ ０３」 finds 91440300….
 */
import type { CaseStatus, CaseSummary } from '../../../shared/ipc/schemas'
import type { Case } from '../../../shared/model/case'
import type { Finding } from '../../../shared/rules/engine'
import { stripSpaces, toHalfWidth } from '../../../shared/text/normalise'
import { deriveStatus } from './status'

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

/** The list row for a case that loaded. */
export function summarise(id: string, c: Case, findings: readonly Finding[], fileModified: Date | null): CaseSummary {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity] += 1
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
  }
}

function fold(value: string): string {
  return stripSpaces(toHalfWidth(value)).toLowerCase()
}

/** True when the query occurs in the sponsor name, the credit code, a domain or the folder name. */
export function matchesQuery(summary: CaseSummary, query: string | undefined): boolean {
  const q = fold(query ?? '')
  if (q === '') return true
  return [summary.name, summary.creditCode, summary.id, ...summary.domains].some((v) => v !== null && fold(v).includes(q))
}

/** Counts per status, every status present (zero included), for the filter chips. */
export function countByStatus(rows: readonly CaseSummary[]): Record<CaseStatus, number> {
  const counts: Record<CaseStatus, number> = { incomplete: 0, 'to-review': 0, ready: 0, exported: 0 }
  for (const row of rows) counts[row.status] += 1
  return counts
}
