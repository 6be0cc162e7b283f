/**
 * The one message catalogue of the interface: every string a user sees in the window or the menu,
 * Simplified Chinese first, English second. Split by screen into files under messages/, joined
 * here; a duplicated key is a type error (the spread would silently override it) and a test.
 */
import { pick, type Language, type Message } from './language'
import { batchMessages } from './messages/batch'
import { caseFormMessages } from './messages/case-form'
import { caseListMessages } from './messages/cases'
import { checksMessages } from './messages/checks'
import { commonMessages } from './messages/common'
import { errorMessages } from './messages/errors'
import { fleetMessages } from './messages/fleet'
import { menuMessages } from './messages/menu'
import { outputMessages } from './messages/output'
import { reviewKeysMessages } from './messages/review-keys'
import { scanMessages } from './messages/scans'

/** The parts of the catalogue, for the duplicate-key test. */
export const catalogueParts = {
  commonMessages,
  caseListMessages,
  caseFormMessages,
  checksMessages,
  errorMessages,
  menuMessages,
  scanMessages,
  outputMessages,
  fleetMessages,
  reviewKeysMessages,
  batchMessages,
} as const

/** Every message by key. */
export const messages = {
  ...commonMessages,
  ...caseListMessages,
  ...caseFormMessages,
  ...checksMessages,
  ...errorMessages,
  ...menuMessages,
  ...scanMessages,
  ...outputMessages,
  ...fleetMessages,
  ...reviewKeysMessages,
  ...batchMessages,
} as const satisfies Record<string, Message>

/** A key of the catalogue; a typo is a type error. */
export type MessageKey = keyof typeof messages

/** The text of a catalogue message in a language, with `{name}` placeholders filled. */
export function translate(language: Language, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return pick(messages[key], language, params)
}
