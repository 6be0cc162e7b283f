/**
 * The one place that decides whether a value read from a scan may be reported as sure (confidence
 * ≥ SURE and not uncertain: the scan-* rules then treat a mismatch with the form as an error, and
 * the review may accept it in bulk). A wrong value reported as sure is the worst outcome
 * (issue 12), so sureness is never one reading's confidence. Every value needs two independent
 * readings — the page pass and a crop read again, or crops read by two models — that each, alone,
 * give the value itself (two scales of one crop through one model share its extent and its
 * misreads: both dropped the brackets of 「爱浪科技(中山)」). A value no reading gave as it stands (a
 * character dropped by the cleaner, a place repaired, a vote between disagreeing readings) is not
 * sure. On top of that, each field's proof (fields/*.ts) must hold:
 *
 * - `check`: a code whose check character (credit code, 15-digit 注册号) holds as read; one that
 *   needed a look-alike repair is not sure (two misreads can repair to a wrong valid code).
 * - `resident-id`: an ID number valid as read, whose birth date is a real date not after today, and
 *   that agrees with the card's printed 出生 (and 性别) when those were read.
 * - `date`: a date parsed from each agreeing reading.
 * - `agreement`: free text (a name, an address, 类型, an issuer, an owner, a domain): agreement alone.
 * - `none`: nothing proves it (a 13-digit 注册号, a 证照编号): never sure.
 *
 * Values taken from a proven ID number (出生, 性别) are as sure as the number. A date or a text whose
 * label was not read (found by its shape or its place) is not sure: nothing ties it to its field.
 */
import type { IsoDate } from '../dates/iso-date'
import { birthDateOf, isSelfConsistentResidentId, sexOf } from '../ids/resident-id'
import type { ExtractedField } from '../model/extracted'
import { SURE } from '../model/scan-fields'
import { nameKey } from '../text/normalise'
import type { Reading } from './names'

export { SURE }

/** The most a value without proof may claim: below SURE, so a person confirms it. */
export const UNSURE_CAP = 0.8

export type Proof = 'check' | 'resident-id' | 'date' | 'agreement' | 'none'

/** True when the app treats the field as read with confidence. */
export const isSure = (f: ExtractedField): boolean => f.confidence >= SURE && !f.uncertain

/** The field with its confidence capped below SURE (unchanged when it was not sure anyway). */
export function unsure(f: ExtractedField): ExtractedField {
  return f.confidence < SURE ? f : { ...f, confidence: UNSURE_CAP }
}

/**
 * Two readings are independent looks when they differ in how they were taken: the page pass
 * against a crop read again, or two models. Two scales of one crop through one model are not (they
 * share the crop's extent and the model's misreads: both dropped the brackets of 「爱浪科技(中山)」).
 */
export function independent(a: Reading, b: Reading): boolean {
  return (a.source ?? 'crop') !== (b.source ?? 'crop') || (a.model ?? '') !== (b.model ?? '')
}

/** A text compared loosely: no spaces, width or bracket style, nothing but punctuation at either end. */
export function textKey(text: string): string {
  return nameKey(text).replace(/^[^\p{Script=Han}A-Z0-9(·]+|[^\p{Script=Han}A-Z0-9)·]+$/gu, '')
}

/**
 * True when two independent readings each say, alone, what the value says. `alone` is what one
 * reading by itself gives (by default its text, compared loosely).
 */
export function agreedByTwo(
  value: string,
  readings: readonly Reading[],
  alone: Alone = (r) => r.text,
  today = '9999-12-31' as IsoDate,
): boolean {
  const want = textKey(value)
  if (want === '') return false
  const agreeing = readings.filter((r) => {
    const v = alone(r, today)
    return v !== null && textKey(v) === want
  })
  return agreeing.some((a, i) => agreeing.some((b, j) => j > i && independent(a, b)))
}

/**
 * Whether an ID number may be sure: valid as read (no repair), a real birth date in it, and no
 * printed 出生 or 性别 that was read and says otherwise.
 */
export function residentIdIsSure(id: ExtractedField, today: IsoDate, printed: { birthDate?: string; sex?: string }): boolean {
  if (id.corrected || id.uncertain) return false
  if (!isSelfConsistentResidentId(id.value)) return false
  const birth = birthDateOf(id.value)
  if (!birth || birth > today) return false
  if (printed.birthDate !== undefined && printed.birthDate !== birth) return false
  if (printed.sex !== undefined && printed.sex !== sexOf(id.value)) return false
  return true
}

/** What one reading alone says the value is (null: nothing). */
export type Alone = (r: Reading, today: IsoDate) => string | null

/** What the final pass needs to know about one field: its proof and how one reading reads alone. */
export interface SurenessSpec {
  readonly proof: Proof
  readonly alone?: Alone
}

/**
 * The final word on each field of a page: a field whose proof does not hold is capped below SURE.
 * `readings` are the readings each field was interpreted from; `idPrinted` the printed 出生 and 性别
 * as read (before any cross-check filled them from the number).
 */
export function settleSureness(
  fields: Record<string, ExtractedField>,
  specs: Readonly<Record<string, SurenessSpec>>,
  readingsOf: (field: string) => readonly Reading[],
  today: IsoDate,
  idPrinted: { birthDate?: string; sex?: string } = {},
  unlabelled: (field: string) => boolean = () => false,
): void {
  // The ID number first: the birth date and sex taken from it are sure only if it is.
  const order = Object.keys(fields).sort((a, b) => Number(b === 'idNumber') - Number(a === 'idNumber'))
  for (const name of order) {
    const f = fields[name] as ExtractedField
    if (!isSure(f)) continue
    const spec = specs[name]
    const proof: Proof = spec?.proof ?? 'none'
    let sure: boolean
    if (f.source === 'idNumber') sure = isSure(fields.idNumber ?? f)
    else {
      const proven =
        proof === 'check'
          ? f.corrected === undefined
          : proof === 'resident-id'
            ? residentIdIsSure(f, today, idPrinted)
            : // A date or a text found by its shape, its label not read, may belong to another label
              // (a licence's 核准日期, another bureau's name): only a code's structure names its field.
              (proof === 'date' || proof === 'agreement') && !unlabelled(name)
      sure = proven && agreedByTwo(f.value, readingsOf(name), spec?.alone, today)
    }
    if (!sure) fields[name] = unsure(f)
  }
}
