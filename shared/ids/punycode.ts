/**
 * RFC 3492 Punycode, for measuring, comparing and displaying internationalised domain labels
 * (例子.中国 ⇄ xn--fsqu00a.xn--fiqs8s). Decoding lets a domain typed in its xn-- form be shown and
 * compared in its Chinese form: registrars' certificates print either.
 */
const BASE = 36
const TMIN = 1
const TMAX = 26
const SKEW = 38
const DAMP = 700
const INITIAL_BIAS = 72
const INITIAL_N = 128

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1
  d += Math.floor(d / numPoints)
  let k = 0
  while (d > ((BASE - TMIN) * TMAX) >> 1) {
    d = Math.floor(d / (BASE - TMIN))
    k += BASE
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW))
}

function digit(d: number): string {
  return String.fromCharCode(d < 26 ? d + 97 : d + 22)
}

/** Encodes one label's code points; the caller adds the xn-- prefix. */
export function punycodeEncode(label: string): string {
  const input = [...label].map((ch) => ch.codePointAt(0) as number)
  let output = input
    .filter((c) => c < 0x80)
    .map((c) => String.fromCharCode(c))
    .join('')
  const basicCount = output.length
  let handled = basicCount
  if (basicCount > 0) output += '-'
  let n = INITIAL_N
  let delta = 0
  let bias = INITIAL_BIAS
  while (handled < input.length) {
    const m = Math.min(...input.filter((c) => c >= n))
    delta += (m - n) * (handled + 1)
    n = m
    for (const c of input) {
      if (c < n) delta += 1
      if (c === n) {
        let q = delta
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias
          if (q < t) break
          output += digit(t + ((q - t) % (BASE - t)))
          q = Math.floor((q - t) / (BASE - t))
        }
        output += digit(q)
        bias = adapt(delta, handled + 1, handled === basicCount)
        delta = 0
        handled += 1
      }
    }
    delta += 1
    n += 1
  }
  return output
}

/** A label in its ASCII (A-label) form: unchanged when already ASCII. */
export function toAsciiLabel(label: string): string {
  return /^[\x20-\x7e]*$/.test(label) ? label : `xn--${punycodeEncode(label)}`
}

function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 22 // 0-9 → 26-35
  if (code >= 65 && code <= 90) return code - 65 // A-Z
  if (code >= 97 && code <= 122) return code - 97 // a-z
  return BASE
}

/** Decodes one label's Punycode (without xn--); null when it is not valid Punycode. */
export function punycodeDecode(encoded: string): string | null {
  const output: number[] = []
  const delimiter = encoded.lastIndexOf('-')
  for (let j = 0; j < Math.max(0, delimiter); j += 1) {
    const c = encoded.charCodeAt(j)
    if (c >= 0x80) return null
    output.push(c)
  }
  let n = INITIAL_N
  let i = 0
  let bias = INITIAL_BIAS
  for (let index = delimiter > 0 ? delimiter + 1 : 0; index < encoded.length;) {
    const oldi = i
    let w = 1
    for (let k = BASE; ; k += BASE) {
      if (index >= encoded.length) return null
      const d = digitValue(encoded.charCodeAt(index))
      index += 1
      if (d >= BASE) return null
      i += d * w
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias
      if (d < t) break
      w *= BASE - t
      if (w > 0x7fffffff) return null
    }
    bias = adapt(i - oldi, output.length + 1, oldi === 0)
    n += Math.floor(i / (output.length + 1))
    i %= output.length + 1
    if (n > 0x10ffff) return null
    output.splice(i, 0, n)
    i += 1
  }
  return String.fromCodePoint(...output)
}

/** A label in its Unicode (U-label) form: xn-- labels decoded, anything else unchanged. */
export function toUnicodeLabel(label: string): string {
  if (!/^xn--/i.test(label)) return label
  const decoded = punycodeDecode(label.slice(4).toLowerCase())
  // A label that does not decode, or decodes to plain ASCII, is not a real A-label: keep it as typed.
  return decoded === null || decoded === '' || [...decoded].every((ch) => (ch.codePointAt(0) as number) < 0x80)
    ? label
    : decoded.normalize('NFC')
}
