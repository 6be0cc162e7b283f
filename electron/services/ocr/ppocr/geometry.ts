/**
 * The geometry of PP-OCR's DB post-processing, in plain TypeScript (no OpenCV): connected
 * components of the thresholded probability map, the minimum-area rotated rectangle of each
 * (convex hull + rotating calipers), the box score, the unclip (offset) of a rectangle, the order of
 * the boxes on the page, and an antialiased sampler that cuts a rotated box out upright.
 * Follows PaddleOCR's db_postprocess.py and predict_system.py (get_rotate_crop_image, sorted_boxes).
 */

export interface Point {
  readonly x: number
  readonly y: number
}

/** Four corners: top-left, top-right, bottom-right, bottom-left (PaddleOCR's get_mini_boxes order). */
export type Quad = readonly [Point, Point, Point, Point]

/** A rotated rectangle: centre, side lengths and the angle of the `width` side (radians). */
export interface RotatedRect {
  readonly cx: number
  readonly cy: number
  readonly width: number
  readonly height: number
  readonly angle: number
}

/**
 * Connected components (8-connected, like the outer contours OpenCV's findContours follows) of
 * `mask`; each component comes back as the leftmost and rightmost pixel of every row it covers,
 * which is all a convex hull needs. Components over `maxComponents` are dropped (PaddleOCR: 1000).
 */
export function components(mask: Uint8Array, width: number, height: number, maxComponents = 1000): Point[][] {
  const label = new Int32Array(width * height)
  const out: Point[][] = []
  const stack: number[] = []
  let next = 0
  for (let start = 0; start < mask.length; start += 1) {
    if (mask[start] === 0 || label[start] !== 0) continue
    next += 1
    const rows = new Map<number, [number, number]>()
    label[start] = next
    stack.push(start)
    while (stack.length > 0) {
      const i = stack.pop() as number
      const x = i % width
      const y = (i - x) / width
      const row = rows.get(y)
      if (row === undefined) rows.set(y, [x, x])
      else {
        if (x < row[0]) row[0] = x
        if (x > row[1]) row[1] = x
      }
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy
        if (ny < 0 || ny >= height) continue
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx
          if (nx < 0 || nx >= width || (dx === 0 && dy === 0)) continue
          const j = ny * width + nx
          if (mask[j] !== 0 && label[j] === 0) {
            label[j] = next
            stack.push(j)
          }
        }
      }
    }
    if (out.length < maxComponents) {
      const points: Point[] = []
      for (const [y, [x0, x1]] of rows) {
        points.push({ x: x0, y })
        if (x1 !== x0) points.push({ x: x1, y })
      }
      out.push(points)
    }
  }
  return out
}

const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)

/** Convex hull (Andrew's monotone chain), counter-clockwise in image coordinates' sense of cross(). */
export function convexHull(points: readonly Point[]): Point[] {
  const p = [...points].sort((a, b) => a.x - b.x || a.y - b.y)
  if (p.length <= 2) return p
  const lower: Point[] = []
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as Point, lower[lower.length - 1] as Point, q) <= 0) lower.pop()
    lower.push(q)
  }
  const upper: Point[] = []
  for (let i = p.length - 1; i >= 0; i -= 1) {
    const q = p[i] as Point
    while (upper.length >= 2 && cross(upper[upper.length - 2] as Point, upper[upper.length - 1] as Point, q) <= 0) upper.pop()
    upper.push(q)
  }
  lower.pop()
  upper.pop()
  return lower.concat(upper)
}

/**
 * The minimum-area rectangle around the points (one of its sides lies on a hull edge). Pixel
 * centres are treated like OpenCV's minAreaRect treats contour points, so a one-pixel-high run has
 * height 0; callers drop boxes whose short side is under a few pixels, as PaddleOCR does.
 */
