/**
 * Websites: domain, homepage, domain certificate (owner and dates), site name and 前置审批.
 */
import { addDays, weekdaysBetween } from '../../dates/iso-date'
import { canonicalDomain, displayDomain, isUnderDomain, validateDomain } from '../../ids/domain'
import type { Website } from '../../model/case'
import { countHan, nameKey, stripSpaces, toHalfWidth } from '../../text/normalise'
import { present, type Check, type Hit, type RuleContext } from '../context'
import { certificateValidity, dateOrLongTerm, dateOrNull } from './dates'

function eachSite(ctx: RuleContext, fn: (w: Website, i: number, label: { site: string; siteEn: string }) => Hit[]): Hit[] {
  return ctx.case.websites.flatMap((w, i) => fn(w, i, ctx.siteLabel(i)))
}

const domainInvalid: Check = (ctx) =>
  eachSite(ctx, (w, i, label) => {
    const domain = present(w.domain)
    if (domain === null) return []
    const r = validateDomain(domain)
    const problem = r.errors[0] ?? r.warnings.find((x) => x.code === 'subdomain')
    return problem
      ? [
          {
            field: `websites[${i}].domain`,
            params: { ...label, value: displayDomain(domain), reason: problem.message, reasonEn: problem.messageEn },
          },
        ]
      : []
  })

const domainTldUnlisted: Check = (ctx) =>
  eachSite(ctx, (w, i, label) => {
    const domain = present(w.domain)
    if (domain === null) return []
    const r = validateDomain(domain)
    return r.valid && r.details && r.warnings.some((x) => x.code === 'tld-unlisted')
      ? [{ field: `websites[${i}].domain`, params: { ...label, tld: r.details.tld } }]
      : []
  })

const domainDuplicate: Check = (ctx) => {
  const seen = new Set<string>()
  return eachSite(ctx, (w, i) => {
    const domain = present(w.domain)
    if (domain === null) return []
    // 灵犀科技.中国 and xn--2qup42a3qbc8m.xn--fiqs8s are one domain.
    const key = canonicalDomain(domain)
    if (!seen.has(key)) {
      seen.add(key)
      return []
    }
    return [{ field: `websites[${i}].domain`, params: { value: displayDomain(domain) } }]
  })
}

const homepageDomainMismatch: Check = (ctx) =>
  eachSite(ctx, (w, i, label) => {
    const homepage = present(w.homepage)
    const domain = present(w.domain)
    if (homepage === null || domain === null || isUnderDomain(homepage, domain)) return []
    return [{ field: `websites[${i}].homepage`, params: { ...label, homepage, domain: displayDomain(domain) } }]
  })

const domainTldSponsorMismatch: Check = (ctx) => {
  const suffixes = ctx.sponsorType?.domainSuffixes
  if (!suffixes || suffixes.length === 0) return []
  return eachSite(ctx, (w, i, label) => {
    const domain = present(w.domain)
    if (domain === null) return []
    const d = displayDomain(domain)
    if (suffixes.some((s) => d.endsWith(`.${s}`))) return []
    const type = ctx.sponsorType as NonNullable<typeof ctx.sponsorType>
    return [
      {
        field: `websites[${i}].domain`,
        params: { ...label, value: d, type: type.name, typeEn: type.nameEn, suffixes: suffixes.map((s) => `.${s}`).join(' / ') },
      },
    ]
  })
}

const domainOwnerMismatch: Check = (ctx) => {
  const sponsor = present(ctx.case.sponsor.name)
  if (sponsor === null) return []
  const legalRep = present(ctx.case.sponsor.legalRepresentative)
  return eachSite(ctx, (w, i, label) => {
    const owner = present(w.domainCertificate.owner)
    if (owner === null) return []
    const field = `websites[${i}].domainCertificate.owner`
    const params = { ...label, owner, sponsor }
    if (stripSpaces(toHalfWidth(owner)) === stripSpaces(toHalfWidth(sponsor))) return []
    if (nameKey(owner) === nameKey(sponsor)) return [{ field, params, variant: 'brackets' }]
    if (ctx.isUnit && ctx.province?.short === '广东' && legalRep !== null && nameKey(owner) === nameKey(legalRep))
      return [{ field, params, variant: 'legal-rep' }]
    return [{ field, params }]
  })
}

