/**
 * Real-like variants (issue 12): the causes that made the extractor fail on real uploads
 * (test/real), each a named, seeded option of the generator. A variant works at one stage:
 *   layout   – what is printed (older licence formats, two ID sides with one upside down, …);
 *   overlay  – what the uploader put over the printed page (watermarks, website stamps, masks);
 *   scene    – how it was photographed (wooden table, desk, strong perspective);
 *   pixel    – what happened to the file afterwards (shrunk to a small photo).
 * A document takes at most one layout variant and one scene variant, and any overlays.
 */
import type { DocType } from './index'
import { CARD_H, CARD_W, idBackBody, idFrontBody, type IdCardStyle } from './id-card'
import type { PersonIdentity } from './identities'
import type { Rng } from './random'
import { esc, FONTS, text, type Anchor, type Layout } from './svg'
import type { Ground } from './scene'

type Range = readonly [number, number]

interface VariantBase {
  /** What it imitates, with the real files that showed it. */
  readonly about: string
  readonly types: readonly DocType[]
  /** Variants it cannot be combined with (the truth would no longer be exact). */
  readonly excludes?: readonly string[]
}
interface LayoutVariant extends VariantBase {
  readonly stage: 'layout'
  /** A greyscale copy: photographing it on a coloured table would make "is it a colour scan" moot. */
  readonly noScene?: boolean
}
interface OverlayVariant extends VariantBase {
  readonly stage: 'overlay'
}
interface SceneVariant extends VariantBase {
  readonly stage: 'scene'
  readonly ground: Ground
  readonly perspective: Range
  readonly rotation: number
  readonly margin: Range
  readonly shadow: boolean
}
interface PixelVariant extends VariantBase {
  readonly stage: 'pixel'
  /** The long side of the file, in pixels, by document type (an A4 page of two cards needs more). */
  readonly longSide: Readonly<Partial<Record<DocType, Range>>>
}

const LICENCE: readonly DocType[] = ['licence']
const ALL: readonly DocType[] = ['licence', 'id-front', 'id-back', 'id-both', 'domain-certificate']

export const VARIANTS = {
  'legal-person-pre-2014': {
    stage: 'layout',
    types: LICENCE,
    about:
      '企业法人营业执照 before 2014: 15-digit 注册号, 法定代表人姓名, 须知, annual-inspection stamps, dates often in Chinese numerals (bl-0426, bl-0476)',
  },
  'transitional-2014': {
    stage: 'layout',
    types: LICENCE,
    about: '2014 transitional portrait 营业执照 with only a 15-digit 注册号 and (1/1) (bl-0438, bl-0443, bl-0456)',
  },
  'commercial-subject': {
    stage: 'layout',
    types: LICENCE,
    about: 'Zhuhai / Shenzhen 商事主体 licence: 商事主体类型, no 营业期限, 重要提示 box (bl-0002, bl-0470)',
  },
  'overprinted-values': {
    stage: 'layout',
    types: LICENCE,
    about: 'old 个体工商户营业执照 with dot-matrix values offset into their labels (bl-0205, bl-0128)',
  },
  'second-document': {
    stage: 'layout',
    types: LICENCE,
    about: 'a 食品经营许可证 photographed beside or below the licence, with its own dates and address (bl-0292, bl-0525)',
  },
  'id-page-upside-down': {
    stage: 'layout',
    types: ['id-both'],
    about: 'A4 greyscale copy of both ID sides, one of them upside down, 复印无效 stamps (id-bdci-page-*)',
    noScene: true,
  },
  'id-strip-low-res': {
    stage: 'layout',
    types: ['id-both'],
    about: 'both ID sides side by side in one 619×193 image (id-huawei-ocr-demo-both)',
  },
  'watermark-text': {
    stage: 'overlay',
    types: LICENCE,
    about: '「仅限网站认证专用」-style diagonal semi-transparent text across the code and the name (bl-0006, bl-0433, bl-0443)',
  },
  'website-stamp': {
    stage: 'overlay',
    types: LICENCE,
    about: 'a website’s oval or boxed stamp (www.… 会员认证专用) pressed over the code or the name (bl-0430, bl-0146)',
  },
  'masked-field': {
    stage: 'overlay',
    types: LICENCE,
    about: 'the publisher mosaicked one value (legal representative or address): unreadable, so not scored (bl-0020, bl-0452)',
    // The 食品经营许可证 beside the licence prints the same name, address and representative, so
    // a value masked on the licence would still be readable in the picture.
    excludes: ['second-document'],
  },
  perspective: {
    stage: 'scene',
    types: ALL,
    about: 'phone photo at an angle: the page becomes a quadrilateral on a dark ground (bl-0465, bl-0470)',
    ground: 'dark',
    perspective: [0.08, 0.18],
    rotation: 5,
    margin: [0.06, 0.12],
    shadow: false,
  },
  'wood-table': {
    stage: 'scene',
    types: ALL,
    about: 'the document or card lying on a wooden table, soft shadow, slight angle (bl-0529, bl-0146)',
    ground: 'wood',
    perspective: [0.01, 0.05],
    rotation: 8,
    margin: [0.12, 0.25],
    shadow: true,
  },
  desk: {
    stage: 'scene',
    types: ALL,
    about: 'on a grey or white desk beside a keyboard, shadow, slight angle (id-shaotao-liuxiaohe-desk, bl-0401)',
    ground: 'desk',
    perspective: [0.01, 0.04],
    rotation: 6,
    margin: [0.15, 0.3],
    shadow: true,
  },
  'low-res-photo': {
    stage: 'pixel',
    types: ALL,
    about:
      'a small image from a web page or chat (bl-0529 500×597, bl-0487 627×433, bl-0536 650×488; id-bdci-page-* 1000×1000), still readable by a person',
    longSide: {
      licence: [560, 720],
      'id-front': [420, 640],
      'id-back': [420, 640],
      'id-both': [950, 1100],
      'domain-certificate': [640, 820],
    },
  },
} as const satisfies Record<string, LayoutVariant | OverlayVariant | SceneVariant | PixelVariant>

