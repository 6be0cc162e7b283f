/**
 * Licence layouts printed before (or beside) the 2015 reform, as they turn up in real uploads
 * (test/real): the 企业法人营业执照 with a 15-digit 注册号, 须知 and the annual-inspection table;
 * the 2014 transitional 营业执照 that still carries only the 15-digit 注册号; the Zhuhai / Shenzhen
 * 商事主体 layout (商事主体类型, no 营业期限, 重要提示 box); the old 个体工商户营业执照 whose values
 * were printed afterwards on a dot-matrix printer, offset so they run into their labels; and a
 * 食品经营许可证 page, the second document that is often photographed beside a licence.
 */
import { addDays, addYears, fromParts, type IsoDate } from '../../shared/dates/iso-date'
import { legacyRegNoCheckDigit } from '../../shared/ids/legacy-regno'
import type { ExtractedFieldName } from '../../shared/model/extracted'
import type { SponsorIdentity } from './identities'
import type { Rng } from './random'
import { qrLike, seal, spreadLabel, starPath, text, wrap, type Anchor, type FontKey, type Layout } from './svg'

/** A 15-digit 工商注册号 (area code, 8 digits, ISO 7064 MOD 11,10 check digit). */
export function makeLegacyRegNo(area6: string, r: Rng): string {
  const first14 = `${area6}${r.pick(['1', '2', '6'])}${String(r.int(0, 9999999)).padStart(7, '0')}`
  const check = legacyRegNoCheckDigit(first14)
  if (check === null) throw new Error(`bad registration number body ${first14}`)
  return `${first14}${check}`
}

/** What an older licence shows beyond the sponsor: its 注册号 and dates from before the reform. */
export interface OlderSponsor extends SponsorIdentity {
  readonly registrationNumber: string
}

/** The sponsor as registered before 2014: an old 注册号 and older dates (names and address kept). */
export function olderSponsor(s: SponsorIdentity, r: Rng, years: readonly [number, number]): OlderSponsor {
  const establishedOn = fromParts({ year: r.int(years[0], years[1]), month: r.int(1, 12), day: r.int(1, 28) })
  const validTo: IsoDate | 'long-term' = r.chance(0.4) ? 'long-term' : addDays(addYears(establishedOn, r.pick([10, 20, 30])), -1)
  const issuedOn = fromParts({ year: Math.max(Number(establishedOn.slice(0, 4)), years[1]), month: r.int(1, 12), day: r.int(1, 28) })
  return {
    ...s,
    establishedOn,
    ...(s.individualBusiness ? {} : { validFrom: establishedOn, validTo }),
    issuedOn,
    registrationNumber: makeLegacyRegNo(s.licenceNumber.slice(0, 6), r),
    registrar: s.registrar.replace('市场监督管理局', '工商行政管理局'),
  }
}

const NUMERALS = [...'〇一二三四五六七八九']

/** 二〇〇九年一月二十一日: dates as old licences print them. */
export function chineseNumeralDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const small = (n: number): string =>
    n <= 10
      ? ['', ...'一二三四五六七八九十'][n]!
      : n < 20
        ? `十${NUMERALS[n - 10]}`
        : `${NUMERALS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : NUMERALS[n % 10]}`
  return `${[...String(y)].map((c) => NUMERALS[Number(c)]).join('')}年${small(m)}月${small(d)}日`
}

export function digitDate(iso: string, pad: boolean): string {
  const [y, m, d] = iso.split('-')
  return pad ? `${y}年${m}月${d}日` : `${y}年${Number(m)}月${Number(d)}日`
}

export interface OldRow {
  readonly label: string
  readonly value: string
  readonly field?: ExtractedFieldName
  readonly perLine: number
}

export interface RowStyle {
  readonly labelFont: FontKey
  readonly valueFont: FontKey
  readonly size: number
  readonly labelWidth: number
  /** Gap between the label block and the value (negative: the value starts inside the label). */
  readonly gap: number
  /** The value's baseline relative to the label's (negative: printed too high). */
  readonly raise: number
  readonly lineGap: number
  /** A pattern id to fill values with (dot-matrix print), or a colour. */
  readonly valueFill: string
  readonly valueWeight?: 'normal' | 'bold'
}

