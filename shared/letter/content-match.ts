/**
 * Does the signed letter list what the case files? A letter printed for one website and signed
 * weeks ago passes the name-and-code match (match.ts) after a second website is added; the 管局
 * refuses it. So the OCR text of the signed scan is also compared with every website's name and
 * domain, the website count in the table caption (共N个) and the date line.
 *
 * Each comparison only speaks when it can: a count or date the OCR did not read says nothing, and
 * missing names and domains are only reported when the table's cells were read at all.
 */
import { isRealDate, type IsoDate } from '../dates/iso-date'
import { displayDomain } from '../ids/domain'
import type { Case } from '../model/case'
import { isBlank, nameKey, toHalfWidth } from '../text/normalise'
import { nameAllowance, substringDistance } from './match'

/** One way the signed letter differs from the case. */
export type LetterDifference =
  | { readonly kind: 'count'; readonly read: number; readonly expected: number }
  | { readonly kind: 'website-name'; readonly website: number; readonly name: string }
  | { readonly kind: 'domain'; readonly website: number; readonly domain: string }
  | { readonly kind: 'date-future'; readonly read: IsoDate; readonly date: IsoDate }

/** Plain edit distance (a domain must match a whole token: yunfan.cn is inside yunfan.com.cn, and is not it). */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i]
    for (let j = 1; j <= b.length; j += 1)
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length] ?? 0
}

const DOMAIN_TOKEN =
  /[a-z0-9\p{Script=Han}](?:[a-z0-9\p{Script=Han}-]*[a-z0-9\p{Script=Han}])?(?:\.[a-z0-9\p{Script=Han}](?:[a-z0-9\p{Script=Han}-]*[a-z0-9\p{Script=Han}])?)+/gu

/** Domain-like tokens of each line and of each pair of lines joined (a long domain wraps in its column). */
function domainTokens(lines: readonly string[]): string[] {
  const clean = lines.map((l) =>
    toHalfWidth(l)
      .toLowerCase()
      .replace(/[\u3002\uff0e\uff61]/g, '.')
      .replace(/\s*([.-])\s*/g, '$1'),
  )
  const sources = [...clean, ...clean.slice(1).map((l, i) => `${clean[i] ?? ''}${l}`)]
  const out = new Set<string>()
  for (const text of sources)
    for (const piece of text.split(/[\s|｜:：,，;；()（）]+/)) for (const m of piece.matchAll(DOMAIN_TOKEN)) out.add(m[0])
  return [...out]
}

/** Domains are ASCII mostly, with `-` and `.` that OCR keeps well: one slip in 8+ characters, two past 16. */
function domainAllowance(length: number): number {
  if (length < 8) return 0
  return length < 16 ? 1 : 2
}

const COUNT = /共\s*(\d{1,3})\s*个/
const DATE = /日期[:：]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/

/** The website count of the table caption (本次备案的网站（共N个）), or null when not read. */
export function letterWebsiteCount(lines: readonly string[]): number | null {
  for (const line of lines) {
    const m = COUNT.exec(toHalfWidth(line))
    if (m) return Number(m[1])
  }
  return null
}

/** The date of the date line (日期：2026年12月01日), or null when not read. */
export function letterDate(lines: readonly string[]): IsoDate | null {
  for (const line of lines) {
    const m = DATE.exec(toHalfWidth(line))
    if (!m) continue
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (isRealDate(y, mo, d)) return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` as IsoDate
  }
  return null
}

const TABLE_MARKERS = ['网站名称', '网站域名', '本次备案的网站']

/** True when the text shows the letter's website table: without it (a fragment, another wording) websites are not compared. */
export function showsWebsiteTable(lines: readonly string[]): boolean {
  const text = lines.map((l) => nameKey(l)).join('')
  return TABLE_MARKERS.some((m) => text.includes(m)) || letterWebsiteCount(lines) !== null
}

/** Every difference between the signed letter's text and the case, websites in case order. */
export function compareLetterContent(lines: readonly string[], c: Case, date: IsoDate): LetterDifference[] {
  const out: LetterDifference[] = []
  const dated = letterDate(lines)
  if (dated !== null && dated > date) out.push({ kind: 'date-future', read: dated, date })
  if (!showsWebsiteTable(lines)) return out
  const count = letterWebsiteCount(lines)
  if (count !== null && count !== c.websites.length) out.unshift({ kind: 'count', read: count, expected: c.websites.length })
  const names = [...lines.map((l) => nameKey(l)).join('')]
  const tokens = domainTokens(lines).map((t) => [...t])
  const missing: LetterDifference[] = []
  let seen = false
  c.websites.forEach((w, website) => {
    if (!isBlank(w.name)) {
      const needle = [...nameKey(w.name as string)]
      if (substringDistance(needle, names) > nameAllowance(needle.length))
        missing.push({ kind: 'website-name', website, name: (w.name as string).trim() })
      else seen = true
    }
    if (!isBlank(w.domain)) {
      const domain = displayDomain(w.domain as string)
      const needle = [...domain]
      // A Chinese label sits beside Chinese text in a line; it is found as a substring of a token instead.
      const allowed = domainAllowance(needle.length)
      const idn = needle.some((ch) => (ch.codePointAt(0) ?? 0) > 0x7f)
      if (!tokens.some((t) => editDistance(needle, t) <= allowed || (idn && t.join('').endsWith(domain))))
        missing.push({ kind: 'domain', website, domain })
      else seen = true
    }
  })
  // Not one name or domain of the case read in the table: the OCR could not read its cells (small
  // print, a seal over it), which is not evidence of a wrong letter; the count and the name say more.
  if (seen) out.push(...missing)
  return out
}
