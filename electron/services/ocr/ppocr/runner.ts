/**
 * The PP-OCR pipeline over onnxruntime-node and sharp, in the thread that calls it (the engine runs
 * it inside a worker thread): decode → detection → an upright crop per box → direction classifier
 * (0°/180°) → recognition → lines, words and characters with boxes in the pixels of the image.
 */
import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import type * as Ort from 'onnxruntime-node'
import type { Box } from '../../../../shared/model/extracted'
import type { OcrChar, OcrLine, OcrPage, OcrWord, PageDirection } from '../../../../shared/extraction/ocr-types'
import type { OcrLanguage, OcrMode } from '../engine'
import { DET_DEFAULTS, detect, type DetOptions } from './det'
import { readingOrder, sampleParallelogram, type Point, type Quad, type Rgb } from './geometry'
import { allowedClasses, ctcDecode, dictionaryClasses, splitWords } from './rec'

export interface ModelPaths {
  readonly det: string
  readonly rec: string
  readonly cls: string
  readonly keys: string
}

export interface RunnerOptions {
  /** Detection: the longer side of the image the detector sees, at most (default 1280). */
  readonly detMaxSide?: number
  /** Detection: unclip ratio (default 1.5, PaddleOCR's). */
  readonly unclipRatio?: number
  /** Detection: minimum mean probability of a box (default 0.6). */
  readonly boxThreshold?: number
  /** Threads inside each model run (default 2: one worker uses both cores of a small machine). */
  readonly intraOpThreads?: number
  /** Run the 0°/180° direction classifier on every box (default true: +9 points on real photos, toolchain.md). */
  readonly classifier?: boolean
  /** Recognition input width at most, pixels at height 48 (default 1920: a 40-em line). */
  readonly recMaxWidth?: number
  /** Lines whose mean character probability is below this are dropped as noise (default 0.5, PaddleOCR's drop_score). */
  readonly minLineConfidence?: number
}

export interface RunRequest {
  readonly language: OcrLanguage
  readonly mode: OcrMode
  readonly whitelist?: string
  readonly rectangle?: Box
}

const REC_HEIGHT = 48
const REC_MIN_WIDTH = 320
const CLS_WIDTH = 192
// Sorted by width, small batches pad least: 3 measured ~25 % faster than PaddleOCR's 6 on a licence page.
const BATCH = 3
const CLS_FLIP_SCORE = 0.9

/** A box to read: the parallelogram origin + u·along + v·across, and its upright size. */
interface Crop {
  origin: Point
  along: Point
  across: Point
  width: number
  height: number
  /** The axis-aligned box of the detected quad (or of the rectangle in line mode). */
  box: Box
  quad: Quad
  /** Read as vertical text (turned 90° counter-clockwise), and turned 180° by the classifier. */
  vertical?: boolean
  flipped?: boolean
}

/** The whole-pixel axis-aligned box around a quad. */
function boundsOf(quad: Quad): Box {
  const xs = quad.map((p) => p.x)
  const ys = quad.map((p) => p.y)
  const x = Math.floor(Math.min(...xs))
  const y = Math.floor(Math.min(...ys))
  return { x, y, width: Math.ceil(Math.max(...xs)) - x, height: Math.ceil(Math.max(...ys)) - y }
}

function cropOfQuad(quad: Quad): Crop {
  const [tl, tr, br, bl] = quad
  const d = (a: Point, b: Point): number => Math.hypot(b.x - a.x, b.y - a.y)
  const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y })
  let width = Math.max(d(tl, tr), d(bl, br))
  let height = Math.max(d(tl, bl), d(tr, br))
  let origin = tl
  let along = sub(tr, tl)
  let across = sub(bl, tl)
  let vertical = false
  // A tall box is vertical text: turn it 90° counter-clockwise so its top reads first (PaddleOCR).
  if (height >= 1.5 * width) {
    origin = tr
    along = sub(br, tr)
    across = sub(tl, tr)
    ;[width, height] = [height, width]
    vertical = true
  }
  const box = boundsOf(quad)
  return { origin, along, across, width, height, box, quad, vertical }
}

