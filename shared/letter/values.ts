/**
 * The values a letter prints, taken from the case, and which case field each comes from.
 *
 * Knowing the field behind each placeholder is what lets the letter refuse a case with the
 * catalogue's own findings (a missing 主办单位名称 is `field-missing` on `sponsor.name`), and point a
 * glyph the font cannot print at the field a person must look at.
 */
import { formatChineseDate, type IsoDate } from '../dates/iso-date'
import { displayDomain } from '../ids/domain'
import { normaliseResidentId } from '../ids/resident-id'
import { normaliseUscc } from '../ids/uscc'
import type { Case } from '../model/case'
import { collapseSpaces, isBlank } from '../text/normalise'
import {
  placeholdersIn,
  templateTexts,
  variantForSponsorType,
  type CasePlaceholder,
  type LetterTemplate,
  type WebsitePlaceholder,
} from './template'

/** The case field behind each placeholder (`[]` = every website); null for computed values. */
export const PLACEHOLDER_FIELDS: Readonly<Record<CasePlaceholder | WebsitePlaceholder, string | null>> = {
  sponsorName: 'sponsor.name',
  sponsorType: 'sponsor.type',
  certificateType: 'sponsor.certificateType',
  certificateNumber: 'sponsor.certificateNumber',
  legalRepresentative: 'sponsor.legalRepresentative',
  principalName: 'principal.name',
  websiteCount: 'websites',
  date: null,
  index: null,
  websiteName: 'websites[].name',
  domain: 'websites[].domain',
  homepage: 'websites[].homepage',
  managerName: 'websites[].manager.name',
}

export type CaseValues = Readonly<Record<CasePlaceholder, string>>
export type WebsiteValues = Readonly<Record<WebsitePlaceholder, string>>

export interface LetterValues {
  readonly case: CaseValues
  readonly websites: readonly WebsiteValues[]
}

const text = (v: string | null | undefined): string => (isBlank(v) ? '' : collapseSpaces(v as string))

/** The certificate number as the filing spells it: credit codes and ID numbers upper-case, no spaces. */
function certificateNumber(c: Case): string {
  const raw = text(c.sponsor.certificateNumber)
  if (raw === '') return ''
  return variantForSponsorType(c.sponsor.type) === 'individual' ? normaliseResidentId(raw) : normaliseUscc(raw)
}

/** Every value the letter can print for this case, on this date. Blank fields stay blank. */
export function letterValues(c: Case, date: IsoDate): LetterValues {
  return {
    case: {
      sponsorName: text(c.sponsor.name),
      sponsorType: text(c.sponsor.type),
      certificateType: text(c.sponsor.certificateType),
      certificateNumber: certificateNumber(c),
      legalRepresentative: text(c.sponsor.legalRepresentative),
      principalName: text(c.principal.name),
      websiteCount: String(c.websites.length),
      date: formatChineseDate(date),
    },
    websites: c.websites.map((w, i) => ({
      index: String(i + 1),
      websiteName: text(w.name),
      domain: isBlank(w.domain) ? '' : displayDomain(w.domain as string),
      homepage: text(w.homepage),
      managerName: text(w.manager.name),
    })),
  }
}

/** Concrete field paths the template prints for this case (`websites[1].name` …), in template order. */
export function letterFieldPaths(t: LetterTemplate, c: Case): string[] {
  const out = new Set<string>(['sponsor.type'])
  for (const { text: piece } of templateTexts(t)) {
    for (const name of placeholdersIn(piece)) {
      const generic = PLACEHOLDER_FIELDS[name as CasePlaceholder | WebsitePlaceholder]
      if (generic === null || generic === undefined) continue
      if (!generic.includes('[]')) out.add(generic)
      else c.websites.forEach((_, i) => out.add(generic.replace('[]', `[${i}]`)))
    }
  }
  // The table always lists the websites: a letter without one is not a letter for a filing.
  out.add('websites')
  return [...out]
}

/** Replaces placeholders with values; unknown names are left visible (validation refuses them earlier). */
export function fillText(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name] ?? whole)
}
