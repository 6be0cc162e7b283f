/**
 * Text normalisation shared by identifiers, dates and name comparison.
 *
 * OCR and hand typing produce full-width digits (２０１５), ideographic spaces and several dash
 * characters for the same thing; comparing or parsing without folding them first gives false alarms.
 */

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space to their ASCII forms. */
export function toHalfWidth(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0)
    else if (code === 0x3000) out += ' '
    else out += ch
  }
  return out
}

/** Every dash-like character (hyphen, en/em dash, minus, 一 is left alone) folded to '-'. */
export function foldDashes(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
}

/** Removes all whitespace, including the ideographic space. */
export function stripSpaces(text: string): string {
  return text.replace(/[\s\u3000]+/g, '')
}

/** Trimmed, whitespace collapsed: for names where an inner space may matter (English names). */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim()
}

/**
 * A key for comparing organisation or person names: half-width, no spaces, brackets unified.
 * Registrations mix （） and () freely; people do not consider them different names.
 */
export function nameKey(text: string): string {
  return stripSpaces(toHalfWidth(text))
    .replace(/[（【[]/g, '(')
    .replace(/[）】\]]/g, ')')
    .toUpperCase()
}

/** True for Han characters (CJK Unified Ideographs and extensions, compatibility ideographs). */
export function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch)
}

/** Counts Han characters, for rules such as "a site name needs at least 3 Chinese characters". */
export function countHan(text: string): number {
  let n = 0
  for (const ch of text) if (isHan(ch)) n += 1
  return n
}

/** Present means a non-blank string. */
export function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === ''
}
