/**
 * Filing rules that differ by province or reach beyond one field (rules/filing.json): other ID
 * documents' number formats, 法人授权书 for website managers, the 通信地址 (and its city where the
 * province asks), the 办公电话's area code, 前置审批 certificates by province, the domain holder's
 * real-name identity, a personal website's 网站服务内容, Guangdong's extra materials, and the
 * rules across the cases of a workspace.
 */
import areaCodes from '../../data/phone-area-codes.json' with { type: 'json' }
import { isOpenCase } from '../../filing/status'
import { landlineAreaCode, normalisePhone } from '../../ids/contact'
import { idDocumentFormat, isIdDocumentNumber, normaliseIdDocumentNumber } from '../../ids/id-document'
import { normaliseResidentId } from '../../ids/resident-id'
import { normaliseUscc } from '../../ids/uscc'
import type { Case, Person } from '../../model/case'
import { provinceOfAddress } from '../../text/address'
import { nameKey, stripSpaces, toHalfWidth } from '../../text/normalise'
import { ruleList } from '../catalogue'
import { present, type Check, type Hit, type RuleContext } from '../context'

const CODES: Readonly<Record<string, string>> = areaCodes.codes
const KNOWN_CODES = Object.keys(CODES).sort((a, b) => b.length - a.length)

/** Everyone with an ID type and number: the people, and the sponsor of a 个人 filing. */
function holders(ctx: RuleContext): Array<{ who: string; whoEn: string; typeField: string; type: string | null; number: string | null }> {
  const list = ctx.people.map((p) => ({
    who: p.who,
    whoEn: p.whoEn,
    typeField: `${p.path}.idNumber`,
    type: present(p.person.idType),
    number: present(p.person.idNumber),
  }))
  if (!ctx.isUnit)
    list.push({
      who: '主办人',
      whoEn: 'The sponsor',
      typeField: 'sponsor.certificateNumber',
      type: present(ctx.case.sponsor.certificateType),
      number: present(ctx.case.sponsor.certificateNumber),
    })
  return list
}

const idDocumentNumberInvalid: Check = (ctx) =>
  holders(ctx).flatMap(({ who, whoEn, typeField, type, number }): Hit[] => {
    if (type === null || number === null) return []
    const format = idDocumentFormat(type)
    if (!format || isIdDocumentNumber(type, number)) return []
    return [
      {
        field: typeField,
        params: {
          who,
          whoEn,
          type,
          value: normaliseIdDocumentNumber(number),
          describe: format.describe,
          describeEn: format.describeEn,
          example: format.example,
        },
      },
    ]
  })

/** In these provinces a website manager who is not the legal representative needs the 法人授权书. */
const managerAuthorisationMissing: Check = (ctx) => {
  if (!ctx.isUnit) return []
  const legalRep = present(ctx.case.sponsor.legalRepresentative)
  if (legalRep === null) return []
  return ctx.case.websites.flatMap((w, i): Hit[] => {
    const manager = present(w.manager.name)
    if (manager === null || nameKey(manager) === nameKey(legalRep)) return []
    const letter = ctx.case.documents.some((d) => d.role === 'authorisation-letter' && (d.website === undefined || d.website === i))
    if (letter) return []
    return [
      {
        field: `websites[${i}].manager.name`,
        params: { ...ctx.siteLabel(i), manager, legalRep, province: ctx.province?.short ?? '' },
      },
    ]
  })
}

/** A door, room or building number: 15号, 1201室, B栋, 3单元, 12层, 8楼 … or an address ending in a number. */
const DOOR = /([0-9０-９一二三四五六七八九十百零〇]+|[A-Za-z])\s*(号|室|栋|幢|单元|层|楼|座|户|铺|档|房|间)|[0-9]{2,}\s*$|[0-9]+-[0-9]+\s*$/

const mailingAddressIncomplete: Check = (ctx) => {
  const address = present(ctx.case.sponsor.mailingAddress)
  if (address === null || DOOR.test(toHalfWidth(address))) return []
  return [{ field: 'sponsor.mailingAddress', params: { address } }]
}

