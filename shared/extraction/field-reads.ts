/**
 * How each field's value region is read the second time: which models, which characters may
 * appear, how far past the first pass's box to look, and in which looks (text height, grey or
 * black-and-white, which model). Codes through the English model with the code alphabet read
 * exactly in a fraction of the time (toolchain.md); names and dates through the Chinese model,
 * each crop in two looks so a misread of one look is outvoted (vote.ts, date-reads.ts).
 *
 * The looks were tuned on bench:extract corpora other than the reported one (seeds 2–4); the
 * README gives the reported run (seed 1) with and without them.
 */
import { USCC_ALPHABET } from '../ids/uscc'

/** The models a crop can be read with (electron/services/ocr/engine.ts OcrLanguage). */
export type ReadModel = 'chi_sim+eng' | 'eng' | 'chi_sim-full'
/** The larger Chinese model, asked for a second opinion on doubtful names. */
export const LARGER_MODEL: ReadModel = 'chi_sim-full'

/** One way to read a crop. */
export interface Look {
  /** Text height in px the crop is scaled to. */
  readonly height: number
  /** Grey, or black and white at the crop's Otsu threshold (drops the light security print). */
  readonly render: 'grey' | 'binary'
  /** Another model than the field's. */
  readonly model?: ReadModel
}

export interface FieldRead {
  readonly language: ReadModel
  readonly whitelist?: string
  /** Extra width to read to the right of the first box, in text heights. */
  readonly extendRight: number
  /** The looks every crop is read in; each reading is one vote besides the page pass. */
  readonly looks: readonly Look[]
  /**
   * Looks read one after the other while the first ones leave a name in doubt (not every reading
   * agreeing, a surname missing): mostly the larger model, whose misreads differ from best_int's
   * (磊, which best_int reads 舌 at every scale). Paid for by the doubtful names alone.
   */
  readonly secondOpinion?: readonly Look[]
  /**
   * How many second-opinion looks are read even when the first looks agree: best_int can agree
   * with itself on a misread (「周刚雨」 read 「周刚十」 at 24 and 32 px and on the page, confidence
   * 0.86–0.88, where the larger model reads 雨), so a person's name is always read once by the
   * larger model; if it disagrees, the name is in doubt and the other looks follow.
   */
  readonly confirmLooks?: number
  /** How the value is voted, for deciding whether it is in doubt. */
  readonly kind?: 'person' | 'organisation'
  /** The least width a full value takes, in text heights (an 18-character code is ~12): the page pass may have read only part. */
  readonly minWidth?: number
  /**
   * Read the value together with its label, which the interpretation strips: a value of one
   * character (民族 「汉」) alone in a crop gives the line model no context and reads as junk or
   * nothing; 「民族 汉」 reads.
   */
  readonly withLabel?: boolean
}

export const DATE_WHITELIST = '0123456789年月日至长期.-/'

const grey = (height: number): Look => ({ height, render: 'grey' })

/**
 * Names: 24 px and 32 px, inside the 20–40 px the LSTM models read best (48 px and 64 px crops
 * read fewer names right), voted with the page pass; the larger model is asked only about names
 * that vote leaves in doubt.
 */
const NAME_LOOKS: readonly Look[] = [grey(24), grey(32)]
/**
 * The second opinion, look by look while the name stays in doubt (read-fields.ts): the larger
 * model at 24, 32 and 40 px (its misreads too change with the scale: 磊 read 蒙 at 24 px and right
 * at 32 and 40), then best_int on black and white at 40 px, which drops the security print.
 */
const SECOND_OPINION: readonly Look[] = [
  { height: 24, render: 'grey', model: LARGER_MODEL },
  { height: 32, render: 'grey', model: LARGER_MODEL },
  { height: 40, render: 'grey', model: LARGER_MODEL },
  { height: 40, render: 'binary' },
]
/**
 * Dates: 32 px grey and 32 px black and white. The grey crop reads the security print of ID cards
 * and certificates as strokes; the thresholded one does not, but loses thin strokes when blurred,
 * so each is one vote beside the page pass.
 */
const DATE_LOOKS: readonly Look[] = [grey(32), { height: 32, render: 'binary' }]

const chiLine = (extendRight = 2, looks: readonly Look[] = [grey(48)]): FieldRead => ({ language: 'chi_sim+eng', extendRight, looks })
const name = (kind: 'person' | 'organisation'): FieldRead => ({
  ...chiLine(2, NAME_LOOKS),
  secondOpinion: SECOND_OPINION,
  kind,
  ...(kind === 'person' ? { confirmLooks: 1 } : {}),
})
const date = (minWidth: number): FieldRead => ({
  language: 'chi_sim+eng',
  whitelist: DATE_WHITELIST,
  extendRight: 1.5,
  looks: DATE_LOOKS,
  minWidth,
})

export const FIELD_READS: Readonly<Record<string, FieldRead>> = {
  creditCode: { language: 'eng', whitelist: USCC_ALPHABET, extendRight: 1.5, looks: [grey(48)], minWidth: 18 },
  idNumber: { language: 'eng', whitelist: '0123456789X', extendRight: 1.5, looks: [grey(48)], minWidth: 20 },
  licenceNumber: { language: 'eng', whitelist: '0123456789', extendRight: 1.5, looks: [grey(48)], minWidth: 12 },
  // 注册号 of licences before 2015 (15 digits, GB/T ISO 7064 check digit) or older (13 digits, none).
  registrationNumber: { language: 'eng', whitelist: '0123456789', extendRight: 1.5, looks: [grey(48)], minWidth: 15 },
  establishedOn: date(9),
  birthDate: date(9),
  registeredOn: date(9),
  expiresOn: date(9),
  term: date(16),
  personName: name('person'),
  legalRepresentative: name('person'),
  entityName: name('organisation'),
  domainOwner: name('organisation'),
  issuer: chiLine(),
  entityType: chiLine(),
  // Little extra width: right of an ID card's address is its photo, whose edges read as 4, 1 or 和.
  address: chiLine(0.4),
  // Read with its label and without a whitelist: with one, tesseract gives the value no confidence
  // (0 for every character), so a right reading could not be told from a guess. The 56 names are
  // the vocabulary the interpretation keeps (interpret.ts).
  ethnicity: {
    language: 'chi_sim+eng',
    // From the label's start: the label (two characters and a gap), the gap to the value and the
    // longest name (柯尔克孜), with no room for the photo beyond.
    extendRight: 9,
    looks: [grey(32), grey(48)],
    withLabel: true,
  },
  sex: { language: 'chi_sim+eng', whitelist: '男女', extendRight: 0.6, looks: [grey(48)] },
  domain: { language: 'eng', whitelist: 'abcdefghijklmnopqrstuvwxyz0123456789.-', extendRight: 1.5, looks: [grey(48)], minWidth: 8 },
}