function flip(c: Crop): Crop {
  return {
    ...c,
    origin: { x: c.origin.x + c.along.x + c.across.x, y: c.origin.y + c.along.y + c.across.y },
    along: { x: -c.along.x, y: -c.along.y },
    across: { x: -c.across.x, y: -c.across.y },
    flipped: !c.flipped,
  }
}

/** Share of a page's characters in horizontal boxes from which its vertical boxes are taken for columns of labels. */
const HORIZONTAL_PAGE = 0.7

/**
 * On a page whose text runs across, a tall box is not vertical text but a column of letter-spaced
 * label characters the detector joined across rows (「名 称」「类 型」「住 所」 of an old licence give a
 * box 名类住法…): it is cut into square cells, one character each, read across, so each label
 * character joins its own row again.
 */
function splitColumns(crops: readonly Crop[]): Crop[] {
  const chars = (c: Crop): number => c.width / Math.max(1, c.height)
  const total = crops.reduce((n, c) => n + chars(c), 0)
  const across = crops.filter((c) => !c.vertical).reduce((n, c) => n + chars(c), 0)
  if (total === 0 || across / total < HORIZONTAL_PAGE) return [...crops]
  return crops.flatMap((c) => {
    if (!c.vertical) return [c]
    const [tl, tr, , bl] = c.quad
    const along = { x: tr.x - tl.x, y: tr.y - tl.y }
    const down = { x: bl.x - tl.x, y: bl.y - tl.y }
    const n = Math.max(1, Math.round(chars(c)))
    return Array.from({ length: n }, (_, i): Crop => {
      const origin = { x: tl.x + (down.x * i) / n, y: tl.y + (down.y * i) / n }
      const across = { x: down.x / n, y: down.y / n }
      const quad: Quad = [
        origin,
        { x: origin.x + along.x, y: origin.y + along.y },
        { x: origin.x + along.x + across.x, y: origin.y + along.y + across.y },
        { x: origin.x + across.x, y: origin.y + across.y },
      ]
      return {
        origin,
        along,
        across,
        width: Math.hypot(along.x, along.y),
        height: Math.hypot(across.x, across.y),
        box: boundsOf(quad),
        quad,
      }
    })
  })
}

/**
 * Which clockwise quarter turn of the page would make each crop's text upright, and the page's skew,
 * weighted by the characters read: a sideways or upside-down page is recognised from one detection
 * pass, because every box knows which way its text ran.
 */
function directionOf(crops: readonly Crop[], lines: readonly (OcrLine | null)[]): PageDirection {
  const votes = { 0: 0, 90: 0, 180: 0, 270: 0 }
  const angles: Array<{ angle: number; weight: number }> = []
  crops.forEach((c, i) => {
    const line = lines[i]
    if (!line) return
    const weight = [...line.text.replace(/\s/g, '')].length * line.confidence
    // A vertical box was turned counter-clockwise to read: the page needs that turn (270° clockwise), or 90° if the classifier flipped it too.
    const turn = c.vertical ? (c.flipped ? 90 : 270) : c.flipped ? 180 : 0
    votes[turn] += weight
    // The baseline's tilt in the upright page (positive: down to the right), for the boxes of the winning direction.
    const a = (Math.atan2(c.along.y, c.along.x) * 180) / Math.PI
    const upright = ((((a + turn + 180) % 360) + 360) % 360) - 180
    if (Math.abs(upright) < 30 && c.width > 3 * c.height) angles.push({ angle: upright, weight })
  })
  angles.sort((a, b) => a.angle - b.angle)
  const half = angles.reduce((n, a) => n + a.weight, 0) / 2
  let run = 0
  let skew = 0
  for (const a of angles) {
    run += a.weight
    if (run >= half) {
      skew = a.angle
      break
    }
  }
  return { votes, skew }
}

