/**
 * Image handling of the packager with real images: metadata stripping without touching pixels,
 * decoding every supported format upright, and fitting to a size limit without falling below the
 * resolution floor.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { stackImages } from '../../../electron/services/package/combine'
import { fitImage, type FitLimits } from '../../../electron/services/package/fit-image'
import { hasJpegMetadata, JpegStructureError, jpegSegments, stripJpegMetadata } from '../../../electron/services/package/jpeg-markers'
import { loadScanImage, type RawImage } from '../../../electron/services/package/scan-image'
import { encodeBmp } from '../../generator/degrade'
import { chromaFraction, jpegHeaderMarkers, makeScan } from '../../support/scan-images'
import { cleanScratch, scratch } from '../../support/pack-fixtures'

let dir: string
let photo: Buffer // 4000×3000, ~5 MB, EXIF + GPS

beforeAll(async () => {
  dir = await scratch('icp-images-')
  photo = await makeScan({ width: 4000, height: 3000, kind: 'licence' })
})

async function file(name: string, data: Buffer): Promise<string> {
  const p = path.join(dir, name)
  await writeFile(p, data)
  return p
}

async function rawOf(jpeg: Buffer): Promise<Buffer> {
  return sharp(jpeg).raw().toBuffer()
}

/** A solid block image: `top` colour in the upper half, `bottom` in the lower. */
async function halves(width: number, height: number, top: string, bottom: string): Promise<Buffer> {
  const half = Math.floor(height / 2)
  const upper = await sharp({ create: { width, height: half, channels: 3, background: top } })
    .png()
    .toBuffer()
  return sharp({ create: { width, height, channels: 3, background: bottom } })
    .composite([{ input: upper, left: 0, top: 0 }])
    .png()
    .toBuffer()
}

async function pixel(img: RawImage, x: number, y: number): Promise<[number, number, number]> {
  const i = (y * img.width + x) * 3
  return [img.data[i] as number, img.data[i + 1] as number, img.data[i + 2] as number]
}

afterAll(cleanScratch)

describe('JPEG metadata stripping', () => {
  it('removes EXIF (with GPS), XMP, comments and trailing data, and leaves the image data byte for byte', async () => {
    expect(photo.length).toBeGreaterThan(3_000_000)
    expect(jpegHeaderMarkers(photo)).toContain('APP1')
    const exif = (await sharp(photo).metadata()).exif as Buffer
    expect(exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))).toBe(true) // GPS IFD pointer
    const withComment = await sharp(photo)
      .jpeg({ quality: 90 })
      .withMetadata()
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><x:note>owner</x:note></x:xmpmeta>')
      .toBuffer()
    const dirty = Buffer.concat([withComment, Buffer.from('trailing multi-picture data')])
    expect(hasJpegMetadata(dirty)).toBe(true)
    const clean = stripJpegMetadata(dirty)
    expect(hasJpegMetadata(clean)).toBe(false)
    expect(jpegHeaderMarkers(clean).filter((m) => m === 'APP1' || m === 'COM')).toEqual([])
    expect((await sharp(clean).metadata()).exif).toBeUndefined()
    expect((await sharp(clean).metadata()).xmp).toBeUndefined()
    expect(clean.includes(Buffer.from('Exif\0'))).toBe(false)
    expect(clean.includes(Buffer.from('trailing'))).toBe(false)
    expect((await rawOf(clean)).equals(await rawOf(dirty))).toBe(true)
    // The entropy-coded data is copied, not re-encoded.
    const sos = (b: Buffer) => jpegSegments(b).segments.find((s) => s.marker === 0xda)?.offset ?? 0
    expect(clean.subarray(sos(clean)).equals(withComment.subarray(sos(withComment)))).toBe(true)
  })

  it('keeps the ICC colour profile and handles progressive JPEGs', async () => {
    const progressive = await sharp(photo)
      .resize(800)
      .jpeg({ progressive: true })
      .withIccProfile('p3')
      .withExif({ IFD0: { Artist: 'x' } })
      .toBuffer()
    const clean = stripJpegMetadata(progressive)
    expect((await sharp(clean).metadata()).icc).toBeDefined()
    expect((await sharp(clean).metadata()).exif).toBeUndefined()
    expect((await rawOf(clean)).equals(await rawOf(progressive))).toBe(true)
  })

  it('refuses what is not a whole JPEG', () => {
    expect(() => jpegSegments(Buffer.from('not a jpeg'))).toThrow(JpegStructureError)
    expect(() => jpegSegments(photo.subarray(0, photo.length / 2))).toThrow(/truncated/)
  })
})

