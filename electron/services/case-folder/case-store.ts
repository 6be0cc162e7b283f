/**
 * Reading and writing a case folder: `case.json` plus its scans.
 *
 * Loading never throws for a bad file: it returns a reason a person can act on (not found, not
 * JSON, wrong shape, written by a newer version), because a broken case must not take the rest
 * of the app or a batch run down with it.
 */
import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '../../../shared/ipc/errors'
import { caseJson } from '../../../shared/model/case-json'
import { isNewerCase, parseCase, type Case } from '../../../shared/model/case'
import type { FileFacts } from '../../../shared/rules/context'
import { writeFileAtomic } from './atomic-file'
import { canOpenForReading, resolveDocumentFile } from './case-files'
import { caseReadProblem, caseText, printable } from '../case-file-text'
import { rememberWritten, snapshotBeforeSave } from './case-history'

export const CASE_FILE = 'case.json'
/** A case.json is a few kilobytes; anything this large is not one. */
const MAX_CASE_BYTES = 20 * 1024 * 1024

export type LoadFailure = 'not-found' | 'too-large' | 'unreadable' | 'not-utf8' | 'not-json' | 'invalid'

export type LoadResult =
  | {
      ok: true
      case: Case
      folder: string
      file: string
      /** SHA-256 of the case.json bytes read: a save refuses to replace anything else (saveCase `expected`). */
      revision: string
      /** Written by a newer version of the app (only with `newer: true`): shown, never written back. */
      readOnly: boolean
    }
  | { ok: false; reason: LoadFailure; message: string; messageEn: string; problems: string[] }

/** Accepts a case folder or the path of its case.json. */
export function resolveCaseFile(target: string): { folder: string; file: string } {
  const resolved = path.resolve(target)
  const isFolder = existsSync(resolved) && statSync(resolved).isDirectory()
  if (!isFolder && resolved.endsWith('.json')) return { folder: path.dirname(resolved), file: resolved }
  return { folder: resolved, file: path.join(resolved, CASE_FILE) }
}

function failure(reason: LoadFailure, message: string, messageEn: string, problems: string[] = []): LoadResult {
  return { ok: false, reason, message, messageEn, problems }
}

/** The revision of bytes as loadCase reports it. */
export function revisionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The revision of case.json as it is on disk now, or null when there is no such file. */
export async function currentRevision(file: string): Promise<string | null> {
  try {
    return revisionOf(await readFile(file))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** `newer`: load a case written by a newer version read-only instead of refusing it (the app does). */
export async function loadCase(target: string, options: { readonly newer?: boolean } = {}): Promise<LoadResult> {
  const { folder, file } = resolveCaseFile(target)
  let size: number
  try {
    const info = await stat(file)
    if (!info.isFile()) return failure('not-found', `找不到案件文件 ${file}`, `No case file at ${file}`)
    size = info.size
  } catch {
    return failure('not-found', `找不到案件文件 ${file}`, `No case file at ${file}`)
  }
  if (size > MAX_CASE_BYTES)
    return failure(
      'too-large',
      `案件文件过大（${size} 字节），不是有效的 case.json`,
      `The case file is too large (${size} bytes) to be a case.json`,
    )
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    // No read permission is its own reason (case-file-text.ts), not "not valid JSON".
    const problem = caseReadProblem(file, error)
    if (problem) return failure(problem.reason, problem.message, problem.messageEn)
    const detail = error instanceof Error ? error.message : String(error)
    return failure('unreadable', `无法读取案件文件：${detail}`, `The case file cannot be read: ${detail}`)
  }
  const text = caseText(file, bytes)
  if (!text.ok) return failure(text.problem.reason, text.problem.message, text.problem.messageEn)
  let data: unknown
  let revision: string
  try {
    revision = revisionOf(bytes)
    data = JSON.parse(text.text)
  } catch (error) {
    const detail = printable(error instanceof Error ? error.message : String(error))
    return failure('not-json', `案件文件不是有效的 JSON：${detail}`, `The case file is not valid JSON: ${detail}`)
  }
  const parsed = parseCase(data, { newer: options.newer === true })
  if (!parsed.ok) {
    return failure(
      'invalid',
      `案件文件的结构不正确：${parsed.problems.slice(0, 5).join('；')}`,
      `The case file has the wrong shape: ${parsed.problems.slice(0, 5).join('; ')}`,
      parsed.problems,
    )
  }
  return { ok: true, case: parsed.case, folder, file, revision, readOnly: isNewerCase(parsed.case) }
}

/**
 * Saves atomically: a crash leaves the old or the new case.json, never a mix. The state being
 * replaced is kept in the case's history (case-history.ts) so a bad edit can be undone later.
 *
 * With `expected` (the revision the change was made from) the save is refused with
 * case-changed-on-disk when case.json holds anything else — checked before the snapshot and again
 * just before the rename, so a change made meanwhile by another window, the CLI or an editor is
 * never overwritten. A case of a newer version is never written (case-read-only). Returns the
 * revision written.
 */
export async function saveCase(
  folder: string,
  c: Case,
  now: Date = new Date(),
  options: { readonly expected?: string } = {},
): Promise<string> {
  if (isNewerCase(c)) throw AppError.of('case-read-only')
  const file = path.join(folder, CASE_FILE)
  const expected = options.expected
  const unchanged = async (): Promise<void> => {
    if (expected !== undefined && (await currentRevision(file)) !== expected) throw AppError.of('case-changed-on-disk')
  }
  await unchanged()
  await snapshotBeforeSave(folder, file, now)
  const text = caseJson(c)
  await writeFileAtomic(file, text, expected !== undefined ? { beforeRename: unchanged } : {})
  const revision = revisionOf(Buffer.from(text, 'utf8'))
  rememberWritten(file, revision)
  return revision
}

/**
 * Which document files can be used, for the document-file-missing, -unreadable and document-path-unsafe rules:
 * the same resolution (links followed, inside the case, a regular file) every service reads through.
 */
export function caseFileFacts(folder: string): FileFacts {
  // One check run asks about each file several times (exists, inside, readable, per rule): resolve
  // each once per run (the case list checks hundreds of cases in a row).
  const resolved = new Map<string, ReturnType<typeof resolveDocumentFile>>()
  const opened = new Map<string, boolean>()
  const resolve = (file: string) => {
    let r = resolved.get(file)
    if (r === undefined) {
      r = resolveDocumentFile(folder, file)
      resolved.set(file, r)
    }
    return r
  }
  return {
    exists: (file: string): boolean => resolve(file).ok,
    inside(file: string): boolean {
      const r = resolve(file)
      return r.ok || (r.problem !== 'outside' && r.problem !== 'unsafe')
    },
    // Opened, not just stat'ed: a chmod-000 scan exists but pack cannot read it.
    readable(file: string): boolean {
      const r = resolve(file)
      if (!r.ok) return false
      let ok = opened.get(file)
      if (ok === undefined) {
        ok = canOpenForReading(r.fsPath)
        opened.set(file, ok)
      }
      return ok
    },
  }
}