/** (x/255 − 0.5)/0.5 into plane-major data at `offset` of a [3, 48, batchWidth] slot; the rest stays 0 (padding). */
function putNormalised(img: Rgb, out: Float32Array, offset: number, batchWidth: number): void {
  const plane = REC_HEIGHT * batchWidth
  for (let y = 0; y < img.height; y += 1)
    for (let x = 0; x < img.width; x += 1) {
      const i = (y * img.width + x) * 3
      const o = offset + y * batchWidth + x
      // BGR planes, as PaddleOCR trained on OpenCV images.
      out[o] = (img.data[i + 2] as number) / 127.5 - 1
      out[o + plane] = (img.data[i + 1] as number) / 127.5 - 1
      out[o + 2 * plane] = (img.data[i] as number) / 127.5 - 1
    }
}

const wantedWidth = (c: Crop, max: number): number => Math.max(1, Math.min(max, Math.ceil((REC_HEIGHT * c.width) / Math.max(1, c.height))))

export class PpocrRunner {
  private constructor(
    private readonly ort: typeof Ort,
    private readonly det: Ort.InferenceSession,
    private readonly rec: Ort.InferenceSession,
    private readonly cls: Ort.InferenceSession,
    private readonly classes: readonly string[],
    private readonly options: Required<RunnerOptions>,
  ) {}

