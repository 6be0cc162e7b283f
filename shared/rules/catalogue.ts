/**
 * The rule catalogue and the reference data the rules read, validated once at load.
 *
 * Everything a province, a provider or a year can change — severities, messages, thresholds,
 * word lists, required materials — lives in `shared/data/*.json` with its source, so it can be
 * corrected without touching the checks. The schemas here make a broken data file fail loudly
 * (in tests) instead of silently disabling a rule.
 */
import { z } from 'zod'
import documentRolesData from '../data/document-roles.json' with { type: 'json' }
import fieldsData from '../data/fields.json' with { type: 'json' }
import filingTypesData from '../data/filing-types.json' with { type: 'json' }
import limitsData from '../data/limits.json' with { type: 'json' }
import materialsData from '../data/materials.json' with { type: 'json' }
import preApprovalsData from '../data/pre-approvals.json' with { type: 'json' }
import provincesData from '../data/provinces.json' with { type: 'json' }
import coreRules from '../data/rules/core.json' with { type: 'json' }
import letterRules from '../data/rules/letter.json' with { type: 'json' }
import filingRules from '../data/rules/filing.json' with { type: 'json' }
import scanRules from '../data/rules/scans.json' with { type: 'json' }
import sponsorTypesData from '../data/sponsor-types.json' with { type: 'json' }
import wordsData from '../data/words.json' with { type: 'json' }

export const SEVERITIES = ['error', 'warning', 'info'] as const
export const Severity = z.enum(SEVERITIES)
export type Severity = z.infer<typeof Severity>

const Sourced = { source: z.string().min(10), updated: z.string() }

const MessageSet = z.object({
  severity: Severity.optional(),
  message: z.string().min(1),
  messageEn: z.string().min(1),
  fix: z.string().min(1),
  fixEn: z.string().min(1),
})
export type MessageSet = z.infer<typeof MessageSet>

const AppliesTo = z.object({
  provinces: z.array(z.string()).optional(),
  sponsorTypes: z.array(z.string()).optional(),
  filingTypes: z.array(z.string()).optional(),
})
export type AppliesTo = z.infer<typeof AppliesTo>

/** Where one province's version of a rule comes from, and whether its text was read (verified) or inferred. */
const ProvinceSource = z.object({ source: z.string().min(10), verified: z.boolean(), note: z.string().optional() })
export type ProvinceSource = z.infer<typeof ProvinceSource>

export const RuleDefinition = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/),
  severity: Severity,
  appliesTo: AppliesTo.optional(),
  source: z.string().min(10),
  /** False when the rule (or its province list) restates a claim its source could not be checked against. */
  verified: z.boolean().optional(),
  /** What is inferred, uncertain or left out, in plain words. */
  note: z.string().optional(),
  /** Per-province sources; a finding in that province cites its own. */
  provinceSources: z.record(z.string(), ProvinceSource).optional(),
  /** Named province lists a check reads (e.g. the provinces that accept a 法人授权书). */
  lists: z.record(z.string(), z.array(z.string())).optional(),
  messages: z.object({ default: MessageSet }).catchall(MessageSet),
})
export type RuleDefinition = z.infer<typeof RuleDefinition>

export const RuleCatalogueSchema = z.object({ ...Sourced, rules: z.array(RuleDefinition) })
export type RuleCatalogue = z.infer<typeof RuleCatalogueSchema>

const SponsorType = z.object({
  name: z.string(),
  nameEn: z.string(),
  unit: z.boolean(),
  creditCodePrefixes: z.array(z.string()),
  certificateTypes: z.array(z.string()),
  domainSuffixes: z.array(z.string()).optional(),
  principalMayBeDepartmentHead: z.boolean().optional(),
})
export type SponsorType = z.infer<typeof SponsorType>

const FilingType = z.object({ name: z.string(), nameEn: z.string(), needsMaterials: z.boolean() })
export type FilingType = z.infer<typeof FilingType>

const DocumentRole = z.object({ role: z.string(), label: z.string(), labelEn: z.string(), scope: z.enum(['case', 'website']) })
export type DocumentRole = z.infer<typeof DocumentRole>

const FieldDefinition = z.object({
  path: z.string(),
  label: z.string(),
  labelEn: z.string(),
  required: z.enum(['always', 'unit', 'individual', 'optional']),
})
export type FieldDefinition = z.infer<typeof FieldDefinition>

const Requirement = z.object({
  role: z.string(),
  scope: z.enum(['case', 'website']),
  rule: z.string(),
  when: z
    .object({ unit: z.boolean().optional(), sponsorTypes: z.array(z.string()).optional(), provinces: z.array(z.string()).optional() })
    .optional(),
})
export type Requirement = z.infer<typeof Requirement>

const Limits = z.object({
  ...Sourced,
  certificateMinValidityMonths: z.object({ value: z.number().int().positive(), source: z.string() }),
  domainMinValidityDays: z.object({
    default: z.number().int().positive(),
    byProvince: z.record(z.string(), z.number()),
    source: z.string(),
  }),
  realNameLeadWorkingDays: z.object({ value: z.number().int().nonnegative(), source: z.string() }),
  minPrincipalAge: z.object({
    default: z.number().int(),
    byProvince: z.record(z.string(), z.number()),
    adultAge: z.number().int(),
    source: z.string(),
  }),
  gdLetterRequiredSince: z.object({ value: z.string(), source: z.string() }),
  gdManyWebsites: z.object({
    unit: z.number().int().positive(),
    individual: z.number().int().positive(),
    source: z.string(),
    verified: z.boolean(),
  }),
  idValidityYearsByAge: z.object({ bands: z.array(z.object({ maxAge: z.number(), years: z.number().nullable() })), source: z.string() }),
})
export type Limits = z.infer<typeof Limits>

