/**
 * Runs the signed-letter analysis on a case document: picks the template the case's letter is
 * printed from (单位 or 个人), takes the last page (where the signature block is) as an upright
 * image, and measures the signature, seal and fingerprint boxes. Called by readCaseDocuments for
 * commitment-letter scans; the gd-letter-* rules read the result from documents[i].extracted.letter.
 */
import { isMainThread } from 'node:worker_threads'
import type { LetterScan } from '../../../shared/letter/scan-result'
import { scanLayout, variantForSponsorType } from '../../../shared/letter/template'
import type { Case } from '../../../shared/model/case'
import { pageTurns, type ExtractedDocument } from '../../../shared/model/extracted'
import { decodeScan, toSharp } from '../intake/upright'
import { PixelBudgetError, pixelWork } from '../pixel-work/pool'
import { analyseSignedScan } from './signed-scan'
import { loadBundledTemplate } from './templates'

/**
 * On the main thread the analysis (decoding and the pixel measures) runs on a worker of the pixel
 * pool; a scan over its pixel budget gets no analysis, like one with no usable page.
 */
export async function analyseLetterScan(c: Case, file: string | Buffer, reading: ExtractedDocument): Promise<LetterScan | null> {
  if (!isMainThread) return analyseLetterScanHere(c, file, reading)
  try {
    return await pixelWork().run('letterScan', { c, file, reading })
  } catch (error) {
    if (error instanceof PixelBudgetError) return null
    throw error
  }
}

/** analyseLetterScan on this thread (the pixel worker's side). */
export async function analyseLetterScanHere(c: Case, file: string | Buffer, reading: ExtractedDocument): Promise<LetterScan | null> {
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
