/**
 * 组织机构代码 (GB 11714-1997): 8 body characters and a check character.
 *
 * It is embedded in positions 9–17 of every 统一社会信用代码, so it is a second, independent check
 * on a credit code — valuable when correcting OCR look-alikes, where one check alone is often
 * satisfied by more than one candidate.
 */

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const

/** 0–9 are their value, A=10 … Z=35; anything else has no value. */
function charValue(ch: string): number | null {
  if (/^[0-9]$/.test(ch)) return Number(ch)
  if (/^[A-Z]$/.test(ch)) return ch.charCodeAt(0) - 55
  return null
}

/** The check character for 8 body characters, or null when a character is not allowed. */
export function orgCodeCheckChar(body: string): string | null {
  if (body.length !== 8) return null
  let sum = 0
  for (let i = 0; i < 8; i += 1) {
    const v = charValue(body[i] as string)
    if (v === null) return null
    sum += v * (WEIGHTS[i] as number)
  }
  const c = 11 - (sum % 11)
  if (c === 10) return 'X'
  if (c === 11) return '0'
  return String(c)
}

/** True when the 9 characters (with or without the customary hyphen) carry a correct check. */
export function isValidOrgCode(code: string): boolean {
  const compact = code.replace('-', '').toUpperCase()
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(compact)) return false
  return orgCodeCheckChar(compact.slice(0, 8)) === compact[8]
}