/** Label–value rows top-down; returns the SVG, the anchors of the values and the next y. */
export function drawOldRows(
  rows: readonly OldRow[],
  x: number,
  y0: number,
  st: RowStyle,
): { svg: string; anchors: Record<string, Anchor>; y: number } {
  let y = y0
  let svg = ''
  const anchors: Record<string, Anchor> = {}
  for (const row of rows) {
    svg += spreadLabel(x, y, st.size, row.label, st.labelWidth, { font: st.labelFont, weight: 'bold' })
    const vx = x + st.labelWidth + st.gap
    const vs = st.size * 0.92
    const lines = wrap(row.value, row.perLine)
    lines.forEach(
      (line, i) =>
        (svg += text(vx, y + st.raise + i * vs * 1.45, vs, line, {
          font: st.valueFont,
          fill: st.valueFill,
          weight: st.valueWeight ?? 'normal',
        })),
    )
    if (row.field)
      anchors[row.field] = {
        x: vx,
        y: y + st.raise,
        size: vs,
        width: Math.min([...row.value].length, row.perLine) * vs,
        lines: lines.length,
      }
    y += Math.max(1, lines.length) * vs * 1.45 + st.lineGap
  }
  return { svg, anchors, y }
}

/** A dot-matrix fill: characters made of round dots on a fixed pitch (mm). */
export function dotMatrixPattern(id: string, pitch: number, ink: string): string {
  return `<defs><pattern id="${id}" width="${pitch}" height="${pitch}" patternUnits="userSpaceOnUse"><circle cx="${pitch / 2}" cy="${pitch / 2}" r="${(pitch * 0.42).toFixed(3)}" fill="${ink}"/></pattern></defs>`
}

function emblem(cx: number, cy: number, r: number): string {
  return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#d62a1f"/><circle cx="${cx}" cy="${cy}" r="${r * 0.8}" fill="none" stroke="#e8b73a" stroke-width="${r * 0.08}"/><path d="${starPath(cx, cy - r * 0.2, r * 0.35)}" fill="#f5cf3b"/><rect x="${cx - r * 0.5}" y="${cy + r * 0.3}" width="${r}" height="${r * 0.18}" fill="#f5cf3b"/>`
}

function border(W: number, H: number, colour: string): string {
  return `<rect x="8" y="8" width="${W - 16}" height="${H - 16}" fill="none" stroke="${colour}" stroke-width="1.8"/><rect x="11.5" y="11.5" width="${W - 23}" height="${H - 23}" fill="none" stroke="${colour}" stroke-width="0.5" stroke-dasharray="1.2 0.6"/>`
}

function term(s: SponsorIdentity, date: (iso: string) => string): string {
  if (!s.validFrom || !s.validTo) return ''
  return `${date(s.validFrom)} 至 ${s.validTo === 'long-term' ? '长期' : date(s.validTo)}`
}

export interface OldLayoutResult {
  readonly layout: Layout
  readonly fields: Partial<Record<ExtractedFieldName, string>>
}

const NOTICE = [
  '1.《企业法人营业执照》是企业法人资格和合法经营的凭证。',
  '2.《企业法人营业执照》分为正本和副本，具有同等法律效力。',
  '3.《企业法人营业执照》正本应当置于住所的醒目位置。',
  '4.《企业法人营业执照》不得伪造、涂改、出租、出借、转让。',
  '5.登记事项发生变化，应当向公司登记机关申请变更登记。',
  '6.每年三月一日至六月三十日，应当参加年度检验。',
  '7.办理注销登记，应当交回《企业法人营业执照》正本和副本。',
]

