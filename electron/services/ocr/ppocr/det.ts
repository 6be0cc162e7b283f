/**
 * PP-OCR text detection (DB): the image resized under a cap to multiples of 32 and normalised the
 * ImageNet way, the model's probability map thresholded, and each connected region turned into a
 * rotated box that is scored, grown back (unclip) and mapped to image pixels — PaddleOCR's
 * DetResizeForTest + NormalizeImage + DBPostProcess with its defaults.
 */
import sharp from 'sharp'
import type * as Ort from 'onnxruntime-node'
import { components, corners, grow, minAreaRect, quadScore, unclipDistance, type Quad, type Rgb } from './geometry'

export interface DetOptions {
  /** The longer side of the image the detector sees, at most (pixels). */
  readonly maxSide: number
  /** Probability above which a pixel is text. */
  readonly threshold: number
  /** Mean probability inside a box for it to count. */
  readonly boxThreshold: number
  /** How far a box is grown back from the shrunk text kernel the model marks. */
  readonly unclipRatio: number
}

export const DET_DEFAULTS: DetOptions = { maxSide: 1280, threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5 }

const MEAN = [0.485, 0.456, 0.406]
const STD = [0.229, 0.224, 0.225]
const MIN_SIZE = 3

/** The detector's input size: the longer side at most maxSide, both sides multiples of 32. */
export function detSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  const cap = Math.max(32, Math.floor(maxSide / 32) * 32)
  const to32 = (v: number): number => Math.min(cap, Math.max(32, Math.round((v * scale) / 32) * 32))
  return { width: to32(width), height: to32(height) }
}

/**
 * Normalised planar tensor data from interleaved RGB. PaddleOCR reads images with OpenCV (BGR) and
 * trained the detector on BGR planes with these means, so the planes go B, G, R.
 */
export function detTensorData(rgb: Rgb): Float32Array {
  const n = rgb.width * rgb.height
  const out = new Float32Array(n * 3)
  for (let plane = 0; plane < 3; plane += 1) {
    const c = 2 - plane
    const mean = MEAN[plane] as number
    const std = STD[plane] as number
    const o = plane * n
    for (let i = 0; i < n; i += 1) out[o + i] = ((rgb.data[i * 3 + c] as number) / 255 - mean) / std
  }
  return out
}

export async function detect(session: Ort.InferenceSession, ort: typeof Ort, image: Rgb, options: DetOptions): Promise<Quad[]> {
  const size = detSize(image.width, image.height, options.maxSide)
  const resized = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(size.width, size.height, { fit: 'fill' })
    .raw()
    .toBuffer()
  const input = new ort.Tensor('float32', detTensorData({ data: resized, ...size }), [1, 3, size.height, size.width])
  const result = await session.run({ [session.inputNames[0] as string]: input })
  const output = result[session.outputNames[0] as string] as Ort.Tensor
  const map = output.data as Float32Array
  input.dispose?.()
  return boxesFromMap(map, size.width, size.height, image.width, image.height, options)
}

/** DB post-processing: probability map (mapWidth × mapHeight) to quads in image pixels. */
export function boxesFromMap(
  map: Float32Array,
  mapWidth: number,
  mapHeight: number,
  imageWidth: number,
  imageHeight: number,
  options: DetOptions,
): Quad[] {
  const mask = new Uint8Array(mapWidth * mapHeight)
  for (let i = 0; i < mask.length; i += 1) mask[i] = (map[i] as number) > options.threshold ? 1 : 0
  const sx = imageWidth / mapWidth
  const sy = imageHeight / mapHeight
  const clampX = (v: number): number => Math.min(Math.max(v, 0), imageWidth)
  const clampY = (v: number): number => Math.min(Math.max(v, 0), imageHeight)
  const quads: Quad[] = []
  for (const points of components(mask, mapWidth, mapHeight)) {
    if (points.length < 2) continue
    const rect = minAreaRect(points)
    if (Math.min(rect.width, rect.height) < MIN_SIZE) continue
    if (quadScore(map, mapWidth, mapHeight, corners(rect)) < options.boxThreshold) continue
    const grown = grow(rect, unclipDistance(rect, options.unclipRatio))
    if (Math.min(grown.width, grown.height) < MIN_SIZE + 2) continue
    const q = corners(grown).map((p) => ({ x: clampX(p.x * sx), y: clampY(p.y * sy) }))
    quads.push(q as unknown as Quad)
  }
  return quads
}
