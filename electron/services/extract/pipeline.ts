/**
 * Reads one page: turn it upright (OCR decides between opposite turns: upside-down text reads as
 * nonsense), read it whole or, when ID cards lie on it, card by card (intake/cards.ts), classify it
 * from that page pass, locate the labelled values, read each again with the right settings,
 * assemble and cross-check the fields, and judge the image's quality for its kind.
 */
import { assembleFields } from '../../../shared/extraction/assemble'
import { cardLabelShare, classifyPage, MIN_SCORE, type Classification } from '../../../shared/extraction/classify'
import { scanFinding } from '../../../shared/extraction/findings'
import { findToken, inferLocations, locateFields, TOKEN_ACCEPT, TOKEN_PATTERNS } from '../../../shared/extraction/locate'
import { joinPages, type OcrPage } from '../../../shared/extraction/ocr-types'
import type { IsoDate } from '../../../shared/dates/iso-date'
import type { ExtractedDocument, ScanFinding } from '../../../shared/model/extracted'
import type { DecodedPage } from '../intake/decode'
import { isPlaceholder } from '../intake/decode'
import { cardRegion, findCards } from '../intake/cards'
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

/** Below this share of a card side's printed words, a card read with the automatic layout is read as a block too. */
const CARD_LABELS_KEPT = 0.75

/**
 * The page pass at one turn. Cards on a page are read one region each (the whole-page layout
 * loses their lines among the margins); when what they read is not an ID card after all, the
 * whole page is read too and the better reading kept. A card region is read with tesseract's
 * automatic layout: on the hold-out corpora it kept wrapped addresses and names that reading the
 * region as one block broke up, though it drops the small labels more often: a card that lost
 * them is read as a block as well and the reading with more of them kept (the values of the
 * emblem side are also found by their shape, locate.ts TOKEN_PATTERNS).
 */
async function readTurn(engine: OcrEngine, upright: Upright, signal?: AbortSignal): Promise<Oriented> {
  const { page } = upright
  const cards = findCards(page.grey)
  let byCards: Oriented | null = null
  if (cards.length > 0) {
    const parts: OcrPage[] = []
    for (const card of cards) {
      const read = (mode: 'page' | 'block'): Promise<OcrPage> => {
        throwIfAborted(signal)
        return engine.recognize({ image: page.png, language: 'chi_sim+eng', mode, rectangle: cardRegion(card, page) }, signal)
      }
      const auto = await read('page')
      const kept = cardLabelShare(auto)
      // The automatic layout dropped the small labels: read the card as one block as well.
      const block = kept < CARD_LABELS_KEPT ? await read('block') : null
      parts.push(block && cardLabelShare(block) > kept ? block : auto)
    }
    const joined = joinPages(parts)
    byCards = { upright, page: joined, cls: classifyPage(joined) }
    if (byCards.cls.kind === 'id-card') return byCards
  }
  const whole = await engine.recognize({ image: page.png, language: 'chi_sim+eng', mode: 'block' }, signal)
  const o: Oriented = { upright, page: whole, cls: classifyPage(whole) }
  return byCards && goodness(byCards) > goodness(o) ? byCards : o
}

/** Share of the direction votes a turn needs before the page is turned for it. */
const TURN_MAJORITY = 0.6
/**
 * How much worse (in goodness) a page may read after the turn its boxes asked for and still be
 * kept turned: PP-OCR reads sideways text nearly as well as upright text, so the two readings
 * often tie, but only the upright one has rows and columns the layout can use.
 */
const TURN_TOLERANCE = 0.5

/** The turn most of the page's text asks for, if the engine could tell (PP-OCR) and a clear majority agrees. */
function turnOfBoxes(page: OcrPage): Turn | null {
  const d = page.direction
  if (!d) return null
  const total = d.votes[0] + d.votes[90] + d.votes[180] + d.votes[270]
  if (total <= 0) return null
  const best = ([0, 90, 180, 270] as const).reduce((a, b) => (d.votes[b] > d.votes[a] ? b : a))
  return d.votes[best] / total >= TURN_MAJORITY ? best : 0
}

/**
 * With an engine that knows which way each box's text runs (PP-OCR): read the page as it is, turn
 * and level it by what its text boxes say, and read it again only when that changes the page. A
 * turn is kept only when the page reads at least as well after it: a wrong turn never costs the file.
 */
async function orientByBoxes(engine: OcrEngine, image: RawImage, textHeight: number, signal?: AbortSignal): Promise<Oriented | null> {
  const asIs = await readTurn(engine, await makeUpright(image, 0, 0, textHeight), signal)
  const turn = turnOfBoxes(asIs.page)
  if (turn === null) return null
  const skew = asIs.page.direction?.skew ?? 0
  if (turn === 0 && Math.abs(skew) < 1) return asIs
  throwIfAborted(signal)
  const turned = await readTurn(engine, await makeUpright(image, turn, skew, textHeight), signal)
  return goodness(turned) >= goodness(asIs) - TURN_TOLERANCE ? turned : asIs
}

/** Tries the likely quarter turns until one reads as a known document; keeps the best reading. */
export async function orientAndRead(engine: OcrEngine, image: RawImage, signal?: AbortSignal): Promise<Oriented> {
  const guess = await guessOrientation(image)
  const byBoxes = engine.reportsDirection ? await orientByBoxes(engine, image, guess.textHeight, signal) : null
  if (byBoxes) return byBoxes
  const order: Turn[] = [...guess.candidates]
  // A weak ink profile (photos, sparse pages): the other pair of turns is possible too.
  if (guess.certainty < 1.15) order.push(...((guess.candidates[0] === 0 ? [90, 270] : [0, 180]) as Turn[]))
  let best: Oriented | null = null
  for (const turn of order) {
    throwIfAborted(signal)
    const upright = await makeUpright(image, turn, await skewAfter(guess, turn), guess.textHeight)
    const o = await readTurn(engine, upright, signal)
    if (!best || goodness(o) > goodness(best)) best = o
    if (o.cls.score >= MIN_SCORE + 1 && readability(o.page) > 0.45) break
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
