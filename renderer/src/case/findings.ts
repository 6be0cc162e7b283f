/**
 * Findings arranged for the screen: by field (for the marks beside inputs), by section (for the
 * counts in the section list) and by severity then position in the form (for the checks panel).
 */
import type { ResultOf } from '../../../shared/ipc/contract'
import { sectionOf, sectionRank, type SectionKey } from './paths'

/** A finding as the window receives it over the contract. */
export type Finding = ResultOf<'case.open'>['findings'][number]
/** error (the 管局 would refuse), warning (uncertain), info. */
export type Severity = Finding['severity']

/** Most serious first, as the checks panel lists them. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info']

/** Findings keyed by exact field path. */
export function byField(findings: readonly Finding[]): ReadonlyMap<string, readonly Finding[]> {
  const map = new Map<string, Finding[]>()
  for (const f of findings) {
    if (f.field === null) continue
    const list = map.get(f.field) ?? []
    list.push(f)
    map.set(f.field, list)
  }
  return map
}

/** Findings per severity in one section, for the pills in the section list. */
export interface SectionCounts {
  readonly error: number
  readonly warning: number
  readonly info: number
}

/** How many findings of each severity point into each section. */
export function countsBySection(findings: readonly Finding[]): ReadonlyMap<SectionKey, SectionCounts> {
  const map = new Map<SectionKey, { error: number; warning: number; info: number }>()
  for (const f of findings) {
    const key = sectionOf(f.field)
    const counts = map.get(key) ?? { error: 0, warning: 0, info: 0 }
    counts[f.severity] += 1
    map.set(key, counts)
  }
  return map
}

/** Findings grouped by severity (errors first), each group in form order, top to bottom. */
export function groupForPanel(findings: readonly Finding[]): Array<{ severity: Severity; findings: Finding[] }> {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    findings: findings
      .map((f, index) => ({ f, index }))
      .filter(({ f }) => f.severity === severity)
      .sort((a, b) => sectionRank(sectionOf(a.f.field)) - sectionRank(sectionOf(b.f.field)) || a.index - b.index)
      .map(({ f }) => f),
  })).filter((g) => g.findings.length > 0)
}

/** Field-missing findings are shown as required marks at the field, not as red messages. */
export function isMissing(f: Finding): boolean {
  return f.rule === 'field-missing'
}
