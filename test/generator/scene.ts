/**
 * A document photographed rather than scanned: the page lies on a wooden table or a desk, casts a
 * soft shadow, and is seen at an angle, so its rectangle becomes a general quadrilateral. sharp has
 * no perspective warp (only affine), so the homography is solved here and the page is resampled
 * (bilinear, inverse mapping) onto the background's pixels.
 */
import sharp from 'sharp'
import type { RawImage } from './degrade'
import type { Rng } from './random'

export type Point = readonly [number, number]
export type Quad = readonly [Point, Point, Point, Point]

/** Solves A·x = b (n×n, Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i] as number])
  for (let c = 0; c < n; c += 1) {
    let best = c
    for (let r = c + 1; r < n; r += 1) if (Math.abs(m[r]![c]!) > Math.abs(m[best]![c]!)) best = r
    ;[m[c], m[best]] = [m[best]!, m[c]!]
    const pivot = m[c]![c]!
    if (Math.abs(pivot) < 1e-12) throw new Error('degenerate quadrilateral')
    for (let r = 0; r < n; r += 1) {
      if (r === c) continue
      const f = m[r]![c]! / pivot
      for (let k = c; k <= n; k += 1) m[r]![k] = m[r]![k]! - f * m[c]![k]!
    }
  }
  return m.map((row, i) => row[n]! / row[i]!)
}

/** The 3×3 homography (row-major, h33 = 1) taking the four `from` points to the four `to` points. */
export function homography(from: Quad, to: Quad): number[] {
  const a: number[][] = []
  const b: number[] = []
  for (let i = 0; i < 4; i += 1) {
    const [x, y] = from[i]!
    const [u, v] = to[i]!
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y])
    b.push(u)
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y])
    b.push(v)
  }
  return [...solve(a, b), 1]
}

export function apply(h: readonly number[], x: number, y: number): Point {
  const w = h[6]! * x + h[7]! * y + h[8]!
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w]
}

/**
 * Draws `page` onto `ground` so that its corners (top-left, top-right, bottom-right, bottom-left)
 * land on `quad`; pixels outside the page keep the ground. Edges are antialiased by coverage.
 */
export function warpOnto(ground: RawImage, page: RawImage, quad: Quad): RawImage {
  const { width: W, height: H } = ground
  const pw = page.width
  const ph = page.height
  const rect: Quad = [
    [0, 0],
    [pw, 0],
    [pw, ph],
    [0, ph],
  ]
  const inv = homography(quad, rect)
  const out = Buffer.from(ground.data)
  const xs = quad.map((p) => p[0])
  const ys = quad.map((p) => p[1])
  const x0 = Math.max(0, Math.floor(Math.min(...xs)))
  const x1 = Math.min(W - 1, Math.ceil(Math.max(...xs)))
  const y0 = Math.max(0, Math.floor(Math.min(...ys)))
  const y1 = Math.min(H - 1, Math.ceil(Math.max(...ys)))
  const src = page.data
  for (let y = y0; y <= y1; y += 1)
    for (let x = x0; x <= x1; x += 1) {
      const [u, v] = apply(inv, x + 0.5, y + 0.5)
      const fu = u - 0.5
      const fv = v - 0.5
      if (fu < -1 || fv < -1 || fu > pw || fv > ph) continue
      const iu = Math.floor(fu)
      const iv = Math.floor(fv)
      const du = fu - iu
      const dv = fv - iv
      // Coverage: how much of this output pixel lies inside the page (soft edge, no jaggies).
      const cover = Math.min(1, u, v, pw - u, ph - v, 1)
      if (cover <= 0) continue
      const o = (y * W + x) * 3
      const ua = Math.min(pw - 1, Math.max(0, iu))
      const ub = Math.min(pw - 1, Math.max(0, iu + 1))
      const va = Math.min(ph - 1, Math.max(0, iv)) * pw
      const vb = Math.min(ph - 1, Math.max(0, iv + 1)) * pw
      const p00 = (va + ua) * 3
      const p10 = (va + ub) * 3
      const p01 = (vb + ua) * 3
      const p11 = (vb + ub) * 3
      const w00 = (1 - du) * (1 - dv)
      const w10 = du * (1 - dv)
      const w01 = (1 - du) * dv
      const w11 = du * dv
      for (let c = 0; c < 3; c += 1) {
        const val =
          (src[p00 + c] as number) * w00 + (src[p10 + c] as number) * w10 + (src[p01 + c] as number) * w01 + (src[p11 + c] as number) * w11
        out[o + c] = Math.round(val * cover + (out[o + c] as number) * (1 - cover))
      }
    }
  return { data: out, width: W, height: H }
}

export type Ground = 'wood' | 'desk' | 'dark'

