/**
 * The one link between what a scan shows and what the form says: for each role, which value read
 * from the scan belongs in which form field, and how two values of that field are compared. The
 * review (what 采用 fills), the scan rules (what is compared), the report (which reading stands
 * beside a row) and role proposal all read this table, so adding a field is one row here.
 */
import certainty from '../data/certainty.json' with { type: 'json' }
import { canonicalDomain } from '../ids/domain'
import { isSelfConsistentResidentId, normaliseResidentId } from '../ids/resident-id'
import { hasValidUsccCheck, normaliseUscc } from '../ids/uscc'
import { nameKey, stripSpaces, toHalfWidth } from '../text/normalise'
import type { Case, CaseDocument } from './case'
import type { DocumentKind, ExtractedFieldName } from './extracted'
import { stringAt } from './field-path'

/** How two values of a field are compared, and what is stored when a reading is accepted. */
export type ValueKind = 'name' | 'uscc' | 'resident-id' | 'date' | 'domain' | 'address'

/** The roles whose scans fill the form. */
export type FillingRole = 'sponsor-certificate' | 'principal-id' | 'manager-id' | 'domain-certificate'

/** The rules that report a scan value the form does not repeat (shared/data/rules/scans.json). */
export type MismatchRule =
  | 'scan-name-mismatch'
  | 'scan-code-mismatch'
  | 'scan-legal-rep-mismatch'
  | 'scan-person-mismatch'
  | 'scan-validity-mismatch'
  | 'scan-domain-mismatch'

/** One value of a scan bound to one form field. */
export interface ScanFieldLink {
  readonly role: FillingRole
  readonly from: ExtractedFieldName
  /** The form field as the rules name it; `websites[]` is the scan's website. */
  readonly path: string
  readonly kind: ValueKind
  /** The rule that reports a difference; null when the value is offered but not compared (say why on the row). */
  readonly rule: MismatchRule | null
  /** How the rule's message names the field, when it names it itself ({label}). */
  readonly label?: readonly [zh: string, en: string]
  /** Read in place of another field when the scan has none (a 个体工商户 licence's 注册日期 for the start of 营业期限). */
  readonly standsFor?: ExtractedFieldName
  /** Only in a 个人 filing, where the principal is the sponsor: shown in the report, not offered or compared (the person rules judge it). */
  readonly individualOnly?: true
  /** Compared on every licence, even a 个体工商户's in a 个人 filing (which names the business, not the sponsor). */
  readonly anyLicence?: true
}

const ID_ROWS = (role: 'principal-id' | 'manager-id', base: string): ScanFieldLink[] => [
  { role, from: 'personName', path: `${base}.name`, kind: 'name', rule: 'scan-person-mismatch', label: ['姓名', 'name'] },
  {
    role,
    from: 'idNumber',
    path: `${base}.idNumber`,
    kind: 'resident-id',
    rule: 'scan-person-mismatch',
    label: ['身份证号码', 'ID number'],
  },
  { role, from: 'validFrom', path: `${base}.idValidFrom`, kind: 'date', rule: 'scan-validity-mismatch' },
  { role, from: 'validTo', path: `${base}.idValidTo`, kind: 'date', rule: 'scan-validity-mismatch' },
]

