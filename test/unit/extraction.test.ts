/**
 * Extraction logic on scripted OCR output (no engine): classification, label finding, value
 * location, interpretation of codes, dates and names, place-name repair and cross-checks.
 */
import { describe, expect, it } from 'vitest'
import { assembleFields } from '../../shared/extraction/assemble'
import { classifyPage } from '../../shared/extraction/classify'
import { findLabels, glyphsOf } from '../../shared/extraction/glyphs'
import {
  interpretCreditCode,
  interpretDate,
  interpretDomain,
  interpretEthnicity,
  interpretIssuer,
  interpretRange,
  interpretResidentId,
  interpretText,
  type Reading,
} from '../../shared/extraction/interpret'
import { findToken, joinRows, locateFields, TOKEN_ACCEPT, TOKEN_PATTERNS } from '../../shared/extraction/locate'
import type { OcrLine, OcrPage } from '../../shared/extraction/ocr-types'
import { repairPlaceNames } from '../../shared/extraction/places'
import { makeResidentId, makeUscc } from '../support/ids'

const TODAY = '2026-12-01'

/** A scripted OCR line: words laid out left to right from x, 30 px per character. */
function line(y: number, x: number, ...words: string[]): OcrLine {
  let cx = x
  const ws = words.map((text) => {
    const box = { x: cx, y, width: [...text].length * 30, height: 30 }
    cx += box.width + 30
    return { text, confidence: 0.9, box }
  })
  const last = ws[ws.length - 1]
  return { text: words.join(' '), confidence: 0.9, box: { x, y, width: last ? last.box.x + last.box.width - x : 0, height: 30 }, words: ws }
}
const page = (...lines: OcrLine[]): OcrPage => ({ text: lines.map((l) => l.text).join('\n'), confidence: 0.9, lines })
const reading = (text: string, confidence = 0.9): Reading => ({ text, confidence, box: { x: 0, y: 0, width: 100, height: 20 } })

const USCC = makeUscc('91440300', 'MA5FXK2L')
const ID = makeResidentId('440305', '19850612', '123')

describe('classification', () => {
  it('tells each kind by its printed words', () => {
    expect(
      classifyPage(page(line(0, 0, '营业执照'), line(50, 0, '统一社会信用代码', USCC), line(100, 0, '法定代表人', '陈思远'))).kind,
    ).toBe('business-licence')
    expect(classifyPage(page(line(0, 0, '域名证书'), line(50, 0, '域名:', 'example.cn'))).kind).toBe('domain-certificate')
    expect(classifyPage(page(line(0, 0, '互联网信息服务备案承诺书'), line(50, 0, '本单位郑重承诺'))).kind).toBe('commitment-letter')
    expect(classifyPage(page(line(0, 0, '关于召开年度工作会议的通知'))).kind).toBe('other')
  })

  it('knows a commitment letter whose title was misread, although it names a credit code and a legal representative', () => {
    // As read from a hold-out scan turned upside down: 承诺书 read 基诺书, 郑重承诺 read 郑重承话.
    const letter = page(
      line(0, 0, '互联网信息服务备案基诺书'),
      line(50, 0, '本单位江门市图禾信息技术有限公司（统一社会信用代码：', USCC, '）郑重承话：'),
      line(100, 0, '二、遵守《互联网信息服务管理办法》和《非经营性互联网信息服务备案管理办法》。'),
      line(150, 0, '三、不从事超出备案范围或须经前置审批而未取得许可的互联网信息服务。'),
      line(200, 0, '法定代表人（签字）：', '石琳'),
      line(250, 0, '单位（盖章）：', '江门市图禾信息技术有限公司'),
    )
    expect(classifyPage(letter).kind).toBe('commitment-letter')
  })

  it('knows a portrait side whose labels were misread by its ID number, proven by the check character', () => {
    // As read from a blurred, skewed hold-out card: 公民身份号码 read 公民身份SS码, 性别 and 住址 lost.
    const blurred = (id: string): OcrPage =>
      page(line(0, 0, '姓名“沈浩舌'), line(50, 0, '出生', '“1982', '年', '12', '月.25', '日'), line(200, 0, '公民身份SS码', `“${id}`))
    expect(classifyPage(blurred(ID))).toMatchObject({ kind: 'id-card', sides: ['front'] })
    // A number whose check character fails proves nothing.
    const wrong = `${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}`
    expect(classifyPage(blurred(wrong)).kind).toBe('other')
  })

  it('names the sides of an ID card, both on one page', () => {
    const front = [line(0, 0, '姓名', '陈思远'), line(50, 0, '性别', '男', '民族', '汉'), line(200, 0, '公民身份号码', ID)]
    const back = [
      line(400, 0, '中华人民共和国'),
      line(450, 0, '居民身份证'),
      line(500, 0, '签发机关', '深圳市公安局南山分局'),
      line(550, 0, '有效期限', '2019.06.30-2039.06.30'),
    ]
    expect(classifyPage(page(...front))).toMatchObject({ kind: 'id-card', sides: ['front'] })
    expect(classifyPage(page(...back))).toMatchObject({ kind: 'id-card', sides: ['back'] })
    expect(classifyPage(page(...front, ...back))).toMatchObject({ kind: 'id-card', sides: ['front', 'back'] })
  })
})

