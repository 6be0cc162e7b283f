/**
 * The tesseract.js adapter, set up to run fully offline (toolchain.md): models from the bundled
 * best_int folder (langPath + gzip), no cache written to the working directory, an errorHandler so
 * one bad image cannot crash the process, a timeout on start-up (a missing model makes
 * createWorker hang) and on every recognition (the worker is then replaced, not reused).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { createWorker, OEM, PSM } from 'tesseract.js'
import type Tesseract from 'tesseract.js'
import type { OcrLine, OcrPage } from '../../../shared/extraction/ocr-types'
import { resourcePath } from '../resources'
import { CancelledError, OcrTimeoutError, type OcrEngine, type OcrLanguage, type OcrRequest, SerialQueue } from './engine'

export interface TesseractOptions {
  /** Folder with chi_sim.traineddata.gz and eng.traineddata.gz (default: resources/tessdata). */
  readonly langPath?: string
  /** Folder with the larger chi_sim.traineddata.gz (4.0.0) for `chi_sim-full` (default: <langPath>/full). */
  readonly fullLangPath?: string
  /** Budget for creating a worker (loading the models). */
  readonly initTimeoutMs?: number
  /** Budget for one recognition. */
  readonly recognizeTimeoutMs?: number
}

const MODE: Record<OcrRequest['mode'], PSM> = { page: PSM.AUTO, sparse: PSM.SPARSE_TEXT, line: PSM.SINGLE_LINE, block: PSM.SINGLE_BLOCK }

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout()
      reject(new OcrTimeoutError(ms))
    }, ms)
    const abort = (): void => {
      clearTimeout(timer)
      onTimeout()
      reject(new CancelledError())
    }
    signal?.addEventListener('abort', abort, { once: true })
    promise.then(
      (v) => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', abort)
        resolve(v)
      },
      (e: unknown) => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', abort)
        reject(e instanceof Error ? e : new Error(String(e)))
      },
    )
  })
}

function toPage(data: Tesseract.Page): OcrPage {
  const lines: OcrLine[] = []
  const box = (b: Tesseract.Bbox) => ({ x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 })
  for (const block of data.blocks ?? [])
    for (const para of block.paragraphs)
      for (const line of para.lines) {
        const words = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({ text: w.text, confidence: w.confidence / 100, box: box(w.bbox) }))
        if (words.length === 0) continue
        lines.push({ text: line.text.replace(/\s+$/, ''), confidence: line.confidence / 100, box: box(line.bbox), words })
      }
  return { text: data.text, confidence: data.confidence / 100, lines }
}

/** One tesseract.js worker for one language set; replaced whenever it times out. */
class WorkerSlot {
  private worker: Promise<Tesseract.Worker> | null = null
  private lastError: unknown = null

  constructor(
    private readonly language: OcrLanguage,
    private readonly options: Required<TesseractOptions>,
  ) {}

  private start(): Promise<Tesseract.Worker> {
    const langs = this.language === 'eng' ? ['eng'] : this.language === 'chi_sim-full' ? ['chi_sim'] : ['chi_sim', 'eng']
    const langPath = this.language === 'chi_sim-full' ? this.options.fullLangPath : this.options.langPath
    for (const lang of langs) {
      const file = path.join(langPath, `${lang}.traineddata.gz`)
      if (!existsSync(file)) return Promise.reject(new Error(`OCR model missing: ${file}`))
    }
    const created = createWorker(
      langs,
      OEM.LSTM_ONLY,
      {
        langPath,
        gzip: true,
        cacheMethod: 'none',
        errorHandler: (error: unknown) => {
          this.lastError = error
        },
      },
      // tprintf noise ("Error opening data file ...") goes nowhere instead of the user's terminal.
      { debug_file: '/dev/null' } as unknown as Partial<Tesseract.InitOptions>,
    ).then(async (w) => {
      await w.setParameters({ preserve_interword_spaces: '1' })
      return w
    })
    return withTimeout(created, this.options.initTimeoutMs, () => void created.then((w) => w.terminate()).catch(() => {}))
  }

  async get(): Promise<Tesseract.Worker> {
    this.worker ??= this.start()
    try {
      return await this.worker
    } catch (error) {
      this.worker = null
      throw error
    }
  }

