/**
 * Realistic synthetic scans for packaging tests and benchmarks: phone-photo-sized colour images of
 * documents (text, a red seal, a tinted background, sensor noise) written as JPEGs with camera EXIF
 * and GPS tags, so size fitting and metadata stripping are really exercised. Nothing here is a real
 * document or person.
 */
import sharp from 'sharp'

export type ScanKind = 'licence' | 'id-front' | 'id-back' | 'domain' | 'letter' | 'plain'

export interface ScanOptions {
  width: number
  height: number
  kind?: ScanKind
  /** Lines of text printed on the document. */
  lines?: string[]
  /** EXIF orientation tag to write (the pixels are stored turned so that the tag makes them upright). */
  orientation?: number
  /** Write camera EXIF and GPS position (default true). */
  exif?: boolean
  quality?: number
  /** Gaussian noise sigma: photo grain that makes JPEGs large (default 14). */
  noise?: number
}

const escape = (s: string): string => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string)

function documentSvg(width: number, height: number, kind: ScanKind, lines: string[]): string {
  const m = Math.round(Math.min(width, height) * 0.06)
  const fs = Math.max(12, Math.round(height / 55))
  const paper = kind === 'id-front' ? '#dfe9f3' : kind === 'id-back' ? '#e9efe0' : '#f6f1e6'
  const text = lines
    .map(
      (l, i) =>
        `<text x="${m * 2}" y="${m * 2.4 + i * fs * 1.7}" font-size="${fs}" font-family="Noto Sans CJK SC, sans-serif" fill="#1c1c1c">${escape(l)}</text>`,
    )
    .join('')
  const seal =
    kind === 'id-back'
      ? `<circle cx="${m * 3.2}" cy="${m * 3.4}" r="${m * 1.4}" fill="#d8262a"/>`
      : `<circle cx="${width - m * 4}" cy="${height - m * 4}" r="${m * 2}" fill="none" stroke="#d0201a" stroke-width="${Math.max(3, m / 6)}"/>`
  const portrait =
    kind === 'id-front' ? `<rect x="${width - m * 7}" y="${m * 2}" width="${m * 4.5}" height="${m * 5.5}" fill="#8fa3b8"/>` : ''
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#6b5a44"/><stop offset="1" stop-color="#3d3326"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>
<rect x="${m}" y="${m}" width="${width - 2 * m}" height="${height - 2 * m}" rx="${m / 3}" fill="${paper}" stroke="#b48a3c" stroke-width="${Math.max(2, m / 10)}"/>
${portrait}${seal}${text}</svg>`
}

const DEFAULT_LINES = [
  '名称 深圳市云帆网络科技有限公司',
  '统一社会信用代码 91440300MA5FXK2L9W',
  '类型 有限责任公司',
  '法定代表人 陈思远',
  '住所 深圳市南山区粤海街道科技园科苑路15号',
  '营业期限 2016年05月12日至长期',
]

/** Adds seeded pseudo-Gaussian grain to 8-bit pixels in place (a table cycled over the buffer: fast). */
function addGrain(data: Buffer, sigma: number, seed: number): void {
  const table = new Int16Array(65521)
  let state = seed >>> 0
  const uniform = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state / 2 ** 32 - 0.5
  }
  // The sum of four uniforms on [-0.5, 0.5] has variance 1/3: scale to the wanted sigma.
  for (let i = 0; i < table.length; i += 1) table[i] = Math.round((uniform() + uniform() + uniform() + uniform()) * sigma * Math.sqrt(3))
  const n = table.length
  for (let i = 0; i < data.length;) {
    const end = Math.min(data.length, i + n)
    for (let j = 0; i < end; i += 1, j += 1) {
      const v = (data[i] as number) + (table[j] as number)
      data[i] = v < 0 ? 0 : v > 255 ? 255 : v
    }
  }
}

/** A colour document photo as JPEG, by default with EXIF (camera, owner) and GPS tags. */
export async function makeScan(options: ScanOptions): Promise<Buffer> {
  const { width, height } = options
  const kind = options.kind ?? 'plain'
  const svg = Buffer.from(documentSvg(width, height, kind, options.lines ?? DEFAULT_LINES))
  const base = await sharp(svg).flatten({ background: '#ffffff' }).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  addGrain(base.data, options.noise ?? 14, width * 31 + height)
  // Store the pixels turned so that a viewer applying the orientation tag shows them upright.
  const turn: Record<number, number> = { 3: 180, 6: 270, 8: 90 }
  const angle = options.orientation ? turn[options.orientation] : undefined
  let out = sharp(base.data, { raw: { width: base.info.width, height: base.info.height, channels: 3 } })
  if (angle) out = out.rotate(angle)
  out = out.jpeg({ quality: options.quality ?? 93 })
  if (options.exif !== false) {
    out = out.withExif({
      IFD0: { Make: 'Xiaomi', Model: 'Redmi Note 12', Artist: 'Test Owner', Copyright: 'Test Owner' },
      IFD2: { DateTimeOriginal: '2026:11:20 10:15:00', BodySerialNumber: 'SN-123456789' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 32/1 1000/100', GPSLongitudeRef: 'E', GPSLongitude: '113/1 56/1 3000/100' },
    })
  }
  if (options.orientation) out = out.withMetadata({ orientation: options.orientation })
  return out.toBuffer()
}

/** Share of pixels with chroma (max − min) above 40 on a 512 px thumbnail (toolchain.md). */
export async function chromaFraction(image: Buffer): Promise<number> {
  const { data, info } = await sharp(image).resize(512, 512, { fit: 'inside' }).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  let coloured = 0
  const pixels = info.width * info.height
  for (let i = 0; i < pixels; i += 1) {
    const r = data[i * info.channels] as number
    const g = data[i * info.channels + 1] as number
    const b = data[i * info.channels + 2] as number
    if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured += 1
  }
  return coloured / pixels
}

/**
 * The APPn/COM markers in a JPEG's header (everything before the first SOS), read independently of
 * the code under test: e.g. ['APP0', 'APP1'] for a JPEG with EXIF.
 */
export function jpegHeaderMarkers(jpeg: Buffer): string[] {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG')
  const out: string[] = []
  let pos = 2
  while (pos + 4 <= jpeg.length) {
    const marker = jpeg[pos + 1] as number
    if (marker === 0xda) break
    const length = jpeg.readUInt16BE(pos + 2)
    if (marker >= 0xe0 && marker <= 0xef) out.push(`APP${marker - 0xe0}`)
    if (marker === 0xfe) out.push('COM')
    pos += 2 + length
  }
  return out
}
