/**
 * The OCR engine and pool with the real tesseract.js engine and bundled models: a code line read
 * exactly through the whitelist, timeouts that replace the worker, a bad image that does not take
 * the process down, a missing model that fails fast, and the pool's order and cancellation.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import type { OcrPage } from '../../../shared/extraction/ocr-types'
import { USCC_ALPHABET } from '../../../shared/ids/uscc'
import { CancelledError, OcrTimeoutError, type OcrEngine, type OcrRequest } from '../../../electron/services/ocr/engine'
import { defaultPoolSize, OcrPool } from '../../../electron/services/ocr/pool'
import { TesseractEngine } from '../../../electron/services/ocr/tesseract-engine'
import { makeUscc } from '../../support/ids'

const CODE = makeUscc('91440300', 'MA5FXK2L')

async function line(text: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="90"><rect width="900" height="90" fill="#fff"/><text x="20" y="60" font-size="44" font-family="Noto Sans CJK SC">${text}</text></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

const engine = new TesseractEngine()
afterAll(() => engine.close())

describe('tesseract engine', () => {
  it('reads a credit code line exactly through the English model and the code alphabet', { timeout: 90_000 }, async () => {
    const page = await engine.recognize({ image: await line(CODE), language: 'eng', mode: 'line', whitelist: USCC_ALPHABET })
    expect(page.text.replace(/\s/g, '')).toBe(CODE)
    expect(page.lines[0]?.words[0]?.box.width).toBeGreaterThan(100)
  })

  it('reads Chinese with the Chinese model', { timeout: 90_000 }, async () => {
    const page = await engine.recognize({ image: await line('统一社会信用代码'), language: 'chi_sim+eng', mode: 'line' })
    expect(page.text.replace(/\s/g, '')).toBe('统一社会信用代码')
  })

  it('reads names with the larger Chinese model too, one worker shared by the engines of the process', { timeout: 90_000 }, async () => {
    const other = new TesseractEngine()
    const image = await line('潮州市程盛餐饮管理有限公司')
    expect((await other.recognize({ image, language: 'chi_sim-full', mode: 'line' })).text.replace(/\s/g, '')).toBe(
      '潮州市程盛餐饮管理有限公司',
    )
    // Closing one engine leaves the shared worker to the others.
    await other.close()
    await other.close()
    expect((await engine.recognize({ image, language: 'chi_sim-full', mode: 'line' })).text.replace(/\s/g, '')).toBe(
      '潮州市程盛餐饮管理有限公司',
    )
  })

  it('gives up on a recognition past its budget, then works again with a fresh worker', { timeout: 90_000 }, async () => {
    const image = await line(CODE)
    await expect(engine.recognize({ image, language: 'eng', mode: 'line', timeoutMs: 1 })).rejects.toBeInstanceOf(OcrTimeoutError)
    const page = await engine.recognize({ image, language: 'eng', mode: 'line', whitelist: USCC_ALPHABET })
    expect(page.text.replace(/\s/g, '')).toBe(CODE)
  })

  it('survives an image it cannot decode', { timeout: 90_000 }, async () => {
    await expect(engine.recognize({ image: Buffer.from('not an image at all'), language: 'eng', mode: 'line' })).rejects.toThrow()
    const page = await engine.recognize({ image: await line('2016'), language: 'eng', mode: 'line', whitelist: '0123456789' })
    expect(page.text.trim()).toBe('2016')
  })

  it('fails fast when a model is missing instead of hanging', { timeout: 30_000 }, async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'no-models-'))
    const broken = new TesseractEngine({ langPath: empty, initTimeoutMs: 10_000 })
    await expect(broken.recognize({ image: await line('x'), language: 'eng', mode: 'line' })).rejects.toThrow(/model missing/)
    await expect(broken.recognize({ image: await line('x'), language: 'chi_sim-full', mode: 'line' })).rejects.toThrow(/model missing/)
    await broken.close()
  })

  it('is cancelled by an abort signal', { timeout: 90_000 }, async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(engine.recognize({ image: await line(CODE), language: 'eng', mode: 'line' }, controller.signal)).rejects.toBeInstanceOf(
      CancelledError,
    )
  })
})

/** A scripted engine: each request waits until released, so the test controls the timing. */
class ScriptedEngine implements OcrEngine {
  readonly description = 'scripted'
  readonly seen: string[] = []
  private releases: Array<() => void> = []
  recognize(request: OcrRequest): Promise<OcrPage> {
    this.seen.push(request.image.toString())
    return new Promise((resolve) => this.releases.push(() => resolve({ text: request.image.toString(), confidence: 1, lines: [] })))
  }
  release(): void {
    this.releases.shift()?.()
  }
  async close(): Promise<void> {}
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5))

describe('pool', () => {
  it('is sized to the machine: one engine per core, at least one', () => {
    expect(defaultPoolSize()).toBeGreaterThanOrEqual(1)
    expect(defaultPoolSize()).toBeLessThanOrEqual(4)
  })

  it('runs at most one job per engine, in order, and a failed job frees its engine', async () => {
    const engines: ScriptedEngine[] = []
    const pool = new OcrPool({
      size: 2,
      createEngine: () => (engines.push(new ScriptedEngine()), engines[engines.length - 1] as ScriptedEngine),
    })
    const order: string[] = []
    const job = (name: string, fail = false) =>
      pool.run(async (e) => {
        order.push(`start ${name}`)
        await e.recognize({ image: Buffer.from(name), language: 'eng', mode: 'line' })
        if (fail) throw new Error(`${name} broke`)
        order.push(`end ${name}`)
        return name
      })
    const a = job('a', true)
    const b = job('b')
    const c = job('c')
    await tick()
    expect(order).toEqual(['start a', 'start b'])
    for (const e of engines) e.release()
    await expect(a).rejects.toThrow('a broke')
    await expect(b).resolves.toBe('b')
    await tick()
    expect(order).toContain('start c')
    for (const e of engines) e.release()
    await expect(c).resolves.toBe('c')
    await pool.close()
  })

  it('drops a cancelled job from the queue without running it', async () => {
    const engine = new ScriptedEngine()
    const pool = new OcrPool({ size: 1, createEngine: () => engine })
    const first = pool.run((e) => e.recognize({ image: Buffer.from('first'), language: 'eng', mode: 'line' }))
    const controller = new AbortController()
    const second = pool.run((e) => e.recognize({ image: Buffer.from('second'), language: 'eng', mode: 'line' }), controller.signal)
    controller.abort()
    await expect(second).rejects.toBeInstanceOf(CancelledError)
    engine.release()
    await first
    expect(engine.seen).toEqual(['first'])
    await pool.close()
  })
})
