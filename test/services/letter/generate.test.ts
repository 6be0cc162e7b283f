/**
 * The generated letter, read back the way a person and a provider would see it: rendered to an
 * image (glyphs must be ink, not blank — the known pdf-lib subsetting failure), text extracted,
 * fonts listed, page size measured; and refused when the case would make it wrong.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { loadLetterFonts, type LetterFonts } from '../../../electron/services/letter/fonts'
import { generateLetter, layoutFor, type GeneratedLetter } from '../../../electron/services/letter/generate'
import { loadBundledTemplate } from '../../../electron/services/letter/templates'
import type { LetterLayout } from '../../../shared/letter/layout'
import { makeResidentId } from '../../support/ids'
import { poppler } from '../../support/letter-scan'
import { SAMPLE_DATE, SAMPLE_USCC, type EditableCase } from '../../support/sample-case'
import { caseOf, generate as generateWith, individual, inkPerTextRun, LONG_NAME, MIN_INK, squash } from './helpers'

let fonts: LetterFonts
beforeAll(async () => {
  fonts = await loadLetterFonts()
})
const generate = (c: Parameters<typeof generateWith>[0], date?: string) => generateWith(c, fonts, date)

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
    const runs = await inkPerTextRun(letter.pdf, layout, fonts, 1)
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

  // 河南: a province without a letter of its own that ICP Prep prints (上海 and 江苏 have theirs).
  it('but not for problems the letter does not print (an invalid e-mail), and only warns outside Guangdong', async () => {
    const r = await generateLetter(
      caseOf((c) => {
        c.principal.email = 'broken'
        c.province = '河南'
        c.sponsor.certificateAddress = '河南省郑州市金水区花园路1号'
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
