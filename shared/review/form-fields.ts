/**
 * Where each value read from a scan goes in the form, decided by the scan's role (a licence fills
 * the sponsor, the principal's ID card the principal, a manager's ID card that website's manager, a
 * domain certificate that website's certificate), and whether it already says the same. The link
 * itself is the table in shared/model/scan-fields.ts, which the scan rules and the report read too,
 * so "the same" and "sure" mean here what they mean there.
 */
import type { ExtractedFieldName } from '../model/extracted'
import { isFillingRole, isSure, linkPath, linksFor, type ReadingCertainty, type ValueKind } from '../model/scan-fields'

export { sameValue, storedValue, type ReadingCertainty, type ValueKind } from '../model/scan-fields'

/** A value read from a scan, bound to the form field it belongs in. */
export interface FieldTarget {
  /** The reading's field (extracted.ts EXTRACTED_FIELDS). */
  readonly from: string
  /** The form field as the rules name it: `websites[0].manager.idNumber`. */
  readonly path: string
  readonly kind: ValueKind
}

/**
 * The form fields the values of a scan fill, for the fields actually read (`read`). A licence of a
 * 个体工商户 has a 注册日期 instead of a 营业期限: its date stands in for the start of validity.
 */
export function targetsFor(role: string, website: number | null, read: readonly string[]): FieldTarget[] {
  const has = new Set(read)
  return linksFor(role, (from: ExtractedFieldName) => has.has(from)).flatMap((link) => {
    const path = linkPath(link, website)
    return path === null ? [] : [{ from: link.from, path, kind: link.kind }]
  })
}

/** True when a role's values go into the form at all (and a website must be chosen for it). */
export function roleFillsForm(role: string): 'case' | 'website' | null {
  if (!isFillingRole(role)) return null
  return role === 'manager-id' || role === 'domain-certificate' ? 'website' : 'case'
}

/** True when a value may be accepted with the others (see isSure in scan-fields.ts). */
export function isSureReading(field: ReadingCertainty): boolean {
  return isSure(field)
}
