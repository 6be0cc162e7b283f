/**
 * Runs the signed-letter analysis on a case document: picks the template the case's letter is
 * printed from (单位 or 个人), takes the last page (where the signature block is) as an upright
 * image, and measures the signature, seal and fingerprint boxes. Called by readCaseDocuments for
 * commitment-letter scans; the gd-letter-* rules read the result from documents[i].extracted.letter.
 */
import { isMainThread } from 'node:worker_threads'
import sharp from 'sharp'
import type { LetterScan } from '../../../shared/letter/scan-result'
import type { LetterSealText } from '../../../shared/letter/seal'
import { scanLayout, variantForSponsorType } from '../../../shared/letter/template'
import type { Case } from '../../../shared/model/case'
import { pageTurns, type ExtractedDocument } from '../../../shared/model/extracted'
import { decodeScan, toSharp } from '../intake/upright'
import { PixelBudgetError, pixelWork } from '../pixel-work/pool'
import { analyseSignedScan } from './signed-scan'
import { loadBundledTemplate } from './templates'

/** Reads the seal's text on the upright page image (seal-text.ts with an OCR engine), when the caller has OCR. */
export type SealReader = (page: Buffer, box: { x: number; y: number; width: number; height: number }) => Promise<LetterSealText>

/** The pixel side's result: the measures, and the seal cut out (with a margin) for the seal reader. */
export interface LetterAnalysis {
  readonly scan: LetterScan
  readonly seal: { readonly png: Buffer | Uint8Array; readonly box: { x: number; y: number; width: number; height: number } } | null
}

/**
 * On the main thread the analysis (decoding and the pixel measures) runs on a worker of the pixel
 * pool; a scan over its pixel budget gets no analysis, like one with no usable page. The seal's
 * text is then read from the small cut-out the worker returns (OCR runs on the caller's pool).
 */
export async function analyseLetterScan(
  c: Case,
  file: string | Buffer,
  reading: ExtractedDocument,
  readSeal?: SealReader,
): Promise<LetterScan | null> {
  let analysed: LetterAnalysis | null
  if (!isMainThread) analysed = await analyseLetterScanHere(c, file, reading)
  else {
    try {
      analysed = await pixelWork().run('letterScan', { c, file, reading })
    } catch (error) {
      if (error instanceof PixelBudgetError) return null
      throw error
    }
  }
  if (analysed === null) return null
  const { scan, seal } = analysed
  if (!readSeal || seal === null) return scan
  try {
    const text = await readSeal(Buffer.from(seal.png), seal.box)
    return { ...scan, seal: { ...scan.seal, text: { centre: text.centre, ring: text.ring } } }
  } catch {
    return scan // unread seal text: the seal rule then says it could not be read
  }
}

/** analyseLetterScan's pixel work on this thread (the pixel worker's side). */
export async function analyseLetterScanHere(c: Case, file: string | Buffer, reading: ExtractedDocument): Promise<LetterAnalysis | null> {
  const template = await loadBundledTemplate(variantForSponsorType(c.sponsor.type))
  const layout = scanLayout(template)
  const rotations = pageTurns(reading)
  const decoded = await decodeScan(file, { ...(rotations ? { rotations } : {}), only: 'last-usable' })
  if (!decoded.ok) return null
  const last = [...decoded.pages].reverse().find((p) => p.usable)
  if (!last) return null
  // The analyser wants an encoded image; PNG keeps the ink edges it measures.
  const png = await toSharp(last.image).png({ compressionLevel: 1 }).toBuffer()
  const scan = await analyseSignedScan(png, layout)
  const box = scan.seal.box
  if (!scan.seal.found || !box || (scan.turned ?? 0) !== 0) return { scan, seal: null }
  // Half the seal's size around it: the ring's outer edge and the unwrap need the margin.
  const { width, height } = await sharp(png).metadata()
  const margin = Math.round(Math.max(box.width, box.height) / 2)
  const left = Math.max(0, Math.floor(box.x - margin))
  const top = Math.max(0, Math.floor(box.y - margin))
  const right = Math.min(width ?? 0, Math.ceil(box.x + box.width + margin))
  const bottom = Math.min(height ?? 0, Math.ceil(box.y + box.height + margin))
  if (right <= left || bottom <= top) return { scan, seal: null }
  const crop = await sharp(png)
    .extract({ left, top, width: right - left, height: bottom - top })
    .png({ compressionLevel: 1 })
    .toBuffer()
  return { scan, seal: { png: crop, box: { x: box.x - left, y: box.y - top, width: box.width, height: box.height } } }
}