/** 企业法人营业执照 (pre-2014, landscape 副本): rows on the left, 须知 and 年度检验情况 on the right. */
export function legalPersonLayout(s: OlderSponsor, r: Rng, o: { chineseNumerals: boolean; annualStamps: number }): OldLayoutResult {
  const W = 297
  const H = 210
  const date = (iso: string): string => (o.chineseNumerals ? chineseNumeralDate(iso) : digitDate(iso, true))
  const labelFont = r.pick<FontKey>(['hei', 'serif', 'sans'])
  const valueFont = r.pick<FontKey>(['serif', 'kai', 'sans'])
  let body = text(22, 32, 15, '企业法人营业执照', { font: 'hei', weight: 'bold', spacing: 1.5 })
  body += text(66, 44, 5, '（副\u3000本）', { font: 'serif' })
  body += text(60, 52, 4, '注册号', { font: labelFont, weight: 'bold' }) + text(74, 52, 4.2, s.registrationNumber, { font: valueFont })
  const st: RowStyle = { labelFont, valueFont, size: 5.6, labelWidth: 34, gap: 6, raise: 0, lineGap: 5.5, valueFill: '#1c1c1c' }
  const rows: OldRow[] = [
    { label: '名称', value: s.entityName, field: 'entityName', perLine: 20 },
    { label: '住所', value: s.address, field: 'address', perLine: 20 },
    { label: '法定代表人姓名', value: s.legalRepresentative, field: 'legalRepresentative', perLine: 20 },
    { label: '注册资本', value: s.registeredCapital, perLine: 20 },
    { label: '实收资本', value: s.registeredCapital, perLine: 20 },
    { label: '公司类型', value: s.entityType, field: 'entityType', perLine: 20 },
    { label: '经营范围', value: s.businessScope, perLine: 20 },
  ]
  const top = drawOldRows(rows, 18, 66, st)
  const bottom = drawOldRows(
    [
      { label: '成立日期', value: date(s.establishedOn), field: 'establishedOn', perLine: 40 },
      { label: '营业期限', value: term(s, date), field: 'validFrom', perLine: 40 },
    ],
    18,
    180,
    { ...st, size: 4.6, labelWidth: 28, lineGap: 4 },
  )
  body += top.svg + bottom.svg
  body += text(222, 46, 4.2, '须\u3000\u3000知', { font: 'serif', weight: 'bold', anchor: 'middle' })
  NOTICE.forEach((line, i) => (body += text(172, 56 + i * 5.2, 2.5, line, { font: 'serif' })))
  body += text(222, 104, 4, '年度检验情况', { font: 'serif', weight: 'bold', anchor: 'middle' })
  body += `<g fill="none" stroke="#222" stroke-width="0.35"><rect x="172" y="110" width="104" height="34"/>${[1, 2, 3].map((i) => `<line x1="${172 + i * 26}" y1="110" x2="${172 + i * 26}" y2="144"/>`).join('')}</g>`
  const inspector = s.registrar.replace(/工商行政管理局$/, '工商局')
  for (let i = 0; i < o.annualStamps; i += 1) body += seal(185 + i * 26, 124, 10, `${inspector}年检`, 0.75)
  body += seal(245, 172, 20, s.registrar)
  body += text(228, 192, 4, date(s.issuedOn), { font: valueFont })
  return {
    layout: {
      widthMm: W,
      heightMm: H,
      background: r.pick(['#fbfaf4', '#f6f2e6', '#fdfcf8']),
      body,
      anchors: { ...top.anchors, ...bottom.anchors, registrationNumber: { x: 74, y: 52, size: 4.2, width: 15 * 2.3, lines: 1 } },
    },
    fields: {
      registrationNumber: s.registrationNumber,
      entityName: s.entityName,
      address: s.address,
      legalRepresentative: s.legalRepresentative,
      entityType: s.entityType,
      establishedOn: s.establishedOn,
      ...(s.validFrom ? { validFrom: s.validFrom } : {}),
      ...(s.validTo ? { validTo: s.validTo } : {}),
    },
  }
}

const FOOTER_LEFT = '企业信用信息公示系统网址：http://gsxt.saic.gov.cn'
const FOOTER_RIGHT = '中华人民共和国国家工商行政管理总局监制'

