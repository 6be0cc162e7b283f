/**
 * The signed-letter rules (gd-letter-mismatch, gd-letter-unsigned, gd-letter-no-seal) over
 * case.json data as the OCR pipeline stores it: `extracted.text` and `extracted.letter`.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LetterScan } from '../../shared/letter/scan-result'
import { parseCase } from '../../shared/model/case'
import { readExtracted } from '../../shared/model/extracted'
import { checkCase, type Finding } from '../../shared/rules/engine'
import { makeUscc } from '../support/ids'
import {
  asIndividualSponsor,
  letterReading,
  PRINCIPAL_ID,
  SAMPLE_DATE,
  SAMPLE_USCC,
  sampleCase,
  type EditableCase,
} from '../support/sample-case'

const LETTER_RULES = ['gd-letter-mismatch', 'gd-letter-unsigned', 'gd-letter-no-seal']

function scan(overrides: Partial<LetterScan> = {}, variant: 'unit' | 'individual' = 'unit'): LetterScan {
  return {
    version: 1,
    template: { id: `gd-commitment-${variant}`, version: '2026.12.1', variant },
    image: { width: 1240, height: 1754 },
    pageShaped: true,
    boxes: [{ id: 'signature', kind: 'signature', state: 'marked', ink: 0.07, located: true }],
    seal: { found: true, redShare: 0.006, widthMm: 43, heightMm: 41 },
    ...overrides,
  }
}

const UNIT_TEXT = [
  '互联网信息服务备案承诺书',
  '(单位)',
  '主办单位名称 | 深圳市云帆网络科技有限公司',
  `本单位深圳市云帆网络科技有限公司（统一社会信用代码：${SAMPLE_USCC}）就上述网站申请互联网信息服务备案`,
  '承诺单位 (盖章) : 深圳市云帆网络科技有限公司',
]

function run(text: string[] | undefined, letter: LetterScan | undefined, mutate: (c: EditableCase) => void = () => {}): Finding[] {
  const data = sampleCase()
  mutate(data)
  const doc = data.documents.find((d) => d.role === 'commitment-letter')
  if (!doc) throw new Error('no letter document')
  doc.extracted = letterReading(text, letter)
  const parsed = parseCase(data)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return checkCase(parsed.case, { today: SAMPLE_DATE }).filter((f) => LETTER_RULES.includes(f.rule))
}

describe('signed letter rules', () => {
  it('stay quiet for a matching, signed and sealed letter, and for a scan not yet read', () => {
    expect(run(UNIT_TEXT, scan())).toEqual([])
    expect(run(undefined, undefined)).toEqual([])
  })

  it('the stored analysis is valid ExtractedDocument data (the additive `letter` key)', () => {
    const data = {
      version: 1,
      kind: 'commitment-letter',
      colour: true,
      image: { width: 10, height: 14 },
      fields: {},
      findings: [],
      letter: scan(),
    }
    expect(readExtracted(data)?.letter?.seal.found).toBe(true)
    expect(readExtracted({ ...data, letter: { version: 1, boxes: 'x' } })).toBeNull()
  })

  it("'gd-letter-mismatch': neither the name nor the code of this case", () => {
    const f = run(['互联网信息服务备案承诺书', '(单位)', '本单位广州市海蓝贸易有限公司就上述网站申请'], scan())
    expect(f.map((x) => [x.rule, x.severity, x.field, x.document])).toEqual([['gd-letter-mismatch', 'error', 'documents[4]', 4]])
    expect(f[0]?.message).toContain('深圳市云帆网络科技有限公司')
  })

  it("'gd-letter-mismatch': the right name with another company's valid code names the code read", () => {
    const other = makeUscc('91440101', 'MA59XY42')
    const f = run(
      UNIT_TEXT.map((l) => l.replace(SAMPLE_USCC, other)),
      scan(),
    )
    expect(f.map((x) => x.rule)).toEqual(['gd-letter-mismatch'])
    expect(f[0]?.message).toContain(other)
    expect(f[0]?.message).toContain(SAMPLE_USCC)
  })

  it("'gd-letter-mismatch' tolerates OCR noise: spaces, a look-alike in the code, one wrong character in a long name", () => {
    const noisy = SAMPLE_USCC.replace('0', 'O').replace(/^(.{5})/, '$1 ')
    const text = ['互 联 网 信 息 服 务 备 案 承 诺 书', '本单位深圳市云帆网络科枝有限公司（统一社会信用代码：' + noisy + '）']
    expect(run(text, scan())).toEqual([])
  })

  it("'gd-letter-mismatch': a personal letter for a unit case", () => {
    const text = ['互联网信息服务备案承诺书', '(个人)', '主办人姓名 深圳市云帆网络科技有限公司', SAMPLE_USCC, '承诺人签字']
    const f = run(text, scan())
    expect(f.map((x) => x.rule)).toEqual(['gd-letter-mismatch'])
    expect(f[0]?.message).toMatch(/个人版.*单位版/)
  })

  it("'gd-letter-mismatch' warns when no text was recognised", () => {
    const f = run(['  ', ''], scan())
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['gd-letter-mismatch', 'warning']])
  })

  it('compares with the current case, not the one at OCR time (a corrected name is re-checked)', () => {
    const f = run(UNIT_TEXT, scan(), (c) => {
      c.sponsor.name = '深圳市云帆智能科技有限公司'
      const site = c.websites[0]
      if (site) site.domainCertificate.owner = '深圳市云帆智能科技有限公司'
    })
    expect(f.map((x) => x.rule)).toEqual(['gd-letter-mismatch'])
    expect(f[0]?.message).toContain('深圳市云帆智能科技有限公司')
  })

  it("'gd-letter-unsigned': an empty signature box is an error; a box not found is a warning", () => {
    const empty = run(UNIT_TEXT, scan({ boxes: [{ id: 'signature', kind: 'signature', state: 'empty', ink: 0, located: true }] }))
    expect(empty.map((x) => [x.rule, x.severity])).toEqual([['gd-letter-unsigned', 'error']])
    expect(empty[0]?.fix).toContain('法定代表人')
    const unknown = run(UNIT_TEXT, scan({ boxes: [{ id: 'signature', kind: 'signature', state: 'unknown', ink: 0, located: false }] }))
    expect(unknown.map((x) => [x.rule, x.severity])).toEqual([['gd-letter-unsigned', 'warning']])
  })

  it("'gd-letter-no-seal': a unit letter without a red seal; a personal letter needs none but warns on an empty fingerprint box", () => {
    const unsealed = run(UNIT_TEXT, scan({ seal: { found: false, redShare: 0 } }))
    expect(unsealed.map((x) => [x.rule, x.severity])).toEqual([['gd-letter-no-seal', 'error']])
    const personalText = ['互联网信息服务备案承诺书', '(个人)', '主办人姓名 陈思远', `居民身份证号码：${PRINCIPAL_ID}`]
    const personal = run(
      personalText,
      scan(
        {
          seal: { found: false, redShare: 0 },
          boxes: [
            { id: 'signature', kind: 'signature', state: 'marked', ink: 0.05, located: true },
            { id: 'fingerprint', kind: 'fingerprint', state: 'empty', ink: 0, located: true },
          ],
        },
        'individual',
      ),
      asIndividualSponsor,
    )
    expect(personal.map((x) => [x.rule, x.severity])).toEqual([['gd-letter-unsigned', 'warning']])
  })

  it('masks another person’s ID number read from a personal letter', () => {
    const other = '11010519491231002X'
    const f = run(['(个人)', '主办人姓名 陈思远', `居民身份证号码：${other}`], scan({}, 'individual'), asIndividualSponsor)
    expect(f.map((x) => x.rule)).toEqual(['gd-letter-mismatch'])
    expect(f[0]?.message).not.toContain(other)
    expect(f[0]?.message).toContain('1101**********002X')
  })
})

describe('the signed letter lists what the case files (issue 14 item 1)', () => {
  // The real PP-OCR reading of the bundled sample's signed letter, printed for its one website.
  const SAMPLE = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../resources/sample-case/case.json'), 'utf8'),
  ) as EditableCase
  const OCR = (JSON.parse(readFileSync(path.join(import.meta.dirname, 'vectors/sample-letter-ocr.json'), 'utf8')) as { text: string[] })
    .text
  const FIX = '按当前资料重新生成承诺书，打印签字盖章后重新扫描。'

  function sample(mutate: (c: EditableCase) => void = () => {}): Finding[] {
    const data = structuredClone(SAMPLE)
    mutate(data)
    const doc = data.documents.find((d) => d.role === 'commitment-letter')
    if (!doc) throw new Error('no letter document')
    doc.extracted = letterReading(OCR, scan())
    const parsed = parseCase(data)
    if (!parsed.ok) throw new Error(parsed.problems.join('; '))
    return checkCase(parsed.case, { today: SAMPLE_DATE }).filter((f) => f.rule === 'gd-letter-mismatch')
  }

  it('the sample letter matches the sample case', () => {
    expect(sample()).toEqual([])
  })

  it('a second website the letter does not list: the count, its name and its domain, each an error with the fix', () => {
    const f = sample((c) => {
      const second = structuredClone(c.websites[0]!)
      second.name = '程盛餐饮外卖平台'
      second.domain = 'chengsheng-food.cn'
      c.websites.push(second)
    })
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ['error', '承诺书扫描件“scans/承诺书-已签字.jpg”列出 1 个网站，本案件有 2 个网站'],
      ['error', '承诺书扫描件“scans/承诺书-已签字.jpg”上没有网站 2 的名称“程盛餐饮外卖平台”'],
      ['error', '承诺书扫描件“scans/承诺书-已签字.jpg”上没有网站 2 的域名 chengsheng-food.cn'],
    ])
    for (const x of f) expect(x.fix).toBe(FIX)
  })

  it('a renamed website or a changed domain is a difference; a one-character OCR slip is not', () => {
    const renamed = sample((c) => void (c.websites[0]!.name = '程盛美食官网'))
    expect(renamed.map((x) => x.message)).toEqual(['承诺书扫描件“scans/承诺书-已签字.jpg”上没有网站 1 的名称“程盛美食官网”'])
    const moved = sample((c) => void (c.websites[0]!.domain = 'chenhui-da.cn'))
    expect(moved.map((x) => x.message)).toEqual(['承诺书扫描件“scans/承诺书-已签字.jpg”上没有网站 1 的域名 chenhui-da.cn'])
    const slip = OCR.map((l) => l.replace('chenhui-da.com.cn', 'chenhui-da.corn.cn'))
    const data = structuredClone(SAMPLE)
    data.documents.find((d) => d.role === 'commitment-letter')!.extracted = letterReading(slip, scan())
    const parsed = parseCase(data)
    if (!parsed.ok) throw new Error('bad case')
    expect(checkCase(parsed.case, { today: SAMPLE_DATE }).filter((x) => x.rule === 'gd-letter-mismatch')).toEqual([])
  })

  it('a letter dated after the submission date is an error', () => {
    const f = sample((c) => void (c.submissionDate = '2026-11-20'))
    expect(f.map((x) => x.message)).toEqual(['承诺书扫描件“scans/承诺书-已签字.jpg”的日期 2026年12月01日 晚于提交日期 2026年11月20日'])
  })
})
