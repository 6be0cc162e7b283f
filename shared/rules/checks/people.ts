/**
 * The people of a filing: the 主体负责人 and each website's 负责人 — their ID numbers, ages,
 * ID validity and contact details, and how they relate to one another.
 */
import { ageOn, toParts } from '../../dates/iso-date'
import { LONG_TERM } from '../../dates/parse-chinese-date'
import { normaliseEmail, normalisePhone, validateEmail, validateLandline, validateMobile, validatePhone } from '../../ids/contact'
import { correctResidentId, suggestionSentence } from '../../ids/corrector'
import { normaliseResidentId, validateResidentId } from '../../ids/resident-id'
import type { Person } from '../../model/case'
import { samePerson } from '../../model/people'
import { nameKey } from '../../text/normalise'
import { present, type Check, type Hit, type PersonRef, type RuleContext } from '../context'
import { certificateValidity, dateOrLongTerm, dateOrNull } from './dates'

/** ID types whose numbers follow GB 11643 (港澳台居民居住证 uses the same algorithm). */
const GB11643_TYPES = new Set(['居民身份证', '港澳台居民居住证'])

function usesResidentId(person: Person): boolean {
  const type = present(person.idType)
  return type === null || GB11643_TYPES.has(type)
}

/** A person with a number that passes GB 11643, with the decoded facts. */
function validId(ctx: RuleContext, person: Person) {
  const id = present(person.idNumber)
  if (id === null || !usesResidentId(person)) return null
  const r = validateResidentId(id, ctx.date)
  return r.valid && r.details ? r.details : null
}

function suggestionFor(ctx: RuleContext, value: string): { suggestion: string; suggestionEn: string } {
  return suggestionSentence(correctResidentId(value, ctx.date))
}

/** Everyone whose ID number should be checked: the people, and the sponsor of a 个人 filing. */
function idHolders(ctx: RuleContext): Array<{ who: string; whoEn: string; field: string; person: Person }> {
  const list = ctx.people.map((p) => ({ who: p.who, whoEn: p.whoEn, field: `${p.path}.idNumber`, person: p.person }))
  const s = ctx.case.sponsor
  if (!ctx.isUnit && (present(s.certificateType) === null || GB11643_TYPES.has(present(s.certificateType) as string))) {
    list.push({
      who: '主办人',
      whoEn: 'The sponsor',
      field: 'sponsor.certificateNumber',
      person: { ...ctx.case.principal, idType: s.certificateType, idNumber: s.certificateNumber },
    })
  }
  return list
}

const idNumberInvalid: Check = (ctx) =>
  idHolders(ctx).flatMap(({ who, whoEn, field, person }) => {
    const id = present(person.idNumber)
    if (id === null || !usesResidentId(person)) return []
    const r = validateResidentId(id, ctx.date)
    if (r.valid) return []
    const first = r.errors[0]
    return [
      {
        field,
        params: {
          who,
          whoEn,
          value: r.normalised,
          reason: first?.message ?? '',
          reasonEn: first?.messageEn ?? '',
          ...suggestionFor(ctx, r.normalised),
        },
      },
    ]
  })

const idAreaUnknown: Check = (ctx) =>
  idHolders(ctx).flatMap(({ who, whoEn, field, person }) => {
    const id = present(person.idNumber)
    if (id === null || !usesResidentId(person)) return []
    const r = validateResidentId(id, ctx.date)
    return r.valid && r.warnings.length > 0 ? [{ field, params: { who, whoEn, areaCode: r.normalised.slice(0, 6) } }] : []
  })

const personTooYoung: Check = (ctx) =>
  ctx.people.flatMap(({ person, path, who, whoEn }) => {
    const id = validId(ctx, person)
    if (!id) return []
    const limits = ctx.catalogue.limits.minPrincipalAge
    const minAge = (ctx.province && limits.byProvince[ctx.province.short]) ?? limits.default
    const age = ageOn(id.birthDate, ctx.date)
    const province = ctx.province?.short ?? '各省'
    const params = { who, whoEn, age, minAge, province, provinceEn: ctx.province?.short ?? 'the province' }
    if (age < minAge) return [{ field: `${path}.idNumber`, params }]
    if (age < limits.adultAge) return [{ field: `${path}.idNumber`, params, variant: 'minor' }]
    return []
  })

function validityHits(ctx: RuleContext, state: 'expired' | 'expires-soon'): Hit[] {
  return ctx.people.flatMap(({ person, path, who, whoEn }) => {
    const validTo = dateOrLongTerm(person.idValidTo)
    if (validTo === null || certificateValidity(ctx, validTo) !== state) return []
    return [
      {
        field: `${path}.idValidTo`,
        params: { who, whoEn, validTo, date: ctx.date, months: ctx.catalogue.limits.certificateMinValidityMonths.value },
      },
    ]
  })
}