  static async load(ort: typeof Ort, paths: ModelPaths, options: RunnerOptions = {}): Promise<PpocrRunner> {
    const full: Required<RunnerOptions> = {
      detMaxSide: options.detMaxSide ?? DET_DEFAULTS.maxSide,
      unclipRatio: options.unclipRatio ?? DET_DEFAULTS.unclipRatio,
      boxThreshold: options.boxThreshold ?? DET_DEFAULTS.boxThreshold,
      intraOpThreads: options.intraOpThreads ?? 2,
      classifier: options.classifier ?? true,
      recMaxWidth: options.recMaxWidth ?? 1920,
      minLineConfidence: options.minLineConfidence ?? 0.5,
    }
    const session: Ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: full.intraOpThreads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    }
    const [det, rec, cls] = await Promise.all([
      ort.InferenceSession.create(paths.det, session),
      ort.InferenceSession.create(paths.rec, session),
      ort.InferenceSession.create(paths.cls, session),
    ])
    const classes = dictionaryClasses(readFileSync(paths.keys, 'utf8'))
    const outDims = rec.outputMetadata?.[0]
    const declared = outDims && 'shape' in outDims ? outDims.shape[outDims.shape.length - 1] : undefined
    if (typeof declared === 'number' && declared !== classes.length)
      throw new Error(`PP-OCR dictionary has ${classes.length} classes but the recognition model outputs ${declared}`)
    return new PpocrRunner(ort, det, rec, cls, classes, full)
  }

  async close(): Promise<void> {
    await Promise.all([this.det.release(), this.rec.release(), this.cls.release()])
  }

  async recognize(image: Uint8Array, request: RunRequest): Promise<OcrPage> {
    const decoded = await sharp(image, { failOn: 'error' })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    if (decoded.info.channels !== 3) throw new Error(`unexpected ${decoded.info.channels} channels`)
    const full: Rgb = { data: decoded.data, width: decoded.info.width, height: decoded.info.height }
    const area = clampRect(request.rectangle, full.width, full.height)
    if (area.width < 2 || area.height < 2) return { text: '', confidence: 0, lines: [] }
    const mask = this.maskFor(request)

    let crops: Crop[]
    if (request.mode === 'line') {
      const { x, y, width, height } = area
      const quad: Quad = [
        { x, y },
        { x: x + width, y },
        { x: x + width, y: y + height },
        { x, y: y + height },
      ]
      crops = [{ origin: { x, y }, along: { x: width, y: 0 }, across: { x: 0, y: height }, width, height, box: area, quad }]
    } else {
      const part = area.width === full.width && area.height === full.height ? full : cut(full, area)
      const det: DetOptions = {
        ...DET_DEFAULTS,
        maxSide: this.options.detMaxSide,
        unclipRatio: this.options.unclipRatio,
        boxThreshold: this.options.boxThreshold,
      }
      const quads = (await detect(this.det, this.ort, part, det)).map(
        (q) => q.map((p) => ({ x: p.x + area.x, y: p.y + area.y })) as unknown as Quad,
      )
      crops = splitColumns(readingOrder(quads.map(cropOfQuad)).filter((c) => c.width >= 2 && c.height >= 2))
      if (this.options.classifier) crops = await this.orient(full, crops)
    }
    const read = await this.read(full, crops, mask, request.mode === 'line' ? 0 : this.options.minLineConfidence)
    const lines = read.filter((l): l is OcrLine => l !== null)
    const chars = (l: OcrLine): number => l.words.reduce((n, w) => n + [...w.text].length, 0)
    const total = lines.reduce((n, l) => n + chars(l), 0)
    return {
      text: lines.map((l) => l.text).join('\n'),
      confidence: total === 0 ? 0 : lines.reduce((n, l) => n + chars(l) * l.confidence, 0) / total,
      lines,
      ...(request.mode === 'line' ? {} : { direction: directionOf(crops, read) }),
    }
  }

  /** The classes decoding may use: the whitelist's, or printable ASCII for 'eng', or all. */
  private maskFor(request: RunRequest): Uint8Array | undefined {
    if (request.whitelist !== undefined && request.whitelist !== '') {
      const set = new Set([...request.whitelist])
      return allowedClasses(this.classes, (ch) => set.has(ch))
    }
    if (request.language === 'eng') return allowedClasses(this.classes, (ch) => /^[\x20-\x7e]$/.test(ch))
    return undefined
  }

  /** The direction classifier on every crop; crops read upside down (label 180°, score > 0.9) are turned. */
  private async orient(image: Rgb, crops: Crop[]): Promise<Crop[]> {
    const out = [...crops]
    const slot = 3 * REC_HEIGHT * CLS_WIDTH
    for (let start = 0; start < crops.length; start += BATCH) {
      const batch = crops.slice(start, start + BATCH)
      const data = new Float32Array(batch.length * slot)
      batch.forEach((c, i) => {
        const w = wantedWidth(c, CLS_WIDTH)
        putNormalised(sampleParallelogram(image, c.origin, c.along, c.across, w, REC_HEIGHT), data, i * slot, CLS_WIDTH)
      })
      const input = new this.ort.Tensor('float32', data, [batch.length, 3, REC_HEIGHT, CLS_WIDTH])
      const result = await this.cls.run({ [this.cls.inputNames[0] as string]: input })
      const probs = (result[this.cls.outputNames[0] as string] as Ort.Tensor).data as Float32Array
      batch.forEach((c, i) => {
        const p180 = probs[i * 2 + 1] as number
        if (p180 > (probs[i * 2] as number) && p180 > CLS_FLIP_SCORE) out[start + i] = flip(c)
      })
    }
    return out
  }

  /** Recognition in batches of similar width; each crop becomes one line (or nothing if empty or noise). */
  private async read(image: Rgb, crops: Crop[], mask: Uint8Array | undefined, minConfidence: number): Promise<(OcrLine | null)[]> {
    const max = this.options.recMaxWidth
    const order = crops.map((c, i) => ({ i, w: wantedWidth(c, max) })).sort((a, b) => a.w - b.w)
    const lines: (OcrLine | null)[] = crops.map(() => null)
    for (let start = 0; start < order.length; start += BATCH) {
      const batch = order.slice(start, start + BATCH)
      const batchWidth = Math.max(REC_MIN_WIDTH, ...batch.map((b) => b.w))
      const slot = 3 * REC_HEIGHT * batchWidth
      const data = new Float32Array(batch.length * slot)
      batch.forEach((b, k) => {
        const c = crops[b.i] as Crop
        putNormalised(sampleParallelogram(image, c.origin, c.along, c.across, b.w, REC_HEIGHT), data, k * slot, batchWidth)
      })
      const input = new this.ort.Tensor('float32', data, [batch.length, 3, REC_HEIGHT, batchWidth])
      const result = await this.rec.run({ [this.rec.inputNames[0] as string]: input })
      const output = result[this.rec.outputNames[0] as string] as Ort.Tensor
      const [, steps, nClasses] = output.dims as [number, number, number]
      if (nClasses !== this.classes.length)
        throw new Error(`recognition model outputs ${nClasses} classes, dictionary has ${this.classes.length}`)
      const probs = output.data as Float32Array
      const stride = batchWidth / steps
      batch.forEach((b, k) => {
        const c = crops[b.i] as Crop
        const usable = Math.min(steps, Math.ceil(b.w / stride))
        const chars = ctcDecode(probs, k * steps * nClasses, usable, this.classes, mask)
        lines[b.i] = toLine(c, chars.length === 0 ? [] : splitWords(chars, (REC_HEIGHT * 0.85) / stride), stride, b.w, minConfidence)
      })
    }
    return lines
  }
}

