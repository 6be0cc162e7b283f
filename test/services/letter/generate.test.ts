/**
 * The generated letter, read back the way a person and a provider would see it: rendered to an
 * image (glyphs must be ink, not blank — the known pdf-lib subsetting failure), text extracted,
 * fonts listed, page size measured; and refused when the case would make it wrong.
 */
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadLetterFonts, type LetterFonts } from '../../../electron/services/letter/fonts'
import { generateLetter, layoutFor, type GeneratedLetter } from '../../../electron/services/letter/generate'
import { loadBundledTemplate } from '../../../electron/services/letter/templates'
import { A4_PT, type TextOp } from '../../../shared/letter/draw-ops'
import type { LetterLayout } from '../../../shared/letter/layout'
import { parseCase, type Case } from '../../../shared/model/case'
import { makeResidentId } from '../../support/ids'
import { poppler, renderPage } from '../../support/letter-scan'
import { PRINCIPAL_ID, SAMPLE_DATE, SAMPLE_USCC, sampleCase, type EditableCase } from '../../support/sample-case'

let fonts: LetterFonts
beforeAll(async () => {
  fonts = await loadLetterFonts()
})

function caseOf(mutate: (c: EditableCase) => void = () => {}): Case {
  const data = sampleCase()
  mutate(data)
  const parsed = parseCase(data)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return parsed.case
}

async function generate(c: Case, date = SAMPLE_DATE): Promise<GeneratedLetter & { pdf: Uint8Array }> {
  const r = await generateLetter(c, { today: SAMPLE_DATE, date, fonts })
  if (!r.pdf) throw new Error(JSON.stringify(r.findings, null, 1))
  return r as GeneratedLetter & { pdf: Uint8Array }
}

const LONG_NAME = '深圳市前海深港现代服务业合作区云帆国际网络科技与数字文化传播发展有限公司'

const individual = (name: string) => (c: EditableCase) => {
  c.sponsor = {
    type: '个人',
    name,
    certificateType: '居民身份证',
    certificateNumber: PRINCIPAL_ID,
    mailingAddress: '广东省深圳市南山区科苑路15号1201',
  }
  c.principal.name = name
  c.documents = c.documents.filter((d) => d.role !== 'sponsor-certificate')
  const site = c.websites[0]
  if (site) {
    site.name = '思远的摄影日记'
    site.domainCertificate.owner = name
    site.manager = { ...c.principal }
  }
}

/** Share of dark pixels inside each text run's box on a page rendered at `dpi`. */
async function inkPerTextRun(
  pdf: Uint8Array,
  layout: LetterLayout,
  page: number,
  dpi = 100,
): Promise<Array<{ text: string; ink: number }>> {
  const png = renderPage(pdf, dpi, page)
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })
  const k = dpi / 72
  const ops = (layout.pages[page - 1]?.ops ?? []).filter((o): o is TextOp => o.op === 'text' && o.text.trim() !== '')
  return ops.map((op) => {
    const width = [...op.text].reduce((s, ch) => s + fonts.metrics.advance(ch, op.face) * op.size + op.spacing, 0)
    const x0 = Math.floor(op.x * k)
    const x1 = Math.ceil((op.x + width) * k)
    const y0 = Math.floor((op.baseline - op.size * 0.9) * k)
    const y1 = Math.ceil((op.baseline + op.size * 0.15) * k)
    let dark = 0
    let total = 0
    for (let y = y0; y < y1; y += 1)
      for (let x = x0; x < x1; x += 1) {
        total += 1
        if ((data[y * info.width + x] ?? 255) < 200) dark += 1
      }
    return { text: op.text, ink: dark / Math.max(1, total) }
  })
}

/** A run of text with less ink than this is blank (一、 the leanest, has ~3 %). */
const MIN_INK = 0.01

const squash = (s: string): string => s.replace(/\s+/g, '')

