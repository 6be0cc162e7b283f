/**
 * Pixel measurements on a scanned letter page: the paper's colour, ink inside a box, and red
 * seal blobs. Plain functions over an RGB raster, so they are tested on images we draw ourselves.
 *
 * Scanners tint the page (yellowish paper, a blue cast), which makes naive colour tests fail: a
 * tinted white has chroma too. So every pixel is first divided by the paper's own colour (a white
 * balance from the brightest common value of each channel), and only then judged as ink or red.
 */

export interface Raster {
  readonly width: number
  readonly height: number
  /** RGB, 3 bytes a pixel, row by row. */
  readonly data: Uint8Array
}

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/**
 * A rectangle on a slightly skewed scan: x/width are measured along the page's rows and y/height
 * along its columns after undoing the skew (tan of the angle) around the centre (cx, cy).
 */
export interface SkewedRect extends Rect {
  skew: number
  cx: number
  cy: number
}

/** Row and column coordinates of a pixel once a skew of `t` (tan of the angle) around (cx, cy) is undone. */
function unskew(x: number, y: number, t: number, cx: number, cy: number): { c: number; r: number } {
  return { c: x + (y - cy) * t, r: y - (x - cx) * t }
}

/** The paper's colour: per channel, the value 90 % of the pixels are at or below. */
export function paperColour(r: Raster): [number, number, number] {
  const hist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)]
  const step = Math.max(1, Math.floor((r.width * r.height) / 200_000)) * 3
  let n = 0
  for (let i = 0; i + 2 < r.data.length; i += step) {
    hist[0]![r.data[i]!]! += 1
    hist[1]![r.data[i + 1]!]! += 1
    hist[2]![r.data[i + 2]!]! += 1
    n += 1
  }
  return hist.map((h) => {
    let acc = 0
    for (let v = 0; v < 256; v += 1) {
      acc += h[v]!
      if (acc >= n * 0.9) return Math.max(80, v)
    }
    return 255
  }) as [number, number, number]
}

/** Per-pixel classes after white balance: 0 paper, 1 dark ink (not red), 2 red, 3 faint grey (thin printed lines). */
export function classify(r: Raster, paper: readonly [number, number, number]): Uint8Array {
  const out = new Uint8Array(r.width * r.height)
  const [pr, pg, pb] = paper
  for (let p = 0, i = 0; p < out.length; p += 1, i += 3) {
    const R = Math.min(255, (r.data[i]! * 255) / pr)
    const G = Math.min(255, (r.data[i + 1]! * 255) / pg)
    const B = Math.min(255, (r.data[i + 2]! * 255) / pb)
    const max = Math.max(R, G, B)
    const chroma = max - Math.min(R, G, B)
    // Red: red is the strongest channel and the hue lies within ±35° of pure red.
    if (chroma > 45 && R === max && Math.abs(G - B) <= 0.7 * chroma) out[p] = 2
    else {
      const lum = 0.299 * R + 0.587 * G + 0.114 * B
      if (lum < 140) out[p] = 1
      else if (lum < 210) out[p] = 3
    }
  }
  return out
}

/** Share of pixels in `rect` (skewed or not) whose class passes `accept`. */
export function share(classes: Uint8Array, width: number, rect: Rect | SkewedRect, accept: (c: number) => boolean): number {
  const height = classes.length / width
  const t = 'skew' in rect ? rect.skew : 0
  const cx = 'skew' in rect ? rect.cx : 0
  const cy = 'skew' in rect ? rect.cy : 0
  const margin = Math.abs(t) * Math.max(rect.width, rect.height) + 2
  let hit = 0
  let total = 0
  const x0 = Math.max(0, Math.floor(rect.x - margin))
  const y0 = Math.max(0, Math.floor(rect.y - margin))
  const x1 = Math.min(width, Math.ceil(rect.x + rect.width + margin))
  const y1 = Math.min(height, Math.ceil(rect.y + rect.height + margin))
  for (let y = y0; y < y1; y += 1)
    for (let x = x0; x < x1; x += 1) {
      const { c, r } = unskew(x, y, t, cx, cy)
      if (c < rect.x || c >= rect.x + rect.width || r < rect.y || r >= rect.y + rect.height) continue
      total += 1
      if (accept(classes[y * width + x]!)) hit += 1
    }
  return total === 0 ? 0 : hit / total
}

/** Positions along one axis where a long dark line runs (a printed border), as run centres. */
function lineCentres(counts: readonly number[], threshold: number): number[] {
  const out: number[] = []
  let start = -1
  counts.forEach((c, i) => {
    if (c >= threshold && start < 0) start = i
    if ((c < threshold || i === counts.length - 1) && start >= 0) {
      const end = c >= threshold ? i : i - 1
      out.push((start + end) / 2)
      start = -1
    }
  })
  return out
}

function nearest(values: readonly number[], target: number, within: number): number | null {
  let best: number | null = null
  for (const v of values) if (Math.abs(v - target) <= within && (best === null || Math.abs(v - target) < Math.abs(best - target))) best = v
  return best
}