describe('labels and values', () => {
  it('finds letter-spaced labels, longest first, and a one-character slip only where it is safe', () => {
    const glyphs = glyphsOf(line(0, 0, '名', '称', '深圳市云帆网络科技有限公司'))
    expect(findLabels(glyphs, [{ field: 'entityName', label: '名称' }]).map((h) => h.field)).toEqual(['entityName'])
    const slip = glyphsOf(line(0, 0, '性列', '女'))
    expect(findLabels(slip, [{ field: 'sex', label: '性别' }]).map((h) => h.fuzzy)).toEqual([true])
    const inside = glyphsOf(line(0, 0, '某', '性列', '女'))
    expect(findLabels(inside, [{ field: 'sex', label: '性别' }])).toEqual([])
  })

  it('finds a long label that lost a character or gained one', () => {
    const term = [{ field: 'term', label: '有效期限' }]
    expect(findLabels(glyphsOf(line(0, 0, '效期限', '2008.05.17-长期')), term)).toMatchObject([
      { field: 'term', fuzzy: true, start: 0, end: 3 },
    ])
    expect(findLabels(glyphsOf(line(0, 0, '期限', '2008.05.17-长期')), term)).toEqual([])
    // Five characters or more: anywhere on the line.
    const id = [{ field: 'idNumber', label: '公民身份号码' }]
    expect(findLabels(glyphsOf(line(0, 0, '某', '公民身份码', ID)), id)).toMatchObject([{ field: 'idNumber', start: 1, end: 6 }])
    // One character too many inside a label (a stroke of the background), not beside it.
    const established = [{ field: 'establishedOn', label: '成立日期' }]
    expect(findLabels(glyphsOf(line(0, 0, '成立上日期', '2024年03月08日')), established)).toMatchObject([{ start: 0, end: 5, fuzzy: true }])
    expect(findLabels(glyphsOf(line(0, 0, '成立日期', '2024年03月08日')), established)).toMatchObject([{ start: 0, end: 4, fuzzy: false }])
    expect(
      findLabels(glyphsOf(line(0, 0, '经', '和营', '者', '王琳琪')), [{ field: 'legalRepresentative', label: '经营者' }]),
    ).toMatchObject([{ start: 0, end: 4 }])
    // …in a licence's second column too.
    expect(
      findLabels(glyphsOf(line(0, 0, '名称', '汕头市潮南区信明餐饮工作室', '注册上日期', '2013年05月14日')), [
        { field: 'entityName', label: '名称' },
        { field: 'establishedOn', label: '注册日期' },
      ]),
    ).toMatchObject([{ field: 'entityName' }, { field: 'establishedOn', start: 15, end: 20 }])
    // A three-character label only at the start of a line.
    expect(findLabels(glyphsOf(line(0, 0, '某', '经和营者')), [{ field: 'legalRepresentative', label: '经营者' }])).toEqual([])
    // Never a Latin label: REGISTRANT a letter short is the start of REGISTRATION.
    const registrant = [{ field: 'domainOwner', label: 'Registrant' }]
    expect(findLabels(glyphsOf(line(0, 0, 'DOMAIN', 'NAME', 'REGISTRATION', 'CERTIFICATE')), registrant)).toEqual([])
    // Two- and three-character labels never: 「别」 alone is not 性别.
    expect(findLabels(glyphsOf(line(0, 0, '别', '女')), [{ field: 'sex', label: '性别' }])).toEqual([])
  })

  it('ends a name or an address at a blank wider than two characters (what lies beyond is the photo)', () => {
    const address = line(150, 0, '住址', '广东省梅州市梅县区新华')
    const photoEdge = { text: '多', confidence: 0.4, box: { x: 600, y: 150, width: 30, height: 30 } }
    const withPhoto: OcrLine = { ...address, text: `${address.text}  多`, words: [...address.words, photoEdge] }
    const p = page(line(100, 0, '姓名', '陈思远'), withPhoto, line(190, 90, '路285号7楼237号'), line(260, 0, '公民身份号码', ID))
    const found = locateFields(p, 'id-card').find((l) => l.field === 'address')
    expect(found?.glyphs.map((g) => g.ch).join('')).toBe('广东省梅州市梅县区新华')
    expect(found?.more.map((m) => m.map((g) => g.ch).join(''))).toEqual(['路285号7楼237号'])
  })

  it('joins the pieces of one row that OCR returned as separate lines', () => {
    const rows = joinRows([line(100, 0, '名'), line(102, 90, '称'), line(101, 300, '深圳市云帆网络科技有限公司'), line(200, 0, '类型')])
    expect(rows.map((r) => r.text)).toEqual(['名 称 深圳市云帆网络科技有限公司', '类型'])
  })

  it('takes a value beside its label up to the next label, or under it, and continues addresses', () => {
    const p = page(
      line(0, 0, '统一社会信用代码'),
      line(40, 0, USCC),
      line(100, 0, '名称', '深圳市云帆网络科技有限公司', '成立日期', '2016年05月12日'),
      line(150, 0, '住所', '深圳市南山区粤海街道'),
      line(190, 90, '科苑路15号1201'),
      line(250, 0, '经营范围', '软件开发'),
    )
    const found = Object.fromEntries(
      locateFields(p, 'business-licence').map((l) => [
        l.field,
        [l.glyphs.map((g) => g.ch).join(''), l.more.map((m) => m.map((g) => g.ch).join(''))],
      ]),
    )
    expect(found.creditCode?.[0]).toBe(USCC)
    expect(found.entityName?.[0]).toBe('深圳市云帆网络科技有限公司')
    expect(found.establishedOn?.[0]).toBe('2016年05月12日')
    expect(found.address).toEqual(['深圳市南山区粤海街道', ['科苑路15号1201']])
  })

  it('finds a code, an ID number or a domain by its shape when the label was not read', () => {
    expect(findToken(page(line(0, 0, '某某', USCC)), 'creditCode', TOKEN_PATTERNS.creditCode as RegExp)?.glyphs.length).toBe(18)
    expect(
      findToken(page(line(0, 0, ID)), 'idNumber', TOKEN_PATTERNS.idNumber as RegExp)
        ?.glyphs.map((g) => g.ch)
        .join(''),
    ).toBe(ID)
    expect(
      findToken(page(line(0, 0, 'www:', 'yunfan-tech.com.cn')), 'domain', TOKEN_PATTERNS.domain as RegExp)
        ?.glyphs.map((g) => g.ch)
        .join(''),
    ).toBe('yunfan-tech.com.cn')
    // A licence whose 证照编号 row OCR joined with the code row below it: the valid window is the code.
    const joined = page(line(0, 0, '统一社会信用代码', '证照编号:', `440704201517981385${USCC}4呈失`))
    expect(
      findToken(joined, 'creditCode', TOKEN_PATTERNS.creditCode as RegExp, TOKEN_ACCEPT.creditCode)
        ?.glyphs.map((g) => g.ch)
        .join(''),
    ).toBe(USCC)
    // An ID card's emblem side whose small labels the layout dropped: the values name themselves.
    const back = page(
      line(0, 0, '中华人民共和国'),
      line(50, 0, '居民身份证'),
      line(100, 0, '深圳市公安局龙岗分局'),
      line(150, 0, '2021.10.24-2031.10.24'),
    )
    const text = (field: 'term' | 'issuer'): string | undefined =>
      findToken(back, field, TOKEN_PATTERNS[field] as RegExp)
        ?.glyphs.map((g) => g.ch)
        .join('')
    expect(text('term')).toBe('2021.10.24-2031.10.24')
    expect(text('issuer')).toBe('深圳市公安局龙岗分局')
    expect(findToken(page(line(0, 0, '有效期限', '2008.05.17-长期')), 'term', TOKEN_PATTERNS.term as RegExp)?.glyphs.length).toBe(13)
  })
})

