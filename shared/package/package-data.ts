/**
 * The data the submission package is built from — provider profiles, upload slot names, packaging
 * problem messages and report texts — validated once, so a broken data file fails loudly in tests
 * instead of producing a package with wrong limits.
 */
import { z } from 'zod'
import packageProblemsData from '../data/package-problems.json' with { type: 'json' }
import providersData from '../data/providers.json' with { type: 'json' }
import reportData from '../data/report.json' with { type: 'json' }
import uploadSlotsData from '../data/upload-slots.json' with { type: 'json' }
import { RuleCatalogueSchema, type RuleDefinition } from '../rules/catalogue'

const Sourced = { source: z.string().min(10), updated: z.string() }

/** What one provider's upload form accepts. Selectable per export (`--provider`). */
export const ProviderProfileSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  labelEn: z.string().min(1),
  /** Largest accepted file, inclusive. */
  maxBytes: z.number().int().positive(),
  /** Smallest accepted file (0: no minimum), and per upload slot where a provider sets one. */
  minBytes: z.number().int().nonnegative(),
  minBytesByRole: z.record(z.string(), z.number().int().nonnegative()),
  /** Images are scaled down to this long side at most. */
  maxLongSidePx: z.number().int().positive(),
  /** Below this long side a scan is likely refused as unclear (never enlarged: only reported). */
  minLongSidePx: z.number().int().positive(),
  acceptsPdf: z.boolean(),
  /** True when an ID card's two sides go on one image (front above back). */
  idBothSidesOneImage: z.boolean(),
  /** The provider's watermark rule, shown in the report, or null. */
  watermark: z.object({ text: z.string(), textEn: z.string() }).nullable(),
  source: z.string().min(10),
})
export type ProviderProfile = z.infer<typeof ProviderProfileSchema>

const EncodingSchema = z.object({
  qualityMax: z.number().int().min(1).max(100),
  qualityMin: z.number().int().min(1).max(100),
  qualityStep: z.number().int().min(1).max(20),
  source: z.string().min(10),
})
export type EncodingLimits = z.infer<typeof EncodingSchema>

const ProvidersSchema = z.object({
  ...Sourced,
  default: z.string(),
  encoding: EncodingSchema,
  providers: z.array(ProviderProfileSchema).min(1),
})

const SlotSchema = z.object({
  role: z.string(),
  name: z.string().min(1),
  fallbackName: z.string().optional(),
  place: z.string().min(1),
  placeEn: z.string().min(1),
  minLongSidePx: z.number().int().positive().optional(),
  idCard: z.boolean().optional(),
  mayBePdf: z.boolean().optional(),
})
export type SlotDefinition = z.infer<typeof SlotSchema>

const SideNames = z.object({ front: z.string(), back: z.string(), both: z.string() })

const UploadSlotsSchema = z.object({
  ...Sourced,
  defaultMinLongSidePx: z.number().int().positive(),
  slots: z.array(SlotSchema),
  idSides: SideNames,
  idSidesEn: SideNames,
  idTypeShortNames: z.record(z.string(), z.string()),
})
export type UploadSlots = z.infer<typeof UploadSlotsSchema>

const When = z.object({ provinces: z.array(z.string()).optional(), unit: z.boolean().optional() })

const ReportDataSchema = z.object({
  ...Sourced,
  humanChecks: z.array(
    z.object({ id: z.string(), when: When.optional(), text: z.string(), textEn: z.string(), source: z.string().min(5) }),
  ),
  /** Every text the report shows, Chinese and English (`key` and `keyEn`), with {placeholders}. */
  labels: z.record(z.string(), z.string()),
})
export type ReportData = z.infer<typeof ReportDataSchema>

/** Everything the packager reads besides the case and the rule catalogue. */
export interface PackageData {
  readonly providers: readonly ProviderProfile[]
  readonly defaultProvider: string
  readonly encoding: EncodingLimits
  readonly slots: UploadSlots
  readonly problems: readonly RuleDefinition[]
  readonly report: ReportData
}

function parse<T>(name: string, schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data)
  if (!r.success)
    throw new Error(`shared/data/${name} is invalid: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return r.data
}

/** Parses the bundled package data; throws naming the file when one is malformed. */
export function loadPackageData(): PackageData {
  const providers = parse('providers.json', ProvidersSchema, providersData)
  if (!providers.providers.some((p) => p.name === providers.default))
    throw new Error(`shared/data/providers.json is invalid: default provider ${providers.default} is not listed`)
  if (providers.encoding.qualityMin > providers.encoding.qualityMax)
    throw new Error('shared/data/providers.json is invalid: encoding.qualityMin > qualityMax')
  return {
    providers: providers.providers,
    defaultProvider: providers.default,
    encoding: providers.encoding,
    slots: parse('upload-slots.json', UploadSlotsSchema, uploadSlotsData),
    problems: parse('package-problems.json', RuleCatalogueSchema, packageProblemsData).rules,
    report: parse('report.json', ReportDataSchema, reportData),
  }
}

let bundled: PackageData | undefined

/** The bundled package data, parsed on first use. */
export function packageData(): PackageData {
  bundled ??= loadPackageData()
  return bundled
}

/** A provider profile by name (case-insensitive), or undefined for an unknown name. */
export function findProvider(name: string, data: PackageData = packageData()): ProviderProfile | undefined {
  const key = name.trim().toLowerCase()
  return data.providers.find((p) => p.name === key)
}

/** The profile used when none is chosen: the strictest one, so the package fits most consoles. */
export function defaultProvider(data: PackageData = packageData()): ProviderProfile {
  const p = findProvider(data.defaultProvider, data)
  if (!p) throw new Error(`default provider ${data.defaultProvider} missing`)
  return p
}