export type VariantName = keyof typeof VARIANTS
export const VARIANT_NAMES = Object.keys(VARIANTS) as VariantName[]

export function stageOf(v: VariantName): (typeof VARIANTS)[VariantName]['stage'] {
  return VARIANTS[v].stage
}

export function excludesOf(v: VariantName): readonly string[] {
  const base: VariantBase = VARIANTS[v]
  return base.excludes ?? []
}

/** Throws when a list of variants cannot be drawn together on a document type. */
export function checkVariants(type: DocType, list: readonly VariantName[]): void {
  for (const v of list)
    if (!(VARIANTS[v].types as readonly DocType[]).includes(type)) throw new Error(`variant ${v} does not apply to ${type}`)
  for (const v of list) {
    const ex = excludesOf(v)
    const clash = list.find((o) => ex.includes(o))
    if (clash) throw new Error(`${v} cannot be combined with ${clash}`)
  }
  const noScene = list.some((v) => 'noScene' in VARIANTS[v])
  if (noScene && list.some((v) => stageOf(v) === 'scene')) throw new Error(`a greyscale copy is not photographed here: ${list.join(', ')}`)
  for (const stage of ['layout', 'scene', 'pixel'] as const)
    if (list.filter((v) => stageOf(v) === stage).length > 1) throw new Error(`more than one ${stage} variant: ${list.join(', ')}`)
}

/** Parameters of the overlays (data, with their sources in VARIANTS). */
export const WATERMARK_TEXTS = [
  '仅限网站认证专用',
  '仅供网站备案使用',
  '只做网站认证使用不做其他用途',
  '本复印件仅限网站认证使用',
  '仅限于公司宣传使用',
]
export const WATERMARK = {
  opacity: [0.22, 0.42] as Range,
  size: [9, 14] as Range,
  angle: [-32, -14] as Range,
  colours: ['#d0202a', '#808080', '#5a5a5a'],
}
export const STAMP_SITES = ['www.made-in-china.com', 'www.abiz.com', 'www.1688.com', 'www.58.com', 'www.dzsc.com']
export const STAMP = { opacity: [0.55, 0.8] as Range, lines: ['会员认证专用', '网站认证专用', '仅供认证使用'] }
export const MASKABLE = ['legalRepresentative', 'address'] as const
/**
 * Dot-matrix values of the old 个体工商户 licence: offset left into the label's last character by
 * 0.1–0.35 of a character (bl-0205), never so far that the value's first character is hidden —
 * a wider overlap made the first character unreadable, and the truth would have been a guess.
 */
export const OVERPRINT = { offset: [-1.8, -0.5] as Range, raise: [-1.4, -0.4] as Range, pitch: [0.26, 0.34] as Range }
export const COPY_STAMP = { text: '复印无效', opacity: [0.45, 0.65] as Range }
export const STRIP_SIZE = { width: 619, height: 193 }

