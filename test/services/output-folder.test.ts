/**
 * The output-folder check pack and letter make before any work (issue 13 item 14), on real paths.
 * The not-writable branch needs a user who lacks the permission: as root that is only possible
 * through another process, so test/cli/pack.test.ts and letter.test.ts run the CLI as `nobody`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkOutputFolder, outputReasonOf } from '../../electron/services/output-folder'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-output-folder-'))
  await writeFile(path.join(dir, 'file'), 'x')
  await mkdir(path.join(dir, 'sub'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('checkOutputFolder', () => {
  it('accepts a writable folder, and missing folders below one when they may be created', async () => {
    expect(await checkOutputFolder(path.join(dir, 'sub'))).toBeNull()
    expect(await checkOutputFolder(path.join(dir, 'a', 'b', 'c'), { create: true })).toBeNull()
  })

  it('names a missing folder when it must exist', async () => {
    expect(await checkOutputFolder(path.join(dir, 'missing'))).toMatchObject({
      reason: 'missing',
      folder: path.join(dir, 'missing'),
      message: `输出文件夹不存在：${path.join(dir, 'missing')}`,
      messageEn: `The output folder does not exist: ${path.join(dir, 'missing')}`,
    })
  })

  it('names the file standing where a folder should be, however deep below it the output is', async () => {
    const file = path.join(dir, 'file')
    for (const target of [file, path.join(file, 'x'), path.join(file, 'x', 'y')])
      for (const create of [false, true])
        expect(await checkOutputFolder(target, { create })).toMatchObject({ reason: 'not-a-folder', folder: file })
  })

  it('maps the errno of a real failed write to its reason', async () => {
    const failure = (p: Promise<unknown>): Promise<unknown> =>
      p.then(
        () => null,
        (e: unknown) => e,
      )
    expect(outputReasonOf(await failure(writeFile(path.join(dir, 'missing', 'x'), '')))).toBe('missing')
    expect(outputReasonOf(await failure(writeFile(path.join(dir, 'file', 'x'), '')))).toBe('not-a-folder')
    // sysfs lets nobody, root included, create a file: a real EACCES (EROFS where mounted read-only).
    if (process.platform === 'linux') expect(outputReasonOf(await failure(writeFile('/sys/icp-prep-probe', '')))).toBe('not-writable')
    expect(outputReasonOf(new Error('other'))).toBeNull()
  })
})
