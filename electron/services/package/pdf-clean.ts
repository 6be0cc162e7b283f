/**
 * A signed letter scanned to PDF may be uploaded as PDF where the provider accepts it. Scanner PDFs
 * carry an Info dictionary (author, software, dates), XMP metadata and, inside their JPEG page
 * images, the scanner's or phone's EXIF; all of it goes, the page images' pixels stay untouched.
 * Anything that acts when the PDF is opened goes too — JavaScript, open and page actions, links
 * that launch programs or open addresses, embedded files — because a scan needs none of it and the
 * provider's reviewer should never meet it in a file we produced.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFObject } from '@cantoo/pdf-lib'
import q from '../../../shared/data/scan-quality.json' with { type: 'json' }
import { boundPdfParsing, parsedOverLimit } from '../intake/pdf-streams'
import { JpegStructureError, stripJpegMetadata } from './jpeg-markers'

function isDct(dict: PDFDict): boolean {
  const filter = dict.get(PDFName.of('Filter'))
  if (filter instanceof PDFName) return filter === PDFName.of('DCTDecode')
  // A chain such as [/FlateDecode /DCTDecode] wraps the JPEG: leave those alone.
  if (filter instanceof PDFArray) return filter.size() === 1 && filter.get(0) === PDFName.of('DCTDecode')
  return false
}

/** Keys whose values act when the document is opened or clicked, or carry other files. */
const ACTIVE_KEYS = ['OpenAction', 'AA', 'JS', 'JavaScript', 'EmbeddedFiles', 'URI', 'Launch'].map((k) => PDFName.of(k))

/** An action dictionary (a link's /A): anything with /S names an action a viewer would run. */
function isAction(value: PDFObject | undefined, lookup: (v: PDFObject) => PDFObject | undefined): boolean {
  const dict = value instanceof PDFDict ? value : value ? lookup(value) : undefined
  return dict instanceof PDFDict && dict.has(PDFName.of('S'))
}

/** A PDF that cannot be read or rewritten (broken, encrypted): reported as an unreadable scan. */
export class PdfCleanError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PdfCleanError'
  }
}

/** The PDF without document metadata and with metadata-free page JPEGs; deterministic for one input. */
export async function cleanPdf(bytes: Uint8Array): Promise<Buffer> {
  try {
    // Object and cross-reference streams are inflated while parsing: bounded as in intake.
    boundPdfParsing(q.limits.maxPdfContentBytes.value)
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true })
    if (parsedOverLimit(doc.context)) throw new PdfCleanError('an object stream inflates past the limit')
    if (doc.getPageCount() === 0) throw new PdfCleanError('the PDF has no pages')
    const ctx = doc.context
    delete ctx.trailerInfo.Info
    for (const [, object] of ctx.enumerateIndirectObjects()) {
      const dict = object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : null
      if (!dict) continue
      dict.delete(PDFName.of('Metadata'))
      dict.delete(PDFName.of('PieceInfo'))
      for (const key of ACTIVE_KEYS) dict.delete(key)
      if (isAction(dict.get(PDFName.of('A')), (v) => ctx.lookup(v))) dict.delete(PDFName.of('A'))
      if (object instanceof PDFRawStream && isDct(dict)) {
        try {
          object.updateContents(stripJpegMetadata(object.getContents()))
        } catch (error) {
          if (!(error instanceof JpegStructureError)) throw error
        }
      }
    }
    return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }))
  } catch (error) {
    if (error instanceof PdfCleanError) throw error
    // pdf-lib reports broken, encrypted or unsupported files with assorted error types.
    throw new PdfCleanError(error instanceof Error ? (error.message.split('\n')[0] ?? 'invalid PDF') : 'invalid PDF')
  }
}
