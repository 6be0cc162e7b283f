/**
 * Runs the signed-letter analysis on a case document: picks the template the case's letter is
 * printed from (单位 or 个人), takes the last page (where the signature block is) as an upright
 * image, and measures the signature, seal and fingerprint boxes. Called by readCaseDocuments for
 * commitment-letter scans; the gd-letter-* rules read the result from documents[i].extracted.letter.
 */
import type { LetterScan } from '../../../shared/letter/scan-result'
import { scanLayout, variantForSponsorType } from '../../../shared/letter/template'
import type { Case } from '../../../shared/model/case'
import { pageTurns, type ExtractedDocument } from '../../../shared/model/extracted'
import { decodeScan, toSharp } from '../intake/upright'
import { analyseSignedScan } from './signed-scan'
import { loadBundledTemplate } from './templates'

export async function analyseLetterScan(c: Case, file: string | Buffer, reading: ExtractedDocument): Promise<LetterScan | null> {
  const template = await loadBundledTemplate(variantForSponsorType(c.sponsor.type))
  const layout = scanLayout(template)
  const rotations = pageTurns(reading)
  const decoded = await decodeScan(file, { ...(rotations ? { rotations } : {}), only: 'last-usable' })
  if (!decoded.ok) return null
  const last = [...decoded.pages].reverse().find((p) => p.usable)
  if (!last) return null
  // The analyser wants an encoded image; PNG keeps the ink edges it measures.
  const png = await toSharp(last.image).png({ compressionLevel: 1 }).toBuffer()
  return analyseSignedScan(png, layout)
}
