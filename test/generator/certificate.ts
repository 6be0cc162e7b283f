/**
 * Domain certificates as registrars issue them (several layouts and label wordings), the Guangdong
 * commitment letter as signed and scanned, and an unrelated page for the "other" kind.
 */
import type { DomainIdentity, SponsorSet } from './identities'
import type { Rng } from './random'
import { seal, text, wrap, type FontKey, type Layout } from './svg'

export interface CertificateStyle {
  readonly variant: 'boxed' | 'bilingual' | 'plain'
  readonly font: FontKey
  readonly dateStyle: 'iso' | 'chinese' | 'slash'
}

export function randomCertificateStyle(r: Rng): CertificateStyle {
  return {
    variant: r.pick(['boxed', 'bilingual', 'plain'] as const),
    font: r.pick<FontKey>(['sans', 'hei', 'serif', 'kai']),
    dateStyle: r.pick(['iso', 'chinese', 'slash'] as const),
  }
}

function formatDate(iso: string, style: CertificateStyle['dateStyle']): string {
  const [y, m, d] = iso.split('-')
  if (style === 'chinese') return `${y}年${m}月${d}日`
  if (style === 'slash') return `${y}/${m}/${d}`
  return iso
}

export function domainCertificateLayout(dom: DomainIdentity, st: CertificateStyle, r: Rng): Layout {
  const W = 297
  const H = 210
  const f = st.font
  const date = (iso: string): string => formatDate(iso, st.dateStyle)
  const labels =
    st.variant === 'bilingual'
      ? { domain: '域名 Domain Name', owner: '注册人 Registrant', reg: '注册日期 Registration Date', exp: '到期日期 Expiration Date' }
      : st.variant === 'boxed'
        ? { domain: '域名', owner: '域名持有者', reg: '注册时间', exp: '到期时间' }
        : { domain: '域名', owner: '所有者', reg: '注册日期', exp: '到期日期' }
  let body = `<rect x="7" y="7" width="${W - 14}" height="${H - 14}" fill="none" stroke="${r.pick(['#1f5fa8', '#b08a2e', '#2a7d5c'])}" stroke-width="3"/>`
  body += text(W / 2, 42, 12, st.variant === 'bilingual' ? '域名注册证书' : '域名证书', {
    anchor: 'middle',
    weight: 'bold',
    font: f,
    spacing: 2,
  })
  if (st.variant === 'bilingual') body += text(W / 2, 52, 5, 'DOMAIN NAME REGISTRATION CERTIFICATE', { anchor: 'middle', font: 'sans' })
  const rows: Array<[string, string]> = [
    [labels.domain, dom.domain],
    [labels.owner, dom.owner],
    [labels.reg, date(dom.registeredOn)],
    [labels.exp, date(dom.expiresOn)],
  ]
  const x = st.variant === 'bilingual' ? 40 : 60
  rows.forEach(([label, value], i) => {
    const y = 80 + i * 17
    body += text(x, y, 6, `${label}：`, { font: f, weight: 'bold' })
    body += text(x + (st.variant === 'bilingual' ? 95 : 45), y, 6, value, { font: value === dom.domain ? 'sans' : f })
  })
  body += text(W / 2, 165, 4.2, `特此证明。注册服务机构：${dom.registrar}`, { anchor: 'middle', font: f })
  body += seal(230, 168, 18, dom.registrar)
  return { widthMm: W, heightMm: H, background: r.pick(['#fffdf8', '#ffffff', '#f8fbff']), body }
}

export function commitmentLetterLayout(set: SponsorSet, r: Rng): Layout {
  const W = 210
  const H = 297
  const font = r.pick<FontKey>(['serif', 'sans', 'kai'])
  let body = text(W / 2, 40, 7, '互联网信息服务备案承诺书', { anchor: 'middle', weight: 'bold', font })
  const paragraphs = [
    `本单位${set.sponsor.entityName}（统一社会信用代码：${set.sponsor.creditCode}）郑重承诺：`,
    '一、所提交的备案信息和材料真实、准确、完整，如有虚假，愿承担相应责任。',
    '二、遵守《互联网信息服务管理办法》和《非经营性互联网信息服务备案管理办法》。',
    '三、不从事超出备案范围或须经前置审批而未取得许可的互联网信息服务。',
    '四、备案信息发生变化时及时办理变更手续。',
  ]
  let y = 62
  for (const p of paragraphs)
    for (const line of wrap(p, 30)) {
      body += text(25, y, 5, line, { font })
      y += 9
    }
  body += text(110, y + 30, 5, `法定代表人（签字）：${set.principal.name}`, { font })
  body += text(110, y + 45, 5, `单位（盖章）：${set.sponsor.entityName}`, { font })
  body += seal(150, y + 40, 20, set.sponsor.entityName)
  return { widthMm: W, heightMm: H, background: '#ffffff', body }
}

/** A page that is none of the filing documents (a meeting notice). */
export function otherLayout(r: Rng): Layout {
  const W = 210
  const H = 297
  const font = r.pick<FontKey>(['serif', 'sans'])
  let body = text(W / 2, 40, 7, '关于召开年度工作会议的通知', { anchor: 'middle', weight: 'bold', font })
  const lines = wrap(
    '各部门：经研究，定于下月中旬召开年度工作会议，总结本年度工作，部署下一年度重点任务。请各部门负责人准时参加，并提前准备书面材料。会议地点另行通知。特此通知。',
    30,
  )
  lines.forEach((line, i) => (body += text(25, 62 + i * 9, 5, line, { font })))
  body += text(185, 62 + lines.length * 9 + 25, 5, '办公室', { anchor: 'end', font })
  return { widthMm: W, heightMm: H, background: '#ffffff', body }
}
