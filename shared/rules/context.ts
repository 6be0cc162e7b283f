/**
 * What a rule check sees: the case plus the facts derived once from it (which province, which
 * sponsor type, who the people are), so the checks stay short and agree with each other.
 */
import type { IsoDate } from '../dates/iso-date'
import type { Case, Person } from '../model/case'
import { isBlank, stripSpaces } from '../text/normalise'
import type { Catalogue, FilingType, SponsorType } from './catalogue'

export type Params = Readonly<Record<string, string | number>>

/** One finding before its messages are filled in: where it points and with what values. */
export interface Hit {
  /** Field path such as `websites[0].manager.mobile`, or null for the whole case. */
  readonly field: string | null
  readonly params?: Params
  /** A message set other than `default` in the rule's catalogue entry. */
  readonly variant?: string
  /** Index into case.documents when the finding is about one document. */
  readonly document?: number
}

export type Check = (ctx: RuleContext) => Hit[]

export interface ProvinceRef {
  readonly prefix: string
  readonly short: string
  readonly full: string
}

/** A person in the case (the principal or a website manager) with how to name them. */
export interface PersonRef {
  readonly person: Person
  /** `principal` or `websites[1].manager`. */
  readonly path: string
  readonly who: string
  readonly whoEn: string
}

/** Facts about files the caller looked up; the engine itself never touches a file system. */
export interface FileFacts {
  /** The document's file is there, inside the case folder, and a regular file. */
  exists(file: string): boolean
  /**
   * False when the path, once links are followed, leads outside the case folder (a link to another
   * folder, to /dev/zero …); such a file is never read. Optional: callers without a file system omit it.
   */
  inside?(file: string): boolean
  /**
   * False when the file exists but cannot be opened for reading (no permission): pack would refuse
   * it, so check says so too. Optional, like `inside`.
   */
  readable?(file: string): boolean
}

/**
 * Another case in the same workspace, for the rules across cases (one filing in flight per sponsor,
 * one person per phone and ID number). The caller loads them; `open` is false once a case is filed or
 * abandoned, as the caller knows it (exported, archived …).
 */
export interface WorkspaceCase {
  /** Folder name or id, shown to the user. */
  readonly id: string
  readonly case: Case
  readonly open: boolean
}

export interface RuleContext {
  readonly case: Case
  /** The date validity is measured from: the submission date. */
  readonly date: IsoDate
  readonly catalogue: Catalogue
  readonly province: ProvinceRef | null
  readonly sponsorType: SponsorType | null
  readonly filingType: FilingType | null
  /** True for every sponsor type but 个人 (and when the type is not yet chosen). */
  readonly isUnit: boolean
  readonly people: readonly PersonRef[]
  readonly files: FileFacts | undefined
  /** The workspace's other cases; empty when the caller did not pass them (the rules across cases then stay silent). */
  readonly workspace: readonly WorkspaceCase[]
  siteLabel(index: number): { site: string; siteEn: string }
}

/** 广东, 广东省 and 广东 省 all name the same province. */
export function findProvince(catalogue: Catalogue, value: string | null): ProvinceRef | null {
  if (isBlank(value)) return null
  const v = stripSpaces(value as string)
  const hit = catalogue.provinces.find(([, short, full]) => v === short || v === full || v === `${short}省` || v === `${short}市`)
  return hit ? { prefix: hit[0], short: hit[1], full: hit[2] } : null
}

export function buildContext(
  c: Case,
  date: IsoDate,
  catalogue: Catalogue,
  files?: FileFacts,
  workspace: readonly WorkspaceCase[] = [],
): RuleContext {
  const sponsorType = catalogue.sponsorTypes.find((t) => t.name === stripSpaces(c.sponsor.type ?? '')) ?? null
  const filingType = catalogue.filingTypes.find((t) => t.name === stripSpaces(c.filingType ?? '')) ?? null
  const people: PersonRef[] = [
    { person: c.principal, path: 'principal', who: '主体负责人', whoEn: 'The principal' },
    ...c.websites.map((w, i) => ({
      person: w.manager,
      path: `websites[${i}].manager`,
      who: `网站${i + 1}的负责人`,
      whoEn: `Website ${i + 1}'s manager`,
    })),
  ]
  return {
    case: c,
    date,
    catalogue,
    province: findProvince(catalogue, c.province),
    sponsorType,
    filingType,
    isUnit: sponsorType ? sponsorType.unit : stripSpaces(c.sponsor.type ?? '') !== '个人',
    people,
    files,
    workspace,
    siteLabel(index) {
      const name = c.websites[index]?.name
      const named = isBlank(name) ? '' : `“${name}”`
      return { site: `网站${index + 1}${named}`, siteEn: `Website ${index + 1}${isBlank(name) ? '' : ` "${name}"`}` }
    },
  }
}

/** A non-blank trimmed value, or null: checks skip blanks (field-missing reports them). */
export function present(value: string | null | undefined): string | null {
  return isBlank(value) ? null : (value as string).trim()
}
