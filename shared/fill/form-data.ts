/**
 * The providers' web forms (providers.json `providers[].form`): for each provider, the groups of
 * its 备案信息 form (主办单位信息, 主体负责人信息, 网站信息 …) with each field's console label and the
 * case path it is filled from. Validated at load like the other data files: a label without a
 * case field, a website field in a case group or an unknown provider fails loudly in tests.
 */
import { z } from 'zod'
import providersData from '../data/providers.json' with { type: 'json' }
import { defaultCatalogue, type Catalogue } from '../rules/catalogue'

/** Case paths a form may name besides the field table (fields.json): lists shown joined. */
const EXTRA_PATHS: ReadonlySet<string> = new Set(['websites[].serviceContent'])

/** Where a group repeats: once per case, once per website, once per pre-approval of a website. */
export const FORM_SCOPES = ['case', 'website', 'pre-approval'] as const
export type FormScope = (typeof FORM_SCOPES)[number]

const FormField = z.strictObject({ label: z.string().min(1).max(40), path: z.string().min(1) })
const FormGroup = z.strictObject({
  group: z.string().min(1),
  groupEn: z.string().min(1),
  scope: z.enum(FORM_SCOPES),
  fields: z.array(FormField).min(1),
})
const ProviderForm = z.strictObject({
  /** The help page it restates (title, address) and how far the order is verified. */
  source: z.string().min(20),
  /** What of this form is verified, each with where from. */
  verified: z.array(z.string().min(10)),
  groups: z.array(FormGroup).min(1),
})
export type ProviderForm = z.infer<typeof ProviderForm>
export type FormGroup = z.infer<typeof FormGroup>

const FormsFile = z.object({
  formSource: z.string().min(20),
  providers: z.array(z.looseObject({ name: z.string(), label: z.string(), labelEn: z.string(), form: ProviderForm })).min(1),
})

/** One provider's form with the provider's name and labels. */
export interface ProviderFormEntry {
  readonly name: string
  readonly label: string
  readonly labelEn: string
  readonly form: ProviderForm
}

function scopeOf(path: string): FormScope {
  if (path.startsWith('websites[].preApprovals[].')) return 'pre-approval'
  return path.startsWith('websites[].') ? 'website' : 'case'
}

/** Parses the forms and checks every path against the field table; throws naming the problem. */
export function loadProviderForms(data: unknown = providersData, catalogue: Catalogue = defaultCatalogue()): ProviderFormEntry[] {
  const parsed = FormsFile.safeParse(data)
  if (!parsed.success)
    throw new Error(
      `shared/data/providers.json is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    )
  const known = new Set([...catalogue.fields.map((f) => f.path), ...EXTRA_PATHS])
  const problems: string[] = []
  for (const p of parsed.data.providers) {
    const seen = new Set<string>()
    p.form.groups.forEach((g, gi) =>
      g.fields.forEach((f, fi) => {
        const at = `providers.${p.name}.form.groups[${gi}].fields[${fi}]`
        if (!known.has(f.path)) problems.push(`${at}: ${f.path} is not a case field (fields.json)`)
        if (scopeOf(f.path) !== g.scope) problems.push(`${at}: ${f.path} does not belong in a ${g.scope} group`)
        if (seen.has(f.path)) problems.push(`${at}: ${f.path} is listed twice`)
        seen.add(f.path)
      }),
    )
  }
  if (problems.length > 0) throw new Error(`shared/data/providers.json is invalid: ${problems.join('; ')}`)
  return parsed.data.providers.map((p) => ({ name: p.name, label: p.label, labelEn: p.labelEn, form: p.form }))
}

let bundled: ProviderFormEntry[] | undefined

/** The bundled forms, parsed on first use. */
export function providerForms(): readonly ProviderFormEntry[] {
  bundled ??= loadProviderForms()
  return bundled
}
