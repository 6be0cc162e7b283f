/**
 * The sponsor (主办单位 / 主办人): its certificate number, type, validity, address, legal
 * representative and name.
 */
import { correctUscc, suggestionSentence } from '../../ids/corrector'
import { describeUscc, normaliseUscc, validateUscc } from '../../ids/uscc'
import type { ExtractedField } from '../../model/extracted'
import { provinceOfAddress } from '../../text/address'
import { nameKey, stripSpaces } from '../../text/normalise'
import { ruleList } from '../catalogue'
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
  const province = ctx.province?.short ?? ''
  const params = { principal, legalRep, type: ctx.sponsorType?.name ?? '', typeEn: ctx.sponsorType?.nameEn ?? '', province }
  if (ctx.sponsorType?.principalMayBeDepartmentHead) return [{ field: 'principal.name', params, variant: 'department-head' }]
  // Some provinces accept another principal with the legal representative's 授权书.
  if (ruleList(ctx.catalogue, 'legal-rep-mismatch', 'principalAuthorisation').includes(province)) {
    const letter = ctx.case.documents.some((d) => d.role === 'authorisation-letter' && d.website === undefined)
    return letter ? [] : [{ field: 'principal.name', params, variant: 'authorisation' }]
  }
  return [{ field: 'principal.name', params }]
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

/**
 * The 个体工商户 licence (code 92…) a 个人 filing carries, as OCR read it. Readings are stored as
 * { value, confidence } (model/extracted.ts), never as bare strings.
 */
export function soleTraderLicence(ctx: RuleContext): { name: string | null; operator: string | null; document: number } | null {
  for (const [index, d] of ctx.case.documents.entries()) {
    if (d.role !== 'sponsor-certificate') continue
    const read = d.extracted
    const code = read?.fields.creditCode
    if (!read || !code || code.misread === true || !normaliseUscc(code.value).startsWith('92')) continue
    const field = (f: ExtractedField | undefined): string | null => (f && f.misread !== true ? present(f.value) : null)
    return { name: field(read.fields.entityName), operator: field(read.fields.legalRepresentative), document: index }
  }
  return null
}

/** A sole trader's name is no 字号 when it is a placeholder (*, 无 …) or the operator's own name. */
function isNoBrand(ctx: RuleContext, name: string | null, operator: string | null): boolean {
  const n = stripSpaces(name ?? '')
  return ctx.catalogue.words.individualBusinessNoBrandMarkers.includes(n) || (operator !== null && nameKey(n) === nameKey(operator))
}

const individualBusinessNoBrand: Check = (ctx) => {
  const s = ctx.case.sponsor
  const words = ctx.catalogue.words
  if (ctx.sponsorType?.name === '企业') {
    const code = present(s.certificateNumber)
    if (code === null || !normaliseUscc(code).startsWith('92')) return []
    const name = stripSpaces(s.name ?? '')
    return isNoBrand(ctx, name, present(s.legalRepresentative)) ? [{ field: 'sponsor.name', params: { name } }] : []
  }
  if (!ctx.isUnit) {
    // A 个人 filing that carries a 个体工商户 licence: without 字号 it needs the remark; with one it must file as 企业.
    const licence = soleTraderLicence(ctx)
    if (licence === null) return []
    if (!isNoBrand(ctx, licence.name, licence.operator))
      return [{ field: 'sponsor.type', params: { name: licence.name ?? '' }, variant: 'has-brand', document: licence.document }]
    if (!(ctx.case.remark ?? '').includes(words.individualBusinessRemark)) return [{ field: 'remark', params: {}, variant: 'remark' }]
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
