/**
 * Draws a laid-out letter into a PDF with @cantoo/pdf-lib, the Chinese font subset-embedded.
 *
 * Deterministic by construction: fixed metadata dates, a subset tag derived from the characters
 * used (not a random suffix), no kerning features — the same case and date give the same bytes,
 * so a letter can be regenerated and compared, and packaged without spurious changes.
 */
import { PDFDocument, rgb, setCharacterSpacing, type PDFFont, type PDFPage } from '@cantoo/pdf-lib'
import { A4_PT, type DrawOp, type FontFace } from '../../../shared/letter/draw-ops'
import type { LetterLayout } from '../../../shared/letter/layout'
import type { LetterFonts } from './fonts'

export interface PdfMeta {
  readonly title: string
  readonly subject: string
  readonly keywords: readonly string[]
  /** The letter's date: used as the PDF's creation date so the output does not depend on the clock. */
  readonly date: { readonly year: number; readonly month: number; readonly day: number }
}

/** A PDF subset tag: six capital letters from a hash of the characters in the subset (PDF 32000 §9.6.4). */
export function subsetTag(chars: string): string {
  let h = 0x811c9dc5
  for (const ch of chars) {
    h ^= ch.codePointAt(0) ?? 0
    h = Math.imul(h, 0x01000193) >>> 0
  }
  let tag = ''
  for (let i = 0; i < 6; i += 1) {
    tag += String.fromCharCode(65 + (h % 26))
    h = Math.floor(h / 26) + (i + 1) * 7919
  }
  return tag
}

const BLACK = rgb(0, 0, 0)
const GREY = rgb(0.45, 0.45, 0.45)

function draw(page: PDFPage, op: DrawOp, fonts: Readonly<Record<FontFace, PDFFont>>): void {
  const H = A4_PT.height
  switch (op.op) {
    case 'text':
      if (op.spacing !== 0) page.pushOperators(setCharacterSpacing(op.spacing))
      page.drawText(op.text, { x: op.x, y: H - op.baseline, size: op.size, font: fonts[op.face], color: op.grey ? GREY : BLACK })
      if (op.spacing !== 0) page.pushOperators(setCharacterSpacing(0))
      return
    case 'line':
      page.drawLine({
        start: { x: op.x1, y: H - op.y1 },
        end: { x: op.x2, y: H - op.y2 },
        thickness: op.width,
        color: BLACK,
        ...(op.dash ? { dashArray: [...op.dash] } : {}),
      })
      return
    case 'rect':
      page.drawRectangle({
        x: op.x,
        y: H - op.y - op.height,
        width: op.width,
        height: op.height,
        borderWidth: op.lineWidth,
        borderColor: BLACK,
        ...(op.dash ? { borderDashArray: [...op.dash] } : {}),
      })
      return
    case 'circle':
      page.drawCircle({
        x: op.cx,
        y: H - op.cy,
        size: op.r,
        borderWidth: op.lineWidth,
        borderColor: GREY,
        ...(op.dash ? { borderDashArray: [...op.dash] } : {}),
      })
      return
  }
}

/** Renders every page of the layout; returns the PDF bytes. */
export async function renderLetterPdf(layout: LetterLayout, fonts: LetterFonts, meta: PdfMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  // pdf-lib parses the font bytes on every embed; hand it the font parsed once at load instead.
  const parsed = new Map<Uint8Array, unknown>([
    [fonts.faces.regular.bytes, fonts.faces.regular.font],
    [fonts.faces.bold.bytes, fonts.faces.bold.font],
  ])
  doc.registerFontkit({ create: (bytes: Uint8Array) => parsed.get(bytes) } as never)
  const embed = (face: FontFace): Promise<PDFFont> =>
    doc.embedFont(fonts.faces[face].bytes, {
      subset: true,
      customName: `${subsetTag(layout.used[face])}+${fonts.faces[face].name}`,
      features: { kern: false, liga: false },
    })
  const pdfFonts = { regular: await embed('regular'), bold: await embed('bold') }
  for (const pageOps of layout.pages) {
    const page = doc.addPage([A4_PT.width, A4_PT.height])
    for (const op of pageOps.ops) draw(page, op, pdfFonts)
  }
  const when = new Date(Date.UTC(meta.date.year, meta.date.month - 1, meta.date.day))
  doc.setTitle(meta.title, { showInWindowTitleBar: true })
  doc.setSubject(meta.subject)
  doc.setKeywords([...meta.keywords])
  doc.setLanguage('zh-CN')
  doc.setCreator('ICP Prep 备案材料助手')
  doc.setProducer('ICP Prep (@cantoo/pdf-lib)')
  doc.setCreationDate(when)
  doc.setModificationDate(when)
  return doc.save({ useObjectStreams: false })
}
