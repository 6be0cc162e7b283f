/**
 * Hard layouts: a long sponsor name (wrapped, never clipped), ten websites over two pages, and
 * rare characters — 䶮 printed, 𠮷 (not in the font) reported and boxed, never a silent blank.
 */
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadLetterFonts, type LetterFonts } from '../../../electron/services/letter/fonts'
import { generateLetter, layoutFor } from '../../../electron/services/letter/generate'
import { loadBundledTemplate } from '../../../electron/services/letter/templates'
import { A4_PT, type TextOp } from '../../../shared/letter/draw-ops'
import { poppler, renderPage } from '../../support/letter-scan'
import { SAMPLE_DATE } from '../../support/sample-case'
import { caseOf, generate as generateWith, individual, inkPerTextRun, LONG_NAME, MIN_INK, squash } from './helpers'

let fonts: LetterFonts
beforeAll(async () => {
  fonts = await loadLetterFonts()
})
const generate = (c: Parameters<typeof generateWith>[0]) => generateWith(c, fonts)

describe('generateLetter: hard layouts', () => {
  it('wraps a long sponsor name inside its cell and on the signature line, never clipping it', async () => {
    const c = caseOf((d) => {
      d.sponsor.name = LONG_NAME
      const site = d.websites[0]
      if (site) site.domainCertificate.owner = LONG_NAME
    })
    const letter = await generate(c)
    expect(squash(poppler('pdftotext', letter.pdf))).toContain(LONG_NAME)
    const layout = layoutFor(c, await loadBundledTemplate('unit'), SAMPLE_DATE, fonts)
    const rightEdge = A4_PT.width - (22 * 72) / 25.4
    for (const page of layout.pages)
      for (const op of page.ops.filter((o): o is TextOp => o.op === 'text' && !o.grey)) {
        const width = [...op.text].reduce((s, ch) => s + fonts.metrics.advance(ch, op.face) * op.size + op.spacing, 0) - op.spacing
        expect(op.x + width, op.text).toBeLessThanOrEqual(rightEdge + op.size) // at most one hanging punctuation mark
      }
    // The name is split over lines, so some line holds only part of it.
    const nameLines = layout.pages
      .flatMap((p) => p.ops)
      .filter((o): o is TextOp => o.op === 'text' && LONG_NAME.includes(o.text) && o.text.length > 4)
    expect(nameLines.some((o) => o.text !== LONG_NAME)).toBe(true)
    expect(layout.overflows).toEqual([])
    const runs = await inkPerTextRun(letter.pdf, layout, fonts, 1)
    expect(runs.filter((r) => r.ink < MIN_INK)).toEqual([])
  })

  it('lists ten websites, continuing on a second page with the signature block at its place on the last page', async () => {
    const c = caseOf((d) => {
      const first = d.websites[0]
      if (!first) throw new Error('sample')
      for (let i = 2; i <= 10; i += 1)
        d.websites.push({
          ...JSON.parse(JSON.stringify(first)),
          name: `云帆服务站点${i}`,
          domain: `yunfan-site${i}.cn`,
          homepage: `www.yunfan-site${i}.cn`,
        })
    })
    const letter = await generate(c)
    expect(letter.pages).toBe(2)
    const text = squash(poppler('pdftotext', letter.pdf))
    for (let i = 2; i <= 10; i += 1) {
      expect(text).toContain(`云帆服务站点${i}`)
      expect(text).toContain(`yunfan-site${i}.cn`)
    }
    expect(text).toContain('共10个')
    expect(text).toContain('第2页共2页')
    const layout = layoutFor(c, await loadBundledTemplate('unit'), SAMPLE_DATE, fonts)
    const lastOps = layout.pages[1]?.ops ?? []
    expect(lastOps.some((o) => o.op === 'circle')).toBe(true)
    for (const page of [1, 2]) expect((await inkPerTextRun(letter.pdf, layout, fonts, page)).filter((r) => r.ink < MIN_INK)).toEqual([])
  })

  it('prints 䶮 (CJK Ext. A) and reports 𠮷 (U+20BB7), which the font lacks, with a visible box instead of a blank', async () => {
    const c = caseOf(individual('刘䶮𠮷'))
    const r = await generateLetter(c, { today: SAMPLE_DATE, fonts })
    expect(r.pdf).not.toBeNull()
    const pdf = r.pdf as Uint8Array
    const missing = r.findings.filter((f) => f.rule === 'letter-glyph-missing')
    expect(missing.map((f) => [f.field, f.severity])).toEqual([
      ['sponsor.name', 'warning'],
      ['websites[0].manager.name', 'warning'],
    ])
    expect(missing[0]?.message).toContain('U+20BB7')
    expect(missing[0]?.message).toContain('主办单位名称')
    const text = poppler('pdftotext', pdf)
    expect(text).toContain('刘䶮')
    expect(text).not.toContain('𠮷')
    // Where 𠮷 would be, a box is drawn: dark pixels on its border.
    const layout = layoutFor(c, await loadBundledTemplate('individual'), SAMPLE_DATE, fonts)
    const box = layout.pages[0]?.ops.find((o) => o.op === 'rect' && o.width < 20)
    expect(box).toBeDefined()
    if (box?.op !== 'rect') return
    const dpi = 150
    const { data, info } = await sharp(renderPage(pdf, dpi)).greyscale().raw().toBuffer({ resolveWithObject: true })
    const k = dpi / 72
    let dark = 0
    for (let x = Math.floor(box.x * k); x <= Math.ceil((box.x + box.width) * k); x += 1)
      for (const y of [Math.round(box.y * k), Math.round((box.y + box.height) * k)])
        for (let dy = -1; dy <= 1; dy += 1) if ((data[(y + dy) * info.width + x] ?? 255) < 180) dark += 1
    expect(dark).toBeGreaterThan(10)
    expect((await inkPerTextRun(pdf, layout, fonts, 1)).filter((x) => x.ink < MIN_INK)).toEqual([])
  })
})
