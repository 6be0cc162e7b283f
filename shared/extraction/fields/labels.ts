/** The printed labels of a region of a document kind, from document-labels.json (data with its source), and the spec builder over them. */
import labels from '../../data/document-labels.json' with { type: 'json' }
import { FIELD_READS } from '../field-reads'
import type { FieldSpec, SpecKind } from './types'

const TABLE = labels.fields as Record<string, Record<string, string[]>>

export function labelsOf(kind: SpecKind, region: string): readonly string[] {
  return TABLE[kind]?.[region] ?? []
}

/** The spec builder of one document kind: its labels from the data, the read of its region, values right or below. */
export function specBuilder(kind: SpecKind): (s: Omit<FieldSpec, 'labels' | 'read' | 'place'>) => FieldSpec {
  return (s) => ({
    ...s,
    labels: labelsOf(kind, s.region),
    place: 'right-or-below',
    ...(FIELD_READS[s.region] ? { read: FIELD_READS[s.region] } : {}),
  })
}
