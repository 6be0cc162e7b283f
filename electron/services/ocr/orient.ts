/**
 * Turning a page upright by reading it: OCR decides between the turns the ink profile leaves open
 * (upside-down text reads as nonsense), and ID cards on a page are read card by card. Shared by
 * intake (upright images for the package) and extract (the reading itself), so it lives beside the
 * engine instead of in either: intake no longer imports extract.
 */
import { cardLabelShare, classifyPage, MIN_SCORE, type Classification } from '../../../shared/extraction/classify'
import { joinPages, type OcrPage } from '../../../shared/extraction/ocr-types'
import { cardRegion, findCards } from '../intake/cards'
import type { RawImage } from '../intake/pixels'
import { guessOrientation, makeUpright, skewAfter, type Turn, type Upright } from '../intake/prepare'
import { throwIfAborted, type OcrEngine } from './engine'

/** A page read at the turn that made it upright, with what it was classified as. */
export interface Oriented {
  readonly upright: Upright
  readonly page: OcrPage
  readonly cls: Classification
}

/** Mean word confidence weighted by length: how much of the page reads as text. */
export function readability(page: OcrPage): number {
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
