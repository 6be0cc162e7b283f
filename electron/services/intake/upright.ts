/**
 * decodeScan: the intake entry point for packaging — one upright, levelled image per page, with
 * what is known about the file (electronic PDF, unreadable page). The quarter turn comes from, in
 * order: the turn stored when the document was read (documents[i].extracted.rotation), OCR (when
 * an engine is given: upside-down text reads as nonsense), or the ink profile alone (which tells
 * sideways from upright but cannot tell 0° from 180°).
 */
import { isMainThread } from 'node:worker_threads'
import type { ScanFinding } from '../../../shared/model/extracted'
import { orientAndRead } from '../ocr/orient'
import type { OcrEngine } from '../ocr/engine'
import { PixelBudgetError, pixelWork } from '../pixel-work/pool'
import { isPlaceholder, openScan, type DecodedPage, type DecodeOptions } from './decode'
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
  /** `pages` are the pages decoded (all of them unless `only` said otherwise), in page order; `pageCount` counts the file's. */
  | { readonly ok: true; readonly format: string; readonly pages: readonly UprightPage[]; readonly pageCount: number }
  | { readonly ok: false; readonly format: string; readonly reason: string; readonly reasonEn: string }

export interface DecodeScanOptions extends DecodeOptions {
  /** Turns stored by readCaseDocuments, per page (index 0 = first page). */
  readonly rotations?: readonly Turn[]
  /** Decide 0° vs 180° by reading the page (slower: one OCR pass per page). */
  readonly engine?: OcrEngine
  readonly signal?: AbortSignal
  /**
   * Which pages to decode: all (the default), the first only (a thumbnail), or pages from the
   * first (or the last) on until one is usable (the packager's image, the signed letter's last page).
   */
  readonly only?: 'first' | 'first-usable' | 'last-usable'
}

/**
 * Decodes a scan into upright pages (those `only` asks for); never throws for bad input. On the
 * main thread the work runs on a worker of the pixel pool (an OCR engine given stays here and
 * answers the worker's calls); a file over its pixel budget is a failure with the reason.
 */
export async function decodeScan(file: string | Buffer, options: DecodeScanOptions = {}): Promise<DecodeScanResult> {
  if (!isMainThread) return decodeScanHere(file, options)
  const { engine, signal, ...rest } = options
  try {
    return await pixelWork().run('decodeScan', { file, options: rest }, { ...(engine ? { engine } : {}), ...(signal ? { signal } : {}) })
  } catch (error) {
    if (error instanceof PixelBudgetError) return { ok: false, format: 'unknown', reason: error.reason, reasonEn: error.reasonEn }
    throw error
  }
}

/** decodeScan on this thread (the pixel worker's side). */
export async function decodeScanHere(file: string | Buffer, options: DecodeScanOptions = {}): Promise<DecodeScanResult> {
  const opened = await openScan(file, options)
  if (!opened.ok) return opened
  const count = opened.pageCount
  const order = Array.from({ length: options.only === 'first' ? Math.min(1, count) : count }, (_, i) =>
    options.only === 'last-usable' ? count - 1 - i : i,
  )
  const pages: UprightPage[] = []
  for (const i of order) {
    const page = await upright(await opened.page(i), i, options)
    pages.push(page)
    if (page.usable && (options.only === 'first-usable' || options.only === 'last-usable')) break
  }
  if (options.only === 'last-usable') pages.reverse()
  return { ok: true, format: opened.format, pages, pageCount: count }
}

async function upright(p: DecodedPage, i: number, options: DecodeScanOptions): Promise<UprightPage> {
  const base = { ...(p.page !== undefined ? { page: p.page } : {}), findings: p.findings }
  if (isPlaceholder(p)) return { ...base, image: p.image, rotation: 0, skew: 0, orientedBy: 'ink', usable: false }
  const stored = options.rotations?.[i]
  if (options.engine && stored === undefined) {
    const o = await orientAndRead(options.engine, p.image, options.signal)
    return { ...base, image: o.upright.image, rotation: o.upright.turn, skew: o.upright.skew, orientedBy: 'ocr', usable: true }
  }
  const guess = await guessOrientation(p.image)
  const turn = stored ?? guess.candidates[0] ?? 0
  const u = await makeUpright(p.image, turn, await skewAfter(guess, turn), guess.textHeight)
  return { ...base, image: u.image, rotation: u.turn, skew: u.skew, orientedBy: stored !== undefined ? 'stored' : 'ink', usable: true }
}

/** The page as a sharp pipeline, ready to encode (JPEG to a size limit, PNG …). */
export const toSharp = fromRaw
