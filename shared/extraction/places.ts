/**
 * Repairs place names misread by OCR, using the GB/T 2260 division list the app already carries.
 * Place names on licences, ID cards and certificates come from a closed list, so a token such as
 * 「山头市」 that is not a place but is one character away from exactly one place that fits its
 * neighbours (「汕头市」, whose 潮阳区 follows) is a misread, and is repaired; anything ambiguous
 * is left as read.
 */
import areaData from '../data/area-codes.json' with { type: 'json' }

interface Place {
  readonly name: string
  /** Area codes carrying this name (the same district name exists in many cities). */
  readonly codes: string[]
}

const SUFFIX = /[省市区县州旗盟]$/

let index: { byName: Map<string, Place>; byLength: Map<number, Place[]> } | undefined

function build(): NonNullable<typeof index> {
  const codes = areaData.codes as Record<string, string>
  const byName = new Map<string, Place>()
  for (const [code, full] of Object.entries(codes)) {
    const parent = code.endsWith('0000')
      ? ''
      : code.endsWith('00')
        ? (codes[`${code.slice(0, 2)}0000`] ?? '')
        : (codes[`${code.slice(0, 4)}00`] ?? codes[`${code.slice(0, 2)}0000`] ?? '')
    const name = full.startsWith(parent) ? full.slice(parent.length) : full
    if (name.length < 2 || name.length > 8 || !SUFFIX.test(name) || name.includes('市辖区')) continue
    const p = byName.get(name)
    if (p) p.codes.push(code)
    else byName.set(name, { name, codes: [code] })
  }
  const byLength = new Map<number, Place[]>()
  for (const p of byName.values()) byLength.set(p.name.length, [...(byLength.get(p.name.length) ?? []), p])
  return { byName, byLength }
}

function oneApart(a: string, b: string): boolean {
  let d = 0
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i] && (d += 1) > 1) return false
  return d === 1
}

/** True when two places can appear together: one contains the other, or they share a province. */
function related(a: Place, b: Place, level: 4 | 2): boolean {
  return a.codes.some((x) => b.codes.some((y) => x.slice(0, level) === y.slice(0, level)))
}

/** True when `name` is a place of the GB/T 2260 list, as it appears after its parent (潮州市, 潮安区, 广东省). */
export function isPlaceName(name: string): boolean {
  index ??= build()
  return index.byName.has(name)
}

/**
 * The province, city and district of a 6-digit area code as they are printed in names and
 * addresses, level by level (广东省, 潮州市, 潮安区), each with its short form (广东, 潮州, 潮安).
 */
export function placeLevelsOfArea(area: string): string[][] {
  const codes = areaData.codes as Record<string, string>
  const out: string[][] = []
  let parent = ''
  for (const code of new Set([`${area.slice(0, 2)}0000`, `${area.slice(0, 4)}00`, area])) {
    const full = codes[code]
    // 北京市市辖区 and 北京市县 are groupings of the list, not places printed on a document.
    const grouping = code !== area && code.endsWith('00') && /(市辖区|县)$/u.test(full ?? '')
    if (!full || grouping) continue
    const name = full.startsWith(parent) ? full.slice(parent.length) : full
    parent = full
    if (name === '') continue
    // 广西壮族自治区 is printed 广西; 潮州市 also as 潮州.
    const short = name.replace(/(壮族|回族|维吾尔)?(自治区|省|市|区|县)$/u, '')
    out.push(short.length >= 2 && short !== name ? [name, short] : [name])
  }
  return out
}

export interface PlaceRepair {
  readonly text: string
  readonly changes: ReadonlyArray<{ readonly from: string; readonly to: string }>
}

/** Repairs one-character misreads of place names that are confirmed by a neighbouring place name. */
export function repairPlaceNames(text: string): PlaceRepair {
  index ??= build()
  const { byName, byLength } = index
  const chars = [...text]
  const changes: Array<{ from: string; to: string }> = []
  // Known places already in the text are the context that confirms a repair.
  const known: Place[] = []
  // Characters inside a known (or repaired) place are never part of another repair.
  const taken = new Array<boolean>(chars.length).fill(false)
  for (let len = 2; len <= 6; len += 1)
    for (let i = 0; i + len <= chars.length; i += 1) {
      const p = byName.get(chars.slice(i, i + len).join(''))
      if (!p) continue
      known.push(p)
      for (let k = i; k < i + len; k += 1) taken[k] = true
    }
  // 「南山分局」 (an ID card's issuer) names the district 南山区: repair and confirm through it too.
  for (const m of text.matchAll(/(?<=局)(\p{Script=Han}{2,3}?)分局/gu)) {
    const stem = m[1] as string
    const at = [...text.slice(0, m.index)].length
    if (taken[at]) continue
    const exact = ['区', '县', '市'].map((sfx) => byName.get(stem + sfx)).find(Boolean)
    if (exact) {
      known.push(exact)
      continue
    }
    const near = (byLength.get(stem.length + 1) ?? []).filter((p) => /[区县市]$/.test(p.name) && oneApart(p.name.slice(0, -1), stem))
    const sameCity = near.filter((p) => known.some((k) => related(p, k, 4)))
    const pick = sameCity.length === 1 ? sameCity[0] : undefined
    if (!pick) continue
    const to = pick.name.slice(0, -1)
    changes.push({ from: `${stem}分局`, to: `${to}分局` })
    chars.splice(at, stem.length, ...to)
    known.push(pick)
  }
  for (let len = 3; len <= 5; len += 1)
    for (let i = 0; i + len <= chars.length; i += 1) {
      const token = chars.slice(i, i + len).join('')
      if (!SUFFIX.test(token) || byName.has(token) || taken.slice(i, i + len).some(Boolean)) continue
      const near = (byLength.get(len) ?? []).filter((p) => p.name.endsWith(token.slice(-1)) && oneApart(p.name, token))
      if (near.length === 0) continue
      // Confirmed by a neighbour in the same city first, then in the same province; a place with no
      // look-alike at all is taken alone.
      const sameCity = near.filter((p) => known.some((k) => k !== p && related(p, k, 4)))
      const sameProvince = near.filter((p) => known.some((k) => k !== p && related(p, k, 2)))
      const pick =
        sameCity.length === 1
          ? sameCity[0]
          : sameCity.length === 0 && sameProvince.length === 1
            ? sameProvince[0]
            : near.length === 1
              ? near[0]
              : undefined
      if (!pick) continue
      changes.push({ from: token, to: pick.name })
      chars.splice(i, len, ...pick.name)
      for (let k = i; k < i + len; k += 1) taken[k] = true
      known.push(pick)
    }
  return { text: chars.join(''), changes }
}
