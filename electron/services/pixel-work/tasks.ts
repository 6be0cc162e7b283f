/**
 * The units of pixel work a worker thread runs, each one file (or one planned upload file): its
 * arguments and result cross threads by structured clone, so they are plain data; an OCR engine,
 * a signal and the stored turns (a function in the main thread's context) are rebuilt here. Each
 * task loads its code on first use: a worker that only reads scans never holds the packager's.
 */
import type { IsoDate } from '../../../shared/dates/iso-date'
import type { Case } from '../../../shared/model/case'
import type { ExtractedDocument } from '../../../shared/model/extracted'
import type { PlannedFile } from '../../../shared/package/plan'
import type { DecodeScanOptions } from '../intake/upright'
import type { OcrEngine } from '../ocr/engine'
import type { ProcessContextData } from '../package/process-file'

export interface TaskContext {
  /** The main thread's OCR engine, behind its calls (when the caller gave one). */
  readonly engine: OcrEngine | undefined
  readonly signal: AbortSignal
}

function needEngine(c: TaskContext): OcrEngine {
  if (!c.engine) throw new Error('this task needs an OCR engine')
  return c.engine
}

/** The code each task runs, loaded on a task's first use (its time is not the file's). */
export const loaders = {
  extract: () => import('../extract/extract-files'),
  decodeScan: () => import('../intake/upright'),
  letterScan: () => import('../letter/letter-scan'),
  packageFile: () => import('../package/process-file'),
}

export const tasks = {
  /** Reads one scan file, every page (extract-files.ts). */
  extract: async (a: { file: string; at: string | Buffer; today: IsoDate }, c: TaskContext) =>
    (await loaders.extract()).readScanFile(needEngine(c), a.file, a.at, { today: a.today, signal: c.signal }),
  /** Decodes a scan into upright pages: thumbnails, the signed letter, the packager (intake/upright.ts). */
  decodeScan: async (a: { file: string | Buffer; options: Omit<DecodeScanOptions, 'engine' | 'signal'> }, c: TaskContext) =>
    (await loaders.decodeScan()).decodeScanHere(a.file, {
      ...a.options,
      ...(c.engine ? { engine: c.engine } : {}),
      signal: c.signal,
    }),
  /** Measures the signature, seal and fingerprint of a signed letter's last page (letter/letter-scan.ts). */
  letterScan: async (a: { c: Case; file: string | Buffer; reading: ExtractedDocument }) =>
    (await loaders.letterScan()).analyseLetterScanHere(a.c, a.file, a.reading),
  /** Makes one upload file of the package (package/process-file.ts). */
  packageFile: async (a: { plan: PlannedFile; ctx: ProcessContextData }, c: TaskContext) =>
    (await loaders.packageFile()).processPlannedFile(a.plan, {
      ...a.ctx,
      rotations: (document) => a.ctx.rotations[document],
      signal: c.signal,
    }),
}

export type Tasks = typeof tasks
