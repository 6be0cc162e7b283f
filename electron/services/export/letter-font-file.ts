/**
 * The letter font for the window's preview: app://renderer/letter-font/{regular,bold}.ttf serves
 * the very font files the PDF is set in (resources/fonts, SIL OFL), so the preview drawn from the
 * layout's operations wraps and spaces exactly like the printed letter. Only these two names map
 * to a file; anything else is not found.
 */
import type { FontFace } from '../../../shared/letter/draw-ops'
import { FONT_FILES } from '../letter/fonts'
import { resourcePath } from '../resources'

/** The URL prefix of the letter font files. */
export const LETTER_FONT_PREFIX = '/letter-font/'

/** True for a URL path under the letter font prefix. */
export function isLetterFontPath(urlPath: string): boolean {
  return urlPath.startsWith(LETTER_FONT_PREFIX)
}

/** The font file a URL path names, or null: only `regular.ttf` and `bold.ttf` exist. */
export function letterFontFile(urlPath: string): string | null {
  const face = /^\/letter-font\/(regular|bold)\.ttf$/.exec(urlPath)?.[1] as FontFace | undefined
  return face ? resourcePath('fonts', FONT_FILES[face]) : null
}
