/**
 * The one way services turn a document path from case.json into a file to read.
 *
 * A relative path without `..` (isSafeRelativePath) is not enough: `scans/x.jpg` may be a
 * symbolic link to another person's ID scan, to /dev/zero (a read that never ends) or to a named
 * pipe (a read that never returns), and `scans/` itself may be a link out of the case. So every
 * link is followed first and the real path must still lie inside the real case folder, and it must
 * be a regular file. check, extract-on-case, the letter analysis and pack all go through here, so a
 * file is either used by all of them or reported by all of them.
 */
import { closeSync, constants, existsSync, openSync, readdirSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { isSafeRelativePath } from '../../../shared/model/paths'

/** Why a document's file cannot be used: a path outside the case, nothing there, or not a regular file. */
export type DocumentFileProblem = 'unsafe' | 'outside' | 'missing' | 'not-a-file'

/**
 * `path`: the real path as text (for messages and keys). `fsPath`: what to hand to fs to read it —
 * the same string, or the exact bytes when a name on disk is not UTF-8 (see namesOnDisk below).
 */
export type DocumentFile =
  | { readonly ok: true; readonly path: string; readonly fsPath: string | Buffer }
  | { readonly ok: false; readonly problem: DocumentFileProblem }

function inside(folder: string, target: string): boolean {
  return target.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })
const GB18030 = new TextDecoder('gb18030', { fatal: true })

/**
 * The name case.json uses for a file whose name on disk is not UTF-8: its GB18030 reading (a zip
 * made on Chinese Windows stores GBK names, which unzip writes as they are), or, when the bytes are
 * not GB18030 either, the name with each byte above 0x7F written as %XX. UTF-8 names are themselves.
 */
export function diskNameText(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes)
  } catch {
    // not UTF-8: one of the legacy readings below
  }
  try {
    return GB18030.decode(bytes)
  } catch {
    return [...bytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('')
  }
}

/**
 * The bytes of `folder/file` on disk when some name along the way is not UTF-8 and case.json names
 * it by diskNameText; null when no such file. Only taken when the UTF-8 path does not exist.
 */
function namesOnDisk(folder: string, file: string): Buffer | null {
  let at = Buffer.from(folder)
  for (const part of file.split('/')) {
    const direct = Buffer.concat([at, Buffer.from(path.sep), Buffer.from(part)])
    if (existsSync(direct)) {
      at = direct
      continue
    }
    let entries: Buffer[]
    try {
      entries = readdirSync(at, { encoding: 'buffer' })
    } catch {
      return null
    }
    const hit = entries.find((e) => diskNameText(e) === part && !isUtf8(e))
    if (!hit) return null
    at = Buffer.concat([at, Buffer.from(path.sep), hit])
  }
  return at
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    UTF8.decode(bytes)
    return true
  } catch {
    return false
  }
}

/** Resolves `file` (as written in case.json) to a regular file inside `folder`, following links. */
export function resolveDocumentFile(folder: string, file: string): DocumentFile {
  if (!isSafeRelativePath(file)) return { ok: false, problem: 'unsafe' }
  let realFolder: string
  let real: string | Buffer
  try {
    realFolder = realpathSync(folder)
  } catch {
    return { ok: false, problem: 'missing' }
  }
  try {
    real = realpathSync(path.join(folder, ...file.split('/')))
  } catch {
    // A name that is not UTF-8 on disk (a GBK name from a Windows zip) is found by its bytes.
    const bytes = namesOnDisk(folder, file)
    if (bytes === null) return { ok: false, problem: 'missing' }
    try {
      // .native: the JS realpath turns a Buffer into text on the way and loses the bytes.
      real = realpathSync.native(bytes, { encoding: 'buffer' })
    } catch {
      return { ok: false, problem: 'missing' }
    }
  }
  const text = typeof real === 'string' ? real : diskPathText(real)
  if (!inside(realFolder, text)) return { ok: false, problem: 'outside' }
  try {
    if (!statSync(real).isFile()) return { ok: false, problem: 'not-a-file' }
  } catch {
    return { ok: false, problem: 'missing' }
  }
  return { ok: true, path: text, fsPath: real }
}

/** A path of bytes as text, each name read by diskNameText. */
function diskPathText(bytes: Buffer): string {
  const parts: Buffer[] = []
  let start = 0
  const sep = path.sep.charCodeAt(0)
  for (let i = 0; i <= bytes.length; i += 1)
    if (i === bytes.length || bytes[i] === sep) {
      parts.push(bytes.subarray(start, i))
      start = i + 1
    }
  return parts.map(diskNameText).join(path.sep)
}

/** True when `file` can be opened for reading now (permissions, locks): what pack will do with it. */
export function canOpenForReading(file: string | Buffer): boolean {
  try {
    // O_NONBLOCK: a FIFO swapped in after the regular-file check must not hang the check.
    closeSync(openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)))
    return true
  } catch {
    return false
  }
}
