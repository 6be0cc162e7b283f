/**
 * The PP-OCR engine with the real models and onnxruntime-node in its worker thread: codes read
 * exactly through a whitelist, rare name characters, an upside-down line the classifier turns, a
 * rotated line on a page, the sample case's scans, word and character boxes, a bad image, a
 * timeout that replaces the worker, cancellation, the engine choice, and no network attempt.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OcrPage } from '../../../shared/extraction/ocr-types'
import { USCC_ALPHABET } from '../../../shared/ids/uscc'
import { CancelledError, OcrTimeoutError } from '../../../electron/services/ocr/engine'
import { createOcrEngine, engineFromEnv, FallbackEngine } from '../../../electron/services/ocr/create-engine'
import { OcrStartError, PpocrEngine, ppocrUnavailable } from '../../../electron/services/ocr/ppocr/engine'
import { OcrPool } from '../../../electron/services/ocr/pool'
import { resourcePath } from '../../../electron/services/resources'
import { makeUscc } from '../../support/ids'
import { runGuarded } from '../../support/offline'

const CODE = makeUscc('91440300', 'MA5FXK2L')
const FONT = 'Noto Sans CJK SC'

function svgLine(text: string, width = 1000, height = 90, transform = ''): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#fff"/><text x="20" y="${Math.round(height * 0.66)}" font-size="44" font-family="${FONT}" transform="${transform}">${text}</text></svg>`
}
const png = (svg: string): Promise<Buffer> => sharp(Buffer.from(svg)).png().toBuffer()
const flat = (p: OcrPage): string => p.text.replace(/\s/g, '')

const engine = new PpocrEngine()
beforeAll(() => engine.warm(), 30_000)
afterAll(() => engine.close())

describe('PP-OCR engine', () => {
  it('reads a credit code line exactly through the whitelist, with word and character boxes on it', async () => {
    const page = await engine.recognize({ image: await png(svgLine(CODE)), language: 'eng', mode: 'line', whitelist: USCC_ALPHABET })
    expect(flat(page)).toBe(CODE)
    const word = page.lines[0]?.words[0]
    expect(word?.box.width).toBeGreaterThan(300)
    expect(word?.chars?.map((c) => c.text).join('')).toBe(CODE)
    const xs = word?.chars?.map((c) => c.box.x) ?? []
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
  })

  it('splits a label and its value into two words where the gap is wider than a character', async () => {
    const page = await engine.recognize({
      image: await png(svgLine(`统一社会信用代码<tspan x="480">${CODE}</tspan>`, 1100)),
      language: 'chi_sim+eng',
      mode: 'line',
    })
    const words = page.lines[0]?.words.map((w) => w.text)
    expect(words).toEqual(['统一社会信用代码', CODE])
    expect(page.lines[0]?.text).toBe(`统一社会信用代码 ${CODE}`)
    const [a, b] = page.lines[0]?.words ?? []
    expect((a?.box.x ?? 0) + (a?.box.width ?? 0)).toBeLessThan(b?.box.x ?? 0)
  })

  it('reads rare name characters', async () => {
    const page = await engine.recognize({ image: await png(svgLine('张彧 李翊 王祎 赵磊')), language: 'chi_sim+eng', mode: 'page' })
    expect(flat(page)).toBe('张彧李翊王祎赵磊')
  })

  it('turns an upside-down line with the direction classifier', async () => {
    const upright = await png(svgLine('潮州市程盛餐饮管理有限公司'))
    const image = await sharp(upright).rotate(180).png().toBuffer()
    const page = await engine.recognize({ image, language: 'chi_sim+eng', mode: 'page' })
    expect(flat(page)).toBe('潮州市程盛餐饮管理有限公司')
  })

  it('reads a line set at an angle on a page, its box in the image', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="700"><rect width="1000" height="700" fill="#fff"/>
      <text x="60" y="90" font-size="40" font-family="${FONT}">住所 广东省深圳市南山区</text>
      <text x="0" y="0" font-size="40" font-family="${FONT}" transform="translate(150 300) rotate(12)">成立日期 2016年05月20日</text>
      <text x="0" y="0" font-size="40" font-family="${FONT}" transform="translate(100 620) rotate(-8)">法定代表人 丁浩平</text></svg>`
    const page = await engine.recognize({ image: await png(svg), language: 'chi_sim+eng', mode: 'page' })
    const text = flat(page)
    expect(text).toContain('成立日期2016年05月20日')
    expect(text).toContain('法定代表人丁浩平')
    expect(page.lines.map((l) => l.text.replace(/\s/g, ''))[0]).toBe('住所广东省深圳市南山区')
    const dated = page.lines.find((l) => l.text.includes('2016'))
    expect(dated?.box.height).toBeGreaterThan(100) // the axis-aligned box of a 12° line
  })

  it('reads only the rectangle, with boxes in the pixels of the whole image', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="400"><rect width="1000" height="400" fill="#fff"/>
      <text x="40" y="80" font-size="40" font-family="${FONT}">名称 甲公司</text>
      <text x="520" y="300" font-size="40" font-family="${FONT}">类型 有限责任公司</text></svg>`
    const rectangle = { x: 500, y: 200, width: 500, height: 200 }
    const page = await engine.recognize({ image: await png(svg), language: 'chi_sim+eng', mode: 'sparse', rectangle })
    expect(flat(page)).toBe('类型有限责任公司')
    for (const w of page.lines.flatMap((l) => l.words)) {
      expect(w.box.x).toBeGreaterThanOrEqual(500)
      expect(w.box.y).toBeGreaterThanOrEqual(200)
    }
  })

  it('reads the sample case scans: known values in the page text, boxes inside the image and in reading order', async () => {
    const known: Record<string, string[]> = {
      '营业执照.jpg': ['9144510358ADH7AU7N', '潮州市程盛餐饮管理有限公司', '丁浩平', '2004年3月28日'],
      '主体负责人身份证.jpg': ['丁浩平', '440704200205240756'],
    }
    for (const [file, values] of Object.entries(known)) {
      const image = readFileSync(resourcePath('sample-case', 'scans', file))
      const { width = 0, height = 0 } = await sharp(image).metadata()
      const page = await engine.recognize({ image, language: 'chi_sim+eng', mode: 'page' })
      for (const v of values) expect(flat(page), file).toContain(v)
      const tops = page.lines.map((l) => l.box.y)
      for (let i = 1; i < tops.length; i += 1) expect(tops[i] as number).toBeGreaterThan((tops[i - 1] as number) - 40)
      for (const w of page.lines.flatMap((l) => l.words)) {
        expect(w.box.x).toBeGreaterThanOrEqual(0)
        expect(w.box.y).toBeGreaterThanOrEqual(0)
        expect(w.box.x + w.box.width).toBeLessThanOrEqual(width)
        expect(w.box.y + w.box.height).toBeLessThanOrEqual(height)
      }
    }
  }, 30_000)

  it('rejects an image it cannot decode and keeps working', async () => {
    await expect(engine.recognize({ image: Buffer.from('not an image at all'), language: 'eng', mode: 'line' })).rejects.toThrow(
      /OCR failed/,
    )
    const page = await engine.recognize({ image: await png(svgLine('2016')), language: 'eng', mode: 'line', whitelist: '0123456789' })
    expect(page.text).toBe('2016')
  })

  it('gives up on a recognition past its budget, then works again with a fresh worker', async () => {
    const image = readFileSync(resourcePath('sample-case', 'scans', '营业执照.jpg'))
    await expect(engine.recognize({ image, language: 'chi_sim+eng', mode: 'page', timeoutMs: 5 })).rejects.toBeInstanceOf(OcrTimeoutError)
    const page = await engine.recognize({ image: await png(svgLine(CODE)), language: 'eng', mode: 'line', whitelist: USCC_ALPHABET })
    expect(flat(page)).toBe(CODE)
  }, 30_000)

  it('is cancelled by an abort signal, before or during the work', async () => {
    const image = readFileSync(resourcePath('sample-case', 'scans', '营业执照.jpg'))
    const before = new AbortController()
    before.abort()
    await expect(engine.recognize({ image, language: 'chi_sim+eng', mode: 'page' }, before.signal)).rejects.toBeInstanceOf(CancelledError)
    const during = new AbortController()
    const job = engine.recognize({ image, language: 'chi_sim+eng', mode: 'page' }, during.signal)
    setTimeout(() => during.abort(), 50)
    await expect(job).rejects.toBeInstanceOf(CancelledError)
    expect(flat(await engine.recognize({ image: await png(svgLine('2016')), language: 'eng', mode: 'line' }))).toBe('2016')
  }, 30_000)
})

describe('engine choice', () => {
  it('finds PP-OCR runnable here, and says why not when models are missing', async () => {
    expect(ppocrUnavailable()).toBeNull()
    const empty = await mkdtemp(path.join(tmpdir(), 'no-ppocr-'))
    expect(ppocrUnavailable(empty)).toMatch(/model missing/)
    const broken = new PpocrEngine({ modelDir: empty })
    await expect(broken.warm()).rejects.toBeInstanceOf(OcrStartError)
    await broken.close()
  })

  it('falls back to tesseract.js when PP-OCR cannot start, and honours ICP_PREP_OCR', async () => {
    expect(engineFromEnv({ ICP_PREP_OCR: 'tesseract' })).toBe('tesseract')
    expect(engineFromEnv({ ICP_PREP_OCR: 'PPOCR' })).toBe('ppocr')
    expect(engineFromEnv({})).toBeUndefined()
    const empty = await mkdtemp(path.join(tmpdir(), 'no-ppocr-'))
    const auto = createOcrEngine({ ppocr: { modelDir: empty } })
    expect(auto.description).toMatch(/tesseract/)
    await auto.close()
    // A PP-OCR engine whose models fail to load at start: the wrapper switches for good.
    const logged: string[] = []
    const fallback = new FallbackEngine(new PpocrEngine({ modelDir: empty }), () => createOcrEngine({ engine: 'tesseract' }), {
      log: (_level, message) => void logged.push(message),
    })
    const page = await fallback.recognize({ image: await png(svgLine('2016')), language: 'eng', mode: 'line', whitelist: '0123456789' })
    expect(page.text.trim()).toBe('2016')
    expect(fallback.description).toMatch(/tesseract/)
    expect(logged).toEqual(['PP-OCR could not start; reading with tesseract.js'])
    await fallback.close()
  }, 60_000)

  it('lets the pool build PP-OCR engines', async () => {
    const pool = new OcrPool({ engine: 'ppocr', size: 1 })
    expect(pool.description).toMatch(/PP-OCRv4/)
    await pool.close()
  })
})

describe('offline', () => {
  it('recognises in a child process with the network guard and attempts no connection', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ppocr-net-'))
    const image = path.join(dir, 'line.png')
    await writeFile(image, await png(svgLine(CODE)))
    const script = path.join(dir, 'read.mjs')
    const engineUrl = new URL('../../../electron/services/ocr/ppocr/engine.ts', import.meta.url).href
    const tsx = pathToFileURL(
      path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
    ).href
    await writeFile(
      script,
      `import { register } from ${JSON.stringify(tsx)}
       import { readFileSync } from 'node:fs'
       register()
       const { PpocrEngine } = await import(${JSON.stringify(engineUrl)})
       const e = new PpocrEngine()
       const page = await e.recognize({ image: readFileSync(${JSON.stringify(image)}), language: 'eng', mode: 'line' })
       process.stdout.write(page.text)
       await e.close()`,
    )
    const r = runGuarded([], { script, cwd: path.resolve(import.meta.dirname, '../../..') })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.replace(/\s/g, '')).toBe(CODE)
    expect(r.attempts).toEqual([])
  }, 30_000)
})