/** 「仅限网站认证专用」 repeated along a diagonal through the code and the name. */
export function watermarkOverlay(layout: Layout, r: Rng): string {
  const a = layout.anchors ?? {}
  const targets = [a.creditCode ?? a.registrationNumber, a.entityName].filter((x): x is Anchor => x !== undefined)
  const words = r.pick(WATERMARK_TEXTS)
  const size = r.float(...WATERMARK.size)
  const angle = r.float(...WATERMARK.angle)
  const fill = r.pick(WATERMARK.colours)
  const opacity = r.float(...WATERMARK.opacity)
  // One copy centred on each target value (so it crosses it), and two more further down the page.
  const centres = targets.map((t) => [t.x + t.width / 2, t.y - t.size * 0.3] as const)
  const last = centres[centres.length - 1] ?? [layout.widthMm / 2, layout.heightMm / 3]
  centres.push([last[0] + size * 3, last[1] + layout.heightMm * 0.28], [last[0] - size * 2, last[1] + layout.heightMm * 0.52])
  const copies = centres.map(([x, y]) => {
    return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size.toFixed(1)}" font-family="${FONTS.hei}" font-weight="bold" fill="${fill}" text-anchor="middle" dominant-baseline="middle" transform="rotate(${angle.toFixed(1)} ${x.toFixed(1)} ${y.toFixed(1)})">${esc(words)}</text>`
  })
  return `<g opacity="${opacity.toFixed(2)}" style="mix-blend-mode:multiply">${copies.join('')}</g>`
}

/** A website's stamp (oval or box, red, multiply) pressed over the code or the name. */
export function websiteStampOverlay(layout: Layout, r: Rng): string {
  const a = layout.anchors ?? {}
  const target = r.pick([a.creditCode ?? a.registrationNumber, a.entityName].filter((x): x is Anchor => x !== undefined))
  const cx = target ? target.x + target.width * r.float(0.3, 0.7) : layout.widthMm / 2
  const cy = target ? target.y - target.size * 0.4 : layout.heightMm / 3
  const site = r.pick(STAMP_SITES)
  const line = r.pick(STAMP.lines)
  const w = 52
  const h = 20
  const shape = r.chance(0.5)
    ? `<ellipse cx="${cx}" cy="${cy}" rx="${w / 2}" ry="${h / 2}" fill="none" stroke="#d0202a" stroke-width="0.9"/>`
    : `<rect x="${cx - w / 2}" y="${cy - h / 2}" width="${w}" height="${h}" fill="none" stroke="#d0202a" stroke-width="0.9"/>`
  const words =
    text(cx, cy - 1.5, 4.2, site, { font: 'sans', fill: '#d0202a', anchor: 'middle', weight: 'bold' }) +
    text(cx, cy + 5, 4.6, line, { font: 'hei', fill: '#d0202a', anchor: 'middle' })
  return `<g opacity="${r.float(...STAMP.opacity).toFixed(2)}" style="mix-blend-mode:multiply" transform="rotate(${r.float(-12, 12).toFixed(1)} ${cx.toFixed(1)} ${cy.toFixed(1)})">${shape}${words}</g>`
}

/** An opaque mosaic over one value: the field becomes unreadable. Returns the overlay and the field. */
export function maskOverlay(layout: Layout, r: Rng): { svg: string; field: (typeof MASKABLE)[number] } | null {
  const a = layout.anchors ?? {}
  const fields = MASKABLE.filter((f) => a[f] !== undefined)
  if (fields.length === 0) return null
  const field = r.pick(fields)
  const t = a[field] as Anchor
  const cell = t.size * 0.7
  const top = t.y - t.size * 1.1
  const height = t.size * 1.45 * t.lines + t.size * 0.4
  const cells: string[] = []
  for (let y = top; y < top + height; y += cell)
    for (let x = t.x - 1; x < t.x + t.width + 1; x += cell) {
      const g = r.int(150, 215)
      cells.push(
        `<rect x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${(cell + 0.05).toFixed(2)}" height="${(cell + 0.05).toFixed(2)}" fill="rgb(${g},${g},${g})"/>`,
      )
    }
  return { svg: `<g>${cells.join('')}</g>`, field }
}

