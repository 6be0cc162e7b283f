/**
 * The bundled letter font (Noto Serif SC, SIL OFL; regular and bold), loaded once per process.
 *
 * A formal letter wants a serif face. The font files are large (~15 MB each), so they are read
 * and parsed once and reused by every letter; the parsed font also answers "can this character
 * be printed?", which is how a missing glyph is reported instead of printing blank.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import * as fontkit from '@cantoo/fontkit'
import type { Font } from '@cantoo/fontkit'
import type { FontFace } from '../../../shared/letter/draw-ops'
import type { FontMetrics } from '../../../shared/letter/layout'
import { resourcePath } from '../resources'

export const FONT_FILES: Readonly<Record<FontFace, string>> = {
  regular: 'NotoSerifSC-Regular.ttf',
  bold: 'NotoSerifSC-Bold.ttf',
}
export const FONT_LICENCE_FILE = 'NotoSerifSC-OFL.txt'

/** A loaded face: the file's bytes (embedded, subset, in each PDF) and the parsed font. */
export interface LoadedFace {
  readonly bytes: Uint8Array
  readonly font: Font
  /** PostScript name, used in the PDF's subset font name. */
  readonly name: string
}

export interface LetterFonts {
  readonly faces: Readonly<Record<FontFace, LoadedFace>>
  readonly metrics: FontMetrics
}

/** Thrown when the font files are missing or unreadable: the letter cannot be printed without them. */
export class FontUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FontUnavailableError'
  }
}

async function loadFace(file: string): Promise<LoadedFace> {
  if (!existsSync(file))
    throw new FontUnavailableError(
      `找不到承诺书字体 ${file}（请运行 npm ci 或 node scripts/prepare-resources.js） Letter font not found: ${file} (run npm ci)`,
    )
  const bytes = new Uint8Array(await readFile(file))
  let font: Font
  try {
    font = fontkit.create(bytes) as Font
  } catch (error) {
    throw new FontUnavailableError(
      `承诺书字体无法读取 The letter font cannot be read: ${file}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  if (typeof font.hasGlyphForCodePoint !== 'function')
    throw new FontUnavailableError(`${file} 不是单个字体文件 is not a single font (a collection?)`)
  return { bytes, font, name: font.postscriptName || path.basename(file, path.extname(file)) }
}

function metricsOf(faces: Readonly<Record<FontFace, LoadedFace>>): FontMetrics {
  const widths: Record<FontFace, Map<string, number>> = { regular: new Map(), bold: new Map() }
  return {
    advance(ch, face) {
      const cached = widths[face].get(ch)
      if (cached !== undefined) return cached
      const { font } = faces[face]
      const glyph = font.glyphForCodePoint(ch.codePointAt(0) ?? 0)
      // A missing glyph is drawn as a one-em box by the layout.
      const width = glyph && font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0) ? glyph.advanceWidth / font.unitsPerEm : 1
      widths[face].set(ch, width)
      return width
    },
    has(ch, face) {
      return faces[face].font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)
    },
  }
}

const cache = new Map<string, Promise<LetterFonts>>()

/** Loads (once per folder) the letter's fonts from resources/fonts, or from `dir`. */
export function loadLetterFonts(dir: string = resourcePath('fonts')): Promise<LetterFonts> {
  const key = path.resolve(dir)
  let pending = cache.get(key)
  if (!pending) {
    pending = (async () => {
      const [regular, bold] = await Promise.all([loadFace(path.join(key, FONT_FILES.regular)), loadFace(path.join(key, FONT_FILES.bold))])
      const faces = { regular, bold }
      return { faces, metrics: metricsOf(faces) }
    })()
    // A failed load is not cached: the user may fix the install and try again.
    pending.catch(() => cache.delete(key))
    cache.set(key, pending)
  }
  return pending
}
