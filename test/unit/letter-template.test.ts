/**
 * Template validation: the bundled 单位 and 个人 templates are valid and marked as our wording;
 * a broken or dangerous replacement is refused with the path of each problem.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { chineseNumeral } from '../../shared/letter/layout'
import { parseTemplate, scanLayout, variantForSponsorType, type LetterTemplate } from '../../shared/letter/template'
import { fillText, letterFieldPaths, letterValues } from '../../shared/letter/values'
import { parseCase } from '../../shared/model/case'
import { sampleCase } from '../support/sample-case'

const DIR = path.resolve(import.meta.dirname, '../../resources/templates')
const raw = (variant: 'unit' | 'individual'): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(DIR, `gd-commitment-${variant}.json`), 'utf8')) as Record<string, unknown>
const valid = (variant: 'unit' | 'individual'): LetterTemplate => {
  const r = parseTemplate(raw(variant))
  if (!r.ok) throw new Error(r.problems.join('; '))
  return r.template
}
const problems = (data: unknown): string[] => {
  const r = parseTemplate(data)
  return r.ok ? [] : r.problems
}

describe('bundled templates', () => {
  it.each(['unit', 'individual'] as const)('%s is valid, marked as our wording, with the boxes its variant needs', (variant) => {
    const t = valid(variant)
    expect(t.variant).toBe(variant)
    expect(t.wording).toBe('ours')
    expect(t.notice).toMatch(/并非.*官方/)
    const kinds = scanLayout(t).boxes.map((b) => b.kind)
    expect(kinds).toContain('signature')
    expect(kinds).toContain(variant === 'unit' ? 'seal' : 'fingerprint')
    expect(t.clauses.length).toBeGreaterThanOrEqual(5)
  })

  it('covers the clause themes of icp-rules.md §7', () => {
    const text = valid('unit').clauses.join('')
    for (const theme of [
      '真实、准确、完整',
      '《互联网信息服务管理办法》',
      '《非经营性互联网信息服务备案管理办法》',
      '前置审批',
      '变更',
      '注销备案',
      '黑名单',
    ])
      expect(text).toContain(theme)
  })
})

describe('parseTemplate refuses a bad replacement', () => {
  it('an unknown placeholder, a website value outside the table, unbalanced braces', () => {
    const data = raw('unit')
    data.clauses = ['本单位{sponsorNmae}承诺。', '网站{domain}。', '缺少{括号']
    expect(problems(data)).toEqual([
      expect.stringMatching(/^clauses\[0\]: .*unknown placeholder \{sponsorNmae\}/),
      expect.stringMatching(/^clauses\[1\]: .*\{domain\}/),
      expect.stringMatching(/^clauses\[2\]: .*unbalanced/),
    ])
  })

  it('boxes off the page, overlapping, or a unit letter without a seal box', () => {
    type Items = { signature: { items: Array<Record<string, unknown>> } }
    const offPage = raw('unit') as Items
    offPage.signature.items[1] = { ...offPage.signature.items[1], x: 190 }
    expect(problems(offPage)).toEqual([expect.stringMatching(/^signature\.items\[1\]: .*outside/)])
    const overlapping = raw('unit') as Items
    overlapping.signature.items.push({
      type: 'box',
      id: 'thumb',
      kind: 'fingerprint',
      x: 150,
      y: 240,
      width: 20,
      height: 20,
      label: '指印',
    })
    expect(problems(overlapping)).toEqual([expect.stringMatching(/^signature\.items\[4\]: .*overlaps box "seal"/)])
    const noSeal = raw('unit') as Items
    noSeal.signature.items[2] = { ...noSeal.signature.items[2], kind: 'fingerprint' }
    expect(problems(noSeal)).toEqual([expect.stringMatching(/"seal" box/)])
  })

  it('the wrong format, a missing title, an unknown key', () => {
    expect(problems({ ...raw('unit'), format: 'docx' })[0]).toMatch(/^format:/)
    const { title: _title, ...noTitle } = raw('unit')
    expect(problems(noTitle)[0]).toMatch(/^title:/)
    expect(problems({ ...raw('unit'), colour: 'red' })[0]).toMatch(/colour/)
    expect(problems('not an object')[0]).toMatch(/^\(root\)/)
  })
})

describe('values and fields', () => {
  const c = (() => {
    const p = parseCase(sampleCase())
    if (!p.ok) throw new Error('sample')
    return p.case
  })()

  it('fills the Chinese date and normalised identifiers', () => {
    const v = letterValues(c, '2026-12-01')
    expect(v.case.date).toBe('2026年12月01日')
    expect(fillText('日期：{date}', v.case)).toBe('日期：2026年12月01日')
    expect(v.websites[0]?.domain).toBe('yunfan-tech.cn')
  })

  it('lists the concrete case fields the template prints', () => {
    const paths = letterFieldPaths(valid('unit'), c)
    for (const p of [
      'sponsor.name',
      'sponsor.certificateNumber',
      'principal.name',
      'websites[0].name',
      'websites[0].domain',
      'websites[0].manager.name',
    ])
      expect(paths).toContain(p)
    expect(paths).not.toContain('principal.mobile')
  })

  it('picks the variant from the sponsor type', () => {
    expect(variantForSponsorType('个人')).toBe('individual')
    expect(variantForSponsorType(' 个 人 ')).toBe('individual')
    expect(variantForSponsorType('企业')).toBe('unit')
    expect(variantForSponsorType('事业单位')).toBe('unit')
  })

  it('numbers clauses the Chinese way', () => {
    expect([1, 2, 10, 11, 20, 21].map(chineseNumeral)).toEqual(['一', '二', '十', '十一', '二十', '二十一'])
  })
})
