/**
 * The 15-digit 工商注册号 printed on business licences before the 2015 reform (GB/T ... as issued by
 * the SAIC; the check digit is ISO 7064 MOD 11,10). Recognising it lets us tell the user "this is
 * the old number; use the 18-character code from the re-issued licence" instead of "wrong length".
 */

/** The ISO 7064 MOD 11,10 check digit for 14 digits. */
export function legacyRegNoCheckDigit(first14: string): number | null {
  if (!/^\d{14}$/.test(first14)) return null
  let p = 10
  for (const ch of first14) {
    let s = (p + Number(ch)) % 10
    if (s === 0) s = 10
    p = (s * 2) % 11
  }
  // The check digit d makes (p + d) mod 10 equal 1.
  return (11 - p) % 10
}

export function isValidLegacyRegNo(code: string): boolean {
  if (!/^\d{15}$/.test(code)) return false
  return legacyRegNoCheckDigit(code.slice(0, 14)) === Number(code[14])
}
