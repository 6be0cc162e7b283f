/**
 * Choices offered by the form, read from the same data files the rules use, so the form can never
 * offer a value the rules do not know. Values stay Chinese (that is what the filing system takes);
 * the English label is shown beside them where the data has one.
 */
import fieldsData from '../../../shared/data/fields.json' with { type: 'json' }
import filingTypesData from '../../../shared/data/filing-types.json' with { type: 'json' }
import preApprovalsData from '../../../shared/data/pre-approvals.json' with { type: 'json' }
import provincesData from '../../../shared/data/provinces.json' with { type: 'json' }
import sponsorTypesData from '../../../shared/data/sponsor-types.json' with { type: 'json' }
import type { Language } from '../../../shared/i18n/language'

/** One choice: the stored value and what the user reads. */
export interface Option {
  readonly value: string
  readonly label: string
}

const both = (zh: string, en: string | undefined, language: Language) => (language === 'en' && en ? `${zh} · ${en}` : zh)

/** Provinces by the short names the filing system uses (广东, not 广东省). */
export function provinceOptions(): Option[] {
  return provincesData.provinces.map(([, short]) => ({ value: short ?? '', label: short ?? '' }))
}

/** 首次备案 … 取消接入, with the English name in English mode. */
export function filingTypeOptions(language: Language): Option[] {
  return filingTypesData.types.map((t) => ({ value: t.name, label: both(t.name, t.nameEn, language) }))
}

/** 主办单位性质 as the MIIT system names them. */
export function sponsorTypeOptions(language: Language): Option[] {
  return sponsorTypesData.types.map((t) => ({ value: t.name, label: both(t.name, t.nameEn, language) }))
}

/** Certificate types for a sponsor type; every known type when none is chosen yet. */
export function certificateTypeOptions(sponsorType: string | null): Option[] {
  const type = sponsorTypesData.types.find((t) => t.name === sponsorType)
  const names = type ? type.certificateTypes : [...new Set(sponsorTypesData.types.flatMap((t) => t.certificateTypes))]
  return names.map((name) => ({ value: name, label: name }))
}

/** Identity documents a person can file with (those of the 个人 sponsor type). */
export function idTypeOptions(): Option[] {
  return certificateTypeOptions('个人')
}

/** 前置审批 categories and the certificates each needs. */
export function preApprovalCategories(): ReadonlyArray<{ category: string; certificates: readonly string[] }> {
  return preApprovalsData.categories
}

/** True when the sponsor type files as a unit (every type but 个人; unknown counts as a unit). */
export function isUnitType(sponsorType: string | null): boolean {
  const type = sponsorTypesData.types.find((t) => t.name === sponsorType)
  return type ? type.unit : sponsorType !== '个人'
}

/** Whether a field is required for this kind of sponsor, from fields.json. */
export function isRequired(fieldPath: string, unit: boolean): boolean {
  const generic = fieldPath.replace(/\[\d+\]/g, '[]')
  const def = fieldsData.fields.find((f) => f.path === generic)
  if (!def) return false
  return def.required === 'always' || (def.required === 'unit' && unit) || (def.required === 'individual' && !unit)
}

/** A field's label from fields.json (主体负责人手机号码), both languages; the path itself when unknown. */
export function fieldLabel(fieldPath: string): { zh: string; en: string } {
  const generic = fieldPath.replace(/\[\d+\]/g, '[]')
  const def = fieldsData.fields.find((f) => f.path === generic)
  const site = /^websites\[(\d+)\]/.exec(fieldPath)
  const n = site ? Number(site[1]) + 1 : null
  if (!def) return { zh: fieldPath, en: fieldPath }
  return { zh: `${n !== null ? `网站 ${n} ` : ''}${def.label}`, en: `${n !== null ? `website ${n} ` : ''}${def.labelEn}` }
}

/** The options plus the current value when the data does not list it, so nothing typed is lost. */
export function withCurrent(options: Option[], current: string): Option[] {
  if (current === '' || options.some((o) => o.value === current)) return options
  return [{ value: current, label: current }, ...options]
}
