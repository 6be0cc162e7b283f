/**
 * Numbers of identity documents other than the 居民身份证 (passports, 港澳/台湾 permits, foreigners'
 * permanent residence cards): a format check from data (id-document-formats.json), so that a
 * number like "12" no longer passes unchecked.
 */
import formats from '../data/id-document-formats.json' with { type: 'json' }
import { stripSpaces, toHalfWidth } from '../text/normalise'

export interface IdDocumentFormat {
  readonly idType: string
  readonly pattern: string
  readonly example: string
  readonly describe: string
  readonly describeEn: string
  readonly source: string
  readonly verified: boolean
}

export const ID_DOCUMENT_FORMATS: readonly IdDocumentFormat[] = formats.formats

/** Upper case, half-width, no spaces, brackets or hyphens (people type 「H 1234 5678」). */
export function normaliseIdDocumentNumber(value: string): string {
  return stripSpaces(toHalfWidth(value))
    .replace(/[-()（）]/g, '')
    .toUpperCase()
}

/** The format for an ID type, or undefined for types checked elsewhere (居民身份证) or unknown. */
export function idDocumentFormat(idType: string): IdDocumentFormat | undefined {
  return ID_DOCUMENT_FORMATS.find((f) => f.idType === idType.trim())
}

/** True when the number fits the document type's format (or the type has no format here). */
export function isIdDocumentNumber(idType: string, value: string): boolean {
  const format = idDocumentFormat(idType)
  return format === undefined || new RegExp(format.pattern).test(normaliseIdDocumentNumber(value))
}
