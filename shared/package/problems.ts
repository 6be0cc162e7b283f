/**
 * Packaging problems: what went wrong while building the package (an unreadable scan, an image that
 * cannot fit the provider's limit). They depend on the provider and the image files, so they are not
 * case rules, but they are reported in the same Finding shape so the CLI, the report and the app
 * show them exactly like rule findings. Messages live in shared/data/package-problems.json.
 */
import type { Finding } from '../rules/engine'
import { packageData, type PackageData } from './package-data'

/** Codes of the packaging problems, kept in step with package-problems.json by a test. */
export type PackageProblemCode =
  | 'package-image-unreadable'
  | 'package-format-unsupported'
  | 'package-image-cannot-fit'
  | 'package-image-low-resolution'
  | 'package-file-below-minimum'
  | 'package-extra-pages-ignored'
  | 'package-watermark-no-room'
  | 'package-id-sides-not-found'

/** Values filled into a problem's message templates ({file}, {limit} …). */
export type ProblemParams = Readonly<Record<string, string | number>>

/** A packaging problem before its messages are filled in. */
export interface PackageProblem {
  readonly code: PackageProblemCode
  readonly params: ProblemParams
  /** Index into case.documents of the scan concerned. */
  readonly document?: number
  readonly variant?: string
}

function fill(template: string, params: ProblemParams): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key]
    return v === undefined ? '' : String(v)
  })
}

/** Turns a packaging problem into a Finding with Chinese and English messages from the data. */
export function problemFinding(problem: PackageProblem, data: PackageData = packageData()): Finding {
  const rule = data.problems.find((r) => r.code === problem.code)
  if (!rule) throw new Error(`unknown packaging problem ${problem.code}`)
  const set = (problem.variant !== undefined ? rule.messages[problem.variant] : undefined) ?? rule.messages.default
  const field = problem.document !== undefined ? `documents[${problem.document}].file` : null
  return {
    rule: rule.code,
    severity: set.severity ?? rule.severity,
    field,
    message: fill(set.message, problem.params).trim(),
    messageEn: fill(set.messageEn, problem.params).trim(),
    fix: fill(set.fix, problem.params).trim(),
    fixEn: fill(set.fixEn, problem.params).trim(),
    source: rule.source,
    ...(problem.document !== undefined ? { document: problem.document } : {}),
  }
}

const ORDER = { error: 0, warning: 1, info: 2 } as const

/** Rule findings and packaging findings in one list, errors first, each group in its own order. */
export function mergeFindings(rules: readonly Finding[], packaging: readonly Finding[]): Finding[] {
  return [...rules, ...packaging].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
}

/** "1.9 MB" / "850 KB" (decimal units, as providers state their limits). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(bytes >= 10_000_000 ? 0 : 2)} MB`
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`
  return `${bytes} B`
}
