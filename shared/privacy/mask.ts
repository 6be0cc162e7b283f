/**
 * Masking personal data for logs and diagnostics (PIPL): enough left to tell two values apart
 * while debugging, not enough to identify anyone. `4401**********1234`, `138****8000`, `陈*远`.
 */

/** 公民身份号码 (and other long ID-like numbers): first 4 and last 4 kept. */
export function maskIdNumber(value: string): string {
  const v = value.trim()
  if (v.length <= 8) return '*'.repeat(v.length)
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`
}

/** Phone numbers: first 3 and last 4 digits kept. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '')
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

// Patterns for free text: 18-character ID numbers (with X), 15-digit old IDs, mainland mobiles.
const ID_18 = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g
const ID_15 = /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
// 统一社会信用代码: public for companies, but a 个体工商户's code points at a person.
const CREDIT_CODE = /(?<![0-9A-Z])[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}(?![0-9A-Z])/g

/**
 * Masks ID numbers, credit codes, mobiles and e-mail addresses wherever they appear in a message.
 * Names cannot be recognised in free text, so callers pass them as structured fields (maskFields).
 */
export function maskText(text: string): string {
  return text
    .replace(ID_18, maskIdNumber)
    .replace(CREDIT_CODE, maskIdNumber)
    .replace(ID_15, maskIdNumber)
    .replace(MOBILE, maskPhone)
    .replace(EMAIL, maskEmail)
}

const SENSITIVE_KEYS: ReadonlyArray<readonly [RegExp, (v: string) => string]> = [
  [/idnumber|certificatenumber/i, maskIdNumber],
  [/mobile|phone/i, maskPhone],
  [/email/i, maskEmail],
  [/name|owner|legalrepresentative|address/i, maskName],
]

/** Masks values of known-sensitive keys (name, idNumber, mobile …) in a structured log record. */
export function maskFields(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    const rule = SENSITIVE_KEYS.find(([pattern]) => pattern.test(key))
    if (typeof value === 'string') out[key] = rule ? rule[1](value) : maskText(value)
    else if (value && typeof value === 'object' && !Array.isArray(value)) out[key] = maskFields(value as Record<string, unknown>)
    else out[key] = value
  }
  return out
}