/** A 复印无效 box stamp as copy shops print it, at (x, y) in card millimetres. */
function copyStamp(x: number, y: number, r: Rng): string {
  const op = r.float(...COPY_STAMP.opacity)
  return `<g opacity="${op.toFixed(2)}" style="mix-blend-mode:multiply"><rect x="${x}" y="${y}" width="24" height="8.5" fill="none" stroke="#222" stroke-width="0.5"/>${text(x + 12, y + 6.6, 5.6, COPY_STAMP.text, { font: 'kai', anchor: 'middle', fill: '#222' })}</g>`
}

/**
 * Both sides on an A4 copy, each card its own way up: one side (or, rarely, both) turned 180°.
 * Returns the layout and which sides are upside down.
 */
export function idUpsideDownPage(p: PersonIdentity, st: IdCardStyle, r: Rng): { layout: Layout; upsideDown: Array<'front' | 'back'> } {
  const which = r.pick<Array<'front' | 'back'>>([['front'], ['back'], ['front'], ['back'], ['front', 'back']])
  const card = (body: string, side: 'front' | 'back', y: number): string => {
    const x = (210 - CARD_W) / 2 + r.float(-25, 25)
    const turn = (which.includes(side) ? 180 : 0) + r.float(-2.5, 2.5)
    const stamp = side === 'front' ? copyStamp(r.float(26, 34), r.float(27, 31), r) : copyStamp(r.float(40, 50), r.float(27, 31), r)
    return `<g transform="translate(${x.toFixed(2)} ${(y + r.float(-8, 8)).toFixed(2)}) rotate(${turn.toFixed(2)} ${CARD_W / 2} ${CARD_H / 2})">${body}${stamp}</g>`
  }
  const body = card(idFrontBody(p, st, r), 'front', 45) + card(idBackBody(p, st, r), 'back', 165)
  return { layout: { widthMm: 210, heightMm: 297, background: r.pick(['#d9d9d9', '#ececec', '#ffffff']), body }, upsideDown: which }
}

/** Front and back side by side, as demo images and chat screenshots show them. */
export function idStripLayout(p: PersonIdentity, st: IdCardStyle, r: Rng): Layout {
  const gap = 6
  const W = CARD_W * 2 + gap + 4
  const H = W * (STRIP_SIZE.height / STRIP_SIZE.width)
  const y = (H - CARD_H) / 2
  const body = `<g transform="translate(2 ${y.toFixed(2)})">${idFrontBody(p, st, r)}</g><g transform="translate(${(2 + CARD_W + gap).toFixed(2)} ${y.toFixed(2)})">${idBackBody(p, st, r)}</g>`
  return { widthMm: W, heightMm: H, background: '#ffffff', body }
}

/** Two layouts on one sheet (the licence first), side by side or one below the other. */
export function twoDocuments(first: Layout, second: Layout, r: Rng): Layout {
  const beside = r.chance(0.6)
  const scale = first.heightMm / second.heightMm
  const gap = 10
  const place = (l: Layout, x: number, y: number, s: number): string =>
    `<svg x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${(l.widthMm * s).toFixed(2)}" height="${(l.heightMm * s).toFixed(2)}" viewBox="0 0 ${l.widthMm} ${l.heightMm}"><rect width="${l.widthMm}" height="${l.heightMm}" fill="${l.background}"/>${l.body}</svg>`
  if (beside) {
    const W = first.widthMm + gap + second.widthMm * scale + 2 * gap
    const H = first.heightMm + 2 * gap
    return {
      widthMm: W,
      heightMm: H,
      background: '#d8d6d0',
      body: place(first, gap, gap, 1) + place(second, first.widthMm + 2 * gap, gap, scale),
      anchors: shift(first.anchors, gap, gap),
    }
  }
  const s2 = first.widthMm / second.widthMm
  const W = first.widthMm + 2 * gap
  // Only the upper part of the second page is in the picture.
  const H = first.heightMm + 2 * gap + second.heightMm * s2 * 0.55
  return {
    widthMm: W,
    heightMm: H,
    background: '#d8d6d0',
    body: place(first, gap, gap, 1) + place(second, gap, first.heightMm + 2 * gap, s2),
    anchors: shift(first.anchors, gap, gap),
  }
}

function shift(anchors: Layout['anchors'], dx: number, dy: number): NonNullable<Layout['anchors']> {
  if (!anchors) return {}
  return Object.fromEntries(Object.entries(anchors).map(([k, a]) => [k, a ? { ...a, x: a.x + dx, y: a.y + dy } : a]))
}
