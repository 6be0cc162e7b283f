/**
 * Reads one page: turn it upright (OCR decides between opposite turns: upside-down text reads as
 * nonsense), classify it from the page pass, locate the labelled values, read each again with the
 * right settings, assemble and cross-check the fields, and judge the image's quality for its kind.
 */
import { assembleFields } from '../../../shared/extraction/assemble'
import { classifyPage, MIN_SCORE, type Classification } from '../../../shared/extraction/classify'
import { scanFinding } from '../../../shared/extraction/findings'
import { findToken, inferLocations, locateFields, TOKEN_ACCEPT, TOKEN_PATTERNS } from '../../../shared/extraction/locate'
import type { OcrPage } from '../../../shared/extraction/ocr-types'
import type { IsoDate } from '../../../shared/dates/iso-date'
import type { ExtractedDocument, ScanFinding } from '../../../shared/model/extracted'
import type { DecodedPage } from '../intake/decode'
import { isPlaceholder } from '../intake/decode'
import type { RawImage } from '../intake/pixels'
import {
  guessOrientation,
  makeUpright,
  measureBlur,
  measureQuality,
  qualityFindings,
  skewAfter,
  type Turn,
  type Upright,
} from '../intake/prepare'
import { throwIfAborted, type OcrEngine } from '../ocr/engine'
import { readFields } from './read-fields'

/** What a page reading adds to the stored ExtractedDocument: how the image was turned. */
export interface PageResult extends ExtractedDocument {
  /** Clockwise quarter turn applied after EXIF/PDF rotation, and the skew removed (degrees). */
  readonly rotation: Turn
  readonly skew: number
  /** Recognised text lines, kept for commitment letters (their checks read the wording). */
  readonly text?: string[]
}

interface Oriented {
  readonly upright: Upright
  readonly page: OcrPage
  readonly cls: Classification
}

/** Mean word confidence weighted by length: how much of the page reads as text. */
function readability(page: OcrPage): number {
  let chars = 0
  let weighted = 0
  for (const l of page.lines)
    for (const w of l.words) {
      const n = [...w.text].length
      chars += n
      weighted += n * w.confidence
    }
  return chars === 0 ? 0 : weighted / Math.max(chars, 40)
}

const goodness = (o: Oriented): number => o.cls.score + readability(o.page) * 3

/** Tries the likely quarter turns until one reads as a known document; keeps the best reading. */
export async function orientAndRead(engine: OcrEngine, image: RawImage, signal?: AbortSignal): Promise<Oriented> {
  const guess = await guessOrientation(image)
  const order: Turn[] = [...guess.candidates]
  // A weak ink profile (photos, sparse pages): the other pair of turns is possible too.
  if (guess.certainty < 1.15) order.push(...((guess.candidates[0] === 0 ? [90, 270] : [0, 180]) as Turn[]))
  let best: Oriented | null = null
  for (const turn of order) {
    throwIfAborted(signal)
    const upright = await makeUpright(image, turn, await skewAfter(guess, turn), guess.textHeight)
    const page = await engine.recognize({ image: upright.page.png, language: 'chi_sim+eng', mode: 'block' }, signal)
    const o: Oriented = { upright, page, cls: classifyPage(page) }
    if (!best || goodness(o) > goodness(best)) best = o
    if (o.cls.score >= MIN_SCORE + 1 && readability(page) > 0.45) break
  }
  return best as Oriented
}

export interface PageOptions {
  readonly today: IsoDate
  readonly signal?: AbortSignal
}

/** Reads one decoded page into an ExtractedDocument (with the turn and skew applied). */
export async function readPage(engine: OcrEngine, decoded: DecodedPage, options: PageOptions): Promise<PageResult> {
  const base = {
    version: 1 as const,
    ...(decoded.page !== undefined ? { page: decoded.page } : {}),
    engine: engine.description,
    readAt: new Date().toISOString(),
  }
  if (isPlaceholder(decoded))
    return {
      ...base,
      kind: 'other',
      colour: false,
      image: { width: 1, height: 1 },
      fields: {},
      findings: [...decoded.findings],
      rotation: 0,
      skew: 0,
    }
  const quality = await measureQuality(decoded.image)
  const o = await orientAndRead(engine, decoded.image, options.signal)
  const { kind, sides } = o.cls
  const located = locateFields(o.page, kind)
  // A code or domain whose label was not read is still recognisable by its shape.
  const wanted =
    kind === 'business-licence'
      ? ['creditCode']
      : kind === 'id-card' && sides?.includes('front')
        ? ['idNumber']
        : kind === 'domain-certificate'
          ? ['domain']
          : []
  for (const field of wanted) {
    const pattern = TOKEN_PATTERNS[field]
    const token = pattern && !located.some((l) => l.field === field) ? findToken(o.page, field, pattern, TOKEN_ACCEPT[field]) : null
    if (token) located.push(token)
  }
  located.push(...inferLocations(kind, located))
  throwIfAborted(options.signal)
  const u = o.upright
  const readings = await readFields(engine, u.image, located, u.page.scale, options.signal)
  // Readings are complete (multi-line values joined by readFields): nothing more to append.
  const assembled = assembleFields(kind, readings, new Map(), options.today)
  const findings: ScanFinding[] = [...decoded.findings]
  const blur = measureBlur(u.page.grey)
  findings.push(...qualityFindings({ ...quality, blur }, kind, { width: u.image.width, height: u.image.height }, sides?.length ?? 1))
  if (o.page.lines.length === 0 || (kind === 'other' && readability(o.page) < 0.2))
    findings.push(scanFinding('scan-unreadable', { reason: '未识别出文字', reasonEn: 'no text could be recognised' }))
  findings.push(...assembled.findings)
  return {
    ...base,
    kind,
    ...(sides && kind === 'id-card' ? { sides: [...sides] } : {}),
    colour: quality.colour,
    image: { width: u.image.width, height: u.image.height },
    fields: assembled.fields,
    findings,
    rotation: u.turn,
    skew: u.skew,
    ...(kind === 'commitment-letter' ? { text: o.page.lines.map((l) => l.text.trim()).filter((t) => t !== '') } : {}),
  }
}
