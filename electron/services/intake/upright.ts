/**
 * decodeScan: the intake entry point for packaging — one upright, levelled image per page, with
 * what is known about the file (electronic PDF, unreadable page). The quarter turn comes from, in
 * order: the turn stored when the document was read (documents[i].extracted.rotation), OCR (when
 * an engine is given: upside-down text reads as nonsense), or the ink profile alone (which tells
 * sideways from upright but cannot tell 0° from 180°).
 */
import type { ScanFinding } from '../../../shared/model/extracted'
import { orientAndRead } from '../extract/pipeline'
import type { OcrEngine } from '../ocr/engine'
import { isPlaceholder, loadScan, type DecodeOptions } from './decode'
import { fromRaw, type RawImage } from './pixels'
import { guessOrientation, makeUpright, skewAfter, type Turn } from './prepare'

export interface UprightPage {
  /** 1-based page of a PDF; absent for image files. */
  readonly page?: number
  /** Upright colour pixels (sRGB, 3 channels); encode with `sharp(image.data, { raw: … })` or toSharp(). */
  readonly image: RawImage
  /** Quarter turn applied (clockwise), on top of EXIF / PDF /Rotate, and the skew removed. */
  readonly rotation: Turn
  readonly skew: number
  /** How the turn was decided. */
  readonly orientedBy: 'stored' | 'ocr' | 'ink'
  readonly findings: readonly ScanFinding[]
  /** False when the page holds no usable image (its findings say why). */
  readonly usable: boolean
}

export type DecodeScanResult =
  | { readonly ok: true; readonly format: string; readonly pages: readonly UprightPage[] }
  | { readonly ok: false; readonly format: string; readonly reason: string; readonly reasonEn: string }

export interface DecodeScanOptions extends DecodeOptions {
  /** Turns stored by readCaseDocuments, per page (index 0 = first page). */
  readonly rotations?: readonly Turn[]
  /** Decide 0° vs 180° by reading the page (slower: one OCR pass per page). */
  readonly engine?: OcrEngine
  readonly signal?: AbortSignal
}

/** Decodes a scan into upright pages; never throws for bad input. */
export async function decodeScan(file: string | Buffer, options: DecodeScanOptions = {}): Promise<DecodeScanResult> {
  const decoded = await loadScan(file, options)
  if (!decoded.ok) return decoded
  const pages: UprightPage[] = []
  for (const [i, p] of decoded.pages.entries()) {
    const base = { ...(p.page !== undefined ? { page: p.page } : {}), findings: p.findings }
    if (isPlaceholder(p)) {
      pages.push({ ...base, image: p.image, rotation: 0, skew: 0, orientedBy: 'ink', usable: false })
      continue
    }
    const stored = options.rotations?.[i]
    if (options.engine && stored === undefined) {
      const o = await orientAndRead(options.engine, p.image, options.signal)
      pages.push({ ...base, image: o.upright.image, rotation: o.upright.turn, skew: o.upright.skew, orientedBy: 'ocr', usable: true })
      continue
    }
    const guess = await guessOrientation(p.image)
    const turn = stored ?? guess.candidates[0] ?? 0
    const u = await makeUpright(p.image, turn, await skewAfter(guess, turn), guess.textHeight)
    pages.push({
      ...base,
      image: u.image,
      rotation: u.turn,
      skew: u.skew,
      orientedBy: stored !== undefined ? 'stored' : 'ink',
      usable: true,
    })
  }
  return { ok: true, format: decoded.format, pages }
}

/** The page as a sharp pipeline, ready to encode (JPEG to a size limit, PNG …). */
export const toSharp = fromRaw
