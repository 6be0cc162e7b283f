/**
 * case.json text without recursion. JSON.parse reads any nesting, but JSON.stringify (and the
 * structured clone behind IPC) overflow the stack on a value nested ~10,000 deep, and an indented
 * dump of such a value is quadratic in size (20,000 levels: 800 MB of spaces). A case.json carrying
 * such a key (a tool's bug, or a hostile file) must still open and save, so:
 *
 * - caseJson writes exactly JSON.stringify(value, null, 2) for the first PRETTY_DEPTH levels (every
 *   real case) and compact JSON below, iteratively;
 * - deepParts finds the values a window may not receive (below WINDOW_DEPTH), so the workspace can
 *   hold them back and put them back from disk when the window saves.
 */

/** Levels written indented; a real case is about ten levels deep (documents → extracted → fields → …). */
export const PRETTY_DEPTH = 32
/** Containers at this depth and below are held back from the window (structured clone is recursive). */
export const WINDOW_DEPTH = 48

type Key = string | number
type Frame = {
  readonly open: object
  readonly keys: readonly Key[] | null
  readonly values: readonly unknown[]
  i: number
  readonly depth: number
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}

/** What JSON.stringify would write for a leaf, or undefined when it skips the value. */
function leaf(value: unknown): string | undefined {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null'
    case 'boolean':
      return value ? 'true' : 'false'
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt')
    default:
      return undefined // undefined, functions, symbols
  }
}

function prepared(value: unknown): unknown {
  const toJSON = isContainer(value) ? (value as { toJSON?: unknown }).toJSON : undefined
  return typeof toJSON === 'function' ? (toJSON as () => unknown).call(value) : value
}

/** JSON.stringify(value, null, 2) + "\n" for the first PRETTY_DEPTH levels, compact below; any depth. */
export function caseJson(value: unknown): string {
  const out: string[] = []
  const stack: Frame[] = []
  const open = new Set<object>()
  const pad = (depth: number) => '  '.repeat(depth)

  const push = (raw: unknown, depth: number, inArray: boolean): boolean => {
    const v = prepared(raw)
    if (!isContainer(v)) {
      const text = leaf(v)
      if (text === undefined) {
        if (!inArray) return false
        out.push('null')
      } else out.push(text)
      return true
    }
    if (open.has(v)) throw new TypeError('Converting circular structure to JSON')
    open.add(v)
    if (Array.isArray(v)) {
      stack.push({ open: v, keys: null, values: v, i: 0, depth })
      out.push('[')
    } else {
      const keys: string[] = []
      const values: unknown[] = []
      for (const key of Object.keys(v)) {
        const child = prepared((v as Record<string, unknown>)[key])
        if (!isContainer(child) && leaf(child) === undefined) continue
        keys.push(key)
        values.push(child)
      }
      stack.push({ open: v, keys, values, i: 0, depth })
      out.push('{')
    }
    return true
  }

  push(value, 0, false)
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame
    const pretty = frame.depth < PRETTY_DEPTH
    if (frame.i >= frame.values.length) {
      stack.pop()
      open.delete(frame.open)
      const close = frame.keys === null ? ']' : '}'
      out.push(frame.values.length > 0 && pretty ? `\n${pad(frame.depth)}${close}` : close)
      continue
    }
    const i = frame.i
    frame.i += 1
    const separator = i > 0 ? ',' : ''
    out.push(pretty ? `${separator}\n${pad(frame.depth + 1)}` : separator)
    if (frame.keys !== null) out.push(`${JSON.stringify(frame.keys[i])}${pretty ? ': ' : ':'}`)
    push(frame.values[i], frame.depth + 1, frame.keys === null)
  }
  out.push('\n')
  return out.join('')
}

/** One value held back from the window: where it sits and what it is. */
export interface DeepPart {
  readonly path: readonly Key[]
  readonly value: unknown
}

/** Every container at WINDOW_DEPTH (the outermost ones only), with its path; iterative. */
export function deepParts(value: unknown, limit: number = WINDOW_DEPTH): DeepPart[] {
  const found: DeepPart[] = []
  const stack: Array<{ value: unknown; path: Key[] }> = [{ value, path: [] }]
  while (stack.length > 0) {
    const { value: v, path } = stack.pop() as { value: unknown; path: Key[] }
    if (!isContainer(v)) continue
    if (path.length >= limit) {
      found.push({ path, value: v })
      continue
    }
    if (Array.isArray(v)) v.forEach((child, i) => stack.push({ value: child, path: [...path, i] }))
    else for (const [key, child] of Object.entries(v)) stack.push({ value: child, path: [...path, key] })
  }
  return found
}

function parentAt(root: unknown, path: readonly Key[]): Record<Key, unknown> | null {
  let at: unknown = root
  for (const key of path.slice(0, -1)) {
    if (!isContainer(at)) return null
    at = (at as Record<Key, unknown>)[key]
  }
  return isContainer(at) ? (at as Record<Key, unknown>) : null
}

/** A copy of `value` without its deep parts (removed from objects, null in arrays), for the window. */
export function withoutDeepParts<T>(value: T, parts: readonly DeepPart[]): T {
  if (parts.length === 0) return value
  const copy = structuredCloneShallowPaths(value, parts)
  for (const part of parts) {
    const parent = parentAt(copy, part.path)
    const key = part.path[part.path.length - 1] as Key
    if (!parent) continue
    if (Array.isArray(parent)) parent[key as number] = null
    else delete parent[key]
  }
  return copy
}

/**
 * Puts deep parts (read from disk) back into a case the window sent, where the window left their
 * place empty: a key it does not have, or the null it was given in an array.
 */
export function withDeepParts<T>(value: T, parts: readonly DeepPart[]): T {
  if (parts.length === 0) return value
  const copy = structuredCloneShallowPaths(value, parts)
  for (const part of parts) {
    const parent = parentAt(copy, part.path)
    const key = part.path[part.path.length - 1] as Key
    if (!parent) continue
    if (Array.isArray(parent) ? parent[key as number] === null : !Object.hasOwn(parent, key)) parent[key] = part.value
  }
  return copy
}

/** Copies only the containers on the way to each part, so editing them leaves `value` untouched. */
function structuredCloneShallowPaths<T>(value: T, parts: readonly DeepPart[]): T {
  const root: unknown = Array.isArray(value) ? [...value] : isContainer(value) ? { ...value } : value
  for (const part of parts) {
    let at = root as Record<Key, unknown>
    for (const key of part.path.slice(0, -1)) {
      const child = isContainer(at) ? at[key] : undefined
      if (!isContainer(child)) break
      const copied = Array.isArray(child) ? [...child] : { ...child }
      at[key] = copied
      at = copied as Record<Key, unknown>
    }
  }
  return root as T
}
