/**
 * The province letters ICP Prep prints besides Guangdong's (province-letters.json): the Shanghai
 * 《上海市互联网信息服务备案承诺书》 and the Jiangsu 真实性承诺书, 单位 and 个人, chosen by the filing
 * province, printed with every character in the font and addressed to that province's 管局; a
 * province whose letter comes from the provider (河南) keeps the Guangdong default and is told so.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { needsLetter, letterPdf } from '../../../electron/services/export/letter-output'
import { loadLetterFonts, type LetterFonts } from '../../../electron/services/letter/fonts'
import { generateLetter } from '../../../electron/services/letter/generate'
import { bundledTemplateFile, loadBundledTemplate, templateGlyphProblems } from '../../../electron/services/letter/templates'
import { PROVINCE_LETTERS } from '../../../shared/letter/province-letters'
import { defaultCatalogue } from '../../../shared/rules/catalogue'
import { poppler } from '../../support/letter-scan'
import { SAMPLE_DATE, type EditableCase } from '../../support/sample-case'
import { caseOf, individual } from './helpers'

let fonts: LetterFonts
beforeAll(async () => {
  fonts = await loadLetterFonts()
})

const inProvince = (province: string, address: string) => (c: EditableCase) => {
  c.province = province
  c.sponsor.certificateAddress = address
  c.sponsor.mailingAddress = address
}
const SH = inProvince('上海', '上海市浦东新区世纪大道100号1201室')
const JS = inProvince('江苏省', '江苏省南京市鼓楼区中山路18号1201室')

describe('province letter templates', () => {
  it('are valid, use only characters the font has, and name a role the catalogue knows', async () => {
    const roles = defaultCatalogue().documentRoles.map((r) => r.role)
    for (const letter of PROVINCE_LETTERS) {
      expect(roles, letter.role).toContain(letter.role)
      for (const variant of ['unit', 'individual'] as const) {
        if (!letter.templates) continue
        const t = await loadBundledTemplate(variant, letter.province)
        expect(t.province).toBe(letter.province)
        expect(t.variant).toBe(variant)
        expect(t.wording).toBe('ours') // no official text could be read: never claimed as official
        expect(t.source).toMatch(/^Based on:/)
        expect(templateGlyphProblems(t, fonts.metrics)).toEqual([])
      }
    }
  })

  it('are chosen by the filing province, with Guangdong as the default elsewhere', () => {
    expect(bundledTemplateFile('unit', '上海市')).toBe('sh-commitment-unit.json')
    expect(bundledTemplateFile('individual', '江苏')).toBe('js-authenticity-individual.json')
    expect(bundledTemplateFile('unit', '广东')).toBe('gd-commitment-unit.json')
    expect(bundledTemplateFile('unit', '河南')).toBe('gd-commitment-unit.json')
    expect(bundledTemplateFile('unit', null)).toBe('gd-commitment-unit.json')
  })
})

describe.each([
  ['上海', SH, '上海市互联网信息服务备案承诺书', '上海市通信管理局', 'sh-commitment', '上海承诺书'],
  ['江苏', JS, '互联网信息服务备案信息真实性承诺书', '江苏省通信管理局', 'js-authenticity', '江苏真实性承诺书'],
])('%s letter', (_, place, title, addressee, id, label) => {
  it.each([
    ['unit', (c: EditableCase) => place(c), '本单位'],
    ['individual', (c: EditableCase) => (individual('陈思远')(c), place(c)), '本人'],
  ] as const)('prints the %s version addressed to the province, with the case filled in', async (variant, mutate, we) => {
    const c = caseOf(mutate)
    const r = await generateLetter(c, { today: SAMPLE_DATE, fonts })
    expect(r.pdf, JSON.stringify(r.findings)).not.toBeNull()
    expect(r.template.id).toBe(`${id}-${variant}`)
    // Printed from the province's own template: no "template of another province" warning.
    expect(r.findings.map((f) => f.rule)).toEqual(['letter-wording-ours'])
    const text = poppler('pdftotext', r.pdf as Uint8Array).replace(/\s+/g, '')
    expect(text).toContain(title)
    expect(text).toContain(`${addressee}：`)
    expect(text).toContain(c.sponsor.name ?? '')
    expect(text).toContain(c.websites[0]?.domain ?? '')
    expect(text).toContain(`一、${we}`)
    expect(text).not.toContain('广东')
    expect(needsLetter(c)).toBe(true)
    const saved = await letterPdf(c, SAMPLE_DATE)
    expect(saved.name).toBe(`${c.sponsor.name}_${label}_${SAMPLE_DATE}.pdf`)
  })
})

describe('a province whose letter comes from the provider', () => {
  it('is not printed as its own letter: the Guangdong default warns that it is for another province', async () => {
    const c = caseOf(inProvince('河南', '河南省郑州市金水区花园路1号1201室'))
    expect(needsLetter(c)).toBe(false)
    const r = await generateLetter(c, { today: SAMPLE_DATE, fonts })
    expect(r.template.id).toBe('gd-commitment-unit')
    expect(r.findings.map((f) => f.rule)).toContain('letter-province')
  })
})
