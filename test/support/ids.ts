/**
 * Builds valid identifiers for tests and synthetic data: the same algorithms as shared/ids, used
 * forwards. Nothing here is a real person's or company's number.
 */
import { orgCodeCheckChar } from '../../shared/ids/org-code'
import { residentIdCheckChar } from '../../shared/ids/resident-id'
import { usccCheckChar } from '../../shared/ids/uscc'

/** A credit code from its first 8 characters (authority, category, area) and an 8-character body. */
export function makeUscc(prefix8: string, body8: string): string {
  const orgCheck = orgCodeCheckChar(body8)
  if (orgCheck === null) throw new Error(`bad org body ${body8}`)
  const first17 = `${prefix8}${body8}${orgCheck}`
  const check = usccCheckChar(first17)
  if (check === null) throw new Error(`not encodable: ${first17}`)
  return first17 + check
}

/** An ID number from area code, birth date (YYYYMMDD) and 3-digit sequence (odd = male). */
export function makeResidentId(area6: string, birth8: string, seq3: string): string {
  const first17 = `${area6}${birth8}${seq3}`
  const check = residentIdCheckChar(first17)
  if (check === null) throw new Error(`bad id ${first17}`)
  return first17 + check
}
