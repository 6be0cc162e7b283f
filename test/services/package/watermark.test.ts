/**
 * The 「仅供备案使用」 watermark: placed only where the image has no ink (text, the emblem, the
 * portrait stay exactly as they were), only on ID images, reported when there is no room, and the
 * exported JPEGs still carry no EXIF. Ink is judged here independently of the code under test:
 * dark or strongly coloured pixels of the original.
 */
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { loadLetterFonts } from '../../../electron/services/letter/fonts'
import { packCase } from '../../../electron/services/package/pack-case'
import { applyWatermark, watermarkSpec, type Box } from '../../../electron/services/package/watermark'
import type { RawImage } from '../../../electron/services/package/scan-image'
import { ManifestSchema } from '../../../shared/package/manifest'
import { generateDocument, makeSponsorSet } from '../../generator/index'
import { cli } from '../../support/cli'
import { cleanScratch, scratch, tenDocuments, writeScannedCase } from '../../support/pack-fixtures'
import { jpegHeaderMarkers, makeScan } from '../../support/scan-images'

afterAll(cleanScratch)

async function raw(data: Buffer): Promise<RawImage> {
  const { data: pixels, info } = await sharp(data).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data: pixels, width: info.width, height: info.height }
}

/** Ink as a person would see it: dark (text, lines) or strongly coloured (emblem, seal, labels). */
function isInk(img: RawImage, i: number): boolean {
  const r = img.data[i * 3] as number
  const g = img.data[i * 3 + 1] as number
  const b = img.data[i * 3 + 2] as number
  return 0.299 * r + 0.587 * g + 0.114 * b < 120 || Math.max(r, g, b) - Math.min(r, g, b) > 90
}

const inside = (box: Box, x: number, y: number): boolean => x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height

const set = makeSponsorSet(41)

describe('applyWatermark', () => {
  const images: Array<[string, () => Promise<Buffer>]> = [
    ['ID front, 300 DPI', async () => (await generateDocument(set, { type: 'id-front', dpi: 300, format: 'png', seed: 1 })).data],
    ['ID back (national emblem)', async () => (await generateDocument(set, { type: 'id-back', dpi: 300, format: 'png', seed: 2 })).data],
    ['both sides on an A4 page', async () => (await generateDocument(set, { type: 'id-both', dpi: 200, format: 'png', seed: 3 })).data],
    ['phone photo of a card on a table', () => makeScan({ width: 3000, height: 2250, kind: 'id-front', exif: false })],
  ]

  it.each(images)('%s: drawn in a region with no prior ink, nothing else changed', { timeout: 30_000 }, async (_, make) => {
    const before = await raw(await make())
    const r = await applyWatermark(before)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const { box } = r
    expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= before.width && box.y + box.height <= before.height).toBe(true)
    let changed = 0
    let inkUnder = 0
    for (let y = 0; y < before.height; y += 1)
      for (let x = 0; x < before.width; x += 1) {
        const i = y * before.width + x
        const same = [0, 1, 2].every((c) => before.data[i * 3 + c] === r.image.data[i * 3 + c])
        if (!inside(box, x, y)) {
          if (!same) throw new Error(`pixel (${x}, ${y}) outside the watermark changed`)
          continue
        }
        if (!same) changed += 1
        if (isInk(before, i)) inkUnder += 1
      }
    // The watermark is there (a good share of its box is drawn) and covers no ink at all.
    expect(changed / (box.width * box.height)).toBeGreaterThan(0.1)
    expect(inkUnder).toBe(0)
  })

  it('never straddles the edge of a pale card on white paper (the card border is barely ink)', async () => {
    // A blank pale card just below the page centre: the place nearest the centre would cross its top edge.
    const card = { x: 250, y: 880, width: 700, height: 440 }
    const page = await sharp({ create: { width: 1200, height: 1700, channels: 3, background: { r: 246, g: 246, b: 244 } } })
      .composite([
        {
          input: Buffer.from(
            `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1700"><rect x="${card.x}" y="${card.y}" width="${card.width}" height="${card.height}" rx="24" fill="rgb(230,236,238)" stroke="rgb(205,212,216)" stroke-width="2"/></svg>`,
          ),
        },
      ])
      .png()
      .toBuffer()
    const r = await applyWatermark(await raw(page))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const b = r.box
    const overlapsCard = b.x < card.x + card.width && card.x < b.x + b.width && b.y < card.y + card.height && card.y < b.y + b.height
    const withinCard = b.x >= card.x && b.y >= card.y && b.x + b.width <= card.x + card.width && b.y + b.height <= card.y + card.height
    expect(!overlapsCard || withinCard).toBe(true)
  })

  it('leaves an image with no empty place untouched and says so', async () => {
    const lines = Array.from(
      { length: 40 },
      (_, i) => `${i} 公民身份号码 440305198506121234 住址 广东省深圳市南山区粤海街道科技园科苑路十五号`,
    )
    const busy = await raw(await makeScan({ width: 1200, height: 900, kind: 'plain', lines, exif: false, noise: 0 }))
    const dense = await sharp(busy.data, { raw: { width: 1200, height: 900, channels: 3 } })
      .composite([
        {
          input: Buffer.from(
            `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><rect width="1200" height="900" fill="none" stroke="#000" stroke-width="40" stroke-dasharray="3 9"/><g stroke="#111" stroke-width="3">${Array.from({ length: 60 }, (_, i) => `<line x1="0" y1="${i * 15}" x2="1200" y2="${i * 15 + 7}"/>`).join('')}</g></svg>`,
          ),
        },
      ])
      .removeAlpha()
      .raw()
      .toBuffer()
    const r = await applyWatermark({ data: dense, width: 1200, height: 900 })
    expect(r).toEqual({ ok: false, reason: 'no-room' })
  })

  it('takes its text from data the bundled font can draw', async () => {
    const spec = watermarkSpec()
    expect(spec.text).toBe('仅供备案使用')
    expect(spec.source).toMatch(/icp-rules\.md/)
    const fonts = await loadLetterFonts()
    for (const ch of spec.text) expect(fonts.metrics.has(ch, 'bold'), ch).toBe(true)
  })
})

