/**
 * Which OCR engine reads: PP-OCR (PP-OCRv4 mobile over onnxruntime-node) first — it reads Chinese
 * documents far better (toolchain.md: 96.9 % of the true values of real photos vs 57.3 %) — and
 * tesseract.js where PP-OCR cannot run: no onnxruntime-node binary for this platform (darwin-x64
 * after 1.23.2, 32-bit systems), models missing, or the runtime failing to load. ICP_PREP_OCR=
 * tesseract|ppocr forces one (benchmarks, support).
 */
import type { Logger } from '../log'
import { type OcrEngine, type OcrRequest } from './engine'
import { OcrStartError, PpocrEngine, ppocrUnavailable, type PpocrOptions } from './ppocr/engine'
import { TesseractEngine, type TesseractOptions } from './tesseract-engine'
import type { OcrPage } from '../../../shared/extraction/ocr-types'

/** 'auto': PP-OCR where it can run, else tesseract.js. */
export type EngineChoice = 'auto' | 'ppocr' | 'tesseract'

export interface CreateEngineOptions {
  readonly engine?: EngineChoice
  readonly ppocr?: PpocrOptions
  readonly tesseract?: TesseractOptions
  /** Where to say why PP-OCR was not used (no personal data: platform and file names only). */
  readonly logger?: Logger
}

/** The engine named by ICP_PREP_OCR, if any. */
export function engineFromEnv(env: NodeJS.ProcessEnv = process.env): EngineChoice | undefined {
  const v = env.ICP_PREP_OCR?.trim().toLowerCase()
  return v === 'ppocr' || v === 'tesseract' || v === 'auto' ? v : undefined
}

/**
 * PP-OCR, falling back to tesseract.js for good when its worker cannot start (the runtime's binary
 * does not load, a model is unreadable). Failures on one image are the image's, not a reason to
 * switch engines.
 */
export class FallbackEngine implements OcrEngine {
  private current: OcrEngine
  private fellBack = false

  constructor(
    primary: OcrEngine,
    private readonly makeFallback: () => OcrEngine,
    private readonly logger?: Logger,
  ) {
    this.current = primary
  }

  get description(): string {
    return this.current.description
  }

  get reportsDirection(): boolean {
    return this.current.reportsDirection === true
  }

  private fallBack(error: unknown): void {
    if (this.fellBack) return
    this.fellBack = true
    const old = this.current
    this.current = this.makeFallback()
    void old.close().catch(() => {})
    this.logger?.log('warn', 'PP-OCR could not start; reading with tesseract.js', {
      reason: error instanceof Error ? error.message : String(error),
    })
  }

  async warm(): Promise<void> {
    try {
      await (this.current as { warm?: () => Promise<void> }).warm?.()
    } catch (error) {
      if (!(error instanceof OcrStartError)) throw error
      this.fallBack(error)
      await (this.current as { warm?: () => Promise<void> }).warm?.()
    }
  }

  async recognize(request: OcrRequest, signal?: AbortSignal): Promise<OcrPage> {
    try {
      return await this.current.recognize(request, signal)
    } catch (error) {
      if (!(error instanceof OcrStartError) || this.fellBack) throw error
      this.fallBack(error)
      return this.current.recognize(request, signal)
    }
  }

  close(): Promise<void> {
    return this.current.close()
  }
}

/** An OCR engine as chosen (default: ICP_PREP_OCR, else 'auto'). */
export function createOcrEngine(options: CreateEngineOptions = {}): OcrEngine {
  const choice = engineFromEnv() ?? options.engine ?? 'auto'
  if (choice === 'tesseract') return new TesseractEngine(options.tesseract)
  if (choice === 'ppocr') return new PpocrEngine(options.ppocr)
  const why = ppocrUnavailable(options.ppocr?.modelDir)
  if (why !== null) {
    options.logger?.log('warn', 'PP-OCR unavailable; reading with tesseract.js', { reason: why })
    return new TesseractEngine(options.tesseract)
  }
  return new FallbackEngine(new PpocrEngine(options.ppocr), () => new TesseractEngine(options.tesseract), options.logger)
}