function domainMinDays(ctx: RuleContext): number {
  const limits = ctx.catalogue.limits.domainMinValidityDays
  return (ctx.province && limits.byProvince[ctx.province.short]) ?? limits.default
}

const domainExpired: Check = (ctx) =>
  eachSite(ctx, (w, i, label) => {
    const expiresOn = dateOrNull(w.domainCertificate.expiresOn)
    return expiresOn !== null && expiresOn < ctx.date
      ? [{ field: `websites[${i}].domainCertificate.expiresOn`, params: { ...label, expiresOn } }]
      : []
  })

const domainExpiresSoon: Check = (ctx) => {
  const days = domainMinDays(ctx)
  return eachSite(ctx, (w, i, label) => {
    const expiresOn = dateOrNull(w.domainCertificate.expiresOn)
    if (expiresOn === null || expiresOn < ctx.date || expiresOn > addDays(ctx.date, days)) return []
    return [{ field: `websites[${i}].domainCertificate.expiresOn`, params: { ...label, expiresOn, date: ctx.date, days } }]
  })
}

const domainRegisteredAfterFiling: Check = (ctx) =>
  eachSite(ctx, (w, i, label) => {
    const filedOn = dateOrNull(w.previousFilingDate)
    const registeredOn = dateOrNull(w.domainCertificate.registeredOn)
    return filedOn !== null && registeredOn !== null && registeredOn > filedOn
      ? [{ field: `websites[${i}].domainCertificate.registeredOn`, params: { ...label, registeredOn, filedOn } }]
      : []
  })

const domainRealNameTooRecent: Check = (ctx) => {
  const required = ctx.catalogue.limits.realNameLeadWorkingDays.value
  return eachSite(ctx, (w, i, label) => {
    const verifiedOn = dateOrNull(w.domainCertificate.realNameVerifiedOn)
    if (verifiedOn === null) return []
    const workdays = weekdaysBetween(verifiedOn, ctx.date)
    return workdays < required
      ? [{ field: `websites[${i}].domainCertificate.realNameVerifiedOn`, params: { ...label, verifiedOn, workdays, required } }]
      : []
  })
}

function nameProblem(ctx: RuleContext, name: string): { reason: string; reasonEn: string } | null {
  const n = toHalfWidth(name).trim()
  const symbols = [...ctx.catalogue.words.nameSpecialSymbols]
  const symbol = [...n].find((ch) => symbols.includes(ch))
  if (/^[A-Za-z0-9\s]+$/.test(n)) return { reason: '不能只有字母或数字', reasonEn: 'it has only letters or digits' }
  if (/[a-z0-9-]+\.[a-z\u4e00-\u9fff]{2,}/i.test(n)) return { reason: '不能是域名', reasonEn: 'it looks like a domain' }
  if (symbol !== undefined) return { reason: `不能含特殊符号“${symbol}”`, reasonEn: `it contains the symbol "${symbol}"` }
  const min = ctx.catalogue.words.websiteNameMinHan
  if (countHan(n) < min) return { reason: `至少需要${min}个汉字`, reasonEn: `it needs at least ${min} Chinese characters` }
  return null
}

const websiteNameInvalid: Check = (ctx) =>
  eachSite(ctx, (w, i) => {
    const name = present(w.name)
    const problem = name === null ? null : nameProblem(ctx, name)
    return problem ? [{ field: `websites[${i}].name`, params: { name: name as string, ...problem } }] : []
  })

