/**
 * One typed spec per field of a document kind: its printed labels, where its value lies from the
 * label, how its crop is read again, what proves it, and how one reading alone is interpreted (for
 * the agreement of independent readings, sureness.ts). The kinds' tables are in this folder
 * (business-licence.ts, id-card.ts, domain-certificate.ts): a newcomer finds the ID card's 有效期限
 * in id-card.ts. Labels themselves are data with their source (shared/data/document-labels.json).
 */
import type { DocumentKind, ExtractedFieldName } from '../../model/extracted'
import type { FieldRead } from '../field-reads'
import type { Alone, Proof } from '../sureness'

export interface FieldSpec {
  /** The field as `extract --json` prints it. */
  readonly field: ExtractedFieldName
  /**
   * The located region its readings come from (locate.ts, read-fields.ts): usually the field
   * itself; `term` for both ends of a validity range (营业期限 / 有效期限).
   */
  readonly region: string
  /** The printed labels that announce the region (document-labels.json). */
  readonly labels: readonly string[]
  /** Where the value lies from its label: on the label's row to its right, else in the rows below it. */
  readonly place: 'right-or-below'
  /** A value that wraps continues on the rows below while they start under it and carry no label. */
  readonly lines: 'one' | 'several'
  /** Printed as one run of characters: a lone character or two after a wide blank is something else (a photo's edge). */
  readonly continuous?: boolean
  /** How the region's crop is read again (field-reads.ts). */
  readonly read?: FieldRead
  /** What makes a value sure (sureness.ts). */
  readonly proof: Proof
  /** The value one reading alone gives, for the agreement of two (default: its text). */
  readonly alone?: Alone
  /** A one-line description for a reader of the table. */
  readonly about: string
}

export type KindSpecs = Readonly<Partial<Record<ExtractedFieldName, FieldSpec>>>

export type SpecKind = Extract<DocumentKind, 'business-licence' | 'id-card' | 'domain-certificate'>