function provinceRefs(ctx: RuleContext) {
  return ctx.catalogue.provinces.map(([prefix, short, full]) => ({ prefix, short, full }))
}

const mailingAddressProvinceMismatch: Check = (ctx) => {
  const address = present(ctx.case.sponsor.mailingAddress)
  if (address === null || ctx.province === null) return []
  const provinces = provinceRefs(ctx)
  const found = provinceOfAddress(address, provinces)
  if (found === null || found === ctx.province.prefix) return []
  const name = provinces.find((p) => p.prefix === found)?.short ?? found
  return [{ field: 'sponsor.mailingAddress', params: { address, found: name, province: ctx.province.short } }]
}

/** The first of `cities` that the address names (earliest in the text), or null. */
function firstCity(address: string, cities: readonly string[]): string | null {
  const text = stripSpaces(toHalfWidth(address))
  let best: { index: number; city: string } | null = null
  for (const city of cities) {
    const index = text.indexOf(city)
    if (index >= 0 && (best === null || index < best.index)) best = { index, city }
  }
  return best?.city ?? null
}

/** In 河北, 河南 and 贵州 the 通信地址 must be in the city of the 证件住所 (the rule's lists name each province's cities). */
const mailingAddressCityMismatch: Check = (ctx) => {
  const mailing = present(ctx.case.sponsor.mailingAddress)
  const registered = present(ctx.case.sponsor.certificateAddress)
  if (mailing === null || registered === null || ctx.province === null) return []
  const cities = ruleList(ctx.catalogue, 'mailing-address-city-mismatch', ctx.province.short)
  const found = firstCity(mailing, cities)
  const city = firstCity(registered, cities)
  if (found === null || city === null || found === city) return []
  return [{ field: 'sponsor.mailingAddress', params: { address: mailing, found, city, province: ctx.province.short } }]
}

const AREA_CITIES = [...new Set(Object.values(CODES))]

/** The first city of the area-code table that an address names (earliest in the text). */
function cityOf(address: string): string | null {
  return firstCity(address, AREA_CITIES)
}

const officePhoneAreaMismatch: Check = (ctx) => {
  const address = present(ctx.case.sponsor.mailingAddress) ?? present(ctx.case.sponsor.certificateAddress)
  const city = address === null ? null : cityOf(address)
  if (city === null) return []
  return ctx.people.flatMap(({ person, path, who, whoEn }): Hit[] => {
    const office = present(person.officePhone)
    const code = office === null ? null : landlineAreaCode(office, KNOWN_CODES)
    const phoneCity = code === null ? undefined : CODES[code]
    if (phoneCity === undefined || phoneCity === city) return []
    return [{ field: `${path}.officePhone`, params: { who, whoEn, value: office as string, code: code as string, phoneCity, city } }]
  })
}

const preApprovalCertificateProvince: Check = (ctx) =>
  ctx.case.websites.flatMap((w, i) =>
    w.preApprovals.flatMap((p, j): Hit[] => {
      const category = ctx.catalogue.preApprovals.find((c) => c.category === present(p.category))
      const type = present(p.certificateType)
      if (!category || type === null) return []
      const field = `websites[${i}].preApprovals[${j}].certificateType`
      const name = type.replace(/^《|》$/g, '')
      const params = { ...ctx.siteLabel(i), category: category.category, certificate: name, province: ctx.province?.short ?? '' }
      if (!category.certificates.includes(name))
        return [{ field, params: { ...params, expected: category.certificates.join('》《') }, variant: 'other-category' }]
      const required = ctx.province ? category.provinceRequires?.[ctx.province.short] : undefined
      if (required && !required.includes(name)) return [{ field, params: { ...params, expected: required.join('》《') } }]
      if (!required && category.limitedCertificates?.includes(name)) return [{ field, params, variant: 'unconfirmed' }]
      return []
    }),
  )