describe('codes are proven by their check characters', () => {
  it('accepts a valid code as read, whatever the spacing', () => {
    const r = interpretCreditCode([reading(`${USCC.slice(0, 9)} ${USCC.slice(9)}`)])
    expect(r?.field.value).toBe(USCC)
    expect(r?.corrected).toBeUndefined()
    expect(r?.field.confidence).toBeGreaterThanOrEqual(0.95)
  })

  it('repairs one look-alike and says so', () => {
    const misread = `${USCC.slice(0, 2)}${USCC[2] === '4' ? 'A' : USCC[2]}${USCC.slice(3)}`
    const r = interpretCreditCode([reading(misread.replace('0', 'O'))])
    expect(r?.field.value).toBe(USCC)
    expect(r?.corrected?.value).toBe(USCC)
    expect(r?.field.corrected?.changes.length).toBeGreaterThan(0)
  })

  it('repairs a bracket or bar read for a character, which the check character proves', () => {
    // As read from a hold-out licence (bench:extract --seed 19): the last J read as a bracket.
    const r = interpretCreditCode([reading('91441602MARQG2GX4]')])
    expect(r?.field.value).toBe('91441602MARQG2GX4J')
    expect(r?.field.corrected?.changes).toEqual([{ position: 17, from: ']', to: 'J' }])
    // A bar for the 1 of a birth year 19xx.
    expect(interpretResidentId([reading(`${ID.slice(0, 6)}|${ID.slice(7)}`)], TODAY)?.field.value).toBe(ID)
  })

  it('prefers a reading that is valid as read over one that needs repair', () => {
    const r = interpretCreditCode([reading(USCC.replace(/0/, 'O')), reading(USCC)])
    expect(r?.field.value).toBe(USCC)
    expect(r?.corrected).toBeUndefined()
  })

  it('marks a code it cannot prove as uncertain instead of guessing', () => {
    const r = interpretCreditCode([reading('9144030OMA5FXK2L')])
    expect(r?.field.uncertain).toBe(true)
    expect(r?.field.confidence).toBeLessThan(0.5)
  })

  it('reads ID numbers, using the printed birth date against a repair that contradicts it', () => {
    expect(interpretResidentId([reading(ID)], TODAY)?.field.value).toBe(ID)
    const slip = `${ID.slice(0, 16)}${ID[16] === '8' ? 'B' : ID[16]}${ID[17]}`.replace(/^4/, 'A')
    expect(interpretResidentId([reading(slip)], TODAY, { birthDate: '1985-06-12', sex: 'male' })?.field.value).toBe(ID)
  })
})

