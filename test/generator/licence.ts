/**
 * Business licences (营业执照) as printed since the 2015 reform: the current landscape layout with
 * the code in the top-left corner and two columns of fields, the earlier portrait layout with one
 * column, and the 个体工商户 variant (经营者, 注册日期, 经营场所, no 营业期限).
 */
import type { SponsorIdentity } from './identities'
import type { Rng } from './random'
import { qrLike, seal, spreadLabel, text, wrap, type Anchor, type FontKey, type Layout } from './svg'

export type LicenceLayout = 'landscape' | 'portrait'

export interface LicenceStyle {
  readonly layout: LicenceLayout
  readonly labelFont: FontKey
  readonly valueFont: FontKey
  /** Pad months and days (2016年05月02日) or not (2016年5月2日). */
  readonly padDates: boolean
  /** Put the red seal over a field value instead of over the registrar's name. */
  readonly sealOverText: boolean
  readonly paper: string
}

export function randomLicenceStyle(r: Rng): LicenceStyle {
  return {
    layout: r.chance(0.6) ? 'landscape' : 'portrait',
    labelFont: r.pick<FontKey>(['serif', 'sans', 'hei', 'serif']),
    valueFont: r.pick<FontKey>(['serif', 'kai', 'sans', 'wenkai', 'hei', 'serif']),
    padDates: r.chance(0.7),
    sealOverText: false,
    paper: r.pick(['#fbfaf6', '#f7f3e8', '#fdfdfb', '#f4efe2']),
  }
}

function chineseDate(iso: string, pad: boolean): string {
  const [y, m, d] = iso.split('-')
  const f = (s: string | undefined): string => (pad ? (s ?? '') : String(Number(s)))
  return `${y}年${f(m)}月${f(d)}日`
}

function term(s: SponsorIdentity, pad: boolean): string {
  if (!s.validFrom || !s.validTo) return ''
  return `${chineseDate(s.validFrom, pad)} 至 ${s.validTo === 'long-term' ? '长期' : chineseDate(s.validTo, pad)}`
}

interface Row {
  readonly label: string
  readonly value: string
  /** Characters per line when the value wraps. */
  readonly perLine: number
}

function rows(s: SponsorIdentity, st: LicenceStyle, perLine: number): Row[] {
  const date = (iso: string): string => chineseDate(iso, st.padDates)
  if (s.individualBusiness) {
    return [
      { label: '名称', value: s.entityName, perLine },
      { label: '类型', value: s.entityType, perLine },
      { label: '经营者', value: s.legalRepresentative, perLine },
      { label: '组成形式', value: '个人经营', perLine },
      { label: '注册日期', value: date(s.establishedOn), perLine },
      { label: '经营场所', value: s.address, perLine },
      { label: '经营范围', value: s.businessScope, perLine },
    ]
  }
  return [
    { label: '名称', value: s.entityName, perLine },
    { label: '类型', value: s.entityType, perLine },
    { label: '法定代表人', value: s.legalRepresentative, perLine },
    { label: '注册资本', value: s.registeredCapital, perLine },
    { label: '成立日期', value: date(s.establishedOn), perLine },
    { label: '营业期限', value: term(s, st.padDates), perLine },
    { label: '住所', value: s.address, perLine },
    { label: '经营范围', value: s.businessScope, perLine },
  ]
}

/** Draws rows top-down from y; returns the SVG and the y of each row's first baseline by label. */
function drawRows(
  list: readonly Row[],
  x: number,
  valueX: number,
  y0: number,
  size: number,
  st: LicenceStyle,
): { svg: string; at: Map<string, number>; anchors: Map<string, Anchor> } {
  let y = y0
  let svg = ''
  const at = new Map<string, number>()
  const anchors = new Map<string, Anchor>()
  for (const row of list) {
    at.set(row.label, y)
    svg += spreadLabel(x, y, size, row.label, size * 5, { font: st.labelFont, weight: 'bold' })
    const lines = wrap(row.value, row.perLine)
    anchors.set(row.label, {
      x: valueX,
      y,
      size,
      width: Math.min([...row.value].length, row.perLine) * size,
      lines: Math.max(1, lines.length),
    })
    lines.forEach((line, i) => (svg += text(valueX, y + i * size * 1.5, size, line, { font: st.valueFont })))
    y += Math.max(1, lines.length) * size * 1.5 + size * 1.3
  }
  return { svg, at, anchors }
}

/** Row labels → the field each shows (for anchors). */
const FIELD_OF_LABEL: Readonly<Record<string, string>> = {
  名称: 'entityName',
  类型: 'entityType',
  法定代表人: 'legalRepresentative',
  经营者: 'legalRepresentative',
  成立日期: 'establishedOn',
  注册日期: 'establishedOn',
  营业期限: 'validFrom',
  住所: 'address',
  经营场所: 'address',
}

