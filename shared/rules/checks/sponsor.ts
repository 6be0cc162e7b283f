/**
 * The sponsor (主办单位 / 主办人): its certificate number, type, validity, address, legal
 * representative and name.
 */
import { correctUscc, suggestionSentence } from '../../ids/corrector'
import { describeUscc, normaliseUscc, validateUscc } from '../../ids/uscc'
import { provinceOfAddress } from '../../text/address'
import { nameKey, stripSpaces } from '../../text/normalise'
import { present, type Check, type Hit, type RuleContext } from '../context'
import { certificateValidity, dateOrLongTerm } from './dates'

/** The unit's certificate number, when it is supposed to be a credit code. */
function creditCodeOf(ctx: RuleContext): string | null {
  if (!ctx.isUnit) return null
  if (ctx.sponsorType && ctx.sponsorType.creditCodePrefixes.length === 0) return null
  return present(ctx.case.sponsor.certificateNumber)
}

function suggestionFor(value: string): { suggestion: string; suggestionEn: string } {
  return suggestionSentence(correctUscc(value))
}

const FIELD = 'sponsor.certificateNumber'

const usccInvalid: Check = (ctx) => {
  const code = creditCodeOf(ctx)
  if (code === null) return []
  const r = validateUscc(code)
  if (r.valid || r.errors.some((e) => e.code === 'legacy-regno')) return []
  const first = r.errors[0]
  return [
    {
      field: FIELD,
      params: { value: r.normalised, reason: first?.message ?? '', reasonEn: first?.messageEn ?? '', ...suggestionFor(r.normalised) },
    },
  ]
}

const usccUncertain: Check = (ctx) => {
  const code = creditCodeOf(ctx)
  if (code === null) return []
  const r = validateUscc(code)
  if (!r.valid) return []
  return r.warnings.map((w) => ({ field: FIELD, params: { value: r.normalised, reason: w.message, reasonEn: w.messageEn } }))
}

const usccLegacy: Check = (ctx) => {
  const code = creditCodeOf(ctx)
  if (code === null) return []
  const r = validateUscc(code)
  return r.errors.some((e) => e.code === 'legacy-regno') ? [{ field: FIELD, params: { value: r.normalised } }] : []
}

const usccTypeMismatch: Check = (ctx) => {
  const code = creditCodeOf(ctx)
  const type = ctx.sponsorType
  if (code === null || type === null) return []
  const r = validateUscc(code)
  if (!r.valid) return []
  const prefix = normaliseUscc(code).slice(0, 2)
  if (type.creditCodePrefixes.includes(prefix)) return []
  const d = describeUscc(r.normalised)
  const category = [d.department, d.category].filter(Boolean).join('·') || '未知类别'
  return [{ field: 'sponsor.type', params: { prefix, category, categoryEn: category, type: type.name, typeEn: type.nameEn } }]
}

function licenceHits(ctx: RuleContext, state: 'expired' | 'expires-soon'): Hit[] {
  if (!ctx.isUnit) return []
  const validTo = dateOrLongTerm(ctx.case.sponsor.certificateValidTo)
  if (validTo === null || certificateValidity(ctx, validTo) !== state) return []
  return [
    {
      field: 'sponsor.certificateValidTo',
      params: { validTo, date: ctx.date, months: ctx.catalogue.limits.certificateMinValidityMonths.value },
    },
  ]
}

const addressProvinceMismatch: Check = (ctx) => {
  const address = present(ctx.case.sponsor.certificateAddress)
  if (!ctx.isUnit || address === null || ctx.province === null) return []
  const provinces = ctx.catalogue.provinces.map(([prefix, short, full]) => ({ prefix, short, full }))
  const found = provinceOfAddress(address, provinces)
  const params = { address, province: ctx.province.short }
  if (found === null) return [{ field: 'sponsor.certificateAddress', params, variant: 'unknown' }]
  if (found === ctx.province.prefix) return []
  const name = provinces.find((p) => p.prefix === found)?.short ?? found
  return [{ field: 'sponsor.certificateAddress', params: { ...params, found: name } }]
}

