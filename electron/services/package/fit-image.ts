/**
 * Fitting an image to a provider's size limit while keeping small print legible: keep every pixel
 * if a JPEG quality between the floor and the ceiling fits; otherwise shrink only as much as
 * needed, never below the slot's resolution floor. Works on decoded pixels so each trial is an
 * encode, not a decode plus an encode (toolchain.md: decode and resize once, then search quality).
 */
import sharp from 'sharp'
import type { RawImage } from './scan-image'

/** The provider's limits and the slot's floor, as one fitting problem. */
export interface FitLimits {
  readonly maxBytes: number
  /** Raise quality (at full resolution only) until the file reaches this size; 0 for none. */
  readonly minBytes: number
  readonly maxLongSidePx: number
  /** Never shrink below this long side (an image already smaller is left as it is). */
  readonly floorLongSidePx: number
  readonly qualityMax: number
  readonly qualityMin: number
  /** The search stops when the best fitting quality is known to within this many steps. */
  readonly qualityStep: number
}

/** The fitted JPEG, or — when nothing fits above the floor — how close it came (for the report). */
export type FitResult =
  | {
      readonly ok: true
      readonly jpeg: Buffer
      readonly width: number
      readonly height: number
      readonly quality: number
      readonly scaled: boolean
      /** Number of JPEG encodes it took (for the benchmark). */
      readonly encodes: number
    }
  | { readonly ok: false; readonly smallestBytes: number; readonly floorLongSidePx: number; readonly encodes: number }

const RAW = (img: RawImage) => ({ raw: { width: img.width, height: img.height, channels: 3 as const } })

/** Encodes pixels as a baseline JPEG with no metadata (sharp writes none unless asked). */
export async function encodeJpeg(img: RawImage, quality: number): Promise<Buffer> {
  return sharp(img.data, RAW(img)).jpeg({ quality, chromaSubsampling: '4:2:0', mozjpeg: false }).toBuffer()
}

/** The image scaled so its long side is `longSide` (never enlarged). */
export async function resizeRaw(img: RawImage, longSide: number): Promise<RawImage> {
  const landscape = img.width >= img.height
  const width = landscape ? longSide : Math.max(1, Math.round((img.width * longSide) / img.height))
  const height = landscape ? Math.max(1, Math.round((img.height * longSide) / img.width)) : longSide
  if (width >= img.width && height >= img.height) return img
  const out = await sharp(img.data, RAW(img))
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data: out.data, width: out.info.width, height: out.info.height }
}

interface Search {
  best: { jpeg: Buffer; quality: number } | null
  /** Size at the lowest quality tried (the floor when nothing fits). */
  smallest: number
  encodes: number
}

/** Images above this many pixels get their quality predicted on a sample before full encodes. */
const PROBE_MIN_PIXELS = 2_000_000
/** The sample: one band of 16 rows (a 4:2:0 MCU row) in every PROBE_EVERY. */
const PROBE_BAND = 16
const PROBE_EVERY = 8

/** Evenly spaced horizontal bands of the image: a small image with the same statistics. */
function probeOf(img: RawImage): { probe: RawImage; share: number } {
  const rowBytes = img.width * 3
  const bands: Buffer[] = []
  for (let y = 0; y + PROBE_BAND <= img.height; y += PROBE_BAND * PROBE_EVERY) {
    bands.push(img.data.subarray(y * rowBytes, (y + PROBE_BAND) * rowBytes))
  }
  const height = bands.length * PROBE_BAND
  return { probe: { data: Buffer.concat(bands), width: img.width, height }, share: height / img.height }
}

/**
 * Predicts the highest quality whose full-size JPEG fits, from encodes of the sample (each about an
 * eighth of the cost of a full encode). `quality` is null when even the lowest quality will not
 * fit; `smallest` is then the predicted size at the lowest quality.
 */
async function predictQuality(img: RawImage, limits: FitLimits, count: () => void): Promise<{ quality: number | null; smallest: number }> {
  const { probe, share } = probeOf(img)
  const budget = limits.maxBytes * share * 0.97
  let lo = limits.qualityMin - 1 // fits (virtually)
  let hi = limits.qualityMax + 1 // does not fit (virtually)
  let atMin: number | null = null
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    const size = (await encodeJpeg(probe, mid)).length
    count()
    if (mid === limits.qualityMin) atMin = size / share
    if (size <= budget) lo = mid
    else hi = mid
  }
  if (lo >= limits.qualityMin) return { quality: lo, smallest: atMin ?? 0 }
  // Nothing fits: the search has necessarily tried the lowest quality on its way down.
  return { quality: null, smallest: atMin ?? (await encodeJpeg(probe, limits.qualityMin)).length / share }
}

