/**
 * The status a case shows in the list, derived from the rule engine's findings and the export
 * records, never stored, so it can never disagree with what the checks panel says.
 */
import { z } from 'zod'
import statusData from '../../../shared/data/case-status.json' with { type: 'json' }
import type { CaseStatus } from '../../../shared/ipc/schemas'
import type { Case } from '../../../shared/model/case'
import { currentExport } from '../../../shared/model/export-record'
import type { Finding } from '../../../shared/rules/engine'

const StatusRules = z.object({ source: z.string().min(10), updated: z.string(), incompleteRules: z.array(z.string()).min(1) })
const rules = StatusRules.parse(statusData)
const incompleteRules: ReadonlySet<string> = new Set(rules.incompleteRules)

/** Which rule codes mean "something required is missing" (资料不全), from case-status.json. */
export function incompleteRuleCodes(): readonly string[] {
  return rules.incompleteRules
}

/** 资料不全 → 待核对 → 可提交 → 已导出, as case-status.json defines them. */
export function deriveStatus(c: Case, findings: readonly Finding[]): CaseStatus {
  const errors = findings.filter((f) => f.severity === 'error')
  if (errors.length === 0) return currentExport(c.exports, c.updatedAt) ? 'exported' : 'ready'
  return errors.some((f) => incompleteRules.has(f.rule)) ? 'incomplete' : 'to-review'
}