const legalRepMismatch: Check = (ctx) => {
  if (!ctx.isUnit) return []
  const principal = present(ctx.case.principal.name)
  const legalRep = present(ctx.case.sponsor.legalRepresentative)
  if (principal === null || legalRep === null || nameKey(principal) === nameKey(legalRep)) return []
  const params = { principal, legalRep, type: ctx.sponsorType?.name ?? '', typeEn: ctx.sponsorType?.nameEn ?? '' }
  return [{ field: 'principal.name', params, ...(ctx.sponsorType?.principalMayBeDepartmentHead ? { variant: 'department-head' } : {}) }]
}

function firstWord(text: string, words: readonly string[]): string | undefined {
  const upper = text.toUpperCase()
  return words.find((w) => upper.includes(w.toUpperCase()))
}

const financeKeyword: Check = (ctx) => {
  const roles = new Set(ctx.case.documents.map((d) => d.role))
  if (roles.has('finance-licence')) return []
  const words = ctx.catalogue.words.financeWords
  const hits: Hit[] = []
  const name = present(ctx.case.sponsor.name)
  const inName = name === null ? undefined : firstWord(name, words)
  if (ctx.isUnit && inName) hits.push({ field: 'sponsor.name', params: { word: inName } })
  const scope = present(ctx.case.sponsor.businessScope)
  const inScope = scope === null ? undefined : firstWord(scope, words)
  if (ctx.isUnit && !inName && inScope && !roles.has('situation-statement'))
    hits.push({ field: 'sponsor.businessScope', params: { word: inScope }, variant: 'scope' })
  ctx.case.websites.forEach((w, i) => {
    const siteName = present(w.name)
    const word = siteName === null ? undefined : firstWord(siteName, words)
    if (word) hits.push({ field: `websites[${i}].name`, params: { name: siteName as string, word }, variant: 'site' })
  })
  return hits
}

const individualBusinessNoBrand: Check = (ctx) => {
  const s = ctx.case.sponsor
  const words = ctx.catalogue.words
  if (ctx.sponsorType?.name === '企业') {
    const code = present(s.certificateNumber)
    if (code === null || !normaliseUscc(code).startsWith('92')) return []
    const name = stripSpaces(s.name ?? '')
    const legalRep = present(s.legalRepresentative)
    const noBrand = words.individualBusinessNoBrandMarkers.includes(name) || (legalRep !== null && nameKey(name) === nameKey(legalRep))
    return noBrand ? [{ field: 'sponsor.name', params: { name } }] : []
  }
  if (!ctx.isUnit) {
    // A 个人 filing that carries a 个体工商户 licence (code 92…) should carry the remark too.
    const licence = ctx.case.documents.some((d) => {
      const read = d.extracted as { fields?: { creditCode?: unknown } } | undefined
      const code = read?.fields?.creditCode
      return d.role === 'sponsor-certificate' && typeof code === 'string' && code.startsWith('92')
    })
    if (licence && !(ctx.case.remark ?? '').includes(words.individualBusinessRemark))
      return [{ field: 'remark', params: {}, variant: 'remark' }]
  }
  return []
}

export const sponsorChecks: Record<string, Check> = {
  'uscc-invalid': usccInvalid,
  'uscc-uncertain': usccUncertain,
  'uscc-legacy-regno': usccLegacy,
  'uscc-type-mismatch': usccTypeMismatch,
  'licence-expired': (ctx) => licenceHits(ctx, 'expired'),
  'licence-expires-soon': (ctx) => licenceHits(ctx, 'expires-soon'),
  'address-province-mismatch': addressProvinceMismatch,
  'legal-rep-mismatch': legalRepMismatch,
  'finance-keyword': financeKeyword,
  'individual-business-no-brand': individualBusinessNoBrand,
}