/** Full-size search from a predicted quality: usually one or two encodes. */
async function searchFrom(img: RawImage, limits: FitLimits, start: number, encode: (q: number) => Promise<Buffer>): Promise<Search> {
  let q = start
  let jpeg = await encode(q)
  if (jpeg.length > limits.maxBytes) {
    // Predicted too high: step down until it fits.
    while (jpeg.length > limits.maxBytes) {
      if (q <= limits.qualityMin) return { best: null, smallest: jpeg.length, encodes: 0 }
      q = Math.max(limits.qualityMin, q - limits.qualityStep)
      jpeg = await encode(q)
    }
    return { best: { jpeg, quality: q }, smallest: jpeg.length, encodes: 0 }
  }
  // Fits: one step up tells whether quality is being left on the table.
  while (q < limits.qualityMax && jpeg.length < limits.maxBytes * 0.9) {
    const next = Math.min(limits.qualityMax, q + limits.qualityStep)
    const candidate = await encode(next)
    if (candidate.length > limits.maxBytes) break
    q = next
    jpeg = candidate
  }
  return { best: { jpeg, quality: q }, smallest: jpeg.length, encodes: 0 }
}

async function searchQuality(img: RawImage, limits: FitLimits, start: number | null, signal: AbortSignal | undefined): Promise<Search> {
  let encodes = 0
  const encode = async (q: number): Promise<Buffer> => {
    signal?.throwIfAborted()
    encodes += 1
    return encodeJpeg(img, q)
  }
  if (start !== null) {
    const found = await searchFrom(img, limits, start, encode)
    return { ...found, encodes }
  }
  const top = await encode(limits.qualityMax)
  if (top.length <= limits.maxBytes) return { best: { jpeg: top, quality: limits.qualityMax }, smallest: top.length, encodes }
  const bottom = await encode(limits.qualityMin)
  if (bottom.length > limits.maxBytes) return { best: null, smallest: bottom.length, encodes }
  // Invariant: lo fits, hi does not. Interpolate on log size (JPEG size grows roughly exponentially
  // with quality), falling back to bisection so each step at least halves a wide interval.
  let lo = { q: limits.qualityMin, jpeg: bottom }
  let hi = { q: limits.qualityMax, size: top.length }
  while (hi.q - lo.q > limits.qualityStep) {
    const t = Math.log(limits.maxBytes / lo.jpeg.length) / Math.log(hi.size / lo.jpeg.length)
    const guess = Math.round(lo.q + t * (hi.q - lo.q))
    const mid = Math.min(hi.q - 1, Math.max(lo.q + 1, Number.isFinite(guess) ? guess : Math.round((lo.q + hi.q) / 2)))
    const jpeg = await encode(mid)
    if (jpeg.length <= limits.maxBytes) lo = { q: mid, jpeg }
    else hi = { q: mid, size: jpeg.length }
  }
  return { best: { jpeg: lo.jpeg, quality: lo.q }, smallest: bottom.length, encodes }
}

/** Brings an upright image under the limits, shrinking as little as possible. */
export async function fitImage(img: RawImage, limits: FitLimits, signal?: AbortSignal): Promise<FitResult> {
  const longSide = Math.max(img.width, img.height)
  let target = Math.min(longSide, limits.maxLongSidePx)
  const floor = Math.min(target, limits.floorLongSidePx)
  let encodes = 0
  const shrink = (smallest: number): number => {
    // Bytes grow with pixel count: aim the lowest quality just under the limit at the new size.
    const estimate = Math.floor(target * Math.sqrt(limits.maxBytes / smallest) * 0.97)
    return Math.max(floor, Math.min(target - Math.max(1, Math.round(target * 0.03)), estimate))
  }
  for (;;) {
    signal?.throwIfAborted()
    const pixels = target < longSide ? await resizeRaw(img, target) : img
    let start: number | null = null
    if (pixels.width * pixels.height >= PROBE_MIN_PIXELS) {
      const predicted = await predictQuality(pixels, limits, () => void (encodes += 1))
      // Predicted not to fit even at the lowest quality: shrink without a full encode (except at
      // the floor, where only a real encode may decide that the image cannot fit).
      if (predicted.quality === null && target > floor) {
        target = shrink(predicted.smallest)
        continue
      }
      start = predicted.quality ?? limits.qualityMin
    }
    const search = await searchQuality(pixels, limits, start, signal)
    encodes += search.encodes
    if (search.best) {
      let { jpeg, quality } = search.best
      // A provider minimum (Alibaba: domain certificates ≥ 200 KB): spend quality, never pixels.
      while (jpeg.length < limits.minBytes && quality < 100) {
        signal?.throwIfAborted()
        const next = Math.min(100, quality + limits.qualityStep)
        const candidate = await encodeJpeg(pixels, next)
        encodes += 1
        if (candidate.length > limits.maxBytes) break
        jpeg = candidate
        quality = next
      }
      return { ok: true, jpeg, width: pixels.width, height: pixels.height, quality, scaled: target < longSide, encodes }
    }
    if (target <= floor) return { ok: false, smallestBytes: search.smallest, floorLongSidePx: floor, encodes }
    target = shrink(search.smallest)
  }
}
