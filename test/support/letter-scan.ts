/**
 * Makes realistic "scans" of our own letters for tests: render the PDF with pdftoppm, then sign
 * it (a handwritten-like stroke in the signature box), seal it (a red ring, star and text), press
 * a fingerprint, tint it like a scanner, shift it a little and save it as JPEG — and read it back
 * with real OCR (tesseract.js, offline models from resources/tessdata).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp, { type Sharp } from 'sharp'
import { createWorker } from 'tesseract.js'
import { resourcePath } from '../../electron/services/resources'
import type { ScanLayout } from '../../shared/letter/template'

/** Renders one page of a PDF to PNG bytes with poppler's pdftoppm. */
export function renderPage(pdf: Uint8Array, dpi: number, page = 1): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'icp-render-'))
  try {
    const file = path.join(dir, 'in.pdf')
    writeFileSync(file, pdf)
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      file,
      path.join(dir, 'out'),
    ])
    return readFileSync(path.join(dir, 'out.png'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs a poppler tool on PDF bytes and returns its standard output. */
export function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Uint8Array, args: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'icp-poppler-'))
  try {
    const file = path.join(dir, 'in.pdf')
    writeFileSync(file, pdf)
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface ScanOptions {
  sign?: boolean
  seal?: boolean
  fingerprint?: boolean
  /** A red pen tick somewhere: red, but not a seal. */
  redTick?: boolean
  /** Multiply R, G, B like a yellowed scan (default a strong yellow tint). */
  tint?: readonly [number, number, number]
  /** Shift of the page content in pixels (feeder misalignment). */
  shift?: { x: number; y: number }
  /**
   * What the seal says: `ring` round the top (a 公章 carries the unit's full name there; default:
   * square marks, no text) and `centre` below the star (default 合同专用章; '' for none).
   */
  sealText?: { ring?: string; centre?: string }
}

function box(layout: ScanLayout, kind: string): { x: number; y: number; width: number; height: number } {
  const b = layout.boxes.find((x) => x.kind === kind)
  if (!b) throw new Error(`layout has no ${kind} box`)
  return b
}

function signatureSvg(x: number, y: number, w: number, h: number): string {
  // Three "characters" of cursive strokes, like a quick 正楷 signature, ~0.6 mm pen.
  const strokes: string[] = []
  for (let i = 0; i < 3; i += 1) {
    const cx = x + w * (0.2 + i * 0.25)
    const cy = y + h * 0.5
    const s = h * 0.28
    strokes.push(
      `M ${cx - s} ${cy - s * 0.6} C ${cx - s * 0.2} ${cy - s * 1.2}, ${cx + s * 0.4} ${cy + s * 0.2}, ${cx + s * 0.8} ${cy - s * 0.5}`,
      `M ${cx - s * 0.2} ${cy - s} L ${cx - s * 0.1} ${cy + s}`,
      `M ${cx - s * 0.9} ${cy + s * 0.4} Q ${cx} ${cy + s * 0.1}, ${cx + s} ${cy + s * 0.6}`,
    )
  }
  return `<path d="${strokes.join(' ')}" stroke="#141414" stroke-width="${h * 0.035}" fill="none" stroke-linecap="round"/>`
}

const SEAL_FONT = 'Noto Serif CJK SC, Noto Sans CJK SC, serif'

/** Characters set round the ring clockwise from the lower left, each upright towards the rim. */
function ringText(cx: number, cy: number, r: number, text: string): string {
  const chars = [...text]
  const span = Math.min(250, chars.length * 22)
  const start = 270 - span / 2
  return chars
    .map((ch, i) => {
      const deg = start + ((i + 0.5) / chars.length) * span
      const a = (deg * Math.PI) / 180
      const x = cx + r * 0.72 * Math.cos(a)
      const y = cy + r * 0.72 * Math.sin(a)
      return `<text x="${x}" y="${y}" font-size="${r * 0.3}" text-anchor="middle" dominant-baseline="central" fill="#d8262f" font-family="${SEAL_FONT}" transform="rotate(${deg + 90} ${x} ${y})">${ch}</text>`
    })
    .join('')
}

function sealSvg(cx: number, cy: number, r: number, text: ScanOptions['sealText'] = {}): string {
  const star: string[] = []
  for (let i = 0; i < 10; i += 1) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5
    const rr = i % 2 === 0 ? r * 0.28 : r * 0.11
    star.push(`${cx + rr * Math.cos(a)},${cy + rr * Math.sin(a)}`)
  }
  const marks: string[] = []
  for (let i = 0; i < (text.ring !== undefined ? 0 : 14); i += 1) {
    const a = Math.PI * (0.8 + (i / 13) * 1.4)
    const mx = cx + r * 0.72 * Math.cos(a)
    const my = cy + r * 0.72 * Math.sin(a)
    marks.push(`<rect x="${mx - r * 0.07}" y="${my - r * 0.07}" width="${r * 0.14}" height="${r * 0.14}" fill="#d8262f"/>`)
  }
  return (
    `<circle cx="${cx}" cy="${cy}" r="${r * 0.95}" stroke="#d8262f" stroke-width="${r * 0.07}" fill="none"/>` +
    `<polygon points="${star.join(' ')}" fill="#d8262f"/>${marks.join('')}` +
    (text.ring !== undefined ? ringText(cx, cy, r, text.ring) : '') +
    `<text x="${cx}" y="${cy + r * 0.58}" font-size="${r * (text.centre !== undefined ? 0.2 : 0.16)}" text-anchor="middle" fill="#d8262f" font-family="${SEAL_FONT}">${text.centre ?? '合同专用章'}</text>`
  )
}

