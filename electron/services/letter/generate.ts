/**
 * generateLetter: the one function the CLI, the app (preview, save, print) and the package call
 * to turn a case into its commitment letter PDF: the Guangdong letter, or the letter of the filing
 * province where ICP Prep prints one (上海, 江苏 — province-letters.json).
 *
 * Refuses (pdf: null) when the case's printed fields are missing or invalid — a letter with a
 * wrong credit code is worse than none — or when text cannot be placed. Characters the font lacks
 * are printed as empty boxes to complete by hand and reported; nothing is ever silently blank.
 */
import { isIsoDate, toParts, type IsoDate } from '../../../shared/dates/iso-date'
import { layoutLetter, type LetterLayout, type MissingGlyph } from '../../../shared/letter/layout'
import { generationFinding, letterPreflight } from '../../../shared/letter/preflight'
import { scanLayout, variantForSponsorType, type LetterTemplate, type ScanLayout } from '../../../shared/letter/template'
import { letterValues, PLACEHOLDER_FIELDS } from '../../../shared/letter/values'
import type { Case } from '../../../shared/model/case'
import { defaultCatalogue, fieldDefinition } from '../../../shared/rules/catalogue'
import { hasErrors, type Finding } from '../../../shared/rules/engine'
import { todayIso } from '../clock'
import { loadLetterFonts, type LetterFonts } from './fonts'
import { renderLetterPdf } from './render-pdf'
import { loadBundledTemplate } from './templates'

export interface GenerateLetterOptions {
  /** The date printed on the letter; default the case's submission date, else today. */
  readonly date?: IsoDate
  /** A validated template (loadTemplateFile); default the bundled one for the sponsor type and province. */
  readonly template?: LetterTemplate
  /** Today, for validity rules and the default date; default the local clock. */
  readonly today?: IsoDate
  /** Preloaded fonts; default the bundled fonts, loaded once per process. */
  readonly fonts?: LetterFonts
}

export interface GeneratedLetter {
  /** The PDF, or null when an error finding refuses the letter. */
  readonly pdf: Uint8Array | null
  /** Errors first; warnings and info accompany a generated letter. */
  readonly findings: Finding[]
  readonly date: IsoDate
  readonly template: Pick<LetterTemplate, 'id' | 'version' | 'variant' | 'wording' | 'name'>
  readonly pages: number
  /** Where the signature, seal and fingerprint boxes are: what the signed-scan analysis needs. */
  readonly scanLayout: ScanLayout
}

/** The letter's date: explicit, else a valid submission date, else today. */
export function letterDate(c: Case, options: { date?: IsoDate; today: IsoDate }): IsoDate {
  if (options.date !== undefined) return options.date
  const planned = c.submissionDate?.trim()
  return planned !== undefined && isIsoDate(planned) ? planned : options.today
}

/** The case field a missing glyph belongs to: `sponsorName` → sponsor.name, `websiteName@2` → websites[2].name. */
function fieldOfSource(source: string): string | null {
  const [name, site] = source.split('@')
  const generic = PLACEHOLDER_FIELDS[name as keyof typeof PLACEHOLDER_FIELDS]
  if (generic === undefined || generic === null) return null
  return site === undefined ? generic : generic.replace('[]', `[${site}]`)
}

function glyphFindings(missing: readonly MissingGlyph[]): Finding[] {
  const seen = new Set<string>()
  const out: Finding[] = []
  for (const m of missing) {
    const field = fieldOfSource(m.source)
    const key = `${m.ch}|${field ?? m.source}`
    if (seen.has(key)) continue
    seen.add(key)
    const def = field ? fieldDefinition(defaultCatalogue(), field) : undefined
    out.push(
      generationFinding('letter-glyph-missing', field, {
        char: m.ch,
        codePoint: m.codePoint,
        where: def?.label ?? `模板文字 ${m.source}`,
        whereEn: def?.labelEn ?? `template text ${m.source}`,
      }),
    )
  }
  return out
}

const ORDER = { error: 0, warning: 1, info: 2 } as const

function sorted(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
}

/** Lays out the letter for a case without drawing it (for previews, tests and the benchmark). */
export function layoutFor(c: Case, template: LetterTemplate, date: IsoDate, fonts: LetterFonts): LetterLayout {
  return layoutLetter(template, letterValues(c, date), fonts.metrics)
}

export async function generateLetter(c: Case, options: GenerateLetterOptions = {}): Promise<GeneratedLetter> {
  const today = options.today ?? todayIso()
  const template = options.template ?? (await loadBundledTemplate(variantForSponsorType(c.sponsor.type), c.province))
  const date = letterDate(c, { today, ...(options.date ? { date: options.date } : {}) })
  const base = {
    date,
    template: { id: template.id, version: template.version, variant: template.variant, wording: template.wording, name: template.name },
    scanLayout: scanLayout(template),
  }
  const findings = letterPreflight(c, template, { today, ...(options.date ? { date: options.date } : {}) })
  if (template.wording === 'ours')
    findings.push(generationFinding('letter-wording-ours', null, { template: template.id, version: template.version }))
  if (hasErrors(findings)) return { ...base, pdf: null, findings: sorted(findings), pages: 0 }

  const fonts = options.fonts ?? (await loadLetterFonts())
  const layout = layoutFor(c, template, date, fonts)
  findings.push(...glyphFindings(layout.missingGlyphs))
  for (const where of layout.overflows) findings.push(generationFinding('letter-layout-overflow', null, { where }))
  if (hasErrors(findings)) return { ...base, pdf: null, findings: sorted(findings), pages: layout.pages.length }

  const parts = toParts(date)
  if (!parts) throw new RangeError(`not a date: ${date}`)
  const values = letterValues(c, date)
  const pdf = await renderLetterPdf(layout, fonts, {
    title: `${template.title}（${values.case.sponsorName}）`,
    subject: `${template.name} · ${template.id} ${template.version}`,
    keywords: ['ICP备案', '承诺书', template.id, template.version],
    date: parts,
  })
  return { ...base, pdf, findings: sorted(findings), pages: layout.pages.length }
}
