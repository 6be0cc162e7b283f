/** The printed labels of a region of a document kind, from document-labels.json (data with its source). */
import labels from '../../data/document-labels.json' with { type: 'json' }
import type { SpecKind } from './types'

const TABLE = labels.fields as Record<string, Record<string, string[]>>

export function labelsOf(kind: SpecKind, region: string): readonly string[] {
  return TABLE[kind]?.[region] ?? []
}
