/**
 * The rows of the OCR review for one scan: each value read, where it goes in the form (by the
 * scan's role), what the form says now, and whether the value is sure enough to accept with the
 * others. Values with no place in the form (sex, 签发机关 …) are listed after, for checking only.
 */
import type { ScanField, ScanView } from '../../../shared/ipc/scan-schemas'
import type { Case } from '../../../shared/model/case'
import { valueAt } from '../../../shared/model/field-path'
import { foreignDocument, ROLE_DOCUMENT, isFillingRole, type ForeignDocument } from '../../../shared/model/scan-fields'
import { isSureReading, sameValue, storedValue, targetsFor, type FieldTarget } from '../../../shared/review/form-fields'
import { parsePath } from '../case/paths'
import { fieldValue } from '../state/editor'

/** One row of the review. */
export interface ReviewRow {
  readonly field: ScanField
  /** Where it goes; null for values the form has no place for. */
  readonly target: FieldTarget | null
  /** The form's current value ('' when empty). */
  readonly form: string
  readonly same: boolean
  readonly sure: boolean
}

/** True when a value was read with confidence and nothing casts doubt on it (not even a look-alike repair). */
export function isSure(field: ScanField): boolean {
  return isSureReading(field)
}

/** The review rows of a scan against the current draft: form-bound values first, in form order. */
export function reviewRows(scan: ScanView, draft: Case): ReviewRow[] {
  const targets = targetsFor(
    scan.role,
    scan.website,
    scan.fields.map((f) => f.name),
  )
  const bound: ReviewRow[] = []
  for (const target of targets) {
    const field = scan.fields.find((f) => f.name === target.from)
    if (!field) continue
    const form = fieldValue(draft, parsePath(target.path))
    bound.push({ field, target, form, same: sameValue(target.kind, form, field.value), sure: isSure(field) })
  }
  const used = new Set(targets.map((t) => t.from))
  const others = scan.fields
    .filter((f) => !used.has(f.name))
    .map((field) => ({ field, target: null, form: '', same: false, sure: isSure(field) }))
  return [...bound, ...others]
}

/**
 * The rows "accept all" takes: bound, different from the form, and sure (uncertain ones are
 * accepted one by one; one a person marked as misread never).
 */
export function acceptable(rows: readonly ReviewRow[]): Array<{ target: FieldTarget; value: string }> {
  return rows
    .filter((r): r is ReviewRow & { target: FieldTarget } => r.target !== null && !r.same && r.sure && !r.field.misread)
    .filter((r) => storedValue(r.target.kind, r.field.value) !== r.form)
    .map((r) => ({ target: r.target, value: r.field.value }))
}

/**
 * When the scan is another customer's document (its credit code or ID number, read surely and
 * proven by its check character, is not the form's): the field it was compared with and both values.
 * The review then offers no 全部采用 — one click would copy the other company's or person's data in.
 */
export function foreignScan(scan: ScanView, draft: Case): ForeignDocument | null {
  if (scan.state !== 'read' || !isFillingRole(scan.role) || scan.kind !== ROLE_DOCUMENT[scan.role]) return null
  return foreignDocument(
    scan.role,
    scan.website,
    (from) => scan.fields.find((f) => f.name === from),
    (path) => {
      const v = valueAt(draft, path)
      return typeof v === 'string' ? v : null
    },
  )
}
