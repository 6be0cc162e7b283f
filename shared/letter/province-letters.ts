/**
 * Letters a province's 管局 asks for besides the Guangdong 承诺书 (province-letters.json): the role
 * their scan is added under, the bundled templates ICP Prep prints for them (none: the provider
 * supplies it) and where the requirement comes from.
 */
import { z } from 'zod'
import lettersData from '../data/province-letters.json' with { type: 'json' }
import { LETTER_VARIANTS, type LetterVariant } from './template'

const TemplateFile = z.string().regex(/^[a-z0-9-]+\.json$/)

const ProvinceLetter = z.object({
  province: z.string().min(1),
  role: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  templates: z.record(z.enum(LETTER_VARIANTS), TemplateFile).nullable(),
  obtain: z.string().min(10),
  obtainEn: z.string().min(10),
  severity: z.enum(['error', 'warning']),
  source: z.string().min(20),
  verified: z.boolean(),
  note: z.string().optional(),
})
export type ProvinceLetter = z.infer<typeof ProvinceLetter>

export const PROVINCE_LETTERS: readonly ProvinceLetter[] = z
  .object({ source: z.string().min(20), updated: z.string(), letters: z.array(ProvinceLetter) })
  .parse(lettersData).letters

/** The letter a province (short name: 上海) asks for, if it is one of these. */
export function provinceLetter(provinceShort: string | null | undefined): ProvinceLetter | undefined {
  return PROVINCE_LETTERS.find((l) => l.province === provinceShort)
}

/** The bundled template file ICP Prep prints for a province's letter, or null when the provider supplies it. */
export function provinceTemplateFile(provinceShort: string | null | undefined, variant: LetterVariant): string | null {
  return provinceLetter(provinceShort)?.templates?.[variant] ?? null
}

/**
 * The province letter ICP Prep prints for a filing province as the case form holds it (上海, 上海市),
 * if any: the app shows its letter page, and the signed scan dropped there takes its role.
 */
export function printedLetterFor(province: string | null | undefined): ProvinceLetter | undefined {
  const p = (province ?? '').replace(/\s+/g, '')
  return PROVINCE_LETTERS.find((l) => l.templates !== null && p.startsWith(l.province))
}