/** Skews tried when looking for a box: ±2° in quarter degrees (feeders skew pages by a degree or so). */
const SKEWS = Array.from({ length: 17 }, (_, i) => Math.tan(((i - 8) * 0.25 * Math.PI) / 180))

function histogram(values: readonly number[], from: number, size: number): number[] {
  const h = new Array<number>(size).fill(0)
  for (const v of values) {
    const i = Math.round(v - from)
    if (i >= 0 && i < size) h[i] = (h[i] ?? 0) + 1
  }
  return h
}

/**
 * Finds a printed rectangle near where the template says it is: the dark rows and columns that
 * run most of its width or height, nearest the expected edges, trying small skews so a page fed
 * a little crooked is still found. Null when the border is not there.
 */
export function locateRect(classes: Uint8Array, width: number, expected: Rect, slack: number): SkewedRect | null {
  const height = classes.length / width
  const xa = Math.max(0, Math.round(expected.x - slack))
  const xb = Math.min(width - 1, Math.round(expected.x + expected.width + slack))
  const ya = Math.max(0, Math.round(expected.y - slack))
  const yb = Math.min(height - 1, Math.round(expected.y + expected.height + slack))
  if (xb - xa < expected.width * 0.8 || yb - ya < expected.height * 0.8) return null // the box is off the image
  const cx = expected.x + expected.width / 2
  const cy = expected.y + expected.height / 2
  const dark: Array<[number, number]> = []
  for (let y = ya; y <= yb; y += 1) for (let x = xa; x <= xb; x += 1) if (classes[y * width + x] !== 0) dark.push([x, y])
  // The skew whose rows line up best: the highest row peak.
  let best = { t: 0, peak: -1 }
  for (const t of SKEWS) {
    const rows = histogram(
      dark.map(([x, y]) => unskew(x, y, t, cx, cy).r),
      ya,
      yb - ya + 1,
    )
    const peak = Math.max(...rows)
    if (peak > best.peak) best = { t, peak }
  }
  const t = best.t
  const points = dark.map(([x, y]) => unskew(x, y, t, cx, cy))
  const rowCounts = histogram(
    points.map((p) => p.r),
    ya,
    yb - ya + 1,
  )
  const rows = lineCentres(rowCounts, expected.width * 0.6).map((v) => v + ya)
  const top = nearest(rows, expected.y, slack)
  const bottom = nearest(rows, expected.y + expected.height, slack)
  if (top === null || bottom === null || bottom - top < expected.height * 0.8 || bottom - top > expected.height * 1.2) return null
  const colCounts = histogram(
    points.filter((p) => p.r >= top && p.r <= bottom).map((p) => p.c),
    xa,
    xb - xa + 1,
  )
  const cols = lineCentres(colCounts, (bottom - top) * 0.6).map((v) => v + xa)
  const left = nearest(cols, expected.x, slack)
  const right = nearest(cols, expected.x + expected.width, slack)
  if (left === null || right === null || right - left < expected.width * 0.8 || right - left > expected.width * 1.2) return null
  return { x: left, y: top, width: right - left, height: bottom - top, skew: t, cx, cy }
}

export interface RedBlob {
  readonly rect: Rect
  /** Red pixels in the blob. */
  readonly pixels: number
}

/**
 * Red blobs, found on a grid of `cell`-pixel squares (a square is red when 3 % of it is): a seal
 * is a ring, text and a star, so its pixels are not connected, but its cells are.
 */
export function redBlobs(classes: Uint8Array, width: number, cell: number): RedBlob[] {
  const height = classes.length / width
  const gw = Math.ceil(width / cell)
  const gh = Math.ceil(height / cell)
  const counts = new Uint32Array(gw * gh)
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) if (classes[y * width + x] === 2) counts[Math.floor(y / cell) * gw + Math.floor(x / cell)]! += 1
  const red = (i: number): boolean => counts[i]! >= cell * cell * 0.03
  const seen = new Uint8Array(gw * gh)
  const blobs: RedBlob[] = []
  for (let start = 0; start < gw * gh; start += 1) {
    if (seen[start] || !red(start)) continue
    const stack = [start]
    seen[start] = 1
    let [minX, minY, maxX, maxY, pixels] = [gw, gh, 0, 0, 0]
    while (stack.length > 0) {
      const i = stack.pop()!
      const cx = i % gw
      const cy = Math.floor(i / gw)
      ;[minX, minY, maxX, maxY] = [Math.min(minX, cx), Math.min(minY, cy), Math.max(maxX, cx), Math.max(maxY, cy)]
      pixels += counts[i]!
      // 8-neighbours and one cell beyond, so a thin gap in a ring does not split the seal.
      for (let dy = -2; dy <= 2; dy += 1)
        for (let dx = -2; dx <= 2; dx += 1) {
          const nx = cx + dx
          const ny = cy + dy
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue
          const j = ny * gw + nx
          if (!seen[j] && red(j)) {
            seen[j] = 1
            stack.push(j)
          }
        }
    }
    blobs.push({ rect: { x: minX * cell, y: minY * cell, width: (maxX - minX + 1) * cell, height: (maxY - minY + 1) * cell }, pixels })
  }
  return blobs.sort((a, b) => b.pixels - a.pixels)
}
