/**
 * One normalisation of typed values, used wherever a value leaves a person's hands: on leaving a
 * form field, when a case.json is opened, in `check`/`validate` and before packaging. Staff copy
 * 报告.html into the provider consoles, which refuse full-width digits (１３８…), spaces inside a
 * mobile, `http://` in a domain or `。` in an e-mail; the rules judge what would be copied.
 *
 * Only changes that cannot alter the meaning are made: width, spaces, dashes, case of a check
 * letter, a URL around a domain. Names keep their full-width brackets (registrations use them).
 */
import { normaliseDomain } from '../ids/domain'
import { normalisePhone } from '../ids/contact'
import { foldDashes, stripSpaces, toHalfWidth } from '../text/normalise'
import type { Case, Person } from './case'

/** How a field's value is normalised. */
export type ValueKind = 'name' | 'certificate' | 'id-number' | 'mobile' | 'phone' | 'email' | 'domain' | 'homepage'

const MOBILE = /^1[3-9]\d{9}$/
const FULL_STOPS = /[\u3002\uff0e\uff61]/g

function certificate(value: string): string {
  const compact = stripSpaces(toHalfWidth(value)).toUpperCase()
  // 9144-0300-… is a USCC written in groups; other certificate numbers may carry a meaningful dash.
  const undashed = foldDashes(compact).replace(/-/g, '')
  return /^[0-9A-Z]{18}$/.test(undashed) ? undashed : compact
}

function phone(value: string): string {
  const digits = normalisePhone(value)
  if (MOBILE.test(digits)) return digits
  // A landline keeps its area-code dash (020-12345678), in one form.
  return stripSpaces(foldDashes(toHalfWidth(value)))
}

function email(value: string): string {
  const v = stripSpaces(toHalfWidth(value)).replace(FULL_STOPS, '.')
  const at = v.lastIndexOf('@')
  // The domain part is case-free; the local part is left as typed (a few mail hosts respect its case).
  return at < 0 ? v : `${v.slice(0, at)}@${v.slice(at + 1).toLowerCase()}`
}

/** The normalised form of one value of the given kind. Blank stays blank (returned trimmed). */
export function normaliseValue(kind: ValueKind, value: string): string {
  if (value.trim() === '') return value.trim()
  switch (kind) {
    case 'name':
      return value.replace(/[\s\u3000]+/g, ' ').trim()
    case 'certificate':
      return certificate(value)
    case 'id-number':
      return stripSpaces(toHalfWidth(value)).toUpperCase()
    case 'mobile':
    case 'phone':
      return phone(value)
    case 'email':
      return email(value)
    case 'domain':
      return normaliseDomain(value)
    case 'homepage':
      return toHalfWidth(value)
        .trim()
        .replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i, (host) => host.replace(FULL_STOPS, '.').toLowerCase())
  }
}

const PERSON_KINDS: Partial<Record<keyof Person, ValueKind>> = {
  name: 'name',
  idNumber: 'id-number',
  mobile: 'mobile',
  emergencyPhone: 'phone',
  officePhone: 'phone',
  email: 'email',
}

/** The kind of a field path (`websites[0].manager.mobile`), or null for a field left as typed. */
export function fieldKind(path: string): ValueKind | null {
  const parts = path.replace(/\[\d+\]/g, '').split('.')
  const key = parts[parts.length - 1] ?? ''
  const parent = parts.length > 1 ? parts[parts.length - 2] : undefined
  if (parent === 'principal' || parent === 'manager') return PERSON_KINDS[key as keyof Person] ?? null
  if (parent === 'sponsor') {
    if (key === 'certificateNumber') return 'certificate'
    if (key === 'name' || key === 'legalRepresentative') return 'name'
    return null
  }
  if (parent === 'domainCertificate') {
    if (key === 'holderIdNumber') return 'certificate'
    if (key === 'owner') return 'name'
    return null
  }
  if (parent === 'websites') {
    if (key === 'domain') return 'domain'
    if (key === 'homepage') return 'homepage'
    if (key === 'name') return 'name'
  }
  return null
}

/** One value changed by normalisation, for the notice that says so once. */
export interface ValueChange {
  readonly field: string
  readonly from: string
  readonly to: string
}

type Fields = Record<string, unknown>

function normaliseObject<T extends object>(obj: T, prefix: string, changes: ValueChange[]): T {
  let out: Fields | null = null
  for (const [key, value] of Object.entries(obj)) {
    if (typeof value !== 'string') continue
    const field = `${prefix}.${key}`
    const kind = fieldKind(field)
    if (kind === null) continue
    const to = normaliseValue(kind, value)
    if (to === value) continue
    out ??= { ...(obj as Fields) }
    out[key] = to === '' ? null : to
    changes.push({ field, from: value, to })
  }
  return (out ?? obj) as T
}

/**
 * The case with every typed value normalised, and what changed. The same object comes back when
 * nothing changed, so callers can tell cheaply.
 */
export function normaliseCase(c: Case): { case: Case; changes: ValueChange[] } {
  const changes: ValueChange[] = []
  const sponsor = normaliseObject(c.sponsor, 'sponsor', changes)
  const principal = normaliseObject(c.principal, 'principal', changes)
  let websitesChanged = false
  const websites = c.websites.map((w, i) => {
    const at = `websites[${i}]`
    const before = changes.length
    const site = normaliseObject(w, at, changes)
    const manager = normaliseObject(w.manager, `${at}.manager`, changes)
    const cert = normaliseObject(w.domainCertificate, `${at}.domainCertificate`, changes)
    if (changes.length === before) return w
    websitesChanged = true
    return { ...site, manager, domainCertificate: cert }
  })
  if (changes.length === 0) return { case: c, changes }
  return { case: { ...c, sponsor, principal, websites: websitesChanged ? websites : c.websites }, changes }
}