export function minAreaRect(points: readonly Point[]): RotatedRect {
  const hull = convexHull(points)
  if (hull.length === 0) return { cx: 0, cy: 0, width: 0, height: 0, angle: 0 }
  if (hull.length === 1) return { cx: (hull[0] as Point).x, cy: (hull[0] as Point).y, width: 0, height: 0, angle: 0 }
  let best: RotatedRect | null = null
  let bestArea = Infinity
  for (let i = 0; i < hull.length; i += 1) {
    const a = hull[i] as Point
    const b = hull[(i + 1) % hull.length] as Point
    const len = Math.hypot(b.x - a.x, b.y - a.y)
    if (len === 0) continue
    const ux = (b.x - a.x) / len
    const uy = (b.y - a.y) / len
    let minU = Infinity
    let maxU = -Infinity
    let minV = Infinity
    let maxV = -Infinity
    for (const p of hull) {
      const u = p.x * ux + p.y * uy
      const v = -p.x * uy + p.y * ux
      if (u < minU) minU = u
      if (u > maxU) maxU = u
      if (v < minV) minV = v
      if (v > maxV) maxV = v
    }
    const area = (maxU - minU) * (maxV - minV)
    if (area < bestArea) {
      bestArea = area
      const cu = (minU + maxU) / 2
      const cv = (minV + maxV) / 2
      best = { cx: cu * ux - cv * uy, cy: cu * uy + cv * ux, width: maxU - minU, height: maxV - minV, angle: Math.atan2(uy, ux) }
    }
  }
  return best as RotatedRect
}

/** The rectangle grown by `distance` on every side (what a round-joined polygon offset of a rectangle reduces to under minAreaRect). */
export function grow(rect: RotatedRect, distance: number): RotatedRect {
  return { ...rect, width: rect.width + 2 * distance, height: rect.height + 2 * distance }
}

/** PaddleOCR's unclip distance: area × ratio / perimeter. */
export function unclipDistance(rect: RotatedRect, ratio: number): number {
  const perimeter = 2 * (rect.width + rect.height)
  return perimeter === 0 ? 0 : (rect.width * rect.height * ratio) / perimeter
}

/** The corners in PaddleOCR's order: sorted by x, the left pair top then bottom, the right pair likewise. */
export function corners(rect: RotatedRect): Quad {
  const c = Math.cos(rect.angle)
  const s = Math.sin(rect.angle)
  const hw = rect.width / 2
  const hh = rect.height / 2
  const pts = [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ].map(([u, v]) => ({ x: rect.cx + (u as number) * c - (v as number) * s, y: rect.cy + (u as number) * s + (v as number) * c }))
  pts.sort((a, b) => a.x - b.x)
  const [l0, l1, r0, r1] = pts as [Point, Point, Point, Point]
  const [tl, bl] = l0.y <= l1.y ? [l0, l1] : [l1, l0]
  const [tr, br] = r0.y <= r1.y ? [r0, r1] : [r1, r0]
  return [tl, tr, br, bl]
}

/** Mean of `map` over the pixels inside the quad (PaddleOCR's box_score_fast, with an exact inside test). */
export function quadScore(map: Float32Array, width: number, height: number, quad: Quad): number {
  const xs = quad.map((p) => p.x)
  const ys = quad.map((p) => p.y)
  const x0 = Math.max(0, Math.floor(Math.min(...xs)))
  const x1 = Math.min(width - 1, Math.ceil(Math.max(...xs)))
  const y0 = Math.max(0, Math.floor(Math.min(...ys)))
  const y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)))
  let sum = 0
  let n = 0
  for (let y = y0; y <= y1; y += 1)
    for (let x = x0; x <= x1; x += 1)
      if (insideQuad(quad, x, y)) {
        sum += map[y * width + x] as number
        n += 1
      }
  return n === 0 ? 0 : sum / n
}

function insideQuad(q: Quad, x: number, y: number): boolean {
  // Convex quad: the point is on the same side of all four edges (half a pixel of tolerance).
  let sign = 0
  for (let i = 0; i < 4; i += 1) {
    const a = q[i] as Point
    const b = q[(i + 1) % 4] as Point
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1
    const d = ((b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x)) / len
    if (Math.abs(d) <= 0.5) continue
    const s = Math.sign(d)
    if (sign === 0) sign = s
    else if (s !== sign) return false
  }
  return true
}

/**
 * Reading order (PaddleOCR's sorted_boxes): by the top-left corner's y then x, then boxes whose tops
 * are within `rowTolerance` pixels are put left to right.
 */