function fieldAnchors(...maps: ReadonlyArray<Map<string, Anchor>>): Record<string, Anchor> {
  const out: Record<string, Anchor> = {}
  for (const m of maps) for (const [label, a] of m) if (FIELD_OF_LABEL[label]) out[FIELD_OF_LABEL[label]] = a
  return out
}

/** The licence as a layout in millimetres (A4 landscape or portrait). */
export function licenceLayout(s: SponsorIdentity, st: LicenceStyle, r: Rng): Layout {
  const landscape = st.layout === 'landscape'
  const W = landscape ? 297 : 210
  const H = landscape ? 210 : 297
  let body = `<rect x="8" y="8" width="${W - 16}" height="${H - 16}" fill="none" stroke="#b8862b" stroke-width="1.6"/>`
  body += `<rect x="11" y="11" width="${W - 22}" height="${H - 22}" fill="none" stroke="#b8862b" stroke-width="0.4"/>`
  body += text(W / 2, landscape ? 46 : 56, 15, '营业执照', { anchor: 'middle', weight: 'bold', spacing: 4 })
  body += text(W / 2, landscape ? 56 : 66, 5, '（副\u3000本）', { anchor: 'middle' })
  const size = landscape ? 4.4 : 4.6
  let sealAt: { x: number; y: number }
  let anchors: Record<string, Anchor>
  if (landscape) {
    body += text(22, 32, 3.8, '统一社会信用代码', { font: st.labelFont, weight: 'bold' })
    body += text(22, 39.5, 4.6, s.creditCode, { font: st.valueFont, spacing: 0.3 })
    body += text(W - 92, 32, 3.4, `证照编号：${s.licenceNumber}`, { font: st.labelFont })
    body += qrLike(r, W - 52, 36, 24)
    const all = rows(s, st, 24)
    const half = s.individualBusiness ? 4 : 3
    const left = all.filter((row) => row.label !== '经营范围').slice(0, half)
    const right = all.filter((row) => row.label !== '经营范围').slice(half)
    const scope = all.find((row) => row.label === '经营范围')
    const L = drawRows([...left, ...(scope ? [{ ...scope, perLine: 24 }] : [])], 22, 50, 78, size, st)
    const R = drawRows(
      right.map((row) => ({ ...row, perLine: 21 })),
      160,
      188,
      78,
      size,
      st,
    )
    body += L.svg + R.svg
    anchors = { ...fieldAnchors(L.anchors, R.anchors), creditCode: { x: 22, y: 39.5, size: 4.6, width: 18 * 3.1, lines: 1 } }
    sealAt = { x: 232, y: 178 }
    if (st.sealOverText) {
      const target = r.pick(['住所', '经营场所', '营业期限', '注册日期', '成立日期', '名称'].filter((l) => L.at.has(l) || R.at.has(l)))
      const x = R.at.has(target) ? 205 : 75
      sealAt = { x: x + r.float(-8, 12), y: (R.at.get(target) ?? L.at.get(target) ?? 100) + r.float(-8, 6) }
    }
    body += text(178, 184, 4.2, '登记机关', { font: st.labelFont, weight: 'bold' })
    body += text(210, 196, 4, chineseDate(s.issuedOn, true), { font: st.valueFont })
  } else {
    body += text(W - 20, 82, 3.8, `统一社会信用代码\u3000${s.creditCode}`, { font: st.labelFont, anchor: 'end' })
    body += text(W - 20, 90, 3.2, `证照编号：${s.licenceNumber}`, { font: st.labelFont, anchor: 'end' })
    const R = drawRows(rows(s, st, 26), 28, 58, 108, size, st)
    body += R.svg
    anchors = { ...fieldAnchors(R.anchors), creditCode: { x: W - 20 - 18 * 2.2, y: 82, size: 3.8, width: 18 * 2.2, lines: 1 } }
    sealAt = { x: 158, y: 258 }
    if (st.sealOverText) {
      const target = r.pick(['住所', '经营场所', '营业期限', '注册日期', '成立日期', '法定代表人'].filter((l) => R.at.has(l)))
      sealAt = { x: 95 + r.float(-15, 30), y: (R.at.get(target) ?? 150) + r.float(-8, 6) }
    }
    body += text(128, 262, 4.2, '登记机关', { font: st.labelFont, weight: 'bold' })
    body += text(140, 274, 4, chineseDate(s.issuedOn, true), { font: st.valueFont })
  }
  body += seal(sealAt.x, sealAt.y, 20, s.registrar)
  return { widthMm: W, heightMm: H, background: st.paper, body, anchors }
}
