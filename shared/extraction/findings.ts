/**
 * Findings about one scan, worded from the rule catalogue (shared/data/rules/scans.json) so that
 * `icp-prep extract`, case.json and `check` say the same thing in the same words.
 */
import scanRules from '../data/rules/scans.json' with { type: 'json' }
import type { ScanFinding } from '../model/extracted'

type Params = Readonly<Record<string, string | number>>

interface MessageSet {
  readonly severity?: string
  readonly message: string
  readonly messageEn: string
}

const RULES = new Map(scanRules.rules.map((r) => [r.code, r as { code: string; severity: string; messages: Record<string, MessageSet> }]))

export function fillTemplate(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? '')).trim()
}

/** The default subject of a finding in `extract` output, where the file is named beside it. */
export const THIS_SCAN: Params = { document: '此扫描件', documentEn: 'This scan' }

/** A finding for rule `code`, its message filled with `params` (and "this scan" as the subject). */
export function scanFinding(code: string, params: Params = {}, variant?: string): ScanFinding {
  const rule = RULES.get(code)
  if (!rule) throw new Error(`unknown scan rule ${code}`)
  const set = (variant !== undefined ? rule.messages[variant] : undefined) ?? (rule.messages.default as MessageSet)
  const all = { ...THIS_SCAN, ...params }
  const severity = (set.severity ?? rule.severity) as ScanFinding['severity']
  return {
    rule: code,
    severity,
    message: fillTemplate(set.message, all),
    messageEn: fillTemplate(set.messageEn, all),
    ...(Object.keys(params).length > 0 ? { params: { ...params } } : {}),
  }
}

/** "12.5 %" for shares shown to people. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.01 ? 2 : 1)}%`
}
