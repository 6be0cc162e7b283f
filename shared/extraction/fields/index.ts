/** The field specs of every document kind extraction reads (types.ts). */
import type { DocumentKind } from '../../model/extracted'
import { BUSINESS_LICENCE } from './business-licence'
import { DOMAIN_CERTIFICATE } from './domain-certificate'
import { ID_CARD } from './id-card'
import type { FieldSpec, KindSpecs } from './types'

export type { FieldSpec, KindSpecs } from './types'

const BY_KIND: Readonly<Partial<Record<DocumentKind, KindSpecs>>> = {
  'business-licence': BUSINESS_LICENCE,
  'id-card': ID_CARD,
  'domain-certificate': DOMAIN_CERTIFICATE,
}

/** The specs of a kind's fields (none for a commitment letter or another page). */
export function specsOf(kind: DocumentKind): FieldSpec[] {
  return Object.values(BY_KIND[kind] ?? {}).filter((s): s is FieldSpec => s !== undefined)
}

/** The spec of one field of a kind. */
export function specOf(kind: DocumentKind, field: string): FieldSpec | undefined {
  return specsOf(kind).find((s) => s.field === field)
}

/** Regions of a kind whose value may wrap onto further rows. */
export function multiLineRegions(kind: DocumentKind): Set<string> {
  return new Set(
    specsOf(kind)
      .filter((s) => s.lines === 'several')
      .map((s) => s.region),
  )
}

/** Regions of a kind printed as one run of characters. */
export function continuousRegions(kind: DocumentKind): Set<string> {
  return new Set(
    specsOf(kind)
      .filter((s) => s.continuous === true)
      .map((s) => s.region),
  )
}