describe('dates, ranges and names', () => {
  it('parses dates and never guesses', () => {
    expect(interpretDate([reading('2016年05月12日')])?.value).toBe('2016-05-12')
    expect(interpretDate([reading('2O16.5.12')])?.value).toBe('2016-05-12')
    expect(interpretDate([reading('2016年02月30日')])).toBeNull()
  })

  it('marks disagreeing readings uncertain and trusts the more confident one', () => {
    const d = interpretDate([reading('2016年05月13日', 0.6), reading('2016年05月12日', 0.9)])
    expect(d).toMatchObject({ value: '2016-05-12', uncertain: true })
  })

  it('reads validity ranges, including 长期 with its second character misread', () => {
    expect(interpretRange([reading('2019.06.30-2039.06.30')])).toMatchObject({ from: { value: '2019-06-30' }, to: { value: '2039-06-30' } })
    expect(interpretRange([reading('2016年05月12日 至 长其')])).toMatchObject({ from: { value: '2016-05-12' }, to: { value: 'long-term' } })
  })

  it('cleans names, votes between readings and repairs place names', () => {
    expect(interpretText([reading('“陈思远'), reading('陈思远')], 'person')).toMatchObject({ value: '陈思远' })
    expect(interpretText([reading('陈思远'), reading('陈恩远', 0.95)], 'person')?.confidence).toBeLessThan(0.8)
    expect(interpretText([reading('山头市潮阳区解放路68号')], 'text')?.value).toBe('汕头市潮阳区解放路68号')
    expect(interpretEthnicity([reading('汉仙')])?.value).toBe('汉')
    expect(interpretEthnicity([reading('土家')])?.value).toBe('土家')
    // Read with its label; a stroke of the security print before the value reads as 一 or 二.
    expect(interpretEthnicity([reading('民族 一壮')])).toMatchObject({ value: '壮', confidence: 0.9 })
    expect(interpretEthnicity([reading('民族 壮名')])).toMatchObject({ value: '壮', confidence: 0.8 })
    expect(interpretEthnicity([reading('民族二汉', 0.74), reading('二汉舍', 0.44)])?.value).toBe('汉')
    // A name only inside junk is a guess; readings that agree outvote a single more confident one.
    expect(interpretEthnicity([reading('民族“表 人瑶')])?.confidence).toBeLessThanOrEqual(0.6)
    expect(interpretEthnicity([reading('民族回', 0.6), reading('民族回', 0.6), reading('民族白', 0.9)])?.value).toBe('回')
    expect(interpretEthnicity([reading('民族'), reading('3')])).toBeNull()
    expect(interpretIssuer([reading('深圳市公安局南山分局20190630')])?.value).toBe('深圳市公安局南山分局')
    expect(interpretDomain([reading('域名: Yunfan-Tech.com.cn')])?.value).toBe('yunfan-tech.com.cn')
  })

  it('repairs a place name only when a neighbouring place confirms it', () => {
    expect(repairPlaceNames('各海市金湾区立天物流工作室').text).toBe('珠海市金湾区立天物流工作室')
    expect(repairPlaceNames('广东省成名市市辖区学府路').text).toBe('广东省茂名市市辖区学府路')
    expect(repairPlaceNames('深圳市南山区科苑路').changes).toEqual([])
  })
})

