/**
 * Reading dates inside checks: only well-formed ISO dates (or "long-term") are used; anything else
 * is skipped here because date-invalid already reports it.
 */
import { addMonths, isIsoDate, type IsoDate } from '../../dates/iso-date'
import { LONG_TERM, type DateOrLongTerm } from '../../dates/parse-chinese-date'
import type { RuleContext } from '../context'

export function dateOrNull(value: string | null | undefined): IsoDate | null {
  return typeof value === 'string' && isIsoDate(value.trim()) ? value.trim() : null
}

export function dateOrLongTerm(value: string | null | undefined): DateOrLongTerm | null {
  if (typeof value === 'string' && value.trim() === LONG_TERM) return LONG_TERM
  return dateOrNull(value)
}

export type ValidityState = 'expired' | 'expires-soon' | 'ok'

/**
 * Certificates need more than N months of validity left on the submission date
 * (limits.json certificateMinValidityMonths): expired before it, "soon" up to N months after.
 */
export function certificateValidity(ctx: RuleContext, validTo: DateOrLongTerm): ValidityState {
  if (validTo === LONG_TERM) return 'ok'
  if (validTo < ctx.date) return 'expired'
  if (validTo <= addMonths(ctx.date, ctx.catalogue.limits.certificateMinValidityMonths.value)) return 'expires-soon'
  return 'ok'
}