/** The sponsor's certificate number in comparable form (credit code or ID number). */
function sponsorNumber(ctx: RuleContext): string | null {
  const n = present(ctx.case.sponsor.certificateNumber)
  if (n === null) return null
  return ctx.isUnit ? normaliseUscc(n) : normaliseResidentId(n)
}

const domainHolderMismatch: Check = (ctx) => {
  const sponsor = sponsorNumber(ctx)
  if (sponsor === null) return []
  // Guangdong accepts the unit's legal representative as holder (domain-owner-mismatch): their ID is the principal's when they are one.
  const legalRepId =
    ctx.isUnit &&
    ctx.province?.short === '广东' &&
    nameKey(ctx.case.principal.name ?? '') === nameKey(ctx.case.sponsor.legalRepresentative ?? '')
      ? present(ctx.case.principal.idNumber)
      : null
  return ctx.case.websites.flatMap((w, i): Hit[] => {
    const holder = present(w.domainCertificate.holderIdNumber)
    if (holder === null) return []
    const norm = ctx.isUnit ? normaliseUscc(holder) : normaliseResidentId(holder)
    if (norm === sponsor || (legalRepId !== null && normaliseResidentId(holder) === normaliseResidentId(legalRepId))) return []
    return [
      {
        field: `websites[${i}].domainCertificate.holderIdNumber`,
        params: { ...ctx.siteLabel(i), value: holder, sponsor: present(ctx.case.sponsor.certificateNumber) as string },
      },
    ]
  })
}

const domainHolderTypeMismatch: Check = (ctx) => {
  const type = present(ctx.case.sponsor.certificateType)
  if (type === null) return []
  return ctx.case.websites.flatMap((w, i): Hit[] => {
    const holderType = present(w.domainCertificate.holderIdType)
    if (holderType === null || stripSpaces(holderType) === stripSpaces(type)) return []
    // A unit's licence is often shown as 统一社会信用代码 / 组织机构代码 by registrars: the number decides, so only warn.
    return [{ field: `websites[${i}].domainCertificate.holderIdType`, params: { ...ctx.siteLabel(i), value: holderType, type } }]
  })
}

/** A personal website may only take the console's 博客/个人空间 or 其他; 其他 wants the content in the 网站备注. */
const websiteServiceContentIndividual: Check = (ctx) => {
  const allowed = ruleList(ctx.catalogue, 'website-service-content-individual', 'individualCategories')
  return ctx.case.websites.flatMap((w, i): Hit[] => {
    const chosen = w.serviceCategories.map((c) => c.trim()).filter((c) => c !== '')
    const wrong = chosen.filter((c) => !allowed.includes(c))
    const field = `websites[${i}].serviceCategories`
    if (wrong.length > 0) return [{ field, params: { ...ctx.siteLabel(i), chosen: wrong.join('、') } }]
    if (chosen.includes('其他') && present(w.remark) === null) return [{ field, params: ctx.siteLabel(i), variant: 'other-no-remark' }]
    return []
  })
}

function hasRole(ctx: RuleContext, role: string): boolean {
  return ctx.case.documents.some((d) => d.role === role)
}

function roleLabel(ctx: RuleContext, role: string): { material: string; materialEn: string } {
  const def = ctx.catalogue.documentRoles.find((r) => r.role === role)
  return { material: def?.label ?? role, materialEn: def?.labelEn ?? role }
}

const GD_MANY_ROLES = ['website-plan', 'authenticity-guarantee'] as const

const gdManyWebsitesMaterials: Check = (ctx) => {
  if (ctx.filingType !== null && !ctx.filingType.needsMaterials) return []
  const limit = ctx.catalogue.limits.gdManyWebsites
  const max = ctx.isUnit ? limit.unit : limit.individual
  const count = new Set(ctx.case.websites.map((w) => present(w.domain)).filter((d) => d !== null)).size
  if (count <= max) return []
  return GD_MANY_ROLES.filter((role) => !hasRole(ctx, role)).map((role) => ({
    field: null,
    params: { ...roleLabel(ctx, role), count, max },
  }))
}

