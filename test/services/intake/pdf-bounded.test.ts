/**
 * Bounded decoding of hostile PDFs (issue 13 items 5 and 6), on real generated files: a Flate
 * stream inflates only to the size its image needs, a content stream only to its cap, the pixels
 * of all pages are counted before decoding, a request decodes only the pages it needs, and the
 * content tokenizer is linear where the old regular expressions were quadratic. The behaviour
 * tests go through decodeBytes and decodeScan, which the old code had too; each failed there.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeBytes, isPlaceholder, type DecodedPage } from '../../../electron/services/intake/decode'
import { scanContent } from '../../../electron/services/intake/pdf-content'
import { inflateBounded, StreamLimitError } from '../../../electron/services/intake/pdf-streams'
import { decodeScan } from '../../../electron/services/intake/upright'
import { contentStreamBomb, manyPagesBomb, objectStreamBomb, repeatedContentPdf, smallImageBomb, zeroFlate } from '../../corpus/pdf-bombs'
import { generateDocument, makeSponsorSet } from '../../generator/index'

let good: { data: Buffer; width: number; height: number }
let dir: string

beforeAll(async () => {
  const card = await generateDocument(makeSponsorSet(5), { type: 'id-front', dpi: 150, format: 'jpg', seed: 3 })
  good = { data: card.data, width: card.width, height: card.height }
  dir = await mkdtemp(path.join(tmpdir(), 'pdf-bounded-'))
})

const messages = (pages: readonly DecodedPage[]): string[] => pages.flatMap((p) => p.findings.map((f) => f.messageEn ?? ''))

const seconds = async <T>(work: () => Promise<T>): Promise<{ value: T; s: number }> => {
  const t = performance.now()
  const value = await work()
  return { value, s: (performance.now() - t) / 1000 }
}

describe('inflateBounded', () => {
  it('stops a 3 GB stream at its bound instead of inflating it whole', () => {
    const bomb = zeroFlate(3e9)
    const t = performance.now()
    expect(() => inflateBounded(bomb, 1 << 20)).toThrow(StreamLimitError)
    // Inflating 3 GB takes seconds and 3 GB; stopping at 1 MB takes milliseconds.
    expect(performance.now() - t).toBeLessThan(500)
  })

  it('returns the data when it fits, exactly at the bound too', () => {
    const data = zeroFlate(100_000)
    expect(inflateBounded(data, 100_000).length).toBe(100_000)
    expect(inflateBounded(data, 100_000, { preallocate: true }).length).toBe(100_000)
    expect(() => inflateBounded(data, 99_999)).toThrow(StreamLimitError)
  })
})

describe('PDF bombs are refused page by page, the good pages still read', () => {
  it('a 10×10 image whose stream inflates to 300 MB is refused by the size its dictionary implies', async () => {
    const { value: r, s } = await seconds(() => decodeBytes(smallImageBomb(good, 300e6)))
    if (!r.ok) throw new Error(r.reasonEn)
    expect(r.pages.map(isPlaceholder)).toEqual([true, false])
    expect(messages(r.pages.slice(0, 1))).toEqual([
      expect.stringMatching(/inflates to more than 65836 bytes \(10×10 pixels need 300\); refused/),
    ])
    expect(r.pages[0]?.findings[0]?.message).toContain('PDF 中的图像解压后超过 65836 字节上限')
    expect(r.pages[1]?.image).toMatchObject({ width: good.width, height: good.height })
    expect(s).toBeLessThan(5)
  })

  it('a content stream that inflates past 16 MB refuses its page, not the file', async () => {
    const r = await decodeBytes(contentStreamBomb(good, 200e6))
    if (!r.ok) throw new Error(r.reasonEn)
    expect(r.pages[0]?.findings.map((f) => f.message)).toEqual([expect.stringContaining('PDF 页面内容解压后超过 16 MB 上限，已拒绝')])
    expect(messages(r.pages.slice(0, 1))).toEqual([expect.stringContaining("the page's content inflates to more than 16 MB; refused")])
    expect(r.pages[1]?.image).toMatchObject({ width: good.width, height: good.height })
  })

  it('refuses an object stream that inflates past 16 MB before the parser expands it', async () => {
    const { value: r, s } = await seconds(() => decodeBytes(objectStreamBomb(good, 300e6)))
    expect(r).toMatchObject({
      ok: false,
      reason: 'PDF 中的对象流解压后超过 16 MB 上限，已拒绝',
      reasonEn: 'an object stream in the PDF inflates to more than 16 MB; refused',
    })
    expect(s).toBeLessThan(3)
  })

  it('counts the pixels of every page before decoding: pages past 100 MP per PDF are refused unread', async () => {
    // Three pages of 5800×5800 (33.6 MP each, 101 MP together): the third is over the budget.
    const r = await decodeBytes(manyPagesBomb(3, 5800))
    if (!r.ok) throw new Error(r.reasonEn)
    expect(r.pages.map((p) => isPlaceholder(p))).toEqual([false, false, true])
    expect(r.pages[2]?.findings[0]?.message).toContain('超过每份 PDF 100 百万像素的上限，第 3 页未解码，已拒绝')
    expect(messages(r.pages.slice(2))).toEqual([expect.stringContaining('page 3 was refused before decoding')])
  })

  it('a thumbnail decodes one page of many; the packager stops at the first usable page', { timeout: 30_000 }, async () => {
    const file = path.join(dir, 'fifty.pdf')
    await writeFile(file, manyPagesBomb(5, 3000))
    const first = await decodeScan(file, { only: 'first' })
    if (!first.ok) throw new Error(first.reasonEn)
    expect([first.pages.length, first.pageCount]).toEqual([1, 5])
    const usable = await decodeScan(file, { only: 'first-usable' })
    expect(usable.ok && usable.pages.map((p) => p.usable)).toEqual([true])
    const last = await decodeScan(file, { only: 'last-usable' })
    expect(last.ok && last.pages.map((p) => p.page)).toEqual([5])
  })
})

describe('the content tokenizer is linear', () => {
  it.each([
    // Painted-path detection ran on pages without an image; text detection on every page.
    { unit: '0 0 l ', times: 80_000, image: false, electronic: true },
    { unit: '0 0 m 1 1 l ', times: 40_000, image: false, electronic: true },
    { unit: 'BT ', times: 80_000, image: true, electronic: false },
  ])('"$unit" × $times: one pass, not seconds', async ({ unit, times, image, electronic }) => {
    const { value: r, s } = await seconds(() => decodeBytes(repeatedContentPdf(unit, times, image ? good : undefined)))
    expect(r.ok && r.pages.map((p) => [p.electronic, isPlaceholder(p)])).toEqual([[electronic, !image]])
    // The old regular expressions took 8–21 s on these here (83 s and 14 s in the measurements).
    expect(s).toBeLessThan(2)
  })

  it('scans 16 MB of hostile content in well under a second', () => {
    const content = Buffer.from('BT 0 0 l ('.repeat(1_700_000), 'latin1')
    const t = performance.now()
    scanContent(content)
    expect(performance.now() - t).toBeLessThan(1500)
  })

  const facts = (text: string) => scanContent(Buffer.from(text, 'latin1'))

  it('finds visible text, and only visible text', () => {
    expect(facts('BT /F1 12 Tf 10 10 Td (Hello) Tj ET').visibleText).toBe(true)
    expect(facts('BT [(A) 10 (B)] TJ ET').visibleText).toBe(true)
    expect(facts("BT (line) ' ET").visibleText).toBe(true)
    // OCR layers of scans draw invisible text (render mode 3), set inside or before the text object.
    expect(facts('BT 3 Tr (hidden) Tj ET').visibleText).toBe(false)
    expect(facts('3 Tr BT (hidden) Tj ET').visibleText).toBe(false)
    expect(facts('q 3 Tr Q BT (shown) Tj ET').visibleText).toBe(true)
    // Operators inside strings, comments or inline image data are not operators.
    expect(facts('BT (not a Tj ET) ET').visibleText).toBe(false)
    expect(facts('% BT (x) Tj ET\n q Q').visibleText).toBe(false)
    expect(facts('BI /W 2 /H 1 /BPC 8 /CS /G ID BT (x) Tj ET\nEI BT ET').visibleText).toBe(false)
    expect(facts('BT <48656c6c6f> Tj ET').visibleText).toBe(true)
    // A show operator outside a text object draws nothing.
    expect(facts('(x) Tj').visibleText).toBe(false)
  })

  it('counts painted paths, not paths built and dropped', () => {
    expect(facts('0 0 m 10 10 l S 0 0 10 10 re f 1 1 m 2 2 3 3 4 4 c B*').paintedPaths).toBe(3)
    // A clipping rectangle ended with n (every scanner page has one) paints nothing.
    expect(facts('0 0 595 842 re W n q 595 0 0 842 0 0 cm /Im0 Do Q').paintedPaths).toBe(0)
    expect(facts('0 0 l 0 0 l 0 0 l').paintedPaths).toBe(0)
    expect(facts('   \n\t% only a comment\n').nonEmpty).toBe(false)
    expect(facts('q Q').nonEmpty).toBe(true)
  })
})