describe('loadScanImage', () => {
  it('turns a sideways phone photo upright from its EXIF orientation', async () => {
    const sideways = await sharp(await halves(400, 300, '#ff0000', '#0000ff'))
      .rotate(270)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer()
    expect((await sharp(sideways).metadata()).width).toBe(300)
    const loaded = await loadScanImage(await file('sideways.jpg', sideways))
    if (loaded.kind !== 'image') throw new Error(loaded.kind)
    expect([loaded.image.width, loaded.image.height]).toEqual([400, 300])
    expect(loaded.source).toMatchObject({ rotated: true, plainJpeg: false, format: 'jpeg', width: 300, height: 400 })
    const [r, , b] = await pixel(loaded.image, 200, 20)
    expect(r).toBeGreaterThan(200)
    expect(b).toBeLessThan(60)
  })

  it('decodes PNG with transparency onto white, greyscale and CMYK into 3-channel sRGB', async () => {
    const alpha = await sharp({ create: { width: 50, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer()
    const grey = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#808080' } })
      .toColourspace('b-w')
      .png()
      .toBuffer()
    const cmyk = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#c03020' } })
      .toColourspace('cmyk')
      .jpeg()
      .toBuffer()
    for (const [name, data, expected] of [
      ['alpha.png', alpha, [255, 255, 255]],
      ['grey.png', grey, [128, 128, 128]],
      ['cmyk.jpg', cmyk, [192, 48, 32]],
    ] as const) {
      const loaded = await loadScanImage(await file(name, data))
      if (loaded.kind !== 'image') throw new Error(`${name}: ${loaded.kind}`)
      expect(loaded.image.data.length, name).toBe(50 * 40 * 3)
      const px = await pixel(loaded.image, 25, 20)
      px.forEach((v, i) => expect(Math.abs(v - (expected[i] as number)), name).toBeLessThan(40))
    }
  })

  it('reads WebP, TIFF (first page, counting the rest), GIF and AVIF', async () => {
    const base = sharp({ create: { width: 64, height: 48, channels: 3, background: '#3060c0' } })
    const page = await base.clone().png().toBuffer()
    const tiff = await sharp([page, page, page], { join: { animated: true } })
      .tiff()
      .toBuffer()
    const inputs: Array<[string, Buffer]> = [
      ['a.webp', await base.clone().webp().toBuffer()],
      ['a.gif', await base.clone().gif().toBuffer()],
      ['a.avif', await base.clone().avif().toBuffer()],
      ['a.tif', tiff],
    ]
    for (const [name, data] of inputs) {
      const loaded = await loadScanImage(await file(name, data))
      expect(loaded.kind, name).toBe('image')
      if (loaded.kind === 'image') expect([loaded.image.width, loaded.image.height], name).toEqual([64, 48])
    }
    const multi = await loadScanImage(path.join(dir, 'a.tif'))
    expect(multi.kind === 'image' && multi.source.pages).toBe(3)
  })

  it('names the file and the reason for what it cannot decode, never throwing', async () => {
    const truncated = photo.subarray(0, Math.floor(photo.length * 0.6))
    const cases: Array<[string, Buffer, string]> = [
      ['truncated.jpg', truncated, 'package-image-unreadable'],
      ['text.jpg', Buffer.from('hello, not an image'), 'package-image-unreadable'],
      ['photo.heic', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]), 'package-image-unreadable'],
      ['scan.bmp', Buffer.concat([Buffer.from('BM'), Buffer.alloc(64)]), 'package-image-unreadable'],
      ['empty.pdf', Buffer.from('%PDF-1.7\n%…\n'), 'package-image-unreadable'],
    ]
    for (const [name, data, code] of cases) {
      const loaded = await loadScanImage(await file(name, data), `scans/${name}`)
      expect(loaded.kind, name).toBe('problem')
      if (loaded.kind === 'problem') {
        expect(loaded.code, name).toBe(code)
        expect(loaded.params.file).toBe(`scans/${name}`)
      }
    }
    const missing = await loadScanImage(path.join(dir, 'nope.jpg'))
    expect(missing).toMatchObject({
      kind: 'problem',
      code: 'package-image-unreadable',
      params: { reason: expect.stringContaining('ENOENT'), reasonEn: expect.stringContaining('ENOENT') },
    })
  })

  it('decodes a scanner PDF and a BMP through intake, and keeps the PDF for a provider that takes it', async () => {
    const jpeg = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#e8d0c0' } })
      .jpeg()
      .toBuffer()
    const { PDFDocument } = await import('@cantoo/pdf-lib')
    const doc = await PDFDocument.create()
    doc.addPage([595, 842]).drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: 595, height: 842 })
    const loaded = await loadScanImage(await file('letter.pdf', Buffer.from(await doc.save())))
    expect(loaded.kind).toBe('pdf')
    if (loaded.kind === 'pdf') expect([loaded.image.width, loaded.image.height]).toEqual([1240, 1754])
    const bmp = encodeBmp({ data: Buffer.alloc(60 * 40 * 3, 200), width: 60, height: 40 })
    const fromBmp = await loadScanImage(await file('scan.bmp', bmp))
    expect(fromBmp).toMatchObject({ kind: 'image', image: { width: 60, height: 40 }, source: { format: 'bmp' } })
  })
})