describe('generateLetter: the sample unit case', () => {
  let letter: GeneratedLetter & { pdf: Uint8Array }
  let layout: LetterLayout
  beforeAll(async () => {
    const c = caseOf()
    letter = await generate(c)
    layout = layoutFor(c, await loadBundledTemplate('unit'), SAMPLE_DATE, fonts)
  })

  it('is one A4 page with the Chinese font embedded as a subset', () => {
    expect(letter.pages).toBe(1)
    const info = poppler('pdfinfo', letter.pdf)
    expect(info).toMatch(/Pages:\s+1/)
    expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/)
    const fontsTable = poppler('pdffonts', letter.pdf)
    const rows = fontsTable.split('\n').filter((l) => l.includes('NotoSerifSC'))
    expect(rows).toHaveLength(2)
    // name, type, encoding, emb, sub, uni: both faces embedded, subset, with a ToUnicode map.
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+NotoSerifSC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/)
    expect(letter.pdf.length).toBeLessThan(150_000)
  })

  it('prints every filled field, the title and the date in Chinese form', () => {
    const text = squash(poppler('pdftotext', letter.pdf, ['-layout']))
    for (const value of [
      '互联网信息服务备案承诺书',
      '（单位）',
      '深圳市云帆网络科技有限公司',
      '营业执照',
      SAMPLE_USCC,
      '陈思远',
      '云帆软件服务',
      'yunfan-tech.cn',
      '林晓彤',
      '2026年12月01日',
      '共1个',
    ])
      expect(text).toContain(value)
    expect(text).toContain('一、本单位提交的备案信息')
    expect(text).toContain('六、如提供虚假信息')
  })

  it('draws real glyphs: every text run on the rendered page has ink (never blank)', async () => {
    const runs = await inkPerTextRun(letter.pdf, layout, 1)
    expect(runs.length).toBeGreaterThan(40)
    const blank = runs.filter((r) => r.ink < MIN_INK)
    expect(blank, JSON.stringify(runs.filter((r) => r.ink < MIN_INK))).toEqual([])
  })

  it('leaves the signature box and the seal circle empty, inside the page', () => {
    const ops = layout.pages[0]?.ops ?? []
    const rects = ops.filter((o) => o.op === 'rect' && o.width > 200)
    expect(rects.length).toBeGreaterThanOrEqual(1)
    expect(ops.some((o) => o.op === 'circle')).toBe(true)
    const boxes = letter.scanLayout.boxes
    expect(boxes.map((b) => b.kind).sort()).toEqual(['seal', 'signature'])
    for (const b of boxes) expect(b.x + b.width <= 210 && b.y + b.height <= 297).toBe(true)
  })

  it('is byte-identical for the same case and date, and differs for another date', async () => {
    const again = await generate(caseOf())
    expect(Buffer.compare(Buffer.from(again.pdf), Buffer.from(letter.pdf))).toBe(0)
    const later = await generate(caseOf(), '2026-12-02')
    expect(Buffer.compare(Buffer.from(later.pdf), Buffer.from(letter.pdf))).not.toBe(0)
    expect(squash(poppler('pdftotext', later.pdf))).toContain('2026年12月02日')
  })

  it('says the wording is ours', () => {
    expect(letter.findings.map((f) => [f.rule, f.severity])).toEqual([['letter-wording-ours', 'info']])
    expect(letter.template).toMatchObject({ id: 'gd-commitment-unit', variant: 'unit', wording: 'ours' })
  })
})

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
    const runs = await inkPerTextRun(letter.pdf, layout, 1)
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
    for (const page of [1, 2]) expect((await inkPerTextRun(letter.pdf, layout, page)).filter((r) => r.ink < MIN_INK)).toEqual([])
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
    expect((await inkPerTextRun(pdf, layout, 1)).filter((x) => x.ink < MIN_INK)).toEqual([])
  })
})

describe('generateLetter refuses a case that would make a wrong letter', () => {
  it('a name too long for the signature line even at 8 pt: letter-layout-overflow, never a clipped name', async () => {
    const name = `${LONG_NAME.repeat(5)}有限公司`
    const r = await generateLetter(
      caseOf((c) => {
        c.sponsor.name = name
        const site = c.websites[0]
        if (site) site.domainCertificate.owner = name
      }),
      { today: SAMPLE_DATE, fonts },
    )
    expect(r.pdf).toBeNull()
    expect(r.findings[0]).toMatchObject({ rule: 'letter-layout-overflow', severity: 'error' })
    expect(r.findings[0]?.message).toContain('signature.items[0]')
  })

  const refused = async (mutate: (c: EditableCase) => void): Promise<GeneratedLetter> => {
    const r = await generateLetter(caseOf(mutate), { today: SAMPLE_DATE, fonts })
    expect(r.pdf).toBeNull()
    return r
  }

  it('an invalid credit code: uscc-invalid, with a repair suggestion', async () => {
    const r = await refused((c) => void (c.sponsor.certificateNumber = SAMPLE_USCC.replace('0', 'O')))
    const f = r.findings.find((x) => x.rule === 'uscc-invalid')
    expect(f?.field).toBe('sponsor.certificateNumber')
    expect(f?.fix).toContain(SAMPLE_USCC)
  })

  it('a missing sponsor name or website domain: field-missing', async () => {
    const r = await refused((c) => {
      c.sponsor.name = ''
      const site = c.websites[0]
      if (site) site.domain = null
    })
    expect(r.findings.filter((f) => f.rule === 'field-missing').map((f) => f.field)).toEqual(['sponsor.name', 'websites[0].domain'])
  })

  it('an individual with an invalid ID number: id-number-invalid', async () => {
    const r = await refused((c) => {
      individual('陈思远')(c)
      c.sponsor.certificateNumber = makeResidentId('440305', '19850612', '123').slice(0, 17) + '0'
    })
    expect(r.findings.some((f) => f.rule === 'id-number-invalid' && f.field === 'sponsor.certificateNumber')).toBe(true)
  })

  it('a personal template for a unit: letter-template-variant', async () => {
    const r = await generateLetter(caseOf(), { today: SAMPLE_DATE, fonts, template: await loadBundledTemplate('individual') })
    expect(r.pdf).toBeNull()
    expect(r.findings[0]).toMatchObject({ rule: 'letter-template-variant', severity: 'error' })
  })

  it('but not for problems the letter does not print (an invalid e-mail), and only warns outside Guangdong', async () => {
    const r = await generateLetter(
      caseOf((c) => {
        c.principal.email = 'broken'
        c.province = '上海'
        c.sponsor.certificateAddress = '上海市浦东新区世纪大道100号'
      }),
      { today: SAMPLE_DATE, fonts },
    )
    expect(r.pdf).not.toBeNull()
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['letter-province', 'warning'],
      ['letter-wording-ours', 'info'],
    ])
  })
})