describe('ID cross-checks', () => {
  const readings = (fields: Record<string, string>): Map<string, Reading[]> =>
    new Map(Object.entries(fields).map(([k, v]) => [k, [reading(v, 0.95)]]))

  it('fill the birth date and sex from a proven number when the printed ones were not read', () => {
    const a = assembleFields('id-card', readings({ idNumber: ID, personName: '陈思远' }), new Map(), TODAY)
    expect(a.fields.birthDate).toMatchObject({ value: '1985-06-12', source: 'idNumber' })
    expect(a.fields.sex).toMatchObject({ value: 'male', source: 'idNumber' })
  })

  it('take the birth date from the number when the printed one was read only by guessing its 日', () => {
    // 「1985年 6月12日」 read 「1985年-6月1月」: mended to 1985-06-01, a guess, so the proven number decides.
    const a = assembleFields('id-card', readings({ idNumber: ID, birthDate: '1985年-6月1月', sex: '男' }), new Map(), TODAY)
    expect(a.fields.birthDate).toMatchObject({ value: '1985-06-12', source: 'idNumber' })
    expect(a.findings.map((f) => f.rule)).not.toContain('scan-id-inconsistent')
  })

  it('report a confident printed value that disagrees with the number', () => {
    const a = assembleFields('id-card', readings({ idNumber: ID, birthDate: '1985年6月13日', sex: '女' }), new Map(), TODAY)
    expect(a.findings.map((f) => f.rule)).toContain('scan-id-inconsistent')
    expect(a.fields.birthDate?.uncertain).toBe(true)
    expect(a.fields.sex?.uncertain).toBe(true)
  })
})

