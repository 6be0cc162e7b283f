/**
 * The commitment letter for the app (Guangdong's, or the filing province's own): the preview (the letter's own draw operations, which the window
 * draws as SVG — exactly what the PDF writer draws), and the PDF to save or print. Both come from
 * generateLetter, the one function the CLI runs too, so the window refuses exactly what `icp-prep
 * letter` refuses, with the same findings.
 */
import type { IsoDate } from '../../../shared/dates/iso-date'
import { translate } from '../../../shared/i18n/messages'
import { A4_PT, type DrawOp } from '../../../shared/letter/draw-ops'
import { AppError } from '../../../shared/ipc/errors'
import type { DrawOpView, LetterPreview } from '../../../shared/ipc/letter-export-schemas'
import type { Case } from '../../../shared/model/case'
import { safeNamePart } from '../../../shared/package/plan'
import { provinceLetter, provinceTemplateFile } from '../../../shared/letter/province-letters'
import { defaultCatalogue } from '../../../shared/rules/catalogue'
import { findProvince } from '../../../shared/rules/context'
import { generateLetter, layoutFor, loadBundledTemplate, loadLetterFonts, variantForSponsorType } from '../letter'

/** A draw operation as plain JSON for the window (its dash pattern copied out of the readonly array). */
function opView(op: DrawOp): DrawOpView {
  const { dash, ...rest } = op as DrawOp & { dash?: readonly number[] }
  return { ...rest, ...(dash ? { dash: [...dash] } : {}) } as DrawOpView
}

/**
 * True for filings to the Guangdong 管局, which need the letter (icp-rules.md §7), and to the 管局 whose
 * own letter ICP Prep prints (上海, 江苏: province-letters.json).
 */
export function needsLetter(c: Case): boolean {
  const province = findProvince(defaultCatalogue(), c.province)
  return province?.short === '广东' || provinceTemplateFile(province?.short, variantForSponsorType(c.sponsor.type)) !== null
}

/** The letter's pages to preview, or the findings that refuse it. */
export async function letterPreview(c: Case, today: IsoDate): Promise<LetterPreview> {
  const template = await loadBundledTemplate(variantForSponsorType(c.sponsor.type), c.province)
  const generated = await generateLetter(c, { today, template })
  const base = {
    applicable: needsLetter(c),
    variant: template.variant,
    date: generated.date,
    template: { name: template.name, id: template.id, version: template.version, wording: template.wording },
    findings: generated.findings.map((f) => ({ ...f })),
    page: { width: A4_PT.width, height: A4_PT.height },
  }
  if (generated.pdf === null) return { ...base, pages: [] }
  const layout = layoutFor(c, template, generated.date, await loadLetterFonts())
  return { ...base, pages: layout.pages.map((p) => ({ ops: p.ops.map(opView) })) }
}

/** The letter PDF and a file name for it; refused (AppError) when the case cannot make a correct letter. */
export async function letterPdf(c: Case, today: IsoDate): Promise<{ pdf: Uint8Array; name: string }> {
  const generated = await generateLetter(c, { today })
  if (generated.pdf === null) throw AppError.of('letter-refused')
  const who = safeNamePart(c.sponsor.name?.trim() || 'ICP')
  // Named like the role its signed scan is added under (广东承诺书, 上海承诺书 …).
  const own = provinceLetter(findProvince(defaultCatalogue(), c.province)?.short)
  const role = own?.templates ? own.role : 'commitment-letter'
  const letter = defaultCatalogue().documentRoles.find((r) => r.role === role)?.label ?? '承诺书'
  // File names stay Chinese in either language, like the package's (they go to Chinese consoles).
  return { pdf: generated.pdf, name: translate('zh-CN', 'letter.fileName', { who, letter, date: generated.date }) }
}