export function readingOrder<T extends { quad: Quad }>(boxes: readonly T[], rowTolerance = 10): T[] {
  const sorted = [...boxes].sort((a, b) => a.quad[0].y - b.quad[0].y || a.quad[0].x - b.quad[0].x)
  for (let i = 0; i < sorted.length - 1; i += 1)
    for (let j = i; j >= 0; j -= 1) {
      const a = sorted[j] as T
      const b = sorted[j + 1] as T
      if (Math.abs(b.quad[0].y - a.quad[0].y) < rowTolerance && b.quad[0].x < a.quad[0].x) {
        sorted[j] = b
        sorted[j + 1] = a
      } else break
    }
  return sorted
}

/** An RGB image, 3 bytes a pixel, rows top to bottom. */
export interface Rgb {
  readonly data: Uint8Array
  readonly width: number
  readonly height: number
}

/**
 * Samples the parallelogram origin + u·along + v·across (u, v in 0..1) into an upright image of
 * outWidth × outHeight, averaging a small grid of bilinear samples per output pixel when shrinking
 * (so a large crop scaled to 48 px high keeps its strokes instead of aliasing).
 */
export function sampleParallelogram(src: Rgb, origin: Point, along: Point, across: Point, outWidth: number, outHeight: number): Rgb {
  const out = new Uint8Array(outWidth * outHeight * 3)
  const su = Math.hypot(along.x, along.y) / outWidth
  const sv = Math.hypot(across.x, across.y) / outHeight
  const nu = Math.max(1, Math.min(4, Math.ceil(su)))
  const nv = Math.max(1, Math.min(4, Math.ceil(sv)))
  const { data, width, height } = src
  const px = [0, 0, 0]
  const bilinear = (x: number, y: number): void => {
    const cx = Math.min(Math.max(x, 0), width - 1)
    const cy = Math.min(Math.max(y, 0), height - 1)
    const x0 = Math.floor(cx)
    const y0 = Math.floor(cy)
    const x1 = Math.min(x0 + 1, width - 1)
    const y1 = Math.min(y0 + 1, height - 1)
    const fx = cx - x0
    const fy = cy - y0
    for (let c = 0; c < 3; c += 1) {
      const a = data[(y0 * width + x0) * 3 + c] as number
      const b = data[(y0 * width + x1) * 3 + c] as number
      const d = data[(y1 * width + x0) * 3 + c] as number
      const e = data[(y1 * width + x1) * 3 + c] as number
      px[c] = (px[c] as number) + (a + (b - a) * fx) * (1 - fy) + (d + (e - d) * fx) * fy
    }
  }
  const samples = nu * nv
  for (let j = 0; j < outHeight; j += 1)
    for (let i = 0; i < outWidth; i += 1) {
      px[0] = px[1] = px[2] = 0
      for (let sj = 0; sj < nv; sj += 1)
        for (let si = 0; si < nu; si += 1) {
          const u = (i + (si + 0.5) / nu) / outWidth
          const v = (j + (sj + 0.5) / nv) / outHeight
          // Pixel centres: the sample at u,v lands on image coordinate − 0.5.
          bilinear(origin.x + u * along.x + v * across.x - 0.5, origin.y + u * along.y + v * across.y - 0.5)
        }
      const o = (j * outWidth + i) * 3
      out[o] = Math.round((px[0] as number) / samples)
      out[o + 1] = Math.round((px[1] as number) / samples)
      out[o + 2] = Math.round((px[2] as number) / samples)
    }
  return { data: out, width: outWidth, height: outHeight }
}

/** The image turned 180°. */
export function rotate180(img: Rgb): Rgb {
  const n = img.width * img.height
  const out = new Uint8Array(n * 3)
  for (let i = 0; i < n; i += 1) {
    const j = n - 1 - i
    out[j * 3] = img.data[i * 3] as number
    out[j * 3 + 1] = img.data[i * 3 + 1] as number
    out[j * 3 + 2] = img.data[i * 3 + 2] as number
  }
  return { data: out, width: img.width, height: img.height }
}