/** The table, in form order within each role. */
export const SCAN_FIELDS: readonly ScanFieldLink[] = [
  { role: 'sponsor-certificate', from: 'entityName', path: 'sponsor.name', kind: 'name', rule: 'scan-name-mismatch' },
  { role: 'sponsor-certificate', from: 'creditCode', path: 'sponsor.certificateNumber', kind: 'uscc', rule: 'scan-code-mismatch' },
  {
    role: 'sponsor-certificate',
    from: 'legalRepresentative',
    path: 'sponsor.legalRepresentative',
    kind: 'name',
    rule: 'scan-legal-rep-mismatch',
    anyLicence: true,
  },
  // Not compared: a long address is rarely read whole, and forms abbreviate it (省/市 left out), so a
  // difference would be noise; the review still offers it to save typing.
  { role: 'sponsor-certificate', from: 'address', path: 'sponsor.certificateAddress', kind: 'address', rule: null },
  { role: 'sponsor-certificate', from: 'validFrom', path: 'sponsor.certificateValidFrom', kind: 'date', rule: 'scan-validity-mismatch' },
  {
    role: 'sponsor-certificate',
    from: 'establishedOn',
    path: 'sponsor.certificateValidFrom',
    kind: 'date',
    rule: 'scan-validity-mismatch',
    standsFor: 'validFrom',
  },
  { role: 'sponsor-certificate', from: 'validTo', path: 'sponsor.certificateValidTo', kind: 'date', rule: 'scan-validity-mismatch' },
  ...ID_ROWS('principal-id', 'principal'),
  { role: 'principal-id', from: 'personName', path: 'sponsor.name', kind: 'name', rule: null, individualOnly: true },
  { role: 'principal-id', from: 'idNumber', path: 'sponsor.certificateNumber', kind: 'resident-id', rule: null, individualOnly: true },
  ...ID_ROWS('manager-id', 'websites[].manager'),
  {
    role: 'domain-certificate',
    from: 'domain',
    path: 'websites[].domain',
    kind: 'domain',
    rule: 'scan-domain-mismatch',
    label: ['域名', 'domain'],
  },
  {
    role: 'domain-certificate',
    from: 'domainOwner',
    path: 'websites[].domainCertificate.owner',
    kind: 'name',
    rule: 'scan-domain-mismatch',
    label: ['域名所有者', 'domain owner'],
  },
  {
    role: 'domain-certificate',
    from: 'registeredOn',
    path: 'websites[].domainCertificate.registeredOn',
    kind: 'date',
    rule: 'scan-domain-mismatch',
    label: ['注册日期', 'registration date'],
  },
  {
    role: 'domain-certificate',
    from: 'expiresOn',
    path: 'websites[].domainCertificate.expiresOn',
    kind: 'date',
    rule: 'scan-domain-mismatch',
    label: ['到期日期', 'expiry date'],
  },
]

/** The kind of document a role's values are read from (a licence filed as an ID card is not compared). */
export const ROLE_DOCUMENT: Readonly<Record<FillingRole, DocumentKind>> = {
  'sponsor-certificate': 'business-licence',
  'principal-id': 'id-card',
  'manager-id': 'id-card',
  'domain-certificate': 'domain-certificate',
}

/** True when a role's values go into the form. */
export function isFillingRole(role: string): role is FillingRole {
  return Object.hasOwn(ROLE_DOCUMENT, role)
}

/** A link's form path for a scan: `websites[]` becomes the scan's website; null when the role needs one and none is set. */
export function linkPath(link: ScanFieldLink, website: number | null | undefined): string | null {
  if (!link.path.includes('[]')) return link.path
  return website === null || website === undefined ? null : link.path.replace('[]', `[${website}]`)
}

/**
 * The links that apply to a scan of this role, given which fields were read: a `standsFor` row
 * only when the field it stands for was not read. `individualOnly` rows are left out (see the row).
 */
export function linksFor(role: string, read: (from: ExtractedFieldName) => boolean): ScanFieldLink[] {
  return SCAN_FIELDS.filter(
    (l) => l.role === role && l.individualOnly !== true && read(l.from) && !(l.standsFor !== undefined && read(l.standsFor)),
  )
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

/**
 * The comparison key: names without spaces and bracket styles, codes in their stored form, a domain
 * in its ASCII (xn--) form without a trailing dot, scheme or leading www. (so 例子.中国 and its
 * Punycode, or `example.com.` and `www.example.com`, are one domain).
 */
function key(kind: ValueKind, value: string): string {
  switch (kind) {
    case 'name':
    case 'address':
      return nameKey(value)
    case 'uscc':
      return normaliseUscc(value)
    case 'resident-id':
      return normaliseResidentId(value)
    case 'domain':
      return canonicalDomain(stripSpaces(value)).replace(/^www\./, '')
    case 'date':
      return stripSpaces(toHalfWidth(value))
  }
}

/** True when two values of a field say the same thing; a blank value never equals anything. */
export function sameValue(kind: ValueKind, a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || a.trim() === '' || b === null || b === undefined || b.trim() === '') return false
  return key(kind, a) === key(kind, b)
}

