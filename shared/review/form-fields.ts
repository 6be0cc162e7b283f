/**
 * Where each value read from a scan goes in the form, decided by the scan's role (a licence fills
 * the sponsor, the principal's ID card the principal, a manager's ID card that website's manager, a
 * domain certificate that website's certificate), and whether it already says the same. Pure, so the
 * review in the window and its tests use one mapping, and "the same" means what the scan rules mean
 * (names compared without spaces and bracket styles, codes in their stored form).
 */
import { normaliseResidentId } from '../ids/resident-id'
import { normaliseUscc } from '../ids/uscc'
import { SURE } from '../rules/checks/scans'
import { nameKey, stripSpaces, toHalfWidth } from '../text/normalise'

/** How two values of a field are compared, and what is stored when a reading is accepted. */
export type ValueKind = 'name' | 'uscc' | 'resident-id' | 'date' | 'domain' | 'address'

/** A value read from a scan, bound to the form field it belongs in. */
export interface FieldTarget {
  /** The reading's field (extracted.ts EXTRACTED_FIELDS). */
  readonly from: string
  /** The form field as the rules name it: `websites[0].manager.idNumber`. */
  readonly path: string
  readonly kind: ValueKind
}

type Mapping = ReadonlyArray<readonly [from: string, field: string, kind: ValueKind]>

const LICENCE: Mapping = [
  ['entityName', 'name', 'name'],
  ['creditCode', 'certificateNumber', 'uscc'],
  ['legalRepresentative', 'legalRepresentative', 'name'],
  ['address', 'certificateAddress', 'address'],
  ['validFrom', 'certificateValidFrom', 'date'],
  ['validTo', 'certificateValidTo', 'date'],
]
const ID_CARD: Mapping = [
  ['personName', 'name', 'name'],
  ['idNumber', 'idNumber', 'resident-id'],
  ['validFrom', 'idValidFrom', 'date'],
  ['validTo', 'idValidTo', 'date'],
]
const DOMAIN: Mapping = [
  ['domain', 'domain', 'domain'],
  ['domainOwner', 'domainCertificate.owner', 'name'],
  ['registeredOn', 'domainCertificate.registeredOn', 'date'],
  ['expiresOn', 'domainCertificate.expiresOn', 'date'],
]

/** The base path and mapping of a role; null when the role's values do not go into the form. */
function mappingFor(role: string, website: number | null): { base: string; map: Mapping } | null {
  switch (role) {
    case 'sponsor-certificate':
      return { base: 'sponsor', map: LICENCE }
    case 'principal-id':
      return { base: 'principal', map: ID_CARD }
    case 'manager-id':
      return website === null ? null : { base: `websites[${website}].manager`, map: ID_CARD }
    case 'domain-certificate':
      return website === null ? null : { base: `websites[${website}]`, map: DOMAIN }
    default:
      return null
  }
}

/**
 * The form fields the values of a scan fill, for the fields actually read (`read`). A licence of a
 * 个体工商户 has a 注册日期 instead of a 营业期限: its date stands in for the start of validity.
 */
export function targetsFor(role: string, website: number | null, read: readonly string[]): FieldTarget[] {
  const found = mappingFor(role, website)
  if (!found) return []
  const has = new Set(read)
  const targets = found.map.filter(([from]) => has.has(from)).map(([from, field, kind]) => ({ from, path: `${found.base}.${field}`, kind }))
  if (role === 'sponsor-certificate' && !has.has('validFrom') && has.has('establishedOn'))
    targets.push({ from: 'establishedOn', path: 'sponsor.certificateValidFrom', kind: 'date' })
  return targets
}

/** True when a role's values go into the form at all (and a website must be chosen for it). */
export function roleFillsForm(role: string): 'case' | 'website' | null {
  if (role === 'sponsor-certificate' || role === 'principal-id') return 'case'
  if (role === 'manager-id' || role === 'domain-certificate') return 'website'
  return null
}

/** What the form stores when a read value is accepted: codes in their stored form, domains in lower case. */
export function storedValue(kind: ValueKind, value: string): string {
  switch (kind) {
    case 'uscc':
      return normaliseUscc(value)
    case 'resident-id':
      return normaliseResidentId(value)
    case 'domain':
      return stripSpaces(toHalfWidth(value)).toLowerCase()
    case 'date':
      return stripSpaces(value)
    case 'name':
    case 'address':
      return toHalfWidth(value).trim()
  }
}

function key(kind: ValueKind, value: string): string {
  switch (kind) {
    case 'name':
      return nameKey(value)
    case 'uscc':
      return normaliseUscc(value)
    case 'resident-id':
      return normaliseResidentId(value)
    case 'domain':
      return storedValue('domain', value).replace(/^www\./, '')
    case 'date':
      return stripSpaces(value)
    case 'address':
      return nameKey(value)
  }
}

/** True when the form already says what the scan shows (blank form values never do). */
export function sameValue(kind: ValueKind, form: string | null | undefined, scan: string): boolean {
  if (form === null || form === undefined || form.trim() === '') return false
  return key(kind, form) === key(kind, scan)
}

/** What decides whether a reading may be taken without a person looking at it. */
export interface ReadingCertainty {
  readonly confidence: number
  readonly uncertain: boolean
  /** Set when look-alike characters were repaired by the check characters. */
  readonly corrected?: unknown
}

/**
 * True when a value was read with confidence and nothing casts doubt on it. The threshold is the
 * scan rules' own (SURE), so the review never accepts in bulk a value the checks treat as a
 * question. A look-alike repair is never sure: with two misread characters the check characters
 * pick a wrong code about 1–2 % of the time (bench:check), so a repair is accepted one by one, with
 * its changed characters shown.
 */
export function isSureReading(field: ReadingCertainty): boolean {
  return field.confidence >= SURE && !field.uncertain && (field.corrected === undefined || field.corrected === null)
}
