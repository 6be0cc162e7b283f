/**
 * A case nobody has filled in yet: what the app's 新建案件 writes (首次备案, one empty website) and
 * nothing typed or added since. Such a case is shown a neutral list of what to fill in, not dozens
 * of red errors for fields the person has not had a chance to type.
 */
import type { Case } from '../model/case'

/** Keys the app itself sets on a new case (or keeps for bookkeeping), not typed by a person. */
const SET_BY_THE_APP = new Set(['schemaVersion', 'filingType', 'updatedAt', 'filing', 'exports'])

function hasValue(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== ''
  if (typeof value === 'number') return true
  if (Array.isArray(value)) return value.some(hasValue)
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasValue)
  return false
}

/** True while nothing has been typed into the case and no scan added (websites may be empty placeholders). */
export function isBlankCase(c: Case): boolean {
  if (c.documents.length > 0 || (c.exports?.length ?? 0) > 0) return false
  return !Object.entries(c).some(([key, value]) => !SET_BY_THE_APP.has(key) && hasValue(value))
}
