/**
 * Runs the rule catalogue over a case and returns findings with their messages filled in.
 *
 * The catalogue (data) says what each rule is called, how severe it is, where it applies and what
 * it tells the user; the checks (code) only find *where* a rule is broken and with which values.
 * Pure: no clock, no file system — the date and any file facts are passed in.
 */
import { isIsoDate, type IsoDate } from '../dates/iso-date'
import { LONG_TERM } from '../dates/parse-chinese-date'
import type { Case } from '../model/case'
import { chineseValues } from '../i18n/values'
import { normaliseCase } from '../model/normalise-case'
import { defaultCatalogue, fieldDefinition, SEVERITIES, type Catalogue, type RuleDefinition, type Severity } from './catalogue'
import { fieldChecks } from './checks/fields'
import { letterChecks } from './checks/letter'
import { materialChecks } from './checks/materials'
import { peopleChecks } from './checks/people'
import { scanChecks } from './checks/scans'
import { sponsorChecks } from './checks/sponsor'
import { websiteChecks } from './checks/websites'
import { buildContext, type Check, type FileFacts, type Hit, type Params, type RuleContext, type WorkspaceCase } from './context'
import { filingChecks } from './checks/filing'
import { provinceLetterChecks } from './checks/province-letters'

/** One problem found in a case, ready to show. The JSON shape of `icp-prep check`. */
export interface Finding {
  readonly rule: string
  readonly severity: Severity
  /** Field path it points at (`principal.idValidTo`), or null for the case as a whole. */
  readonly field: string | null
  readonly message: string
  readonly messageEn: string
  readonly fix: string
  readonly fixEn: string
  readonly source: string
  /** Index into case.documents when the finding is about one document. */
  readonly document?: number
}

/** Every check by rule code; a catalogue rule without a check here is a test failure. */
const registry: Readonly<Record<string, Check>> = {
  ...fieldChecks,
  ...sponsorChecks,
  ...peopleChecks,
  ...websiteChecks,
  ...materialChecks,
  ...letterChecks,
  ...scanChecks,
  ...filingChecks,
  ...provinceLetterChecks,
}

export function registeredCheckCodes(): string[] {
  return Object.keys(registry)
}

export interface CheckOptions {
  /** Today, from the caller's clock: the fallback when the case has no valid submission date. */
  readonly today: IsoDate
  /** Overrides the case's submission date (the CLI's --date). */
  readonly date?: IsoDate
  readonly catalogue?: Catalogue
  readonly files?: FileFacts
  /** The workspace's other cases (not this one), for the rules across cases; omitted, those rules stay silent. */
  readonly workspace?: readonly WorkspaceCase[]
}

/** The date rules measure from: --date, else the case's submission date, else today. */
export function effectiveDate(c: Case, options: Pick<CheckOptions, 'today' | 'date'>): IsoDate {
  if (options.date !== undefined) return options.date
  const planned = c.submissionDate?.trim()
  return planned !== undefined && isIsoDate(planned) ? planned : options.today
}

/**
 * Chinese messages show dates as the documents print them (2027年03月01日) and 长期 for a long-term
 * validity; English keeps ISO. Only a parameter that is wholly a date is rewritten.
 */
function chineseParams(params: Params): Params {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      if (typeof v !== 'string') return [k, v]
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
      if (m) return [k, `${m[1]}年${m[2]}月${m[3]}日`]
      // A value quoted inside a longer parameter too (…（应写作 long-term）).
      return [k, v === LONG_TERM ? '长期' : chineseValues(v)]
    }),
  )
}

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key]
    return v === undefined ? '' : String(v)
  })
}

function applies(rule: RuleDefinition, ctx: RuleContext): boolean {
  const a = rule.appliesTo
  if (!a) return true
  if (a.provinces && !a.provinces.includes(ctx.province?.short ?? '')) return false
  if (a.sponsorTypes && !a.sponsorTypes.includes(ctx.sponsorType?.name ?? '')) return false
  if (a.filingTypes && !a.filingTypes.includes(ctx.filingType?.name ?? '')) return false
  return true
}

function toFinding(rule: RuleDefinition, hit: Hit, ctx: RuleContext): Finding {
  const set = (hit.variant !== undefined ? rule.messages[hit.variant] : undefined) ?? rule.messages.default
  const def = hit.field === null ? undefined : fieldDefinition(ctx.catalogue, hit.field)
  const params: Params = { ...(def ? { field: def.label, fieldEn: def.labelEn } : {}), ...hit.params }
  const zh = chineseParams(params)
  return {
    rule: rule.code,
    severity: set.severity ?? rule.severity,
    field: hit.field,
    message: fill(set.message, zh).trim(),
    messageEn: fill(set.messageEn, params).trim(),
    fix: fill(set.fix, zh).trim(),
    fixEn: fill(set.fixEn, params).trim(),
    source: provinceSource(rule, ctx),
    ...(hit.document !== undefined ? { document: hit.document } : {}),
  }
}

/** The province's own source when the rule names one for it, marked when it is not verified. */
function provinceSource(rule: RuleDefinition, ctx: RuleContext): string {
  const own = ctx.province ? rule.provinceSources?.[ctx.province.short] : undefined
  if (!own) return rule.source
  return own.verified ? own.source : `${own.source}（未核实 not verified）`
}

const SEVERITY_ORDER: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>

/** All findings for a case, errors first, then in catalogue order. */
export function checkCase(typed: Case, options: CheckOptions): Finding[] {
  // Rules judge the value that would be exported and copied into the console, not the keystrokes.
  const c = normaliseCase(typed).case
  const catalogue = options.catalogue ?? defaultCatalogue()
  const ctx = buildContext(c, effectiveDate(c, options), catalogue, options.files, options.workspace)
  const findings: Finding[] = []
  catalogue.rules.forEach((rule) => {
    const check = registry[rule.code]
    if (!check || !applies(rule, ctx)) return
    for (const hit of check(ctx)) findings.push(toFinding(rule, hit, ctx))
  })
  // A stable sort keeps catalogue order within a severity.
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error')
}
