/**
 * Which seal is on the letter, from the text read off it (electron/services/letter/seal-text.ts).
 * The unit version of the Guangdong letter carries the unit's 公章: its full registered name round
 * the ring (a star in the centre, optionally 公章 or nothing below). Special-purpose seals carry
 * the same name and the purpose in the centre; the 管局 refuses them on the letter.
 */
import { nameKey } from '../text/normalise'
import { substringDistance } from './match'

/** The seal's text: the straight centre line(s) and the ring unwrapped, spaces removed. */
export interface LetterSealText {
  readonly centre: string
  readonly ring: string
}

/**
 * Special-purpose seals (专用章) that are not the 公章. Source: 《印章管理办法》 practice and the
 * providers' 承诺书 instructions ("加盖单位公章，不得使用合同章、财务章等").
 */
export const SPECIAL_SEALS = ['合同专用章', '财务专用章', '发票专用章', '人事专用章'] as const

export type SealKind = { kind: 'company' } | { kind: 'special'; name: (typeof SPECIAL_SEALS)[number] } | { kind: 'unreadable' }

/** The purpose word is enough (合同, 财务 …) when it stands beside 专用 or 章: OCR drops a character of a small seal. */
function special(text: string): (typeof SPECIAL_SEALS)[number] | null {
  for (const name of SPECIAL_SEALS) {
    const purpose = name.slice(0, 2)
    if (text.includes(name) || text.includes(`${purpose}专用`) || text.includes(`${purpose}专`) || text.includes(`${purpose}章`))
      return name
  }
  return null
}

/** What the seal is, given the sponsor's name (null when the case has none). */
export function sealKind(text: LetterSealText, sponsorName: string | null): SealKind {
  const all = nameKey(`${text.centre}${text.ring}`)
  const s = special(all)
  if (s !== null) return { kind: 'special', name: s }
  if (sponsorName !== null) {
    // Ring OCR is far rougher than flat print (curved, small, stamped unevenly): a third of the
    // name may be misread. Telling a 公章 from a special seal is the point here, not the unit.
    const needle = [...nameKey(sponsorName)]
    if (needle.length >= 4 && substringDistance(needle, [...nameKey(text.ring)]) <= Math.ceil(needle.length * 0.35))
      return { kind: 'company' }
  }
  if (/公章/.test(all)) return { kind: 'company' }
  return { kind: 'unreadable' }
}