/** The 2014 transitional 营业执照 (portrait 副本) with only the 15-digit 注册号, no credit code. */
export function transitionalLayout(s: OlderSponsor, r: Rng, o: { padDates: boolean }): OldLayoutResult {
  const W = 210
  const H = 297
  const date = (iso: string): string => digitDate(iso, o.padDates)
  const labelFont = r.pick<FontKey>(['hei', 'serif'])
  const valueFont = r.pick<FontKey>(['serif', 'sans', 'kai'])
  let body = border(W, H, '#b08a3e') + emblem(W / 2, 38, 13)
  body += text(W / 2, 84, 17, '营业执照', { font: 'hei', weight: 'bold', anchor: 'middle', spacing: 6 })
  body += text(W / 2, 96, 5, '(副本)', { font: 'serif', weight: 'bold', anchor: 'middle' })
  body += text(122, 90, 3.8, '注册号', { font: labelFont }) + text(134, 90, 3.9, s.registrationNumber, { font: valueFont })
  body += text(184, 90, 3.4, '(1/1)', { font: 'serif' })
  const st: RowStyle = { labelFont, valueFont, size: 4.4, labelWidth: 22, gap: 6, raise: 0, lineGap: 2.6, valueFill: '#1c1c1c' }
  const rows = drawOldRows(
    [
      { label: '名称', value: s.entityName, field: 'entityName', perLine: 26 },
      { label: '类型', value: s.entityType, field: 'entityType', perLine: 26 },
      { label: '住所', value: s.address, field: 'address', perLine: 26 },
      { label: '法定代表人', value: s.legalRepresentative, field: 'legalRepresentative', perLine: 26 },
      { label: '注册资本', value: s.registeredCapital, perLine: 26 },
      { label: '成立日期', value: date(s.establishedOn), field: 'establishedOn', perLine: 26 },
      { label: '营业期限', value: term(s, date), field: 'validFrom', perLine: 30 },
      { label: '经营范围', value: s.businessScope, perLine: 26 },
    ],
    32,
    110,
    st,
  )
  body += rows.svg + qrLike(r, 30, 205, 28)
  body += text(112, 238, 4.4, '登 记 机 关', { font: labelFont, weight: 'bold' })
  body += seal(158, 248, 19, s.registrar) + text(138, 262, 4, digitDate(s.issuedOn, true), { font: valueFont })
  body += text(20, 280, 2.6, FOOTER_LEFT, { font: 'sans' }) + text(W - 20, 280, 2.8, FOOTER_RIGHT, { font: 'sans', anchor: 'end' })
  return {
    layout: {
      widthMm: W,
      heightMm: H,
      background: r.pick(['#faf8f1', '#f4f0e4']),
      body,
      anchors: { ...rows.anchors, registrationNumber: { x: 134, y: 90, size: 3.9, width: 15 * 2.1, lines: 1 } },
    },
    fields: {
      registrationNumber: s.registrationNumber,
      entityName: s.entityName,
      entityType: s.entityType,
      address: s.address,
      legalRepresentative: s.legalRepresentative,
      establishedOn: s.establishedOn,
      ...(s.validFrom ? { validFrom: s.validFrom } : {}),
      ...(s.validTo ? { validTo: s.validTo } : {}),
    },
  }
}

