/**
 * The commitment-letter template: a JSON file a person can edit in a text editor.
 *
 * The official wording of the Guangdong 《互联网信息服务备案承诺书》 changes from time to time and
 * could not be obtained, so the letter is data: title, clauses, the fields it fills (as
 * `{placeholders}`) and the boxes it leaves for signature, seal and fingerprint, with their
 * positions in millimetres. A user may import their provider's current wording; it is validated
 * here before use, and every problem is reported with the path a person can find in the file.
 */
import { z } from 'zod'
import { formatPath } from '../model/case'
import { BOX_KINDS, LETTER_VARIANTS, type BoxKind, type LetterVariant } from './letter-kinds'

export const TEMPLATE_FORMAT = 'icp-prep-letter-template'
export const TEMPLATE_FORMAT_VERSION = 1

/** A4 in millimetres: the only page size the 管局 scans are expected on. */
export const A4_MM = { width: 210, height: 297 } as const

/** Values for the letter as a whole; each names the case field it comes from (values.ts). */
export const CASE_PLACEHOLDERS = [
  'sponsorName',
  'sponsorType',
  'certificateType',
  'certificateNumber',
  'legalRepresentative',
  'principalName',
  'websiteCount',
  'date',
] as const
export type CasePlaceholder = (typeof CASE_PLACEHOLDERS)[number]

/** Values of one website, usable only in the website table's columns. */
export const WEBSITE_PLACEHOLDERS = ['index', 'websiteName', 'domain', 'homepage', 'managerName'] as const
export type WebsitePlaceholder = (typeof WEBSITE_PLACEHOLDERS)[number]

export { BOX_KINDS, LETTER_VARIANTS, type BoxKind, type LetterVariant } from './letter-kinds'

// Template text: one line of prose. Braces are reserved for placeholders.
const Prose = z.string().trim().min(1).max(2000)
const Mm = z.number().finite()

const DetailRow = z.object({ label: z.string().trim().min(1).max(40), value: Prose })
const Column = z.object({ label: z.string().trim().min(1).max(20), value: Prose, width: z.number().positive().max(100) })

const TextItem = z.object({
  type: z.literal('text'),
  x: Mm,
  y: Mm,
  width: Mm.positive(),
  text: Prose,
  size: z.number().min(8).max(20).optional(),
  align: z.enum(['left', 'right', 'center']).optional(),
  /** Lines the text may take before it is shrunk (never clipped): long names wrap. */
  maxLines: z.number().int().min(1).max(4).optional(),
})
export type TextItem = z.infer<typeof TextItem>

const BoxItem = z.object({
  type: z.literal('box'),
  /** Stable name of the box, used by the scan analysis result. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  kind: z.enum(BOX_KINDS),
  x: Mm,
  y: Mm,
  width: Mm.min(10),
  height: Mm.min(10),
  /** Printed above the box, so the inside stays blank until someone signs. */
  label: z.string().trim().min(1).max(40),
  shape: z.enum(['rect', 'circle']).optional(),
})
export type BoxItem = z.infer<typeof BoxItem>

export const LetterTemplateSchema = z.strictObject({
  $comment: z.union([z.string(), z.array(z.string())]).optional(),
  format: z.literal(TEMPLATE_FORMAT),
  formatVersion: z.literal(TEMPLATE_FORMAT_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,60}$/),
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,30}$/),
  name: z.string().trim().min(1).max(100),
  variant: z.enum(LETTER_VARIANTS),
  /** The province whose 管局 asks for this letter. */
  province: z.string().trim().min(1).max(10),
  /** Whose words the clauses are: ours (written by ICP Prep), a provider's, or the official text. */
  wording: z.enum(['ours', 'provider', 'official']),
  notice: z.string().trim().min(1).max(1000),
  source: z.string().trim().min(10).max(2000),
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  page: z.strictObject({
    margins: z.strictObject({ top: Mm.min(5).max(60), right: Mm.min(5).max(60), bottom: Mm.min(5).max(60), left: Mm.min(5).max(60) }),
    /** Body size in points (小四 = 12, 五号 = 10.5). */
    bodySize: z.number().min(9).max(16),
    lineHeight: z.number().min(1.2).max(2.5),
  }),
  title: z.string().trim().min(1).max(60),
  subtitle: z.string().trim().min(1).max(60).optional(),
  addressee: z.string().trim().min(1).max(60).optional(),
  details: z.array(DetailRow).max(12),
  websites: z.strictObject({ caption: z.string().trim().min(1).max(60), columns: z.array(Column).min(1).max(6) }),
  preamble: Prose.optional(),
  clauses: z.array(Prose).min(1).max(20),
  closing: Prose.optional(),
  signature: z.strictObject({
    /** mm from the top of the last page: the body must end above it, or the block moves to a new page. */
    top: Mm.min(60).max(280),
    items: z
      .array(z.discriminatedUnion('type', [TextItem, BoxItem]))
      .min(1)
      .max(12),
  }),
})
export type LetterTemplate = z.infer<typeof LetterTemplateSchema>

export type TemplateParseResult = { ok: true; template: LetterTemplate } | { ok: false; problems: string[] }

const PLACEHOLDER = /\{([^{}]*)\}/g

