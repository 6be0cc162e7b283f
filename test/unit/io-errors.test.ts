import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../shared/ipc/errors'

/** The error a real file operation throws, to be sure the codes are the ones Node really gives. */
async function failureOf(operation: () => Promise<unknown>): Promise<unknown> {
  try {
    await operation()
  } catch (error) {
    return error
  }
  throw new Error('the operation did not fail')
}

describe('AppError.fromIo: a failed file operation in words', () => {
  it('names a missing file and a file standing where a folder should be, in both languages', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'io-errors-'))
    const missing = AppError.fromIo(await failureOf(() => readFile(path.join(dir, 'nope.json'))))
    expect(missing.code).toBe('io')
    expect(missing.message).toBe('读写文件失败：文件或文件夹不存在')
    expect(missing.messageEn).toBe('Reading or writing a file failed: the file or folder does not exist')

    await writeFile(path.join(dir, 'a-file'), 'x')
    const notDir = AppError.fromIo(await failureOf(() => writeFile(path.join(dir, 'a-file', 'inside.txt'), 'x')))
    expect(notDir.message).toContain('路径中的某一级不是文件夹')
    // No path (which may hold a customer's name) is echoed by a known code.
    expect(notDir.message).not.toContain(dir)
  })

  it('shows an unknown code as it is, a plain error by its message, and passes an AppError through', () => {
    expect(AppError.fromIo(Object.assign(new Error('x'), { code: 'EWEIRD' })).messageEn).toBe('Reading or writing a file failed: EWEIRD')
    expect(AppError.fromIo(new Error('boom')).message).toBe('读写文件失败：boom')
    const own = AppError.of('case-not-found')
    expect(AppError.fromIo(own)).toBe(own)
  })
})
