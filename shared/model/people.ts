/**
 * Who is who in a case: the principal and each website's manager are often one person, and the
 * rules (a shared phone is no duplicate), the package (one ID scan serves both slots) must agree on it.
 */
import { normaliseResidentId } from '../ids/resident-id'
import { nameKey } from '../text/normalise'
import type { Person } from './case'

/**
 * Same person when the ID numbers match; while either number is still blank, when the names match.
 * The ID number is the identity: two numbers that differ are two people whatever the names say.
 */
export function samePerson(a: Person, b: Person): boolean {
  const ia = filled(a.idNumber)
  const ib = filled(b.idNumber)
  if (ia !== null && ib !== null) return normaliseResidentId(ia) === normaliseResidentId(ib)
  const na = filled(a.name)
  const nb = filled(b.name)
  return na !== null && nb !== null && nameKey(na) === nameKey(nb)
}

function filled(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value
}
