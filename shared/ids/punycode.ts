/**
 * RFC 3492 Punycode encoding, for measuring and displaying internationalised domain labels
 * (例子.中国 → xn--fsqu00a.xn--fiqs8s). Encoding only: the product never needs to decode.
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
