/**
 * Which province an address is in, judged from the text alone.
 *
 * Licences print addresses with or without the province (「深圳市南山区…」), so we look for a
 * province name first and then for a prefecture-level city name with its 市/州/盟 suffix. The
 * earliest match wins, because later parts of an address name streets and buildings that may
 * borrow other places' names (「北京路」 in Guangzhou).
 */
import { prefecturesOf } from '../ids/area-codes'
import { toHalfWidth, stripSpaces } from './normalise'

export interface ProvinceName {
  readonly prefix: string
  readonly short: string
  readonly full: string
}

interface Needle {
  readonly text: string
  readonly prefix: string
}

let cache: { key: string; needles: Needle[] } | undefined

function needlesFor(provinces: readonly ProvinceName[]): Needle[] {
  const key = provinces.map((p) => p.prefix).join(',')
  if (cache?.key === key) return cache.needles
  const needles: Needle[] = []
  for (const p of provinces) {
    needles.push({ text: p.full, prefix: p.prefix }, { text: p.short, prefix: p.prefix })
    for (const city of prefecturesOf(p.prefix))
      if (/[市州盟区]$/.test(city) && city.length >= 3) needles.push({ text: city, prefix: p.prefix })
  }
  // Longer names first so 「吉林省」 wins over 「吉林」 at the same position.
  needles.sort((a, b) => b.text.length - a.text.length)
  cache = { key, needles }
  return needles
}

/** The province prefix ('44') an address names first, or null when it names none we know. */
export function provinceOfAddress(address: string, provinces: readonly ProvinceName[]): string | null {
  const text = stripSpaces(toHalfWidth(address))
  let best: { index: number; prefix: string } | null = null
  for (const needle of needlesFor(provinces)) {
    const index = text.indexOf(needle.text)
    if (index >= 0 && (best === null || index < best.index)) best = { index, prefix: needle.prefix }
  }
  return best?.prefix ?? null
}
