/**
 * Letter templates on disk: the bundled 单位 and 个人 templates in resources/templates (Guangdong's,
 * and those of the provinces with their own letter, province-letters.json), and a
 * template a user imports (their provider's current wording), validated before it is used.
 *
 * Validation goes beyond the schema: every character of the template's own text must be in the
 * letter font, because a clause that prints with blanks is worse than a refused file.
 */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { FontMetrics } from '../../../shared/letter/layout'
import { provinceTemplateFile } from '../../../shared/letter/province-letters'
import { parseTemplate, placeholdersIn, templateTexts, type LetterTemplate, type LetterVariant } from '../../../shared/letter/template'
import { findProvince } from '../../../shared/rules/context'
import { defaultCatalogue } from '../../../shared/rules/catalogue'
import { resourcePath } from '../resources'

/** A template file is a few kilobytes; anything this large is not one. */
const MAX_TEMPLATE_BYTES = 1024 * 1024

export const BUNDLED_TEMPLATE_FILES: Readonly<Record<LetterVariant, string>> = {
  unit: 'gd-commitment-unit.json',
  individual: 'gd-commitment-individual.json',
}

export type TemplateLoadResult = { ok: true; template: LetterTemplate; file: string } | { ok: false; file: string; problems: string[] }

/** Characters of the template's own text (placeholders excluded) that the font cannot print. */
export function templateGlyphProblems(t: LetterTemplate, metrics: FontMetrics): string[] {
  const problems: string[] = []
  for (const { path: where, text } of templateTexts(t)) {
    const literal = text.replace(/\{[^{}]*\}/g, '')
    const missing = new Set([...literal].filter((ch) => !/\s/.test(ch) && !metrics.has(ch, where === 'title' ? 'bold' : 'regular')))
    for (const ch of missing)
      problems.push(
        `${where}: 字体中没有“${ch}”（U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}） the letter font has no glyph for this character`,
      )
  }
  return problems
}

/**
 * Reads and validates a template file. Never throws for a bad file: the problems say what to fix,
 * each with its place in the file. With `metrics`, characters the font lacks are problems too.
 */
export async function loadTemplateFile(file: string, metrics?: FontMetrics): Promise<TemplateLoadResult> {
  const resolved = path.resolve(file)
  const fail = (...problems: string[]): TemplateLoadResult => ({ ok: false, file: resolved, problems })
  try {
    const info = await stat(resolved)
    if (!info.isFile()) return fail(`不是文件 not a file: ${resolved}`)
    if (info.size > MAX_TEMPLATE_BYTES) return fail(`文件过大（${info.size} 字节），不是模板 too large to be a template`)
  } catch {
    return fail(`找不到模板文件 template file not found: ${resolved}`)
  }
  let data: unknown
  try {
    data = JSON.parse((await readFile(resolved, 'utf8')).replace(/^\uFEFF/, ''))
  } catch (error) {
    return fail(`模板不是有效的 JSON not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = parseTemplate(data)
  if (!parsed.ok) return fail(...parsed.problems)
  const glyphs = metrics ? templateGlyphProblems(parsed.template, metrics) : []
  if (glyphs.length > 0) return fail(...glyphs)
  return { ok: true, template: parsed.template, file: resolved }
}

const bundled = new Map<string, Promise<LetterTemplate>>()

/**
 * The bundled template file for a variant and a filing province: the province's own letter when ICP
 * Prep prints one (上海, 江苏), else the Guangdong letter, the one the app has always printed.
 */
export function bundledTemplateFile(variant: LetterVariant, province?: string | null): string {
  const short = findProvince(defaultCatalogue(), province ?? null)?.short
  return provinceTemplateFile(short, variant) ?? BUNDLED_TEMPLATE_FILES[variant]
}

/** The bundled template of a variant (and province). A broken bundled template is a packaging bug: it throws. */
export function loadBundledTemplate(variant: LetterVariant, province?: string | null): Promise<LetterTemplate> {
  const file = bundledTemplateFile(variant, province)
  let pending = bundled.get(file)
  if (!pending) {
    pending = loadTemplateFile(resourcePath('templates', file)).then((r) => {
      if (!r.ok) throw new Error(`bundled letter template ${r.file} is invalid: ${r.problems.join('; ')}`)
      return r.template
    })
    pending.catch(() => bundled.delete(file))
    bundled.set(file, pending)
  }
  return pending
}

/** The placeholders a template uses, for showing a user what an imported template will fill. */
export function templatePlaceholders(t: LetterTemplate): string[] {
  return [...new Set(templateTexts(t).flatMap((x) => placeholdersIn(x.text)))]
}
