/**
 * Can a file be written into this folder? Asked before any work is done (pack, letter), so an
 * output the user cannot write fails at once with a reason in Chinese and English — not after every
 * image was processed, and not with the name of a temporary file the user never chose.
 */
import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import path from 'node:path'

export type OutputFolderReason = 'missing' | 'not-a-folder' | 'not-writable'

export interface OutputFolderProblem {
  readonly reason: OutputFolderReason
  /** The folder concerned (the nearest existing one when the output may create folders). */
  readonly folder: string
  readonly message: string
  readonly messageEn: string
}

/** The bilingual problem for a reason; one wording for every command. */
export function outputFolderProblem(reason: OutputFolderReason, folder: string): OutputFolderProblem {
  const text: Record<OutputFolderReason, [string, string]> = {
    missing: [`输出文件夹不存在：${folder}`, `The output folder does not exist: ${folder}`],
    'not-a-folder': [`输出位置不是文件夹：${folder}`, `The output location is not a folder: ${folder}`],
    'not-writable': [`没有权限写入输出文件夹：${folder}`, `The output folder is not writable: ${folder}`],
  }
  const [message, messageEn] = text[reason]
  return { reason, folder, message, messageEn }
}

/** The reason an errno from stat/access/open/rename on the output means, or null for another error. */
export function outputReasonOf(error: unknown): OutputFolderReason | null {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ENOENT') return 'missing'
  if (code === 'ENOTDIR') return 'not-a-folder'
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'not-writable'
  return null
}

/**
 * Null when a file can be created in `folder`, else why not. With `create`, missing folders are
 * allowed (the command makes them): the nearest existing ancestor must then be a writable folder.
 */
export async function checkOutputFolder(folder: string, options: { create?: boolean } = {}): Promise<OutputFolderProblem | null> {
  let dir = path.resolve(folder)
  for (;;) {
    try {
      const info = await stat(dir)
      if (!info.isDirectory()) return outputFolderProblem('not-a-folder', dir)
      // W_OK alone is not enough: creating an entry also needs search (x) permission.
      await access(dir, constants.W_OK | constants.X_OK)
      return null
    } catch (error) {
      const reason = outputReasonOf(error) ?? 'not-writable'
      const parent = path.dirname(dir)
      if (reason === 'missing' && options.create === true && parent !== dir) {
        dir = parent
        continue
      }
      // stat says ENOTDIR when a component above is a file: name that file, the thing to fix.
      if (reason === 'not-a-folder') return outputFolderProblem('not-a-folder', await firstFile(dir))
      return outputFolderProblem(reason, dir)
    }
  }
}

/** The first component of `dir` that exists and is not a folder (or `dir` itself). */
async function firstFile(dir: string): Promise<string> {
  const parts = path.resolve(dir).split(path.sep)
  for (let i = 2; i <= parts.length; i += 1) {
    const at = parts.slice(0, i).join(path.sep) || path.sep
    const info = await stat(at).catch(() => null)
    if (info && !info.isDirectory()) return at
  }
  return dir
}