/** Maps a span u0..u1 (0..1 along the crop) to the axis-aligned box of that slice of the crop. */
function spanBox(c: Crop, u0: number, u1: number): Box {
  const a = Math.min(Math.max(u0, 0), 1)
  const b = Math.min(Math.max(u1, 0), 1)
  const pts = [a, b].flatMap((u) => [
    { x: c.origin.x + u * c.along.x, y: c.origin.y + u * c.along.y },
    { x: c.origin.x + u * c.along.x + c.across.x, y: c.origin.y + u * c.along.y + c.across.y },
  ])
  const xs = pts.map((p) => p.x)
  const ys = pts.map((p) => p.y)
  const x = Math.max(c.box.x, Math.floor(Math.min(...xs)))
  const y = Math.max(c.box.y, Math.floor(Math.min(...ys)))
  const x1 = Math.min(c.box.x + c.box.width, Math.ceil(Math.max(...xs)))
  const y1 = Math.min(c.box.y + c.box.height, Math.ceil(Math.max(...ys)))
  return { x, y, width: Math.max(0, x1 - x), height: Math.max(0, y1 - y) }
}

function toLine(c: Crop, words: ReturnType<typeof splitWords>, stride: number, width: number, minConfidence: number): OcrLine | null {
  if (words.length === 0) return null
  const u = (steps: number): number => (steps * stride) / width
  const ocrWords: OcrWord[] = words.map((w) => {
    const chars: OcrChar[] = w.map((ch) => ({
      text: ch.text,
      confidence: ch.confidence,
      box: spanBox(c, u(ch.centre - ch.width / 2), u(ch.centre + ch.width / 2)),
    }))
    const first = w[0] as (typeof w)[number]
    const last = w[w.length - 1] as (typeof w)[number]
    return {
      text: w.map((ch) => ch.text).join(''),
      confidence: w.reduce((n, ch) => n + ch.confidence, 0) / w.length,
      box: spanBox(c, u(first.centre - first.width / 2), u(last.centre + last.width / 2)),
      chars,
    }
  })
  const all = words.flat()
  const confidence = all.reduce((n, ch) => n + ch.confidence, 0) / all.length
  if (confidence < minConfidence) return null
  return { text: ocrWords.map((w) => w.text).join(' '), confidence, box: c.box, words: ocrWords }
}

function clampRect(r: Box | undefined, width: number, height: number): Box {
  if (!r) return { x: 0, y: 0, width, height }
  const x = Math.min(Math.max(0, Math.round(r.x)), width)
  const y = Math.min(Math.max(0, Math.round(r.y)), height)
  return {
    x,
    y,
    width: Math.max(0, Math.min(width, Math.round(r.x + r.width)) - x),
    height: Math.max(0, Math.min(height, Math.round(r.y + r.height)) - y),
  }
}

function cut(img: Rgb, r: Box): Rgb {
  const out = new Uint8Array(r.width * r.height * 3)
  for (let y = 0; y < r.height; y += 1) {
    const from = ((r.y + y) * img.width + r.x) * 3
    out.set(img.data.subarray(from, from + r.width * 3), y * r.width * 3)
  }
  return { data: out, width: r.width, height: r.height }
}
