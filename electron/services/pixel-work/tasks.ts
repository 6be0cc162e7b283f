/**
 * The units of pixel work a worker thread runs, each one file (or one planned upload file): its
 * arguments and result cross threads by structured clone, so they are plain data; an OCR engine,
 * a signal and the stored turns (a function in the main thread's context) are rebuilt here.
 */
import type { IsoDate } from '../../../shared/dates/iso-date'
import type { Case } from '../../../shared/model/case'
import type { ExtractedDocument } from '../../../shared/model/extracted'
import type { PlannedFile } from '../../../shared/package/plan'
import { readScanFile } from '../extract/extract-files'
import { decodeScanHere, type DecodeScanOptions } from '../intake/upright'
import { analyseLetterScanHere } from '../letter/letter-scan'
import type { OcrEngine } from '../ocr/engine'
import { processPlannedFile, type ProcessContextData } from '../package/process-file'

export interface TaskContext {
  /** The main thread's OCR engine, behind its calls (when the caller gave one). */
  readonly engine: OcrEngine | undefined
  readonly signal: AbortSignal
}

function needEngine(c: TaskContext): OcrEngine {
  if (!c.engine) throw new Error('this task needs an OCR engine')
  return c.engine
}

export const tasks = {
  /** Reads one scan file, every page (extract-files.ts). */
  extract: (a: { file: string; at: string | Buffer; today: IsoDate }, c: TaskContext) =>
    readScanFile(needEngine(c), a.file, a.at, { today: a.today, signal: c.signal }),
  /** Decodes a scan into upright pages: thumbnails, the signed letter, the packager (intake/upright.ts). */
  decodeScan: (a: { file: string | Buffer; options: Omit<DecodeScanOptions, 'engine' | 'signal'> }, c: TaskContext) =>
    decodeScanHere(a.file, { ...a.options, ...(c.engine ? { engine: c.engine } : {}), signal: c.signal }),
  /** Measures the signature, seal and fingerprint of a signed letter's last page (letter/letter-scan.ts). */
  letterScan: (a: { c: Case; file: string | Buffer; reading: ExtractedDocument }) => analyseLetterScanHere(a.c, a.file, a.reading),
  /** Makes one upload file of the package (package/process-file.ts). */
  packageFile: (a: { plan: PlannedFile; ctx: ProcessContextData }, c: TaskContext) =>
    processPlannedFile(a.plan, { ...a.ctx, rotations: (document) => a.ctx.rotations[document], signal: c.signal }),
}

export type Tasks = typeof tasks