/** Confidence at or above which a reading is sure (shared/data/certainty.json). */
export const SURE: number = certainty.sure

/** What decides whether a reading may be taken without a person looking at it. */
export interface ReadingCertainty {
  readonly confidence: number
  readonly uncertain?: boolean | undefined
  /** Set when look-alike characters were repaired by the check characters. */
  readonly corrected?: unknown
}

/**
 * True when a value was read with confidence and nothing casts doubt on it. A look-alike repair is
 * never sure: with two misread characters the check characters pick a wrong code about 1–2 % of the
 * time (bench:check), so a repaired value is a question for the rules and accepted one by one.
 */
export function isSure(field: ReadingCertainty): boolean {
  return field.confidence >= SURE && field.uncertain !== true && (field.corrected === undefined || field.corrected === null)
}

/** A value read from a scan, as much as the identity check needs. */
export interface ReadValue extends ReadingCertainty {
  readonly value: string
  readonly misread?: boolean | undefined
}

/** The identifier that proves whose a document is, per role: a licence's credit code, an ID card's number. */
const IDENTIFIER: Readonly<Partial<Record<FillingRole, ExtractedFieldName>>> = {
  'sponsor-certificate': 'creditCode',
  'principal-id': 'idNumber',
  'manager-id': 'idNumber',
}

function proven(kind: ValueKind, value: string): boolean {
  if (kind === 'uscc') return hasValidUsccCheck(normaliseUscc(value))
  if (kind === 'resident-id') return isSelfConsistentResidentId(normaliseResidentId(value))
  return false
}

/** A scan that proves it belongs to someone else: the form field it was compared with and both values. */
export interface ForeignDocument {
  readonly path: string
  readonly form: string
  readonly scan: string
}

/**
 * Whether a scan is another customer's document: its identifier was read surely, passes its check
 * character, and differs from the form's — which passes its own check too (a form value with a typo
 * is a mistake in the form, reported field by field, not a foreign document). `valueAt` reads the form.
 */
export function foreignDocument(
  role: string,
  website: number | null | undefined,
  read: (from: ExtractedFieldName) => ReadValue | undefined,
  valueAt: (path: string) => string | null | undefined,
): ForeignDocument | null {
  if (!isFillingRole(role)) return null
  const from = IDENTIFIER[role]
  const link = from === undefined ? undefined : SCAN_FIELDS.find((l) => l.role === role && l.from === from && l.individualOnly !== true)
  if (!link) return null
  const path = linkPath(link, website)
  const scan = read(link.from)
  if (path === null || !scan || scan.misread === true || !isSure(scan) || !proven(link.kind, scan.value)) return null
  const form = valueAt(path)
  if (form === null || form === undefined || !proven(link.kind, form) || sameValue(link.kind, form, scan.value)) return null
  return { path, form, scan: scan.value }
}

/**
 * foreignDocument for a document of the case, from its stored reading. A licence's code is only
 * compared with a form code that is a credit code itself, so the 个体工商户 licence of a 个人 filing
 * (whose form holds an ID number) is never taken for another's.
 */
export function foreignCaseDocument(c: Case, doc: CaseDocument): ForeignDocument | null {
  const read = doc.extracted
  if (!read || !isFillingRole(doc.role) || read.kind !== ROLE_DOCUMENT[doc.role]) return null
  return foreignDocument(
    doc.role,
    doc.website,
    (from) => read.fields[from],
    (path) => stringAt(c, path),
  )
}
