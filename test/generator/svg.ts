/**
 * Tiny SVG building blocks for the generated documents. Layouts are written in millimetres (the
 * SVG viewBox) and rendered at any resolution, so one layout gives 150-dpi and 300-dpi scans alike.
 */
import type { Rng } from './random'

/** Chinese fonts found on the build machine and in CI (fonts-noto-cjk, fonts-arphic-ukai, fonts-wqy-zenhei, fonts-lxgw-wenkai). */
export const FONTS = {
  serif: 'Noto Serif CJK SC',
  sans: 'Noto Sans CJK SC',
  kai: 'AR PL UKai CN',
  hei: 'WenQuanYi Zen Hei',
  wenkai: 'LXGW WenKai',
  mono: 'Noto Sans Mono CJK SC',
} as const
export type FontKey = keyof typeof FONTS

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export interface TextStyle {
  readonly font?: FontKey
  readonly fill?: string
  readonly weight?: 'normal' | 'bold'
  readonly anchor?: 'start' | 'middle' | 'end'
  /** Extra space between letters, in mm (licence labels are letter-spaced: 名  称). */
  readonly spacing?: number
}

/** One line of text with its baseline at (x, y) mm. */
export function text(x: number, y: number, size: number, content: string, style: TextStyle = {}): string {
  const attrs = [
    `x="${x.toFixed(2)}"`,
    `y="${y.toFixed(2)}"`,
    `font-size="${size.toFixed(2)}"`,
    `font-family="${FONTS[style.font ?? 'serif']}"`,
    `fill="${style.fill ?? '#141414'}"`,
    style.weight === 'bold' ? 'font-weight="bold"' : '',
    style.anchor ? `text-anchor="${style.anchor}"` : '',
    style.spacing ? `letter-spacing="${style.spacing.toFixed(2)}"` : '',
  ]
  return `<text ${attrs.filter(Boolean).join(' ')}>${esc(content)}</text>`
}

/** Splits text into lines of at most `perLine` characters (CJK text wraps anywhere). */
export function wrap(content: string, perLine: number): string[] {
  const chars = [...content]
  const lines: string[] = []
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''))
  return lines
}

/** A 「名  称」 style label: the characters spread over a fixed width. */
export function spreadLabel(x: number, y: number, size: number, label: string, width: number, style: TextStyle = {}): string {
  const chars = [...label]
  if (chars.length <= 1) return text(x, y, size, label, style)
  const step = (width - size) / (chars.length - 1)
  return chars.map((ch, i) => text(x + i * step, y, size, ch, style)).join('')
}

/** A round official seal: red ring, star and the authority's name around the top. */
export function seal(cx: number, cy: number, r: number, name: string, opacity = 0.82): string {
  const star = starPath(cx, cy, r * 0.3)
  // Each character placed and turned along the upper arc (librsvg does not draw textPath).
  const chars = [...name]
  const span = Math.min(Math.PI * 1.35, chars.length * 0.36)
  const size = r * 0.24
  const letters = chars
    .map((ch, i) => {
      const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length
      const x = cx + r * 0.74 * Math.cos(a)
      const y = cy + r * 0.74 * Math.sin(a)
      const deg = (a * 180) / Math.PI + 90
      return `<text x="${x.toFixed(2)}" y="${y.toFixed(2)}" font-size="${size.toFixed(2)}" font-family="${FONTS.serif}" font-weight="bold" fill="#d7262b" text-anchor="middle" dominant-baseline="middle" transform="rotate(${deg.toFixed(1)} ${x.toFixed(2)} ${y.toFixed(2)})">${esc(ch)}</text>`
    })
    .join('')
  // Stamp ink is subtractive: printed text under a seal stays dark (multiply), it is not painted over.
  return `<g opacity="${opacity}" style="mix-blend-mode:multiply"><circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#d7262b" stroke-width="${(r * 0.06).toFixed(2)}"/>${letters}<path d="${star}" fill="#d7262b"/></g>`
}

export function starPath(cx: number, cy: number, r: number): string {
  const points: string[] = []
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? r : r * 0.4
    const angle = -Math.PI / 2 + (i * Math.PI) / 5
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(2)},${(cy + radius * Math.sin(angle)).toFixed(2)}`)
  }
  return `M ${points.join(' L ')} Z`
}

/** Fine wavy security lines, as printed under the text of ID cards and certificates. */
export function guilloche(r: Rng, width: number, height: number, colour: string, count: number): string {
  const lines: string[] = []
  for (let i = 0; i < count; i += 1) {
    const y0 = r.float(0, height)
    const amp = r.float(0.5, 3)
    const period = r.float(8, 25)
    const phase = r.float(0, 6.28)
    let d = ''
    for (let x = 0; x <= width; x += 1) {
      const y = y0 + amp * Math.sin((x / period) * 6.283 + phase)
      d += `${x === 0 ? 'M' : 'L'} ${x} ${y.toFixed(2)} `
    }
    lines.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="0.15" opacity="0.55"/>`)
  }
  return lines.join('')
}

/** A QR-code-like block of squares (licences carry one; it is a distractor for layout analysis). */
export function qrLike(r: Rng, x: number, y: number, size: number): string {
  const n = 25
  const cell = size / n
  const cells: string[] = []
  for (let i = 0; i < n; i += 1)
    for (let j = 0; j < n; j += 1) {
      const finder = (i < 7 && j < 7) || (i < 7 && j >= n - 7) || (i >= n - 7 && j < 7)
      if (finder ? i % 6 === 0 || j % 6 === 0 || (i % 7 >= 2 && i % 7 <= 4 && j % 7 >= 2 && j % 7 <= 4) : r.chance(0.5))
        cells.push(
          `<rect x="${(x + j * cell).toFixed(2)}" y="${(y + i * cell).toFixed(2)}" width="${cell.toFixed(2)}" height="${cell.toFixed(2)}"/>`,
        )
    }
  return `<g fill="#111">${cells.join('')}</g>`
}

/** Where a value is drawn (mm): its first baseline's left end, font size and extent. */
export interface Anchor {
  readonly x: number
  readonly y: number
  readonly size: number
  readonly width: number
  readonly lines: number
}

/** A layout in millimetres, ready to render at any resolution. */
export interface Layout {
  readonly widthMm: number
  readonly heightMm: number
  readonly background: string
  readonly body: string
  /** Where each field's value lies, by field name (for overlays that must cover a given value). */
  readonly anchors?: Readonly<Partial<Record<string, Anchor>>>
}

/** The SVG for a layout rendered at `dpi` (pixel size = millimetres / 25.4 × dpi). */
export function svgDocument(layout: Layout, dpi: number): string {
  const { widthMm: w, heightMm: h } = layout
  const px = (mm: number): number => Math.round((mm / 25.4) * dpi)
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${px(w)}" height="${px(h)}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="${layout.background}"/>${layout.body}</svg>`
}
