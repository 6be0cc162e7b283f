/**
 * Who is who in a case: the principal and each website's manager are often one person, and the
 * rules (a shared phone is no duplicate), the package (one ID scan serves both slots) must agree on it.
 */
import { normaliseResidentId } from '../ids/resident-id'
import { isBlank, nameKey } from '../text/normalise'
import type { Person } from './case'

/**
 * Same person when the ID numbers match; while either number is still blank, when the names match.
 * The ID number is the identity: two numbers that differ are two people whatever the names say.
 */
export function samePerson(a: Person, b: Person): boolean {
  if (!isBlank(a.idNumber) && !isBlank(b.idNumber))
    return normaliseResidentId(a.idNumber as string) === normaliseResidentId(b.idNumber as string)
  return !isBlank(a.name) && !isBlank(b.name) && nameKey(a.name as string) === nameKey(b.name as string)
}
