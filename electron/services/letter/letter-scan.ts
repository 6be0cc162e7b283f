/**
 * Runs the signed-letter analysis on a case document: picks the template the case's letter is
 * printed from (单位 or 个人), takes the last page (where the signature block is) as an upright
 * image, and measures the signature, seal and fingerprint boxes. Called by readCaseDocuments for
 * commitment-letter scans; the gd-letter-* rules read the result from documents[i].extracted.letter.
 */
import type { LetterScan } from '../../../shared/letter/scan-result'
import type { LetterSealText } from '../../../shared/letter/seal'
import { scanLayout, variantForSponsorType } from '../../../shared/letter/template'
import type { Case } from '../../../shared/model/case'
import type { ExtractedDocument } from '../../../shared/model/extracted'
import { decodeScan, toSharp } from '../intake/upright'
import { analyseSignedScan } from './signed-scan'
import { loadBundledTemplate } from './templates'

/** Reads the seal's text on the upright page image (seal-text.ts with an OCR engine), when the caller has OCR. */
export type SealReader = (page: Buffer, box: { x: number; y: number; width: number; height: number }) => Promise<LetterSealText>

export async function analyseLetterScan(
  c: Case,
  file: string | Buffer,
  reading: ExtractedDocument,
  readSeal?: SealReader,
): Promise<LetterScan | null> {
  const template = await loadBundledTemplate(variantForSponsorType(c.sponsor.type))
  const layout = scanLayout(template)
  const pages = (reading as { pages?: unknown[] }).pages
  const rotations = [reading.rotation ?? 0, ...(Array.isArray(pages) ? pages.map((p) => (p as { rotation?: number }).rotation ?? 0) : [])]
  const decoded = await decodeScan(file, { rotations: rotations as Array<0 | 90 | 180 | 270>, only: 'last-usable' })
  if (!decoded.ok) return null
  const last = [...decoded.pages].reverse().find((p) => p.usable)
  if (!last) return null
  // The analyser wants an encoded image; PNG keeps the ink edges it measures.
  const png = await toSharp(last.image).png({ compressionLevel: 1 }).toBuffer()
  const scan = await analyseSignedScan(png, layout)
  if (!readSeal || !scan.seal.found || !scan.seal.box || (scan.turned ?? 0) !== 0) return scan
  try {
    const text = await readSeal(png, scan.seal.box)
    return { ...scan, seal: { ...scan.seal, text: { centre: text.centre, ring: text.ring } } }
  } catch {
    return scan // unread seal text: the seal rule then says it could not be read
  }
}