describe('pack --watermark', () => {
  it('watermarks only the ID images, where nothing was printed, and still strips EXIF', { timeout: 120_000 }, async () => {
    const folder = await writeScannedCase(tenDocuments())
    const out = await scratch('icp-watermark-')
    const plainZip = path.join(out, 'plain.zip')
    const markedZip = path.join(out, 'marked.zip')
    const options = { provider: 'tencent', date: '2026-12-01', today: '2026-12-01' } as const
    const plain = await packCase(folder, { ...options, output: plainZip })
    const marked = await packCase(folder, { ...options, output: markedZip, watermark: true })
    expect([plain.ready, marked.ready]).toEqual([true, true])
    const manifest = ManifestSchema.parse(JSON.parse(execFileSync('unzip', ['-p', markedZip, 'manifest.json'], { encoding: 'utf8' })))
    const ids = manifest.files.filter((f) => f.role === 'principal-id' || f.role === 'manager-id')
    expect(ids.length).toBeGreaterThanOrEqual(2)
    for (const f of manifest.files) {
      if (ids.includes(f)) expect(f.processing.watermark?.text, f.name).toBe('仅供备案使用')
      else expect(f.processing.watermark, f.name).toBeUndefined()
    }
    // Without the option nothing changes: no watermark key at all.
    expect(plain.manifest?.files.every((f) => f.processing.watermark === undefined)).toBe(true)

    for (const f of ids) {
      const box = f.processing.watermark?.box
      if (!box) throw new Error(`${f.name}: no watermark box`)
      const jpeg = execFileSync('unzip', ['-p', markedZip, f.name], { maxBuffer: 64 << 20 })
      expect(jpegHeaderMarkers(jpeg), f.name).not.toContain('APP1')
      const other = execFileSync('unzip', ['-p', plainZip, f.name], { maxBuffer: 64 << 20 })
      const [a, b] = [await raw(jpeg), await raw(other)]
      expect([a.width, a.height]).toEqual([b.width, b.height])
      // Pixels changed in the watermark's box; elsewhere only JPEG noise; no ink of the original under it.
      let diffIn = 0
      let diffOut = 0
      let nIn = 0
      let inkUnder = 0
      for (let y = 0; y < a.height; y += 2)
        for (let x = 0; x < a.width; x += 2) {
          const i = y * a.width + x
          const d = Math.abs((a.data[i * 3] as number) - (b.data[i * 3] as number))
          if (inside(box, x, y)) {
            diffIn += d
            nIn += 1
            if (isInk(b, i)) inkUnder += 1
          } else diffOut += d
        }
      const nOut = (a.width * a.height) / 4 - nIn
      expect(diffIn / nIn, f.name).toBeGreaterThan(8)
      expect(diffOut / nOut, f.name).toBeLessThan(3)
      expect(inkUnder / nIn, f.name).toBeLessThan(0.002)
    }
  })

  it('is the CLI option --watermark', { timeout: 120_000 }, async () => {
    const folder = await writeScannedCase(tenDocuments().slice(0, 7))
    const zip = path.join(await scratch('icp-watermark-cli-'), 'p.zip')
    const r = await cli('pack', folder, '-o', zip, '--provider', 'huawei', '--watermark', '--json')
    expect(r.code, r.stderr).toBe(0)
    const files = (JSON.parse(r.stdout) as { manifest: { files: Array<{ role: string; processing: { watermark?: unknown } }> } }).manifest
      .files
    expect(files.filter((f) => f.processing.watermark).map((f) => f.role)).toEqual(['principal-id', 'manager-id'])
    expect((await readFile(zip)).length).toBeGreaterThan(0)
  })
})
