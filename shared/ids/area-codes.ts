/**
 * GB/T 2260 administrative division codes, historical and current (see the data file's source).
 * Lists lag reality, so callers treat an unknown code as a warning, never as an error.
 */
import data from '../data/area-codes.json' with { type: 'json' }

const codes: Readonly<Record<string, string>> = data.codes

export const AREA_CODES_SOURCE = data.source

/** The full name of a 6-digit code (广东省深圳市南山区), or undefined when it is not listed. */
export function areaName(code: string): string | undefined {
  return codes[code]
}

/** Province-level prefix (44 for 广东) known to the list. */
export function isKnownProvincePrefix(prefix2: string): boolean {
  return codes[`${prefix2}0000`] !== undefined
}

/** Province name for a 6-digit code's first two digits (广东省), or undefined. */
export function provinceNameOf(code: string): string | undefined {
  return codes[`${code.slice(0, 2)}0000`]
}

/** Every province-level entry as [2-digit prefix, name]. */
export function provinces(): Array<[string, string]> {
  return Object.entries(codes)
    .filter(([code]) => code.endsWith('0000'))
    .map(([code, name]) => [code.slice(0, 2), name])
}

let prefectureIndex: Map<string, string[]> | undefined

/** Prefecture-level names under a province prefix, with the province part removed (深圳市). */
export function prefecturesOf(prefix2: string): string[] {
  if (!prefectureIndex) {
    // One pass over the list, on first use: the address rule asks for every province at once.
    prefectureIndex = new Map()
    for (const [code, name] of Object.entries(codes)) {
      if (!code.endsWith('00') || code.endsWith('0000')) continue
      const prefix = code.slice(0, 2)
      const province = codes[`${prefix}0000`] ?? ''
      const short = name.startsWith(province) ? name.slice(province.length) : name
      if (short.length > 0) prefectureIndex.set(prefix, [...(prefectureIndex.get(prefix) ?? []), short])
    }
  }
  return prefectureIndex.get(prefix2) ?? []
}
