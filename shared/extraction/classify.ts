/**
 * Which document a page is, from the words OCR found on it: each kind has printed words that mark
 * it (data: shared/data/document-labels.json), weighted by how specific they are. An ID card page
 * may show the portrait side, the emblem side, or both (the common A4 scan).
 */
import labels from '../data/document-labels.json' with { type: 'json' }
import { isSelfConsistentResidentId } from '../ids/resident-id'
import type { DocumentKind } from '../model/extracted'
import { toHalfWidth } from '../text/normalise'
import type { OcrPage } from './ocr-types'
import { joinRows } from './locate'
import { hasValidUsccCheck } from '../ids/uscc'
import { isValidLegacyRegNo } from '../ids/legacy-regno'

export type Side = 'front' | 'back'

export interface Classification {
  readonly kind: DocumentKind
  readonly sides?: readonly Side[]
  /** The winning score (sum of keyword weights); below MIN_SCORE the page is "other". */
  readonly score: number
  readonly scores: Readonly<Record<string, number>>
}

/** The least evidence that names a kind: one strong word and a weaker one, or three weak ones. */
export const MIN_SCORE = 3

const compact = (s: string): string => toHalfWidth(s).replace(/\s+/g, '').toUpperCase()

function score(text: string, keywords: ReadonlyArray<readonly [string, number] | (string | number)[]>): number {
  let total = 0
  for (const entry of keywords) {
    const [word, weight] = entry as [string, number]
    if (text.includes(compact(word))) total += weight
  }
  return total
}

/**
 * What a resident ID number proven by its check character adds to the portrait side's score: as
 * much as a label, since only that side prints one (a personal commitment letter may quote one
 * too, but its own words outweigh it). A blurred card whose labels were misread (「公民身份SS码」)
 * is still an ID card.
 */
const PROVEN_ID_NUMBER = 2

/**
 * The page's text for keyword matching: its lines, and its rows read left to right (an engine that
 * returns each box apart, PP-OCR, splits letter-spaced labels such as 「名」「称」 into two lines).
 */
function pageText(page: OcrPage): string {
  return compact([...page.lines.map((l) => l.text), ...joinRows(page.lines).map((l) => l.text)].join('\n'))
}

/** A credit code or a 15-digit 注册号 proven by its check character: a licence's own evidence, worth its title. */
const PROVEN_LICENCE_CODE = 2

function hasProvenLicenceCode(text: string): boolean {
  return (
    [...text.matchAll(/(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])/gu)].some(
      (m) => /^[1-9AY]/.test(m[0]) && hasValidUsccCheck(m[0]) && !isSelfConsistentResidentId(m[0]),
    ) || [...text.matchAll(/(?<!\d)\d{15}(?!\d)/gu)].some((m) => isValidLegacyRegNo(m[0]))
  )
}

function hasProvenIdNumber(text: string): boolean {
  return [...text.matchAll(/(?<!\d)\d{17}[\dX](?![\dX])/gu)].some((m) => isSelfConsistentResidentId(m[0]))
}

/** Classifies a page from its OCR text. */
export function classifyPage(page: OcrPage): Classification {
  const text = pageText(page)
  const k = labels.keywords
  const scores = {
    'business-licence': score(text, k['business-licence']) + (hasProvenLicenceCode(text) ? PROVEN_LICENCE_CODE : 0),
    'id-front': score(text, k['id-front']) + (hasProvenIdNumber(text) ? PROVEN_ID_NUMBER : 0),
    'id-back': score(text, k['id-back']),
    'domain-certificate': score(text, k['domain-certificate']),
    'commitment-letter': score(text, k['commitment-letter']),
  }
  const sides: Side[] = []
  if (scores['id-front'] >= 2) sides.push('front')
  if (scores['id-back'] >= 2) sides.push('back')
  const idScore = (sides.includes('front') ? scores['id-front'] : 0) + (sides.includes('back') ? scores['id-back'] : 0)
  const candidates: Array<[DocumentKind, number]> = [
    ['business-licence', scores['business-licence']],
    ['id-card', idScore],
    ['domain-certificate', scores['domain-certificate']],
    ['commitment-letter', scores['commitment-letter']],
  ]
  candidates.sort((a, b) => b[1] - a[1])
  const [kind, best] = candidates[0] as [DocumentKind, number]
  if (best < MIN_SCORE) return { kind: 'other', score: best, scores }
  return kind === 'id-card' ? { kind, sides, score: best, scores } : { kind, score: best, scores }
}

/**
 * The share of an ID card side's printed words found on a page (the better side): how much of a
 * card's layout a reading kept. A reading that dropped the small labels finds values but not the
 * fields they belong to.
 */
export function cardLabelShare(page: OcrPage): number {
  const text = pageText(page)
  const share = (side: 'id-front' | 'id-back'): number => {
    const words = labels.keywords[side] as ReadonlyArray<readonly [string, number] | (string | number)[]>
    return words.filter((entry) => text.includes(compact(entry[0] as string))).length / words.length
  }
  return Math.max(share('id-front'), share('id-back'))
}