function yearsLabel(years: number | null): { zh: string; en: string } {
  return years === null ? { zh: '长期', en: 'long-term' } : { zh: `${years}年`, en: `${years} years` }
}

const idValiditySpan: Check = (ctx) =>
  ctx.people.flatMap(({ person, path, who, whoEn }): Hit[] => {
    const from = dateOrNull(person.idValidFrom)
    const to = dateOrLongTerm(person.idValidTo)
    if (from === null || to === null || !usesResidentId(person)) return []
    const field = `${path}.idValidTo`
    const base = { who, whoEn, from, to }
    let years: number | null = null
    if (to !== LONG_TERM) {
      const f = toParts(from)
      const t = toParts(to)
      if (!f || !t) return []
      const sameDay = f.month === t.month && (f.day === t.day || (f.month === 2 && f.day === 29 && (t.day === 28 || t.day === 29)))
      const marchFirst = f.month === 2 && f.day === 29 && t.month === 3 && t.day === 1
      years = t.year - f.year
      if (to <= from) return [{ field, params: { ...base, reason: '结束日期不晚于开始日期', reasonEn: 'the end is not after the start' } }]
      if (!sameDay && !marchFirst)
        return [
          {
            field,
            params: {
              ...base,
              reason: '结束日期的月、日应与开始日期相同',
              reasonEn: 'the end date must keep the start date’s month and day',
            },
          },
        ]
      if (![5, 10, 20].includes(years))
        return [
          {
            field,
            params: {
              ...base,
              reason: `有效期只能是5年、10年、20年或长期，这里是${years}年`,
              reasonEn: `validity is 5, 10 or 20 years or long-term, not ${years}`,
            },
          },
        ]
    }
    const id = validId(ctx, person)
    if (!id) return []
    if (from < id.birthDate)
      return [{ field, params: { ...base, reason: '有效期开始早于出生日期', reasonEn: 'the validity starts before the birth date' } }]
    const age = ageOn(id.birthDate, from)
    const band = ctx.catalogue.limits.idValidityYearsByAge.bands.find((b) => age <= b.maxAge)
    if (!band || band.years === years) return []
    const actual = yearsLabel(years)
    const expected = yearsLabel(band.years)
    return [
      {
        field,
        variant: 'age-band',
        params: { ...base, age, years: actual.zh, yearsEn: actual.en, expected: expected.zh, expectedEn: expected.en },
      },
    ]
  })

const phoneInvalid: Check = (ctx) =>
  ctx.people.flatMap(({ person, path }) => {
    const hits: Hit[] = []
    const mobile = present(person.mobile)
    if (mobile !== null) {
      const r = validateMobile(mobile)
      if (!r.valid)
        hits.push({
          field: `${path}.mobile`,
          params: { value: mobile, reason: r.errors[0]?.message ?? '', reasonEn: r.errors[0]?.messageEn ?? '' },
        })
    }
    const emergency = present(person.emergencyPhone)
    if (emergency !== null) {
      const r = validatePhone(emergency)
      if (!r.valid)
        hits.push({
          field: `${path}.emergencyPhone`,
          params: { value: emergency, reason: r.errors[0]?.message ?? '', reasonEn: r.errors[0]?.messageEn ?? '' },
        })
    }
    const office = present(person.officePhone)
    if (office !== null) {
      const r = validateLandline(office)
      if (!r.valid)
        hits.push({
          field: `${path}.officePhone`,
          params: { value: office, reason: r.errors[0]?.message ?? '', reasonEn: r.errors[0]?.messageEn ?? '' },
        })
    }
    return hits
  })

const emailInvalid: Check = (ctx) =>
  ctx.people.flatMap(({ person, path }) => {
    const email = present(person.email)
    return email !== null && !validateEmail(email).valid ? [{ field: `${path}.email`, params: { value: email } }] : []
  })

function pairs(people: readonly PersonRef[]): Array<[PersonRef, PersonRef]> {
  const out: Array<[PersonRef, PersonRef]> = []
  for (let i = 0; i < people.length; i += 1)
    for (let j = i + 1; j < people.length; j += 1) out.push([people[i] as PersonRef, people[j] as PersonRef])
  return out
}

function duplicateContact(key: 'mobile' | 'email', normalise: (v: string) => string): Check {
  return (ctx) =>
    pairs(ctx.people).flatMap(([a, b]) => {
      const va = present(a.person[key])
      const vb = present(b.person[key])
      if (va === null || vb === null || samePerson(a.person, b.person) || normalise(va) !== normalise(vb)) return []
      return [{ field: `${b.path}.${key}`, params: { whoA: a.who, whoAEn: a.whoEn, whoB: b.who, whoBEn: b.whoEn, value: vb } }]
    })
}

/** The contacts an emergency number may not repeat, with how to name them. */
const CONTACTS: ReadonlyArray<readonly [keyof Person & string, string, string]> = [
  ['mobile', '手机号码', 'mobile'],
  ['officePhone', '办公电话', 'office phone'],
  ['emergencyPhone', '应急联系电话', 'emergency phone'],
]