const websiteNameForbiddenPrefix: Check = (ctx) =>
  eachSite(ctx, (w, i) => {
    const name = present(w.name)
    const prefix = name === null ? undefined : ctx.catalogue.words.forbiddenPrefixes.find((p) => (name as string).startsWith(p))
    if (!prefix) return []
    const maybeNational =
      ctx.sponsorType?.name === '政府机关' || ctx.sponsorType?.name === '事业单位' || ctx.sponsorType?.name === '社会团体'
    return [{ field: `websites[${i}].name`, params: { name: name as string, prefix }, ...(maybeNational ? { variant: 'national' } : {}) }]
  })

function wordRule(list: (ctx: RuleContext) => readonly string[], onlyIndividuals: boolean): Check {
  return (ctx) => {
    if (onlyIndividuals && ctx.isUnit) return []
    return eachSite(ctx, (w, i) => {
      const name = present(w.name)
      const word = name === null ? undefined : list(ctx).find((x) => (name as string).includes(x))
      return word ? [{ field: `websites[${i}].name`, params: { name: name as string, word } }] : []
    })
  }
}

const preApprovalExpired: Check = (ctx) =>
  eachSite(ctx, (w, i, label) =>
    w.preApprovals.flatMap((p, j): Hit[] => {
      const validTo = dateOrLongTerm(p.validTo)
      if (validTo === null) return []
      const state = certificateValidity(ctx, validTo)
      if (state === 'ok') return []
      const params = { ...label, category: p.category ?? '', validTo, months: ctx.catalogue.limits.certificateMinValidityMonths.value }
      return [{ field: `websites[${i}].preApprovals[${j}].validTo`, params, ...(state === 'expires-soon' ? { variant: 'soon' } : {}) }]
    }),
  )

const preApprovalMissing: Check = (ctx) =>
  eachSite(ctx, (w, i, label) => {
    const hits: Hit[] = []
    const declared = new Set(w.serviceContent.map((s) => s.trim()))
    const filed = new Set(w.preApprovals.map((p) => (p.category ?? '').trim()))
    for (const cat of ctx.catalogue.preApprovals) {
      const params = { ...label, category: cat.category, certificate: cat.certificates[0] as string }
      if (declared.has(cat.category) && !filed.has(cat.category)) {
        hits.push({ field: `websites[${i}].serviceContent`, params, ...(ctx.isUnit ? {} : { variant: 'individual' }) })
        continue
      }
      const name = present(w.name)
      const word =
        name === null || declared.has(cat.category) || filed.has(cat.category)
          ? undefined
          : cat.keywords.find((k) => (name as string).includes(k))
      if (word) hits.push({ field: `websites[${i}].name`, params: { ...params, name: name as string, word }, variant: 'hint' })
    }
    w.preApprovals.forEach((p, j) => {
      const scanned = ctx.case.documents.some(
        (d) => d.role === 'pre-approval' && d.website === i && (d.preApproval === undefined || d.preApproval === j),
      )
      if (!scanned && present(p.category) !== null) {
        hits.push({
          field: `websites[${i}].preApprovals[${j}]`,
          params: { ...label, category: p.category as string, certificate: '' },
          variant: 'document',
        })
      }
    })
    return hits
  })

export const websiteChecks: Record<string, Check> = {
  'domain-invalid': domainInvalid,
  'domain-tld-unlisted': domainTldUnlisted,
  'domain-duplicate': domainDuplicate,
  'homepage-domain-mismatch': homepageDomainMismatch,
  'domain-tld-sponsor-mismatch': domainTldSponsorMismatch,
  'domain-owner-mismatch': domainOwnerMismatch,
  'domain-expired': domainExpired,
  'domain-expires-soon': domainExpiresSoon,
  'domain-registered-after-filing': domainRegisteredAfterFiling,
  'domain-realname-too-recent': domainRealNameTooRecent,
  'website-name-invalid': websiteNameInvalid,
  'website-name-forbidden-prefix': websiteNameForbiddenPrefix,
  'website-name-personal-word': wordRule((ctx) => ctx.catalogue.words.personalSiteWords, true),
  'website-name-interactive': wordRule((ctx) => ctx.catalogue.words.interactiveWords, false),
  'preapproval-expired': preApprovalExpired,
  'preapproval-missing': preApprovalMissing,
}
