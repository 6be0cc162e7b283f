/**
 * Field paths as the rule engine writes them (`websites[0].manager.mobile`), turned into what the
 * form needs: a DOM id to jump to, the section a finding belongs to, and immutable updates.
 */

/** One step of a path: a key or an array index. */
export type PathPart = string | number
/** A parsed field path. */
export type Path = readonly PathPart[]

/** `websites[0].manager.mobile` → ['websites', 0, 'manager', 'mobile']. */
export function parsePath(field: string): Path {
  const parts: PathPart[] = []
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) parts.push(Number(match[2]))
    else if (match[1] !== undefined) parts.push(match[1])
  }
  return parts
}

/** ['websites', 0, 'manager'] → `websites[0].manager`. */
export function formatPath(path: Path): string {
  let out = ''
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`
  return out
}

/** The DOM id of a field or block: `field-websites-0-manager-mobile`. */
export function fieldDomId(field: string): string {
  return `field-${parsePath(field).join('-')}`
}

/** Where a finding belongs on the screen; null/unknown paths go to the materials group. */
export type SectionKey = 'filing' | 'sponsor' | 'principal' | `website-${number}` | 'materials'

/** The section a field path belongs to, for counts and ordering. */
export function sectionOf(field: string | null): SectionKey {
  if (field === null) return 'materials'
  const [head, index] = parsePath(field)
  if (head === 'sponsor') return 'sponsor'
  if (head === 'principal') return 'principal'
  if (head === 'websites' && typeof index === 'number') return `website-${index}`
  if (head === 'province' || head === 'filingType' || head === 'submissionDate' || head === 'remark') return 'filing'
  return 'materials'
}

/** Position of a section in the form, for ordering findings top to bottom. */
export function sectionRank(section: SectionKey): number {
  if (section === 'filing') return 0
  if (section === 'sponsor') return 1
  if (section === 'principal') return 2
  if (section === 'materials') return 100_000
  return 3 + Number(section.slice('website-'.length))
}

/** A copy of `root` with the value at `path` replaced (arrays and objects copied along the way). */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  const [head, ...rest] = path
  if (head === undefined) return value as T
  if (Array.isArray(root)) {
    const copy = [...root]
    copy[head as number] = setIn(copy[head as number], rest, value)
    return copy as T
  }
  const object = (root ?? {}) as Record<string, unknown>
  return { ...object, [head]: setIn(object[head as string], rest, value) } as T
}

/** The value at `path`, or undefined. */
export function getIn(root: unknown, path: Path): unknown {
  let current = root
  for (const part of path) {
    if (current === null || current === undefined) return undefined
    current = (current as Record<PathPart, unknown>)[part]
  }
  return current
}

/** The DOM id of a section's card, for the section list and for findings without a field of their own. */
export function sectionDomId(section: SectionKey): string {
  if (section === 'filing') return 'section-filing'
  if (section === 'materials') return 'section-materials'
  if (section === 'sponsor' || section === 'principal') return fieldDomId(section)
  return fieldDomId(`websites[${section.slice('website-'.length)}]`)
}

/** The element a finding's field path leads to: the field itself, else its nearest enclosing block. */
export function findTarget(field: string | null, doc: Document): HTMLElement | null {
  if (field === null) return null
  const parts = [...parsePath(field)]
  while (parts.length > 0) {
    const element = doc.getElementById(fieldDomId(formatPath(parts)))
    if (element) return element
    parts.pop()
  }
  return doc.getElementById(sectionDomId(sectionOf(field)))
}
