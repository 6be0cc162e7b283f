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
import { closeSync, constants, openSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { isSafeRelativePath } from '../../shared/model/paths'

/** Why a document's file cannot be used: a path outside the case, nothing there, or not a regular file. */
export type DocumentFileProblem = 'unsafe' | 'outside' | 'missing' | 'not-a-file'

export type DocumentFile = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly problem: DocumentFileProblem }

function inside(folder: string, target: string): boolean {
  return target.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)
}

/** Resolves `file` (as written in case.json) to a regular file inside `folder`, following links. */
export function resolveDocumentFile(folder: string, file: string): DocumentFile {
  if (!isSafeRelativePath(file)) return { ok: false, problem: 'unsafe' }
  let realFolder: string
  let real: string
  try {
    realFolder = realpathSync(folder)
  } catch {
    return { ok: false, problem: 'missing' }
  }
  try {
    real = realpathSync(path.join(folder, ...file.split('/')))
  } catch {
    return { ok: false, problem: 'missing' }
  }
  if (!inside(realFolder, real)) return { ok: false, problem: 'outside' }
  try {
    if (!statSync(real).isFile()) return { ok: false, problem: 'not-a-file' }
  } catch {
    return { ok: false, problem: 'missing' }
  }
  return { ok: true, path: real }
}

/** True when `file` can be opened for reading now (permissions, locks): what pack will do with it. */
export function canOpenForReading(file: string): boolean {
  try {
    // O_NONBLOCK: a FIFO swapped in after the regular-file check must not hang the check.
    closeSync(openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)))
    return true
  } catch {
    return false
  }
}
