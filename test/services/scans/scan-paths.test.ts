/**
 * Checking what the user dropped before anything is copied: real folders and files in a temp
 * directory — folders expanded (hidden entries and links skipped), files judged by their bytes,
 * empty, foreign, missing and relative paths refused with a reason, the case's own files refused,
 * duplicates dropped, and a drop of too many files stopped at the limit.
 */
import { mkdir, mkdtemp, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { scanImport } from '../../../electron/services/scans/import-limits'
import { collectScanFiles } from '../../../electron/services/scans/scan-paths'

async function jpeg(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#c83c28' } })
    .jpeg()
    .toBuffer()
}

async function fixture(): Promise<{ root: string; caseFolder: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'scan-paths-'))
  const caseFolder = path.join(root, 'case')
  await mkdir(path.join(caseFolder, 'scans'), { recursive: true })
  return { root, caseFolder }
}

describe('collectScanFiles', () => {
  it('expands folders in name order, skipping hidden entries, links and files that are not scans', async () => {
    const { root, caseFolder } = await fixture()
    const folder = path.join(root, '客户A')
    await mkdir(path.join(folder, '身份证'), { recursive: true })
    await mkdir(path.join(folder, '.cache'))
    const img = await jpeg()
    await writeFile(path.join(folder, '营业执照.jpg'), img)
    await writeFile(path.join(folder, '身份证', '正面.JPG'), img)
    await writeFile(path.join(folder, '.cache', 'x.jpg'), img)
    await writeFile(path.join(folder, '.DS_Store'), 'x')
    await writeFile(path.join(folder, '说明.docx'), 'x')
    await symlink(path.join(root), path.join(folder, 'loop'))
    const got = await collectScanFiles([folder], caseFolder)
    expect(got.files.map((f) => path.relative(folder, f))).toEqual([path.join('身份证', '正面.JPG'), '营业执照.jpg'])
    expect(got.refused).toEqual([expect.objectContaining({ name: '客户A', message: expect.stringContaining('1 个文件不是扫描件') })])
  })

  it('judges a file by its bytes, not its name, and says why each one is refused', async () => {
    const { root, caseFolder } = await fixture()
    const disguised = path.join(root, 'scan.dat')
    await writeFile(disguised, await jpeg())
    const text = path.join(root, '备注.jpg')
    await writeFile(text, '不是图片')
    const empty = path.join(root, 'empty.png')
    await writeFile(empty, '')
    const huge = path.join(root, 'huge.tif')
    await writeFile(huge, Buffer.from([0x49, 0x49, 0x2a, 0]))
    await truncate(huge, scanImport.maxFileBytes + 1)
    const got = await collectScanFiles(
      [disguised, text, empty, huge, path.join(root, 'gone.jpg'), 'relative/x.jpg', '/dev/null', `${root}/a\0b.jpg`],
      caseFolder,
    )
    expect(got.files).toEqual([disguised])
    expect(got.refused.map((r) => [r.name, r.messageEn])).toEqual([
      ['备注.jpg', 'not an image or PDF scan'],
      ['empty.png', 'the file is empty'],
      ['huge.tif', 'too large (over 100 MB) to be a usable scan'],
      ['gone.jpg', 'file not found'],
      ['x.jpg', 'not a valid file path'],
      ['null', 'not a regular file'],
      ['a\0b.jpg', 'not a valid file path'],
    ])
    // People read names, never paths: nothing refused mentions the folder it came from.
    for (const r of got.refused) expect(`${r.message} ${r.messageEn}`).not.toContain(root)
  })

  it("refuses the case's own files and counts a file dropped twice once", async () => {
    const { root, caseFolder } = await fixture()
    const own = path.join(caseFolder, 'scans', 'licence.jpg')
    await writeFile(own, await jpeg())
    const outside = path.join(root, 'id.jpg')
    await writeFile(outside, await jpeg())
    const got = await collectScanFiles([own, outside, outside, path.join(root, '.', 'id.jpg'), caseFolder], caseFolder)
    expect(got.files).toEqual([outside])
    expect(got.refused.map((r) => r.messageEn)).toEqual(['already a scan of this case', 'already a scan of this case'])
  })

  it('stops a drop of too many files at the limit, saying how many were left out', async () => {
    const { root, caseFolder } = await fixture()
    const folder = path.join(root, 'many')
    await mkdir(folder)
    const img = await jpeg()
    const n = scanImport.maxFilesPerAdd + 3
    for (let i = 0; i < n; i += 1) await writeFile(path.join(folder, `${String(i).padStart(4, '0')}.jpg`), img)
    const got = await collectScanFiles([folder], caseFolder)
    expect(got.files).toHaveLength(scanImport.maxFilesPerAdd)
    expect(got.refused.map((r) => r.messageEn)).toEqual([`at most ${scanImport.maxFilesPerAdd} files at a time; 3 more were not added`])
  })
})
