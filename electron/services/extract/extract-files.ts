/**
 * Batch extraction with progress and cancellation, as plain functions the app's job system wraps:
 * files are read in parallel on the OCR pool (one engine per core), each file's pixel work on a
 * worker thread (pixel-work/pool.ts); results come back in input order, and a file that cannot be
 * read becomes an error entry while the rest go on.
 */
import { isMainThread } from 'node:worker_threads'
import { sha256File } from '../file-hash'
import type { IsoDate } from '../../../shared/dates/iso-date'
import { todayIso } from '../clock'
import { openScan } from '../intake/decode'
import { CancelledError, OcrTimeoutError, type OcrEngine } from '../ocr/engine'
import { OcrPool } from '../ocr/pool'
import { PixelBudgetError, pixelWork, type PixelPool } from '../pixel-work/pool'
import { readPage, type PageResult } from './pipeline'

export type FileExtraction =
  | { readonly file: string; readonly ok: true; readonly format: string; readonly sha256: string; readonly pages: readonly PageResult[] }
  | { readonly file: string; readonly ok: false; readonly error: string; readonly errorEn: string; readonly cancelled?: boolean }

export interface ExtractOptions {
  /** A pool to use (the app keeps one warm); otherwise one is made for this call and closed after. */
  readonly pool?: OcrPool
  readonly today?: IsoDate
  /** Called after each file, in completion order. */
  readonly onProgress?: (done: number, total: number, file: string) => void
  readonly signal?: AbortSignal
  /** The pixel pool the files' pixel work runs on (default: the process's). */
  readonly pixels?: PixelPool
}

/**
 * Reads one file (every page of a PDF) with `engine`: the unit of pixel work a worker thread of
 * the pixel pool runs (pixel-work/tasks.ts); errors (cancelled, OCR timeout) are the caller's.
 */
export async function readScanFile(
  engine: OcrEngine,
  file: string,
  at: string | Buffer,
  options: { today: IsoDate; signal?: AbortSignal },
): Promise<FileExtraction> {
  // Decoding happens inside the engine's turn, one page at a time, so a batch never holds more
  // than one decoded page per engine in memory.
  const decoded = await openScan(at)
  if (!decoded.ok) return { file, ok: false as const, error: decoded.reason, errorEn: decoded.reasonEn }
  const pages: PageResult[] = []
  for (let i = 0; i < decoded.pageCount; i += 1) pages.push(await readPage(engine, await decoded.page(i), options))
  return { file, ok: true as const, format: decoded.format, sha256: await sha256File(at), pages }
}

/**
 * Reads one file on an engine of the pool. The pixel work runs on a worker thread of `pixels`
 * (default: the process's pixel pool), never on the main thread; its OCR calls come back to the
 * engine here. A file over its pixel budget is an error entry with the reason (scan-unreadable).
 * `options.fsPath`: the bytes to open when the name on disk is not UTF-8 (case-files.ts); `file` names it.
 */
export async function extractFile(
  file: string,
  pool: OcrPool,
  options: { today: IsoDate; signal?: AbortSignal; fsPath?: string | Buffer; pixels?: PixelPool },
): Promise<FileExtraction> {
  const at = options.fsPath ?? file
  const signal = options.signal
  try {
    return await pool.run((engine) => {
      if (!isMainThread) return readScanFile(engine, file, at, { today: options.today, ...(signal ? { signal } : {}) })
      return (options.pixels ?? pixelWork()).run('extract', { file, at, today: options.today }, { engine, ...(signal ? { signal } : {}) })
    }, signal)
  } catch (error) {
    if (error instanceof CancelledError) return { file, ok: false, error: '已取消', errorEn: 'cancelled', cancelled: true }
    if (error instanceof OcrTimeoutError) return { file, ok: false, error: '识别超时', errorEn: error.message }
    if (error instanceof PixelBudgetError) return { file, ok: false, error: error.reason, errorEn: error.reasonEn }
    const text = error instanceof Error ? error.message : String(error)
    return { file, ok: false, error: `读取失败：${text}`, errorEn: `reading failed: ${text}` }
  }
}

/** Reads many files in parallel; results in input order. */
export async function extractFiles(files: readonly string[], options: ExtractOptions = {}): Promise<FileExtraction[]> {
  const pool = options.pool ?? new OcrPool()
  const today = options.today ?? todayIso()
  let done = 0
  try {
    return await Promise.all(
      files.map(async (file) => {
        const r = await extractFile(file, pool, {
          today,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.pixels ? { pixels: options.pixels } : {}),
        })
        done += 1
        options.onProgress?.(done, files.length, file)
        return r
      }),
    )
  } finally {
    if (!options.pool) await pool.close()
  }
}
