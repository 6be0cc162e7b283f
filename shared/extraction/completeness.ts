/**
 * Whether a free-text value read from a scan looks whole. No check character guards a licence's
 * 类型 or an address, so a reading cut short — the start hidden, a wrapped line lost — can come out
 * confident. Such a value is kept (it is what the scan shows) but marked uncertain, so it is a
 * question for the person, never taken by "accept all". Stems and endings: text-completeness.json.
 */
import data from '../data/text-completeness.json' with { type: 'json' }
import type { ExtractedField } from '../model/extracted'
import { toHalfWidth } from '../text/normalise'

const STARTS = [...data.entityTypeStarts].map((s) => toHalfWidth(s))
const ENDS = data.addressEnds

/** True when a licence's 类型 starts as every registered type does. */
export function entityTypeLooksWhole(value: string): boolean {
  const v = toHalfWidth(value).replace(/\s+/g, '')
  return STARTS.some((s) => v.startsWith(s))
}

/** True when an address ends as a postal address does (its number, unit, building or village). */
export function addressLooksWhole(value: string): boolean {
  const v = value.replace(/\s+/g, '').replace(/[)）]$/, '')
  return ENDS.some((e) => v.endsWith(e))
}

/** The field as read, marked uncertain (and its confidence capped) when it does not look whole. */
export function unlessWhole(field: ExtractedField | null, looksWhole: (value: string) => boolean): ExtractedField | null {
  if (!field || looksWhole(field.value)) return field
  return { ...field, confidence: Math.min(field.confidence, data.uncertainCap), uncertain: true }
}
