/**
 * Completeness and well-formedness: required fields, dates that can be read, values from the
 * MIIT lists. The other checks skip blank or unreadable values, so these are what make sure
 * nothing is silently unchecked.
 */
import { isIsoDate } from '../../dates/iso-date'
import { LONG_TERM, parseDateOrLongTerm } from '../../dates/parse-chinese-date'
import type { Case } from '../../model/case'
import { valueAt } from '../../model/field-path'
import { isBlank } from '../../text/normalise'
import type { Check, Hit, RuleContext } from '../context'

/** Expands `websites[].manager.name` into one concrete path per website (and per pre-approval). */
export function expandPath(c: Case, generic: string): string[] {
  const open = generic.indexOf('[]')
  if (open < 0) return [generic]
  const arrayPath = generic.slice(0, open)
  const rest = generic.slice(open + 2)
  const array = valueAt(c, arrayPath)
  if (!Array.isArray(array)) return []
  return array.flatMap((_, i) => expandPath(c, `${arrayPath}[${i}]${rest}`))
}

// Only identification is needed to cancel a filing or stop hosting it.
const CANCEL_FIELDS = new Set([
  'province',
  'filingType',
  'sponsor.type',
  'sponsor.name',
  'sponsor.certificateType',
  'sponsor.certificateNumber',
])

const fieldMissing: Check = (ctx) => {
  const hits: Hit[] = []
  const cancelling = ctx.filingType !== null && !ctx.filingType.needsMaterials
  for (const def of ctx.catalogue.fields) {
    if (def.required === 'optional') continue
    if (def.required === 'unit' && !ctx.isUnit) continue
    if (def.required === 'individual' && ctx.isUnit) continue
    if (cancelling && !CANCEL_FIELDS.has(def.path)) continue
    for (const path of expandPath(ctx.case, def.path)) {
      const value = valueAt(ctx.case, path)
      if (typeof value !== 'string' || isBlank(value)) hits.push({ field: path })
    }
  }
  if (!cancelling && ctx.case.websites.length === 0) {
    hits.push({ field: 'websites', params: { field: '网站信息（至少一个网站）', fieldEn: 'website (at least one)' } })
  }
  return hits
}

/** Every date field, and whether 长期 (long-term) is a legal value there. */
function dateFields(c: Case): Array<{ path: string; longTermAllowed: boolean }> {
  const fields = [
    { path: 'submissionDate', longTermAllowed: false },
    { path: 'sponsor.certificateValidFrom', longTermAllowed: false },
    { path: 'sponsor.certificateValidTo', longTermAllowed: true },
  ]
  const people = ['principal', ...c.websites.map((_, i) => `websites[${i}].manager`)]
  for (const p of people)
    fields.push({ path: `${p}.idValidFrom`, longTermAllowed: false }, { path: `${p}.idValidTo`, longTermAllowed: true })
  c.websites.forEach((w, i) => {
    const d = `websites[${i}].domainCertificate`
    fields.push(
      { path: `websites[${i}].previousFilingDate`, longTermAllowed: false },
      { path: `${d}.registeredOn`, longTermAllowed: false },
      { path: `${d}.expiresOn`, longTermAllowed: false },
      { path: `${d}.realNameVerifiedOn`, longTermAllowed: false },
    )
    w.preApprovals.forEach((_, j) => fields.push({ path: `websites[${i}].preApprovals[${j}].validTo`, longTermAllowed: true }))
  })
  return fields
}

const dateInvalid: Check = (ctx) => {
  const hits: Hit[] = []
  for (const { path, longTermAllowed } of dateFields(ctx.case)) {
    const value = valueAt(ctx.case, path)
    if (typeof value !== 'string' || isBlank(value)) continue
    if (isIsoDate(value) || (longTermAllowed && value === LONG_TERM)) continue
    // Say what the value probably means, but never use the guess.
    const parsed = parseDateOrLongTerm(value)
    const hint = parsed.ok && (parsed.value !== LONG_TERM || longTermAllowed) ? `（应写作 ${parsed.value}）` : ''
    hits.push({ field: path, params: { value: `${value}${hint}` } })
  }
  return hits
}

function unknownValue(ctx: RuleContext, field: string, value: string | null, known: boolean, choices: readonly string[]): Hit[] {
  if (isBlank(value) || known) return []
  return [{ field, params: { value: value as string, choices: choices.join('、') } }]
}

const caseValueUnknown: Check = (ctx) => {
  const c = ctx.case
  const idTypes = ctx.catalogue.sponsorTypes.find((t) => t.name === '个人')?.certificateTypes ?? []
  return [
    ...unknownValue(
      ctx,
      'province',
      c.province,
      ctx.province !== null,
      ctx.catalogue.provinces.map(([, s]) => s),
    ),
    ...unknownValue(
      ctx,
      'sponsor.type',
      c.sponsor.type,
      ctx.sponsorType !== null,
      ctx.catalogue.sponsorTypes.map((t) => t.name),
    ),
    ...unknownValue(
      ctx,
      'filingType',
      c.filingType,
      ctx.filingType !== null,
      ctx.catalogue.filingTypes.map((t) => t.name),
    ),
    ...ctx.people.flatMap((p) =>
      unknownValue(ctx, `${p.path}.idType`, p.person.idType, idTypes.includes((p.person.idType ?? '').trim()), idTypes),
    ),
  ]
}

export const fieldChecks: Record<string, Check> = {
  'field-missing': fieldMissing,
  'date-invalid': dateInvalid,
  'case-value-unknown': caseValueUnknown,
}
