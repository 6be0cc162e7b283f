/**
 * The verified, atomic zip writer (read back with the standard `unzip` tool) and the PDF cleaner
 * for signed letters scanned to PDF.
 */
import { execFileSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PDFDocument } from '@cantoo/pdf-lib'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanPdf, PdfCleanError } from '../../../electron/services/package/pdf-clean'
import {
  removeStalePartials,
  verifyZip,
  writeVerifiedZip,
  ZipVerifyError,
  type ZipEntry,
} from '../../../electron/services/package/zip-writer'
import { cleanScratch, scratch } from '../../support/pack-fixtures'

const MTIME = new Date(2026, 11, 1, 0, 0, 0)

async function entries(): Promise<ZipEntry[]> {
  const jpeg = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#c03020' } })
    .jpeg()
    .toBuffer()
  return [
    { name: '01_主办单位证件_营业执照.jpg', data: jpeg, compress: false },
    { name: '报告.html', data: Buffer.from('<p>报告</p>'.repeat(200)), compress: true },
    { name: 'manifest.json', data: Buffer.from('{"a":1}\n'), compress: true },
  ]
}

afterAll(cleanScratch)

describe('writeVerifiedZip', () => {
  it('writes a zip that unzip reads with UTF-8 names, fixed times, and nothing left beside it', async () => {
    const dir = await scratch('icp-zip-')
    const out = path.join(dir, '备案包.zip')
    const list = await entries()
    const written = await writeVerifiedZip(out, list, { mtime: MTIME })
    expect(written.bytes).toBe((await readFile(out)).length)
    const names = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).trim().split('\n')
    expect(names).toEqual(list.map((e) => e.name))
    const verbose = execFileSync('unzip', ['-l', out], { encoding: 'utf8' })
    expect(verbose).toMatch(/2026-12-01 00:00|12-01-2026 00:00/)
    execFileSync('unzip', ['-q', out, '-d', path.join(dir, 'x')])
    expect(await readFile(path.join(dir, 'x', '01_主办单位证件_营业执照.jpg'))).toEqual(list[0]?.data)
    expect(await readdir(dir)).toEqual(['x', '备案包.zip'])
  })

  it('is byte-identical for the same entries', async () => {
    const dir = await scratch('icp-zip-')
    const list = await entries()
    await writeVerifiedZip(path.join(dir, 'a.zip'), list, { mtime: MTIME })
    await writeVerifiedZip(path.join(dir, 'b.zip'), list, { mtime: MTIME })
    expect((await readFile(path.join(dir, 'a.zip'))).equals(await readFile(path.join(dir, 'b.zip')))).toBe(true)
  })

  it('leaves the old file and no temporary file when aborted', async () => {
    const dir = await scratch('icp-zip-')
    const out = path.join(dir, 'pkg.zip')
    await writeFile(out, 'previous export')
    const controller = new AbortController()
    const run = writeVerifiedZip(out, await entries(), {
      mtime: MTIME,
      signal: controller.signal,
      onStage: (stage) => stage === 'verify' && controller.abort(new Error('stop')),
    })
    await expect(run).rejects.toThrow()
    expect(await readFile(out, 'utf8')).toBe('previous export')
    expect(await readdir(dir)).toEqual(['pkg.zip'])
  })

  it('notices a zip whose content is not what was meant to go in', async () => {
    const dir = await scratch('icp-zip-')
    const out = path.join(dir, 'pkg.zip')
    const list = await entries()
    await writeVerifiedZip(out, list, { mtime: MTIME })
    await expect(verifyZip(out, list)).resolves.toBeUndefined()
    const changed = list.map((e, i) => (i === 2 ? { ...e, data: Buffer.from('{"a":2}\n') } : e))
    await expect(verifyZip(out, changed)).rejects.toThrow(ZipVerifyError)
    await expect(verifyZip(out, list.slice(0, 2))).rejects.toThrow(ZipVerifyError)
    const bytes = await readFile(out)
    const inside = bytes.indexOf(Buffer.from([0xff, 0xd8, 0xff])) + 200 // inside the stored JPEG
    bytes[inside] = (bytes[inside] as number) ^ 0xff
    await writeFile(out, bytes)
    await expect(verifyZip(out, list)).rejects.toThrow()
  })

  it('removes partial files of exports that died, but not those of a running export', async () => {
    const dir = await scratch('icp-zip-')
    const out = path.join(dir, 'pkg.zip')
    const dead = `.pkg.zip.${2 ** 22 + 12345}.0a1b2c3d.partial`
    const running = `.pkg.zip.${process.pid}.0a1b2c3d.partial`
    const other = `.other.zip.${2 ** 22 + 12345}.0a1b2c3d.partial`
    for (const name of [dead, running, other]) await writeFile(path.join(dir, name), 'x')
    expect(await removeStalePartials(out)).toBe(1)
    expect((await readdir(dir)).sort()).toEqual([running, other].sort())
  })
})

describe('cleanPdf', () => {
  it('removes the document info, XMP and the page image’s EXIF, keeping the page image', async () => {
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#2060a0' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Scanner Owner' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 32/1 1000/100' } })
      .toBuffer()
    const doc = await PDFDocument.create()
    doc.setAuthor('Zhang San')
    doc.setCreator('ScanApp 3.1')
    const page = doc.addPage([300, 200])
    page.drawImage(await doc.embedJpg(photo), { x: 0, y: 0, width: 300, height: 200 })
    const dirty = Buffer.from(await doc.save())
    expect(dirty.includes(Buffer.from('Exif'))).toBe(true)
    const clean = await cleanPdf(dirty)
    expect(clean.includes(Buffer.from('Exif'))).toBe(false)
    expect(clean.includes(Buffer.from('Scanner Owner'))).toBe(false)
    const reloaded = await PDFDocument.load(clean, { updateMetadata: false })
    expect(reloaded.getAuthor()).toBeUndefined()
    expect(reloaded.getCreator()).toBeUndefined()
    expect(reloaded.getPageCount()).toBe(1)
    const start = clean.indexOf(Buffer.from([0xff, 0xd8, 0xff]))
    const end = clean.indexOf(Buffer.from([0xff, 0xd9]), start) + 2
    expect((await sharp(clean.subarray(start, end)).metadata()).width).toBe(300)
    expect((await cleanPdf(dirty)).equals(clean)).toBe(true)
  })

  it('refuses what is not a readable PDF with a PdfCleanError', async () => {
    await expect(cleanPdf(Buffer.from('%PDF-1.7 garbage'))).rejects.toThrow(PdfCleanError)
  })
})