describe('labels that stand as labels, and values found by their shape', () => {
  it('takes the 域名 that stands as a label over the word inside a sentence', () => {
    const p = page(
      line(0, 0, '国内顶级域名权威机构CNNIC授权新网'),
      line(40, 0, 'Xinnet.com制作并颁发此证。证明：'),
      line(120, 90, '域名：', 'lvven.cn'),
      line(160, 0, '注册所有人：', '吕文'),
    )
    const located = locateFields(p, 'domain-certificate')
    expect(
      located
        .find((l) => l.field === 'domain')
        ?.glyphs.map((g) => g.ch)
        .join(''),
    ).toBe('lvven.cn')
    expect(
      located
        .find((l) => l.field === 'domainOwner')
        ?.glyphs.map((g) => g.ch)
        .join(''),
    ).toBe('吕文')
  })

  it('finds a licence range, a 成立日期 read only in part and a 15-digit 注册号 without their labels', () => {
    const p = page(
      line(0, 0, '420111000230437'),
      line(40, 0, '日', '期', '2012年03月28日'),
      line(80, 0, '术', '期', '限2012年03月28日至2022年03月27日'),
    )
    const est = findToken(p, 'establishedOn', TOKEN_PATTERNS.establishedOn as RegExp)
    expect(est?.glyphs.map((g) => g.ch).join('')).toBe('2012年03月28日')
    // The authority's 核准日期 at the foot of the licence is not its 成立日期.
    expect(findToken(page(line(0, 0, '核准日期2019年05月06日')), 'establishedOn', TOKEN_PATTERNS.establishedOn as RegExp)).toBeNull()
    const term = findToken(p, 'term', TOKEN_PATTERNS.term as RegExp)
    expect(term?.glyphs.map((g) => g.ch).join('')).toBe('2012年03月28日至2022年03月27日')
    expect(findToken(p, 'registrationNumber', TOKEN_PATTERNS.registrationNumber as RegExp, TOKEN_ACCEPT.registrationNumber)).not.toBeNull()
    // A 15-digit run whose check digit fails is not a 注册号.
    const wrong = page(line(0, 0, '420111000230438'))
    expect(findToken(wrong, 'registrationNumber', TOKEN_PATTERNS.registrationNumber as RegExp, TOKEN_ACCEPT.registrationNumber)).toBeNull()
  })

  it('takes a label that ends its box, and a value set between the label and its English line', () => {
    // dnspod: 「注册所有者」 then its value; 「域名注册时间」 with the date half a line lower, 「Registration Date」 under it.
    const p = page(
      line(0, 0, '注册所有者', '余昌龙'),
      line(40, 0, 'Registrant', 'yuchanglong'),
      line(100, 0, '域名注册时间'),
      line(118, 300, '2022-02-02(UTC)'),
      line(136, 0, 'Registration Date'),
    )
    const located = locateFields(p, 'domain-certificate')
    expect(
      located
        .find((l) => l.field === 'domainOwner')
        ?.glyphs.map((g) => g.ch)
        .join(''),
    ).toBe('余昌龙')
    expect(
      located
        .find((l) => l.field === 'registeredOn')
        ?.glyphs.map((g) => g.ch)
        .join(''),
    ).toContain('2022-02-02')
  })
})
