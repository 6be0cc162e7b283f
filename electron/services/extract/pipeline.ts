/**
 * Reads one page: turn it upright (OCR decides between opposite turns: upside-down text reads as
 * nonsense), read it whole or, when ID cards lie on it, card by card (intake/cards.ts), classify it
 * from that page pass, locate the labelled values, read each again with the right settings,
 * assemble and cross-check the fields, and judge the image's quality for its kind.
 */
import { assembleFields } from '../../../shared/extraction/assemble'
import { scanFinding } from '../../../shared/extraction/findings'
import { findToken, inferLocations, locateFields, TOKEN_ACCEPT, TOKEN_PATTERNS } from '../../../shared/extraction/locate'
import type { IsoDate } from '../../../shared/dates/iso-date'
import type { ExtractedDocument, ScanFinding } from '../../../shared/model/extracted'
import type { DecodedPage } from '../intake/decode'
import { isPlaceholder } from '../intake/decode'
import { measureBlur, measureQuality, qualityFindings, type Turn } from '../intake/prepare'
import { throwIfAborted, type OcrEngine } from '../ocr/engine'
import { orientAndRead, readability } from '../ocr/orient'
import { readFields } from './read-fields'

/** What a page reading adds to the stored ExtractedDocument: how the image was turned. */
export interface PageResult extends ExtractedDocument {
  /** Clockwise quarter turn applied after EXIF/PDF rotation, and the skew removed (degrees). */
  readonly rotation: Turn
  readonly skew: number
  /** Recognised text lines, kept for commitment letters (their checks read the wording). */
  readonly text?: string[]
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
      ? ['creditCode', 'registrationNumber', 'establishedOn', 'term']
      : kind === 'id-card'
        ? [...(sides?.includes('front') ? ['idNumber'] : []), ...(sides?.includes('back') ? ['term', 'issuer'] : [])]
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
  const unlabelled = new Set(located.filter((l) => l.label === '').map((l) => l.field))
  const assembled = assembleFields(kind, readings, new Map(), options.today, unlabelled)
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