describe('fitImage', () => {
  const limits = (over: Partial<FitLimits> = {}): FitLimits => ({
    maxBytes: 1_990_000,
    minBytes: 0,
    maxLongSidePx: 4096,
    floorLongSidePx: 1754,
    qualityMax: 92,
    qualityMin: 70,
    qualityStep: 2,
    ...over,
  })
  let decoded: RawImage

  beforeAll(async () => {
    const loaded = await loadScanImage(await file('photo.jpg', photo))
    if (loaded.kind !== 'image') throw new Error('photo not decoded')
    decoded = loaded.image
  })

  it('keeps every pixel when a quality within the range fits, and uses the highest that does', async () => {
    const fit = await fitImage(decoded, limits({ maxBytes: 4_000_000 }))
    if (!fit.ok) throw new Error('did not fit')
    expect([fit.width, fit.height, fit.scaled]).toEqual([4000, 3000, false])
    expect(fit.jpeg.length).toBeLessThanOrEqual(4_000_000)
    const higher = Math.min(92, fit.quality + 2)
    if (higher > fit.quality)
      expect(
        (
          await sharp(decoded.data, { raw: { width: 4000, height: 3000, channels: 3 } })
            .jpeg({ quality: higher })
            .toBuffer()
        ).length,
      ).toBeGreaterThan(4_000_000 * 0.9)
    expect(await chromaFraction(fit.jpeg)).toBeGreaterThan(0.01)
  })

  it('shrinks only as much as needed, never below the floor, to meet a tight limit', async () => {
    const fit = await fitImage(decoded, limits({ maxBytes: 700_000 }))
    if (!fit.ok) throw new Error('did not fit')
    expect(fit.scaled).toBe(true)
    expect(fit.jpeg.length).toBeLessThanOrEqual(700_000)
    expect(Math.max(fit.width, fit.height)).toBeGreaterThanOrEqual(1754)
    expect(Math.max(fit.width, fit.height)).toBeLessThan(4000)
    expect(fit.width / fit.height).toBeCloseTo(4 / 3, 2)
  })

  it('reports the smallest it could reach when the limit cannot be met above the floor', async () => {
    const fit = await fitImage(decoded, limits({ maxBytes: 60_000, floorLongSidePx: 2000 }))
    expect(fit.ok).toBe(false)
    if (!fit.ok) {
      expect(fit.floorLongSidePx).toBe(2000)
      expect(fit.smallestBytes).toBeGreaterThan(60_000)
    }
  })

  it('caps the long side at the provider maximum and never enlarges a small image', async () => {
    const capped = await fitImage(decoded, limits({ maxBytes: 10_000_000, maxLongSidePx: 3000 }))
    expect(capped.ok && [capped.width, capped.height, capped.scaled]).toEqual([3000, 2250, true])
    const small = { data: Buffer.alloc(300 * 200 * 3, 90), width: 300, height: 200 }
    const kept = await fitImage(small, limits())
    expect(kept.ok && [kept.width, kept.height, kept.quality]).toEqual([300, 200, 92])
  })

  it('spends quality, not pixels, to reach a provider minimum size', async () => {
    const small = await sharp(photo).resize(1200).raw().toBuffer({ resolveWithObject: true })
    const img = { data: small.data, width: small.info.width, height: small.info.height }
    const fit = await fitImage(img, limits({ minBytes: 600_000, maxBytes: 4_000_000 }))
    if (!fit.ok) throw new Error('did not fit')
    expect(fit.width).toBe(1200)
    expect(fit.quality).toBeGreaterThan(92)
  })
})

describe('stackImages', () => {
  it('puts the front above the back at the narrower width, on white', async () => {
    const front = { data: Buffer.alloc(800 * 500 * 3, 0), width: 800, height: 500 }
    front.data.fill(0)
    for (let i = 0; i < front.data.length; i += 3) front.data[i] = 220 // red
    const back = { data: Buffer.alloc(1000 * 630 * 3, 0), width: 1000, height: 630 }
    for (let i = 2; i < back.data.length; i += 3) back.data[i] = 220 // blue
    const { image, scaled } = await stackImages([front, back])
    const margin = 32 // 4 % of 800
    expect(scaled).toBe(false)
    expect(image.width).toBe(800 + 2 * margin)
    expect(image.height).toBe(500 + 504 + 3 * margin)
    expect(await pixel(image, 5, 5)).toEqual([255, 255, 255])
    expect((await pixel(image, 400, margin + 250))[0]).toBe(220)
    expect((await pixel(image, 400, 2 * margin + 500 + 250))[2]).toBe(220)
    const capped = await stackImages([front, back], 800)
    expect(capped.scaled).toBe(true)
    expect(Math.max(capped.image.width, capped.image.height)).toBeLessThanOrEqual(800)
  })
})
