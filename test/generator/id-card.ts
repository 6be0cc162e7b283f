/**
 * Second-generation resident ID cards (居民身份证), 85.6 × 54 mm: the portrait side (人像面) with
 * name, sex, ethnicity, birth date, address and number; the emblem side (国徽面) with the issuing
 * authority and validity; and the common A4 scan with the front above the back.
 */
import type { PersonIdentity } from './identities'
import type { Rng } from './random'
import { guilloche, starPath, text, wrap, type FontKey, type Layout } from './svg'

export const CARD_W = 85.6
export const CARD_H = 54

export interface IdCardStyle {
  readonly valueFont: FontKey
  readonly labelColour: string
  /** Background tint of the card's security print. */
  readonly tint: string
  /** 2019.06.30-2039.06.30 (padded) or 2019.6.30-2039.6.30. */
  readonly padValidity: boolean
}

export function randomIdCardStyle(r: Rng): IdCardStyle {
  return {
    valueFont: r.pick<FontKey>(['hei', 'sans', 'hei', 'serif']),
    labelColour: r.pick(['#4a79a8', '#3f6f9e', '#5683ad']),
    tint: r.pick(['#eef3f4', '#e9f0f2', '#f1f2ec', '#e8eef0']),
    padValidity: r.chance(0.8),
  }
}

function cardFrame(r: Rng, st: IdCardStyle): string {
  const id = `card${r.int(0, 1e9)}`
  return `<clipPath id="${id}"><rect x="0" y="0" width="${CARD_W}" height="${CARD_H}" rx="3"/></clipPath><rect x="0" y="0" width="${CARD_W}" height="${CARD_H}" rx="3" fill="${st.tint}" stroke="#c9d3d6" stroke-width="0.3"/><g clip-path="url(#${id})">${guilloche(r, CARD_W, CARD_H, '#9fc0c9', 14)}</g>`
}

/** The portrait side, in card millimetres (origin at the card's top-left corner). */
export function idFrontBody(p: PersonIdentity, st: IdCardStyle, r: Rng): string {
  const label = { font: 'hei' as FontKey, fill: st.labelColour }
  const value = { font: st.valueFont }
  const [y, m, d] = p.birthDate.split('-').map(Number)
  let body = cardFrame(r, st)
  body += text(6, 11, 2.7, '姓 名', label) + text(17, 11, 3.6, p.name, value)
  body += text(6, 18.5, 2.7, '性 别', label) + text(17, 18.5, 3.2, p.sex === 'male' ? '男' : '女', value)
  body += text(28, 18.5, 2.7, '民 族', label) + text(39, 18.5, 3.2, p.ethnicity, value)
  body += text(6, 26, 2.7, '出 生', label)
  body += text(17, 26, 3.2, String(y), value) + text(27, 26, 2.7, '年', label)
  body += text(32, 26, 3.2, String(m), value) + text(37.5, 26, 2.7, '月', label)
  body += text(42, 26, 3.2, String(d), value) + text(47.5, 26, 2.7, '日', label)
  body += text(6, 33.5, 2.7, '住 址', label)
  wrap(p.address, 11).forEach((line, i) => (body += text(17, 33.5 + i * 4.4, 3.2, line, value)))
  body += text(6, 48.5, 2.7, '公民身份号码', label)
  body += text(30, 48.8, 3.9, p.idNumber, { font: 'mono', spacing: 0.55 })
  // The photo: a grey head-and-shoulders silhouette.
  body += `<rect x="58" y="8" width="22" height="28" fill="#dfe6e8"/><circle cx="69" cy="18" r="6" fill="#9aa4a8"/><path d="M 59 36 Q 69 22 79 36 Z" fill="#9aa4a8"/>`
  return body
}

/** The emblem side, in card millimetres. */
export function idBackBody(p: PersonIdentity, st: IdCardStyle, r: Rng): string {
  const label = { font: 'hei' as FontKey, fill: st.labelColour }
  const value = { font: st.valueFont }
  const date = (iso: string): string => {
    const [y, m, d] = iso.split('-')
    return st.padValidity ? `${y}.${m}.${d}` : `${y}.${Number(m)}.${Number(d)}`
  }
  let body = cardFrame(r, st)
  body += `<circle cx="15" cy="15" r="9" fill="#d52b1e"/><path d="${starPath(15, 13, 3.5)}" fill="#f8d23a"/>`
  body += `<rect x="9.5" y="18" width="11" height="2.2" fill="#f8d23a"/>`
  body += text(58, 14, 4.2, '中华人民共和国', { font: 'serif', anchor: 'middle', weight: 'bold', spacing: 0.6 })
  body += text(58, 25, 6.2, '居民身份证', { font: 'serif', anchor: 'middle', weight: 'bold', spacing: 1.2 })
  body += text(13, 41.5, 2.7, '签发机关', label) + text(28, 41.5, 3.2, p.issuer, value)
  const to = p.validTo === 'long-term' ? '长期' : date(p.validTo)
  body += text(13, 48.5, 2.7, '有效期限', label) + text(28, 48.5, 3.2, `${date(p.validFrom)}-${to}`, value)
  return body
}

export function idFrontLayout(p: PersonIdentity, st: IdCardStyle, r: Rng): Layout {
  return { widthMm: CARD_W, heightMm: CARD_H, background: '#ffffff', body: idFrontBody(p, st, r) }
}

export function idBackLayout(p: PersonIdentity, st: IdCardStyle, r: Rng): Layout {
  return { widthMm: CARD_W, heightMm: CARD_H, background: '#ffffff', body: idBackBody(p, st, r) }
}

/** Both sides on one A4 page, front above back, each placed a little off-centre and askew. */
export function idBothLayout(p: PersonIdentity, st: IdCardStyle, r: Rng): Layout {
  const place = (body: string, y: number): string => {
    const x = (210 - CARD_W) / 2 + r.float(-20, 20)
    const angle = r.float(-1.2, 1.2)
    return `<g transform="translate(${x.toFixed(2)} ${(y + r.float(-6, 6)).toFixed(2)}) rotate(${angle.toFixed(2)} ${CARD_W / 2} ${CARD_H / 2})">${body}</g>`
  }
  const body = place(idFrontBody(p, st, r), 40) + place(idBackBody(p, st, r), 150)
  return { widthMm: 210, heightMm: 297, background: r.pick(['#ffffff', '#f6f6f4', '#fbfbf9']), body }
}
