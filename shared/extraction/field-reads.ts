/**
 * How each field's value region is read the second time: which models, which characters may
 * appear, how far past the first pass's box to look, and whether that crop is trusted over the
 * page pass. Codes through the English model with the code alphabet read exactly in a fraction of
 * the time (toolchain.md); names and dates through the Chinese model, one line at a time.
 */
import ethnicityData from '../data/ethnicities.json' with { type: 'json' }
import { USCC_ALPHABET } from '../ids/uscc'

export interface FieldRead {
  readonly language: 'chi_sim+eng' | 'eng'
  readonly whitelist?: string
  /** Extra width to read to the right of the first box, in text heights. */
  readonly extendRight: number
  /**
   * The text heights (px) the crop is read at. Names are read at two heights well inside the
   * 20–40 px the LSTM models read best (bench:extract measured 24 px and 32 px crops right on
   * 29 and 28 of 30 names, 48 px on 26 and 64 px on 22): a misread at one scale is rarely repeated
   * at the other, so with the page pass they make three votes per character.
   */
  readonly targets: readonly number[]
  /** The least width a full value takes, in text heights (an 18-character code is ~12): the page pass may have read only part. */
  readonly minWidth?: number
}

export const DATE_WHITELIST = '0123456789年月日至长期.-/'

const chiLine = (extendRight = 2, targets: readonly number[] = [48]): FieldRead => ({ language: 'chi_sim+eng', extendRight, targets })

/** Names: two scales inside the models' comfortable range (see FieldRead.targets). */
const NAME_TARGETS = [24, 32]

export const FIELD_READS: Readonly<Record<string, FieldRead>> = {
  creditCode: { language: 'eng', whitelist: USCC_ALPHABET, extendRight: 1.5, targets: [48], minWidth: 18 },
  idNumber: { language: 'eng', whitelist: '0123456789X', extendRight: 1.5, targets: [48], minWidth: 20 },
  licenceNumber: { language: 'eng', whitelist: '0123456789', extendRight: 1.5, targets: [48], minWidth: 12 },
  establishedOn: { language: 'chi_sim+eng', whitelist: DATE_WHITELIST, extendRight: 1.5, targets: [48], minWidth: 9 },
  birthDate: { language: 'chi_sim+eng', whitelist: DATE_WHITELIST, extendRight: 1.5, targets: [48], minWidth: 9 },
  registeredOn: { language: 'chi_sim+eng', whitelist: DATE_WHITELIST, extendRight: 1.5, targets: [48], minWidth: 9 },
  expiresOn: { language: 'chi_sim+eng', whitelist: DATE_WHITELIST, extendRight: 1.5, targets: [48], minWidth: 9 },
  term: { language: 'chi_sim+eng', whitelist: DATE_WHITELIST, extendRight: 1.5, targets: [48], minWidth: 16 },
  personName: chiLine(2, NAME_TARGETS),
  legalRepresentative: chiLine(2, NAME_TARGETS),
  entityName: chiLine(2, NAME_TARGETS),
  domainOwner: chiLine(2, NAME_TARGETS),
  issuer: chiLine(),
  entityType: chiLine(),
  // Little extra width: right of an ID card's address is its photo, whose edges read as 4, 1 or 和.
  address: chiLine(0.4),
  // Closed vocabularies: only the characters of the 56 民族 names, only 男 and 女.
  ethnicity: {
    language: 'chi_sim+eng',
    whitelist: [...new Set(ethnicityData.ethnicities.join(''))].join(''),
    extendRight: 1,
    targets: [48, 64],
  },
  sex: { language: 'chi_sim+eng', whitelist: '男女', extendRight: 0.6, targets: [48] },
  domain: { language: 'eng', whitelist: 'abcdefghijklmnopqrstuvwxyz0123456789.-', extendRight: 1.5, targets: [48], minWidth: 8 },
}
