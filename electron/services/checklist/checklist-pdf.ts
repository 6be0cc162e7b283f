/**
 * The 材料清单 as PDF: the pure checklist (shared/fill/checklist.ts) laid out on A4 and written by
 * the letter's PDF writer with the letter's bundled font (Noto Serif SC, subset-embedded), so the
 * customer's copy prints every Chinese character the same way the letter does. The app's 打印材料清单
 * button and `icp-prep checklist` both call it.
 */
import type { IsoDate } from '../../../shared/dates/iso-date'
import { buildChecklist, type Checklist } from '../../../shared/fill/checklist'
import { layoutChecklist } from '../../../shared/fill/checklist-layout'
import type { MissingGlyph } from '../../../shared/letter/layout-flow'
import type { Case } from '../../../shared/model/case'
import { safeNamePart } from '../../../shared/package/plan'
import type { Finding } from '../../../shared/rules/engine'
import { loadLetterFonts, type LetterFonts } from '../letter/fonts'
import { renderLetterPdf } from '../letter/render-pdf'

export interface ChecklistPdf {
  readonly pdf: Uint8Array
  /** 材料清单_潮州市程盛餐饮管理有限公司_2026-12-01.pdf */
  readonly name: string
  readonly pages: number
  readonly checklist: Checklist
  /** Characters the font could not print (drawn as boxes). */
  readonly missingGlyphs: readonly MissingGlyph[]
}

export interface ChecklistPdfOptions {
  readonly today: IsoDate
  readonly fonts?: LetterFonts
  readonly findings?: readonly Finding[]
}

/** The checklist of a case as a PDF, with a file name for it. */
export async function checklistPdf(c: Case, options: ChecklistPdfOptions): Promise<ChecklistPdf> {
  const fonts = options.fonts ?? (await loadLetterFonts())
  const checklist = buildChecklist(c, { today: options.today, ...(options.findings ? { findings: options.findings } : {}) })
  const layout = layoutChecklist(checklist, fonts.metrics)
  const [year, month, day] = options.today.split('-').map(Number) as [number, number, number]
  const pdf = await renderLetterPdf(layout, fonts, {
    title: `${checklist.title} ${checklist.who}`,
    subject: checklist.texts.titleEn,
    keywords: ['ICP备案', '材料清单'],
    date: { year, month, day },
  })
  const who = safeNamePart(c.sponsor.name?.trim() || 'ICP')
  return {
    pdf,
    name: `${checklist.title}_${who}_${options.today}.pdf`,
    pages: layout.pages.length,
    checklist,
    missingGlyphs: layout.missingGlyphs,
  }
}