/** The placeholder names a piece of template text uses, in order. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '')
}

/** Every piece of template text with its path, and whether per-website values are allowed in it. */
export function templateTexts(t: LetterTemplate): Array<{ path: string; text: string; perWebsite: boolean }> {
  const out: Array<{ path: string; text: string; perWebsite: boolean }> = []
  const add = (path: string, text: string | undefined, perWebsite = false): void => {
    if (text !== undefined) out.push({ path, text, perWebsite })
  }
  add('title', t.title)
  add('subtitle', t.subtitle)
  add('addressee', t.addressee)
  t.details.forEach((d, i) => (add(`details[${i}].label`, d.label), add(`details[${i}].value`, d.value)))
  add('websites.caption', t.websites.caption)
  t.websites.columns.forEach((c, i) => (add(`websites.columns[${i}].label`, c.label), add(`websites.columns[${i}].value`, c.value, true)))
  add('preamble', t.preamble)
  t.clauses.forEach((c, i) => add(`clauses[${i}]`, c))
  add('closing', t.closing)
  t.signature.items.forEach((item, i) =>
    add(`signature.items[${i}].${item.type === 'text' ? 'text' : 'label'}`, item.type === 'text' ? item.text : item.label),
  )
  return out
}

function placeholderProblems(t: LetterTemplate): string[] {
  const problems: string[] = []
  for (const { path, text, perWebsite } of templateTexts(t)) {
    const stray = text.replace(PLACEHOLDER, '')
    if (/[{}]/.test(stray)) problems.push(`${path}: 花括号不成对 unbalanced braces`)
    for (const name of placeholdersIn(text)) {
      const known = (CASE_PLACEHOLDERS as readonly string[]).includes(name)
      const site = (WEBSITE_PLACEHOLDERS as readonly string[]).includes(name)
      if (site && !perWebsite) problems.push(`${path}: {${name}} 只能用于网站表格的列 may only be used in a website table column`)
      else if (!known && !site)
        problems.push(
          `${path}: 未知占位符 unknown placeholder {${name}}（可用 allowed: ${[...CASE_PLACEHOLDERS, ...WEBSITE_PLACEHOLDERS].join(', ')}）`,
        )
    }
  }
  return problems
}

function overlaps(a: BoxItem, b: BoxItem): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

function geometryProblems(t: LetterTemplate): string[] {
  const problems: string[] = []
  const m = t.page.margins
  if (m.left + m.right > A4_MM.width - 100) problems.push('page.margins: 左右页边距过大 left and right margins leave under 100 mm of text')
  if (t.signature.top < m.top + 40) problems.push('signature.top: 签字区离页顶太近 the signature block starts too close to the page top')
  const boxes: BoxItem[] = []
  t.signature.items.forEach((item, i) => {
    const path = `signature.items[${i}]`
    const bottom = item.type === 'box' ? item.y + item.height : item.y + 10
    const right = item.x + item.width
    if (item.x < 5 || right > A4_MM.width - 5 || item.y < t.signature.top || bottom > A4_MM.height - 5)
      problems.push(`${path}: 超出签字区或页面 lies outside the signature block (top ${t.signature.top} mm) or the page`)
    if (item.type === 'box') {
      const same = boxes.find((b) => b.id === item.id)
      if (same) problems.push(`${path}: 重复的 id duplicate box id "${item.id}"`)
      const hit = boxes.find((b) => overlaps(b, item))
      if (hit) problems.push(`${path}: 与方框 “${hit.id}” 重叠 overlaps box "${hit.id}"`)
      boxes.push(item)
    }
  })
  const needs: BoxKind[] = t.variant === 'unit' ? ['signature', 'seal'] : ['signature']
  for (const kind of needs)
    if (!boxes.some((b) => b.kind === kind)) problems.push(`signature.items: 缺少 ${kind} 方框 a ${t.variant} letter needs a "${kind}" box`)
  return problems
}

/**
 * Parses and validates template data (already JSON-decoded). Structural problems come first; the
 * placeholder and geometry checks only run on a well-formed template.
 */
export function parseTemplate(data: unknown): TemplateParseResult {
  const parsed = LetterTemplateSchema.safeParse(data)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.length > 0 ? formatPath(i.path) : '(root)'}: ${i.message}`),
    }
  }
  const problems = [...placeholderProblems(parsed.data), ...geometryProblems(parsed.data)]
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template: parsed.data }
}

/** The letter variant a sponsor type needs: 个人 files the personal letter, everyone else the unit one. */
export function variantForSponsorType(type: string | null): LetterVariant {
  return (type ?? '').replace(/\s+/g, '') === '个人' ? 'individual' : 'unit'
}

/** Where the boxes are on the last page: what the signed-scan analysis measures. */
export interface ScanLayout {
  readonly templateId: string
  readonly templateVersion: string
  readonly variant: LetterVariant
  readonly page: { readonly width: number; readonly height: number }
  readonly boxes: ReadonlyArray<Pick<BoxItem, 'id' | 'kind' | 'x' | 'y' | 'width' | 'height'> & { shape: 'rect' | 'circle' }>
}

/** The signature, seal and fingerprint boxes of a template, in mm on the page that carries them. */
export function scanLayout(t: LetterTemplate): ScanLayout {
  const boxes = t.signature.items.flatMap((i) =>
    i.type === 'box' ? [{ id: i.id, kind: i.kind, x: i.x, y: i.y, width: i.width, height: i.height, shape: i.shape ?? 'rect' }] : [],
  )
  return { templateId: t.id, templateVersion: t.version, variant: t.variant, page: { ...A4_MM }, boxes }
}