const Words = z.object({
  ...Sourced,
  websiteNameMinHan: z.number().int().positive(),
  forbiddenPrefixes: z.array(z.string()),
  personalSiteWords: z.array(z.string()),
  interactiveWords: z.array(z.string()),
  nameSpecialSymbols: z.string(),
  financeWords: z.array(z.string()),
  individualBusinessNoBrandMarkers: z.array(z.string()),
  individualBusinessRemark: z.string(),
})
export type Words = z.infer<typeof Words>

const PreApprovalCategory = z.object({
  category: z.string(),
  certificates: z.array(z.string()).min(1),
  keywords: z.array(z.string()),
  /** Provinces that accept only these certificates for the category. */
  provinceRequires: z.record(z.string(), z.array(z.string())).optional(),
  /** Certificates only some provinces accept (which ones is not known here): a warning outside provinceRequires. */
  limitedCertificates: z.array(z.string()).optional(),
})
export type PreApprovalCategory = z.infer<typeof PreApprovalCategory>

const Province = z.tuple([z.string().regex(/^\d{2}$/), z.string(), z.string()])

/**
 * Rule files, in the order their rules run and are listed. Each feature keeps its rules in its own
 * file (core: the form; scans: scans compared with the form; letter: the Guangdong letter; filing:
 * province-by-province filing rules, other ID documents, addresses and the workspace).
 */
const RULE_FILES: ReadonlyArray<readonly [string, unknown]> = [
  ['rules/core.json', coreRules],
  ['rules/letter.json', letterRules],
  ['rules/scans.json', scanRules],
  ['rules/filing.json', filingRules],
]

/** Everything the rules read besides the case itself. */
export interface Catalogue {
  readonly rules: readonly RuleDefinition[]
  readonly sponsorTypes: readonly SponsorType[]
  readonly filingTypes: readonly FilingType[]
  readonly documentRoles: readonly DocumentRole[]
  readonly fields: readonly FieldDefinition[]
  readonly requirements: readonly Requirement[]
  readonly limits: Limits
  readonly words: Words
  readonly preApprovals: readonly PreApprovalCategory[]
  /** [code prefix, short name, full name], e.g. ['44', '广东', '广东省']. */
  readonly provinces: ReadonlyArray<readonly [string, string, string]>
}

/** Parses the bundled data; throws with the file and path when a data file is malformed. */
export function loadCatalogue(overrides: { rules?: unknown } = {}): Catalogue {
  const parse = <T>(name: string, schema: z.ZodType<T>, data: unknown): T => {
    const r = schema.safeParse(data)
    if (!r.success)
      throw new Error(`shared/data/${name} is invalid: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    return r.data
  }
  const ruleFiles = overrides.rules !== undefined ? [['rules (override)', overrides.rules] as const] : RULE_FILES
  const rules = ruleFiles.flatMap(([name, data]) => parse(name, RuleCatalogueSchema, data).rules)
  return {
    rules,
    sponsorTypes: parse('sponsor-types.json', z.object({ ...Sourced, types: z.array(SponsorType) }), sponsorTypesData).types,
    filingTypes: parse('filing-types.json', z.object({ ...Sourced, types: z.array(FilingType) }), filingTypesData).types,
    documentRoles: parse('document-roles.json', z.object({ ...Sourced, roles: z.array(DocumentRole) }), documentRolesData).roles,
    fields: parse('fields.json', z.object({ ...Sourced, fields: z.array(FieldDefinition) }), fieldsData).fields,
    requirements: parse('materials.json', z.object({ ...Sourced, requirements: z.array(Requirement) }), materialsData).requirements,
    limits: parse('limits.json', Limits, limitsData),
    words: parse('words.json', Words, wordsData),
    preApprovals: parse('pre-approvals.json', z.object({ ...Sourced, categories: z.array(PreApprovalCategory) }), preApprovalsData)
      .categories,
    provinces: parse('provinces.json', z.object({ ...Sourced, provinces: z.array(Province) }), provincesData).provinces,
  }
}

let bundled: Catalogue | undefined

/** The bundled catalogue, parsed on first use. */
export function defaultCatalogue(): Catalogue {
  bundled ??= loadCatalogue()
  return bundled
}

/** The label of a field path such as `websites[2].manager.mobile` (indices are matched as `[]`). */
export function fieldDefinition(catalogue: Catalogue, path: string): FieldDefinition | undefined {
  const generic = path.replace(/\[\d+\]/g, '[]')
  return catalogue.fields.find((f) => f.path === generic)
}

/** A named province list of a rule (RuleDefinition.lists), empty when the rule has none. */
export function ruleList(catalogue: Catalogue, code: string, list: string): readonly string[] {
  return catalogue.rules.find((r) => r.code === code)?.lists?.[list] ?? []
}
