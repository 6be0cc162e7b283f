/**
 * What stops a letter from being generated, and what generation reports.
 *
 * The case is judged by the rule catalogue itself (so a wrong credit code is `uscc-invalid`
 * here exactly as in `icp-prep check`), narrowed to the rules listed in letter.json's `preflight`
 * and to the fields the template prints. Generation's own findings (a glyph the font lacks, a
 * template of the wrong variant …) take their wording from letter.json too.
 */
import { z } from 'zod'
import letterRules from '../data/rules/letter.json' with { type: 'json' }
import type { IsoDate } from '../dates/iso-date'
import type { Case } from '../model/case'
import { RuleDefinition } from '../rules/catalogue'
import { findProvince } from '../rules/context'
import { defaultCatalogue } from '../rules/catalogue'
import { checkCase, type Finding } from '../rules/engine'
import { variantForSponsorType, type LetterTemplate } from './template'
import { letterFieldPaths } from './values'

const LetterData = z.object({
  preflight: z.object({ source: z.string().min(10), rules: z.array(z.string()).min(1) }),
  generation: z.array(RuleDefinition),
})
const DATA = LetterData.parse(letterRules)

export type GenerationCode =
  'letter-glyph-missing' | 'letter-template-variant' | 'letter-province' | 'letter-layout-overflow' | 'letter-wording-ours'

/** The catalogue rule codes that can refuse a letter (letter.json `preflight.rules`). */
export const PREFLIGHT_RULES: readonly string[] = DATA.preflight.rules

/** The codes generation itself reports, with their data. */
export const GENERATION_RULES: readonly RuleDefinition[] = DATA.generation

/** A finding of generation, worded from letter.json. */
export function generationFinding(code: GenerationCode, field: string | null, params: Readonly<Record<string, string | number>>): Finding {
  const rule = GENERATION_RULES.find((r) => r.code === code)
  if (!rule) throw new Error(`letter.json has no generation rule ${code}`)
  const set = rule.messages.default
  const fill = (s: string): string => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')).trim()
  return {
    rule: code,
    severity: set.severity ?? rule.severity,
    field,
    message: fill(set.message),
    messageEn: fill(set.messageEn),
    fix: fill(set.fix),
    fixEn: fill(set.fixEn),
    source: rule.source,
  }
}

const VARIANT_LABEL = { unit: '单位', individual: '个人' } as const
const VARIANT_LABEL_EN = { unit: 'unit', individual: 'personal' } as const

export interface PreflightOptions {
  readonly today: IsoDate
  /** The letter's date when given explicitly (the CLI's --date). */
  readonly date?: IsoDate
}

/**
 * Findings that concern the letter for this case and template: the catalogue's findings on the
 * fields the letter prints, a template of the wrong variant, and a province the template is not
 * for. Any error here means: do not print.
 */
export function letterPreflight(c: Case, t: LetterTemplate, options: PreflightOptions): Finding[] {
  const fields = new Set(letterFieldPaths(t, c))
  if (options.date === undefined) fields.add('submissionDate')
  const findings = checkCase(c, { today: options.today, ...(options.date ? { date: options.date } : {}) }).filter(
    (f) => PREFLIGHT_RULES.includes(f.rule) && f.field !== null && fields.has(f.field),
  )
  const variant = variantForSponsorType(c.sponsor.type)
  if (t.variant !== variant) {
    findings.push(
      generationFinding('letter-template-variant', 'sponsor.type', {
        template: t.id,
        templateVariant: VARIANT_LABEL[t.variant],
        templateVariantEn: VARIANT_LABEL_EN[t.variant],
        type: c.sponsor.type ?? '',
        variant: VARIANT_LABEL[variant],
        variantEn: VARIANT_LABEL_EN[variant],
      }),
    )
  }
  const catalogue = defaultCatalogue()
  const province = findProvince(catalogue, c.province)
  const templateProvince = findProvince(catalogue, t.province)
  if (province && templateProvince && province.prefix !== templateProvince.prefix) {
    findings.push(generationFinding('letter-province', 'province', { province: province.short, templateProvince: templateProvince.short }))
  }
  return findings
}

/** Labels for the letter variants, for messages. */
export function variantLabel(v: LetterTemplate['variant']): { zh: string; en: string } {
  return { zh: VARIANT_LABEL[v], en: VARIANT_LABEL_EN[v] }
}