/** Produces a JPEG "scan" of a rendered letter page with the marks asked for. */
export async function makeScan(png: Buffer, layout: ScanLayout, options: ScanOptions = {}): Promise<Buffer> {
  const meta = await sharp(png).metadata()
  const width = meta.width ?? 0
  const height = meta.height ?? 0
  const k = width / layout.page.width // px per mm
  const parts: string[] = []
  if (options.sign) {
    const b = box(layout, 'signature')
    parts.push(signatureSvg(b.x * k, b.y * k, b.width * k, b.height * k))
  }
  if (options.fingerprint) {
    const b = box(layout, 'fingerprint')
    parts.push(
      `<ellipse cx="${(b.x + b.width / 2) * k}" cy="${(b.y + b.height / 2) * k}" rx="${6 * k}" ry="${8 * k}" fill="#b8323a" opacity="0.8"/>`,
    )
  }
  if (options.seal) {
    const b = box(layout, 'seal')
    // Stamped a little off the guide circle and over the date, as people do.
    parts.push(sealSvg((b.x + b.width / 2 + 4) * k, (b.y + b.height / 2 + 6) * k, 20.5 * k, options.sealText))
  }
  if (options.redTick)
    parts.push(
      `<path d="M ${30 * k} ${150 * k} l ${3 * k} ${3 * k} l ${6 * k} ${-7 * k}" stroke="#d8262f" stroke-width="${0.5 * k}" fill="none"/>`,
    )
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`)
  const composed = await sharp(png)
    .removeAlpha()
    .composite([{ input: svg, blend: 'multiply' }])
    .png()
    .toBuffer()
  let img: Sharp
  const tint = options.tint ?? [1, 0.93, 0.8]
  // sharp applies operations in its own order, so each step is materialised before the next.
  const tinted = await sharp(composed)
    .linear([...tint], [0, 0, 0])
    .png()
    .toBuffer()
  img = sharp(tinted)
  if (options.shift) {
    const s = options.shift
    const bg = { r: Math.round(255 * tint[0]), g: Math.round(255 * tint[1]), b: Math.round(255 * tint[2]) }
    const shifted = await img.extend({ top: s.y, left: s.x, bottom: 0, right: 0, background: bg }).png().toBuffer()
    img = sharp(shifted).extract({ left: 0, top: 0, width, height })
  }
  return img.jpeg({ quality: 85 }).toBuffer()
}

/** Recognises the text lines of an image with tesseract.js (chi_sim + eng), fully offline. */
export async function ocrLines(images: Buffer[]): Promise<string[][]> {
  const langPath = resourcePath('tessdata')
  for (const f of ['chi_sim.traineddata.gz', 'eng.traineddata.gz'])
    if (!existsSync(path.join(langPath, f))) throw new Error(`missing OCR model ${f}: run npm ci`)
  let failure: unknown
  const worker = await createWorker(['chi_sim', 'eng'], 1, {
    langPath,
    gzip: true,
    cacheMethod: 'none',
    errorHandler: (e: unknown) => void (failure = e),
  })
  try {
    await worker.setParameters({ preserve_interword_spaces: '1' })
    const out: string[][] = []
    for (const image of images) {
      const { data } = await worker.recognize(image)
      if (failure) throw failure instanceof Error ? failure : new Error(String(failure))
      out.push(data.text.split('\n').filter((l) => l.trim() !== ''))
    }
    return out
  } finally {
    await worker.terminate()
  }
}
