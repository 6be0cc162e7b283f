/**
 * PDFs as they reach the app: a scanner's PDF (one JPEG per page, nothing else) and an electronic
 * document (a text layer and vector drawing, like an 电子营业执照 print-out) that providers refuse.
 */
import fontkit from '@cantoo/fontkit'
import { PDFDocument, rgb } from '@cantoo/pdf-lib'
import { readFile } from 'node:fs/promises'
import { resourcePath } from '../../electron/services/resources'

const FIXED_DATE = new Date(Date.UTC(2026, 0, 1))

/** One page per JPEG, each page sized to its image at `dpi`, as a scanner writes them. */
export async function scannerPdf(pages: ReadonlyArray<{ jpeg: Uint8Array; width: number; height: number }>, dpi = 200): Promise<Buffer> {
  const doc = await PDFDocument.create()
  doc.setCreationDate(FIXED_DATE)
  doc.setModificationDate(FIXED_DATE)
  doc.setProducer('Synthetic Scanner 1.0')
  for (const p of pages) {
    const image = await doc.embedJpg(p.jpeg)
    const w = (p.width / dpi) * 72
    const h = (p.height / dpi) * 72
    doc.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h })
  }
  return Buffer.from(await doc.save())
}

/** A born-digital page: real text in an embedded font and a drawn border, no scan at all. */
export async function electronicPdf(lines: readonly string[]): Promise<Buffer> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  doc.setCreationDate(FIXED_DATE)
  doc.setModificationDate(FIXED_DATE)
  const font = await doc.embedFont(await readFile(resourcePath('fonts', 'NotoSerifSC-Regular.ttf')), { subset: true })
  const page = doc.addPage([842, 595])
  page.drawRectangle({ x: 24, y: 24, width: 794, height: 547, borderColor: rgb(0.72, 0.53, 0.17), borderWidth: 3 })
  lines.forEach((line, i) => page.drawText(line, { x: 70, y: 500 - i * 34, size: i === 0 ? 26 : 16, font, color: rgb(0.1, 0.1, 0.1) }))
  return Buffer.from(await doc.save())
}
