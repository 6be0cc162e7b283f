/**
 * Masking personal data for logs and diagnostics (PIPL): enough left to tell two values apart
 * while debugging, not enough to identify anyone. `4401**********1234`, `138****8000`, `陈*远`.
 */

/** 公民身份号码 (and other long ID-like numbers): first 4 and last 4 kept; group separators dropped. */
export function maskIdNumber(value: string): string {
  const v = value.trim().replace(/[\s-]/g, '')
  if (v.length <= 8) return '*'.repeat(v.length)
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`
}

/** Phone numbers: first 3 and last 4 digits kept. */
export function maskPhone(value: string): string {
  // A mainland mobile written with +86 is masked as the mobile alone.
  const digits = value.replace(/\D/g, '').replace(/^86(?=1[3-9]\d{9}$)/, '')
  if (digits.length <= 7) return '*'.repeat(digits.length)
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`
}

/** Names: first and last character kept for three or more, the last hidden for two. */
export function maskName(value: string): string {
  const chars = [...value.trim()]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** E-mail: the first character of the local part and the domain kept. */
export function maskEmail(value: string): string {
  const [local = '', domain = ''] = value.trim().split('@')
  return domain ? `${local.slice(0, 1)}***@${domain}` : maskName(value)
}

/**
 * The text as the patterns see it: full-width forms (０-９, Ｘ, ＋, ＠, ideographic space) and the
 * other dashes (‐ – — －) become their ASCII twins, one UTF-16 unit for one, so a match's
 * position is the same in the original. A number typed on a Chinese keyboard is still a number.
 */
function asciiShadow(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 1) {
    const u = text.charCodeAt(i)
    if (u >= 0xff01 && u <= 0xff5e) out += String.fromCharCode(u - 0xfee0)
    else if (u === 0x3000) out += ' '
    else if (u >= 0x2010 && u <= 0x2015) out += '-'
    else out += text[i]
  }
  return out
}

// 18-character ID numbers (with X), plain or grouped by spaces or by dashes (440106 19960214 2464,
// 4401-0619-…; one kind of separator, so a date range beside a number is not taken for one), with
// letters glued before them (ID440106…); 15-digit old IDs; mainland mobiles (3-4-4 grouping, +86).
const idPattern = (sep: string): RegExp => new RegExp(`(?<!\\d)\\d(?:${sep}?\\d){16}${sep}?[\\dXx](?![0-9A-Za-z])`, 'g')
const ID_18_SPACED = idPattern('[ \\t]')
const ID_18_DASHED = idPattern('-')
const ID_15 = /(?<!\d)\d{15}(?![0-9A-Za-z])/g
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
// 统一社会信用代码: public for companies, but a 个体工商户's code points at a person.
const CREDIT_CODE = /(?<![0-9A-Z])[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}(?![0-9A-Z])/g

/** Replaces every match of `pattern` found in the ASCII shadow of `text` by its mask. */
function maskMatches(text: string, pattern: RegExp, mask: (value: string) => string): string {
  const shadow = asciiShadow(text)
  let out = ''
  let last = 0
  for (const m of shadow.matchAll(pattern)) {
    out += text.slice(last, m.index) + mask(m[0])
    last = m.index + m[0].length
  }
  return out + text.slice(last)
}

/**
 * Masks ID numbers, credit codes, mobiles and e-mail addresses wherever they appear in a message,
 * in ASCII or full-width digits. Names cannot be recognised in free text, so callers pass them as
 * structured fields (maskFields).
 */
export function maskText(text: string): string {
  let out = maskMatches(text, ID_18_SPACED, maskIdNumber)
  out = maskMatches(out, ID_18_DASHED, maskIdNumber)
  out = maskMatches(out, CREDIT_CODE, maskIdNumber)
  out = maskMatches(out, ID_15, maskIdNumber)
  out = maskMatches(out, MOBILE, maskPhone)
  return maskMatches(out, EMAIL, maskEmail)
}

const SENSITIVE_KEYS: ReadonlyArray<readonly [RegExp, (v: string) => string]> = [
  [/idnumber|certificatenumber/i, maskIdNumber],
  [/mobile|phone/i, maskPhone],
  [/email/i, maskEmail],
  [/name|owner|legalrepresentative|address/i, maskName],
]

/** A value under `rule` (a sensitive key) or free text: strings masked, arrays and records walked. */
function maskValue(value: unknown, rule: ((v: string) => string) | undefined): unknown {
  if (typeof value === 'string') return rule ? rule(value) : maskText(value)
  if (Array.isArray(value)) return value.map((v) => maskValue(v, rule))
  if (value && typeof value === 'object') return maskFields(value as Record<string, unknown>)
  return value
}

/**
 * Masks values of known-sensitive keys (name, idNumber, mobile …) in a structured log record,
 * nested records and arrays too (`names: ['陈思远', '林晓彤']`); other strings as free text.
 */
export function maskFields(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) out[key] = maskValue(value, SENSITIVE_KEYS.find(([pattern]) => pattern.test(key))?.[1])
  return out
}
