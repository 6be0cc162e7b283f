/**
 * Reading a form field by the path the rules, the review and the report name it with
 * (`websites[0].manager.mobile`), so the three walk the case the same way.
 */
import type { Case } from './case'

/** Reads `a.b[2].c` from the case; undefined when a step is missing. */
export function valueAt(c: Case, path: string): unknown {
  let node: unknown = c
  for (const part of path.split(/\.|(?=\[)/)) {
    if (node === null || node === undefined) return undefined
    const index = /^\[(\d+)\]$/.exec(part)
    node = index ? (node as unknown[])[Number(index[1])] : (node as Record<string, unknown>)[part]
  }
  return node
}

/** The field's text, or null when it is not a string (blank strings are returned as they are). */
export function stringAt(c: Case, path: string): string | null {
  const v = valueAt(c, path)
  return typeof v === 'string' ? v : null
}