  /** Throws the worker away (after a timeout or cancellation); the next call starts a fresh one. */
  discard(): void {
    const old = this.worker
    this.worker = null
    void old?.then((w) => w.terminate()).catch(() => {})
  }

  private readonly queue = new SerialQueue()

  /** Parameters and recognition of one request must not interleave with another's: one at a time. */
  recognize(request: OcrRequest, signal?: AbortSignal): Promise<OcrPage> {
    return this.queue.run(() => this.recognizeNow(request, signal))
  }

  private async recognizeNow(request: OcrRequest, signal?: AbortSignal): Promise<OcrPage> {
    if (signal?.aborted) throw new CancelledError()
    const worker = await this.get()
    this.lastError = null
    await worker.setParameters({
      tessedit_pageseg_mode: MODE[request.mode],
      tessedit_char_whitelist: request.whitelist ?? '',
      user_defined_dpi: '300',
    })
    const r = request.rectangle
    const options = r
      ? { rectangle: { left: Math.round(r.x), top: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) } }
      : {}
    const job = worker.recognize(request.image, options, { text: true, blocks: true })
    try {
      const result = await withTimeout(job, request.timeoutMs ?? this.options.recognizeTimeoutMs, () => this.discard(), signal)
      return toPage(result.data)
    } catch (error) {
      if (this.lastError !== null && !(error instanceof OcrTimeoutError) && !(error instanceof CancelledError))
        throw new Error(`OCR failed: ${String(this.lastError)}`, { cause: error })
      throw error
    }
  }

  async close(): Promise<void> {
    const w = this.worker
    this.worker = null
    if (w) await w.then((x) => x.terminate()).catch(() => {})
  }
}

/**
 * The larger Chinese model's worker is shared by all engines of the process: it is asked only for
 * second opinions on doubtful names, so one worker keeps up with a pool, and a worker per engine
 * would cost ~230 MB each (bench:extract). Counted, so the last engine to close terminates it.
 */
const sharedSlots = new Map<string, { slot: WorkerSlot; users: number }>()

function shareSlot(language: OcrLanguage, options: Required<TesseractOptions>): WorkerSlot {
  const key = `${language}\0${options.fullLangPath}`
  const entry = sharedSlots.get(key) ?? { slot: new WorkerSlot(language, options), users: 0 }
  entry.users += 1
  sharedSlots.set(key, entry)
  return entry.slot
}

async function releaseSlot(slot: WorkerSlot): Promise<void> {
  for (const [key, entry] of sharedSlots)
    if (entry.slot === slot) {
      entry.users -= 1
      if (entry.users > 0) return
      sharedSlots.delete(key)
    }
  await slot.close()
}

/**
 * One engine = one Chinese+English worker for pages and names and one English worker for codes;
 * a pool holds one engine per core. Workers start on first use (or on warm()); the larger model's
 * worker, shared, on the first doubtful name.
 */
export class TesseractEngine implements OcrEngine {
  private readonly slots: Record<OcrLanguage, WorkerSlot>
  readonly description: string

  constructor(options: TesseractOptions = {}) {
    const langPath = options.langPath ?? resourcePath('tessdata')
    const full: Required<TesseractOptions> = {
      langPath,
      fullLangPath: options.fullLangPath ?? path.join(langPath, 'full'),
      initTimeoutMs: options.initTimeoutMs ?? 30_000,
      recognizeTimeoutMs: options.recognizeTimeoutMs ?? 60_000,
    }
    this.slots = {
      'chi_sim+eng': new WorkerSlot('chi_sim+eng', full),
      eng: new WorkerSlot('eng', full),
      'chi_sim-full': shareSlot('chi_sim-full', full),
    }
    this.description = 'tesseract.js 7.0.0 (LSTM, chi_sim+eng 4.0.0_best_int; chi_sim 4.0.0 second opinions on names)'
  }

  /** Loads both models now, so the first document does not pay for it. */
  async warm(): Promise<void> {
    await Promise.all([this.slots['chi_sim+eng'].get(), this.slots.eng.get()])
  }

  recognize(request: OcrRequest, signal?: AbortSignal): Promise<OcrPage> {
    return this.slots[request.language].recognize(request, signal)
  }

  private closed = false

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await Promise.all([this.slots['chi_sim+eng'].close(), this.slots.eng.close(), releaseSlot(this.slots['chi_sim-full'])])
  }
}