function financeWord(ctx: RuleContext, text: string | null): string | undefined {
  if (text === null) return undefined
  const upper = text.toUpperCase()
  return ctx.catalogue.words.financeWords.find((w) => upper.includes(w.toUpperCase()))
}

const gdFinanceLetterMissing: Check = (ctx) => {
  if (ctx.filingType !== null && !ctx.filingType.needsMaterials) return []
  if (hasRole(ctx, 'finance-commitment')) return []
  const inSponsor = ctx.isUnit ? financeWord(ctx, present(ctx.case.sponsor.name)) : undefined
  const site = ctx.case.websites.map((w) => financeWord(ctx, present(w.name))).find((w) => w !== undefined)
  const word = inSponsor ?? site
  return word === undefined ? [] : [{ field: null, params: { word, ...roleLabel(ctx, 'finance-commitment') } }]
}

/** The other open cases of the workspace with the same sponsor certificate number. */
const workspaceSponsorInFlight: Check = (ctx) => {
  const mine = sponsorNumber(ctx)
  // A filed or cancelled case is not an order in flight, whatever else is open for its sponsor.
  if (mine === null || !isOpenCase(ctx.case)) return []
  const others = ctx.workspace.filter((w) => {
    const n = present(w.case.sponsor.certificateNumber)
    if (!w.open || n === null) return false
    return (ctx.isUnit ? normaliseUscc(n) : normaliseResidentId(n)) === mine
  })
  return others.length === 0 ? [] : [{ field: 'sponsor.certificateNumber', params: { cases: others.map((o) => o.id).join('、') } }]
}

function peopleOf(c: Case): Person[] {
  return [c.principal, ...c.websites.map((w) => w.manager)]
}

/** The same phone or ID number used by a different person (by name) in another case. */
const workspacePersonConflict: Check = (ctx) => {
  const hits: Hit[] = []
  for (const { person, path, who, whoEn } of ctx.people) {
    const name = present(person.name)
    if (name === null) continue
    const id = present(person.idNumber)
    const mobile = present(person.mobile)
    for (const other of ctx.workspace) {
      for (const p of peopleOf(other.case)) {
        const otherName = present(p.name)
        if (otherName === null || nameKey(otherName) === nameKey(name)) continue
        const otherId = present(p.idNumber)
        const otherMobile = present(p.mobile)
        const kind =
          id !== null && otherId !== null && normaliseResidentId(id) === normaliseResidentId(otherId)
            ? { field: `${path}.idNumber`, label: '证件号码', labelEn: 'ID number' }
            : mobile !== null && otherMobile !== null && normalisePhone(mobile) === normalisePhone(otherMobile)
              ? { field: `${path}.mobile`, label: '手机号码', labelEn: 'mobile' }
              : null
        if (kind === null || hits.some((h) => h.field === kind.field)) continue
        hits.push({
          field: kind.field,
          params: { who, whoEn, name, otherName, case: other.id, label: kind.label, labelEn: kind.labelEn },
        })
      }
    }
  }
  return hits
}

export const filingChecks: Record<string, Check> = {
  'id-document-number-invalid': idDocumentNumberInvalid,
  'manager-authorisation-missing': managerAuthorisationMissing,
  'mailing-address-incomplete': mailingAddressIncomplete,
  'mailing-address-province-mismatch': mailingAddressProvinceMismatch,
  'mailing-address-city-mismatch': mailingAddressCityMismatch,
  'office-phone-area-mismatch': officePhoneAreaMismatch,
  'preapproval-certificate-province': preApprovalCertificateProvince,
  'domain-holder-mismatch': domainHolderMismatch,
  'domain-holder-type-mismatch': domainHolderTypeMismatch,
  'website-service-content-individual': websiteServiceContentIndividual,
  'gd-many-websites-materials': gdManyWebsitesMaterials,
  'gd-finance-letter-missing': gdFinanceLetterMissing,
  'workspace-sponsor-in-flight': workspaceSponsorInFlight,
  'workspace-person-conflict': workspacePersonConflict,
}