/**
 * 「应急号码也不得与主体负责人的所有联系方式重复」: an emergency number may repeat no one's mobile or
 * office phone (one's own included), nor the principal's own emergency number.
 */
const emergencyPhoneDuplicate: Check = (ctx) =>
  ctx.people.flatMap(({ person, path, who, whoEn }) => {
    const emergency = present(person.emergencyPhone)
    if (emergency === null) return []
    const key = normalisePhone(emergency)
    for (const other of ctx.people) {
      for (const [contact, label, labelEn] of CONTACTS) {
        if (contact === 'emergencyPhone' && (other.path !== 'principal' || other.path === path || samePerson(other.person, person)))
          continue
        const value = present(other.person[contact] as string | null)
        if (value === null || normalisePhone(value) !== key) continue
        const self = other.path === path
        return [
          {
            field: `${path}.emergencyPhone`,
            params: {
              who,
              whoEn,
              value: emergency,
              other: self ? '本人' : other.who,
              otherEn: self ? 'their own' : `${other.whoEn}'s`,
              contact: label,
              contactEn: labelEn,
            },
          },
        ]
      }
    }
    return []
  })

const COMPARED: ReadonlyArray<readonly [keyof Person & string, string, string, (v: string) => string]> = [
  ['name', '姓名', 'name', nameKey],
  ['idType', '证件类型', 'ID type', (v) => v.trim()],
  ['idValidFrom', '证件有效期起', 'ID valid from', (v) => v.trim()],
  ['idValidTo', '证件有效期至', 'ID valid to', (v) => v.trim()],
  ['mobile', '手机号码', 'mobile', normalisePhone],
  ['emergencyPhone', '应急联系电话', 'emergency phone', normalisePhone],
  ['officePhone', '办公电话', 'office phone', normalisePhone],
  ['email', '电子邮箱', 'e-mail', normaliseEmail],
]

const samePersonInconsistent: Check = (ctx) => {
  const hits: Hit[] = []
  for (const [a, b] of pairs(ctx.people)) {
    const ia = present(a.person.idNumber)
    const ib = present(b.person.idNumber)
    if (ia === null || ib === null || normaliseResidentId(ia) !== normaliseResidentId(ib)) continue
    for (const [key, label, labelEn, norm] of COMPARED) {
      const va = present(a.person[key] as string | null)
      const vb = present(b.person[key] as string | null)
      if (va === null || vb === null || norm(va) === norm(vb)) continue
      hits.push({
        field: `${b.path}.${key}`,
        params: { whoA: a.who, whoAEn: a.whoEn, whoB: b.who, whoBEn: b.whoEn, field: label, fieldEn: labelEn, a: va, b: vb },
      })
    }
  }
  // In a 个人 filing the sponsor *is* the principal.
  if (!ctx.isUnit) {
    const s = ctx.case.sponsor
    const p = ctx.case.principal
    const checks: Array<[string, string, string, string | null, string | null, (v: string) => string]> = [
      ['sponsor.name', '姓名', 'name', present(s.name), present(p.name), nameKey],
      ['sponsor.certificateNumber', '证件号码', 'ID number', present(s.certificateNumber), present(p.idNumber), normaliseResidentId],
    ]
    for (const [field, label, labelEn, a, b, norm] of checks) {
      if (a === null || b === null || norm(a) === norm(b)) continue
      hits.push({ field, variant: 'individual', params: { field: label, fieldEn: labelEn, a, b } })
    }
  }
  return hits
}

const residencePermitMissing: Check = (ctx) => {
  if (ctx.isUnit || ctx.province?.short !== '广东') return []
  const id = validId(ctx, ctx.case.principal)
  if (!id || id.areaCode.startsWith('44') || id.residencePermit) return []
  if (ctx.case.documents.some((d) => d.role === 'residence-permit')) return []
  return [{ field: 'principal.idNumber', params: { area: id.area ?? id.areaCode } }]
}

export const peopleChecks: Record<string, Check> = {
  'id-number-invalid': idNumberInvalid,
  'id-area-unknown': idAreaUnknown,
  'person-too-young': personTooYoung,
  'id-expired': (ctx) => validityHits(ctx, 'expired'),
  'id-expires-soon': (ctx) => validityHits(ctx, 'expires-soon'),
  'id-validity-span-invalid': idValiditySpan,
  'phone-invalid': phoneInvalid,
  'email-invalid': emailInvalid,
  'phone-duplicate-persons': duplicateContact('mobile', normalisePhone),
  'email-duplicate-persons': duplicateContact('email', normaliseEmail),
  'emergency-phone-duplicate': emergencyPhoneDuplicate,
  'same-person-inconsistent': samePersonInconsistent,
  'residence-permit-missing': residencePermitMissing,
}