/** The Zhuhai / Shenzhen 商事主体 licence: credit code, 商事主体类型, no 营业期限, a 重要提示 box. */
export function commercialSubjectLayout(s: SponsorIdentity, r: Rng, o: { padDates: boolean }): OldLayoutResult {
  const W = 210
  const H = 297
  const date = (iso: string): string => digitDate(iso, o.padDates)
  const labelFont = r.pick<FontKey>(['hei', 'serif'])
  const valueFont = r.pick<FontKey>(['serif', 'sans'])
  let body = border(W, H, '#9c8a5a') + emblem(W / 2, 36, 12)
  body += text(W / 2, 78, 17, '营业执照', { font: 'hei', weight: 'bold', anchor: 'middle', spacing: 6 })
  body +=
    text(40, 94, 3.8, '统一社会信用代码', { font: labelFont, weight: 'bold' }) +
    text(78, 94, 4.2, s.creditCode, { font: valueFont, spacing: 0.3 })
  const rows = drawOldRows(
    [
      { label: '名称', value: s.entityName, field: 'entityName', perLine: 24 },
      { label: '商事主体类型', value: s.entityType, field: 'entityType', perLine: 24 },
      { label: '住所', value: s.address, field: 'address', perLine: 24 },
      { label: '法定代表人', value: s.legalRepresentative, field: 'legalRepresentative', perLine: 24 },
      { label: '成立日期', value: date(s.establishedOn), field: 'establishedOn', perLine: 24 },
    ],
    30,
    114,
    { labelFont, valueFont, size: 4.8, labelWidth: 30, gap: 5, raise: 0, lineGap: 4.5, valueFill: '#1c1c1c' },
  )
  body += rows.svg
  const tips = [
    '1.商事主体的经营范围由章程确定。经营范围中属于法律、法规规定应当经批准的项目，',
    '  取得许可审批文件后方可开展相关经营活动。',
    '2.商事主体经营范围、出资情况、营业期限等信息，请登录商事主体登记许可及信用信息公示平台查询。',
  ]
  body += `<rect x="26" y="196" width="158" height="26" fill="none" stroke="#333" stroke-width="0.4"/>`
  body += text(30, 206, 4, '重要', { font: 'hei', weight: 'bold' }) + text(30, 214, 4, '提示', { font: 'hei', weight: 'bold' })
  tips.forEach((t, i) => (body += text(44, 203 + i * 6.5, 2.5, t, { font: 'serif' })))
  body += text(108, 244, 4.4, '登记机关', { font: labelFont, weight: 'bold' })
  body += seal(160, 250, 19, s.registrar) + text(140, 266, 4, digitDate(s.issuedOn, true), { font: valueFont })
  return {
    layout: {
      widthMm: W,
      heightMm: H,
      background: r.pick(['#fbfbf7', '#f5f3ea']),
      body,
      anchors: { ...rows.anchors, creditCode: { x: 78, y: 94, size: 4.2, width: 18 * 2.6, lines: 1 } },
    },
    fields: {
      creditCode: s.creditCode,
      entityName: s.entityName,
      entityType: s.entityType,
      address: s.address,
      legalRepresentative: s.legalRepresentative,
      establishedOn: s.establishedOn,
    },
  }
}

/**
 * The pre-2014 个体工商户营业执照 filled in afterwards on a dot-matrix printer: the values are
 * offset left and up, so each starts on its label's last character (称北京朝阳区… as in test/real
 * bl-0205) and its dots are coarse.
 */
export function overprintedIndividualLayout(s: OlderSponsor, r: Rng, o: { offset: number; raise: number; pitch: number }): OldLayoutResult {
  const W = 297
  const H = 210
  const labelFont = r.pick<FontKey>(['hei', 'serif'])
  const ink = r.pick(['#202020', '#2a2a3a', '#333'])
  let body = border(W, H, '#8a7a50') + emblem(W / 2, 28, 11)
  body += text(W / 2, 64, 16, '个体工商户营业执照', { font: 'hei', weight: 'bold', anchor: 'middle', spacing: 2 })
  const id = `dm${r.int(0, 1e9)}`
  body += dotMatrixPattern(id, o.pitch, ink)
  const fill = `url(#${id})`
  body +=
    text(200, 80, 4.2, '注册号', { font: labelFont, weight: 'bold' }) +
    text(218, 80, 4.2, s.registrationNumber, { font: 'mono', fill, weight: 'bold' })
  const rows = drawOldRows(
    [
      { label: '名称', value: s.entityName, field: 'entityName', perLine: 30 },
      { label: '经营者姓名', value: s.legalRepresentative, field: 'legalRepresentative', perLine: 30 },
      { label: '组成形式', value: '个人经营', perLine: 30 },
      { label: '经营场所', value: s.address, field: 'address', perLine: 30 },
      { label: '经营范围', value: s.businessScope, perLine: 30 },
    ],
    24,
    94,
    {
      labelFont,
      valueFont: 'mono',
      size: 5.2,
      labelWidth: 46,
      gap: o.offset,
      raise: o.raise,
      lineGap: 7,
      valueFill: fill,
      valueWeight: 'bold',
    },
  )
  body += rows.svg
  body +=
    text(186, 176, 4.2, '成立日期', { font: labelFont, weight: 'bold' }) +
    text(208 + o.offset, 176 + o.raise, 4.2, digitDate(s.establishedOn, true), { font: 'mono', fill, weight: 'bold' })
  body +=
    text(186, 186, 4.2, '发照日期', { font: labelFont, weight: 'bold' }) +
    text(208 + o.offset, 186 + o.raise, 4.2, digitDate(s.issuedOn, true), { font: 'mono', fill, weight: 'bold' })
  body += seal(250, 172, 15, s.registrar)
  body += text(W - 22, 200, 2.8, FOOTER_RIGHT, { font: 'sans', anchor: 'end' })
  return {
    layout: {
      widthMm: W,
      heightMm: H,
      background: r.pick(['#f7f4ea', '#f1ede0']),
      body,
      anchors: {
        ...rows.anchors,
        establishedOn: { x: 208 + o.offset, y: 176 + o.raise, size: 4.2, width: 46, lines: 1 },
        registrationNumber: { x: 218, y: 80, size: 4.2, width: 15 * 2.5, lines: 1 },
      },
    },
    fields: {
      registrationNumber: s.registrationNumber,
      entityName: s.entityName,
      legalRepresentative: s.legalRepresentative,
      address: s.address,
      establishedOn: s.establishedOn,
    },
  }
}