/** The surface under the page, as an SVG of the given pixel size (seeded grain and texture). */
export function groundSvg(kind: Ground, width: number, height: number, r: Rng): string {
  const parts: string[] = []
  if (kind === 'wood') {
    const base = r.pick(['#8a5a34', '#6e4526', '#a06a3c', '#5a3a22'])
    parts.push(`<rect width="${width}" height="${height}" fill="${base}"/>`)
    // Planks along x, each with wavy darker grain lines.
    const plank = r.float(0.18, 0.3) * height
    for (let y = 0; y < height; y += plank) {
      parts.push(
        `<rect x="0" y="${y.toFixed(1)}" width="${width}" height="${plank.toFixed(1)}" fill="#000" opacity="${r.float(0, 0.12).toFixed(2)}"/>`,
      )
      parts.push(
        `<line x1="0" y1="${y.toFixed(1)}" x2="${width}" y2="${y.toFixed(1)}" stroke="#2a160a" stroke-width="${(height / 400).toFixed(1)}" opacity="0.7"/>`,
      )
      for (let g = 0; g < 9; g += 1) {
        const gy = y + r.float(0, plank)
        const amp = r.float(1, plank / 10)
        const period = r.float(width / 6, width / 2)
        const phase = r.float(0, 6.28)
        let d = ''
        for (let x = 0; x <= width; x += width / 60)
          d += `${x === 0 ? 'M' : 'L'} ${x.toFixed(1)} ${(gy + amp * Math.sin((x / period) * 6.283 + phase)).toFixed(1)} `
        parts.push(
          `<path d="${d}" fill="none" stroke="#3b2212" stroke-width="${r.float(0.6, 2.2).toFixed(1)}" opacity="${r.float(0.2, 0.5).toFixed(2)}"/>`,
        )
      }
    }
  } else if (kind === 'desk') {
    const base = r.pick(['#cfd1d3', '#bfc3c7', '#e2e0dc', '#a9adb2'])
    parts.push(`<rect width="${width}" height="${height}" fill="${base}"/>`)
    // A keyboard edge or a monitor foot in one corner: a dark object the page does not cover.
    const kx = r.pick([0, 0.7]) * width
    parts.push(
      `<rect x="${kx.toFixed(0)}" y="${(height * 0.86).toFixed(0)}" width="${(width * 0.3).toFixed(0)}" height="${(height * 0.2).toFixed(0)}" rx="${(height / 60).toFixed(0)}" fill="#2b2d30"/>`,
    )
    for (let i = 0; i < 12; i += 1)
      parts.push(
        `<rect x="${(kx + (i * width * 0.3) / 12 + 4).toFixed(0)}" y="${(height * 0.88).toFixed(0)}" width="${(width * 0.02).toFixed(0)}" height="${(height * 0.04).toFixed(0)}" fill="#45484c"/>`,
      )
  } else {
    parts.push(`<rect width="${width}" height="${height}" fill="${r.pick(['#2a2a2a', '#3a3430', '#1f2326'])}"/>`)
  }
  // Uneven light over the scene: a phone photo is brighter where the lamp is.
  const lx = r.float(0.2, 0.8) * width
  const ly = r.float(0.2, 0.8) * height
  parts.push(
    `<defs><radialGradient id="light" cx="${lx.toFixed(0)}" cy="${ly.toFixed(0)}" r="${Math.max(width, height).toFixed(0)}" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="#fff" stop-opacity="0.12"/><stop offset="1" stop-color="#000" stop-opacity="0.25"/></radialGradient></defs><rect width="${width}" height="${height}" fill="url(#light)"/>`,
  )
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`
}

export interface SceneOptions {
  readonly ground: Ground
  /** How far each corner may move, as a share of the page's shorter side (0: a straight top view). */
  readonly perspective: readonly [number, number]
  /** Whole-page rotation in degrees (drawn from ±range). */
  readonly rotation: number
  /** Border of ground around the page, as a share of the page size. */
  readonly margin: readonly [number, number]
  readonly shadow: boolean
}

/** The page placed on its ground at an angle; returns the image and where the page's corners went. */
export async function photograph(page: RawImage, o: SceneOptions, r: Rng): Promise<{ image: RawImage; quad: Quad }> {
  const m = r.float(o.margin[0], o.margin[1])
  const W = Math.round(page.width * (1 + 2 * m))
  const H = Math.round(page.height * (1 + 2 * m))
  const cx = W / 2 + r.float(-0.3, 0.3) * m * page.width
  const cy = H / 2 + r.float(-0.3, 0.3) * m * page.height
  const a = (r.float(-1, 1) * o.rotation * Math.PI) / 180
  const jitter = Math.min(page.width, page.height)
  const corners: Point[] = [
    [-page.width / 2, -page.height / 2],
    [page.width / 2, -page.height / 2],
    [page.width / 2, page.height / 2],
    [-page.width / 2, page.height / 2],
  ]
  // Seen at an angle: the far edge shrinks (one side's corners pulled together), plus a little
  // independent jitter per corner.
  const far = r.pick([0, 1, 2, 3])
  const k = r.float(o.perspective[0], o.perspective[1])
  const quad = corners.map(([x, y], i) => {
    let px = x
    let py = y
    const onFar = i === far || i === (far + 1) % 4
    if (onFar) {
      px -= x * k
      py -= y * k * 0.3
    }
    px += r.float(-0.25, 0.25) * k * jitter
    py += r.float(-0.25, 0.25) * k * jitter
    return [cx + px * Math.cos(a) - py * Math.sin(a), cy + px * Math.sin(a) + py * Math.cos(a)] as Point
  }) as unknown as Quad
  let ground = sharp(Buffer.from(groundSvg(o.ground, W, H, r.fork('ground'))))
  if (o.shadow) {
    // A soft shadow under the page, offset away from the light (blurred by libvips: librsvg's
    // feGaussianBlur takes seconds on a photo-sized canvas).
    const dx = r.float(0.006, 0.02) * W
    const dy = r.float(0.01, 0.025) * H
    const pts = quad.map(([x, y]) => `${(x + dx).toFixed(1)},${(y + dy).toFixed(1)}`).join(' ')
    const shadowSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><polygon points="${pts}" fill="#000" opacity="0.55"/></svg>`
    const shadow = await sharp(Buffer.from(shadowSvg))
      .blur(Math.max(1, 0.012 * Math.max(W, H)))
      .png()
      .toBuffer()
    ground = sharp(await ground.png().toBuffer()).composite([{ input: shadow }])
  }
  const { data, info } = await ground.flatten({ background: '#000000' }).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const base: RawImage = { data, width: info.width, height: info.height }
  return { image: warpOnto(base, page, quad), quad }
}