/**
 * A 食品经营许可证 of the same business: the same name and code, but its own dates (有效期至), its
 * own number (JY…) and a shop address of its own, all of which must not leak into the licence.
 */
export function foodLicenceLayout(s: SponsorIdentity, r: Rng): Layout {
  const W = 210
  const H = 297
  const issued = fromParts({ year: r.int(2018, 2025), month: r.int(1, 12), day: r.int(1, 28) })
  const expires = addDays(addYears(issued, 5), -1)
  const shop = s.address.replace(/\d+号/, `${r.int(1, 399)}号`)
  const number = `JY${r.pick(['1', '2', '3'])}${s.licenceNumber.slice(0, 6)}${String(r.int(0, 9999999)).padStart(7, '0')}`
  let body = border(W, H, '#2f6fb0') + emblem(W / 2, 34, 11)
  body += text(W / 2, 70, 14, '食品经营许可证', { font: 'hei', weight: 'bold', anchor: 'middle', spacing: 2 })
  body += text(W / 2, 80, 4.5, '(副本)', { font: 'serif', anchor: 'middle' })
  const rows: OldRow[] = [
    { label: '经营者名称', value: s.entityName, perLine: 24 },
    { label: '社会信用代码', value: s.creditCode, perLine: 24 },
    { label: '法定代表人（负责人）', value: s.legalRepresentative, perLine: 20 },
    { label: '住所', value: s.address, perLine: 24 },
    { label: '经营场所', value: shop, perLine: 24 },
    { label: '主体业态', value: r.pick(['餐饮服务经营者', '食品销售经营者']), perLine: 24 },
    { label: '经营项目', value: r.pick(['热食类食品制售', '预包装食品（含冷藏冷冻食品）销售', '冷食类食品制售']), perLine: 24 },
    { label: '许可证编号', value: number, perLine: 24 },
    { label: '日常监督管理机构', value: s.registrar.replace(/(市场监督管理|工商行政管理)局$/, '市场监督管理所'), perLine: 24 },
    { label: '投诉举报电话', value: '12315', perLine: 24 },
    { label: '有效期至', value: digitDate(expires, true), perLine: 24 },
  ]
  body += drawOldRows(rows, 24, 100, {
    labelFont: 'hei',
    valueFont: 'serif',
    size: 4.2,
    labelWidth: 42,
    gap: 5,
    raise: 0,
    lineGap: 4,
    valueFill: '#1c1c1c',
  }).svg
  body += text(120, 250, 4.2, '发证机关', { font: 'hei', weight: 'bold' }) + text(120, 258, 4, '签发人', { font: 'hei' })
  body += seal(165, 254, 17, s.registrar) + text(140, 272, 4, digitDate(issued, true), { font: 'serif' })
  return { widthMm: W, heightMm: H, background: '#fbfbf8', body }
}
