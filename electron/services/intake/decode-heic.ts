/**
 * HEIC/HEIF photos (what iPhones and many Android phones write) to RGB pixels, offline.
 *
 * sharp's prebuilt libvips has no HEVC decoder, so HEIC goes through libheif compiled to
 * WebAssembly (npm `libheif-js`, LGPL-3.0, libheif + libde265, wasm inlined in one JS file: no
 * download, no native build). It runs in a worker thread of its own for each file, because:
 * - a WebAssembly heap only grows: a 12-megapixel photo leaves ~150 MB behind in whichever thread
 *   decoded it; a worker that ends gives it all back;
 * - a hostile file that makes the decoder loop or abort is ended with the worker (hard timeout),
 *   and never poisons the next file;
 * - libheif-js's convenience wrapper writes to the console on errors, which would corrupt the
 *   CLI's JSON output; the low-level calls used here do not.
 * The pixel count is read from the container and checked before a single pixel is decoded.
 * libheif applies the file's rotation and mirroring (irot/imir), as a phone's gallery shows it.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { RawImage } from './pixels'
import { PixelLimitError } from './formats'

/** A HEIC that cannot be decoded, with the reason in both languages. */
export class HeicError extends Error {
  constructor(
    readonly reason: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn)
    this.name = 'HeicError'
  }
}

/** Generous: a 48-megapixel phone photo decodes in ~3 s on one core here. */
const DEFAULT_TIMEOUT_MS = 60_000

/** Where libheif-js's single-file build is; unpacked from the asar archive in the installed app. */
function libheifPath(): string {
  const resolved = createRequire(import.meta.url).resolve('libheif-js/wasm-bundle')
  return resolved.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1')
}

// The worker is plain CommonJS so it runs the same under tsx, vitest and the bundled app.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const send = (message, transfer) => parentPort.postMessage(message, transfer || [])
;(async () => {
  try {
    const lib = require(workerData.lib)
    await lib.ready
    const ctx = lib.heif_context_alloc()
    const read = lib.heif_context_read_from_memory(ctx, workerData.bytes)
    if (read.code !== lib.heif_error_code.heif_error_Ok) return send({ error: 'parse', message: String(read.message) })
    const handle = lib.heif_js_context_get_primary_image_handle(ctx)
    if (!handle || handle.code !== undefined) return send({ error: 'parse', message: 'no primary image' })
    const width = lib.heif_image_handle_get_width(handle)
    const height = lib.heif_image_handle_get_height(handle)
    if (!(width > 0 && height > 0)) return send({ error: 'parse', message: 'no image size' })
    if (width * height > workerData.maxPixels) return send({ error: 'pixels', width, height })
    const image = await lib.heif_js_decode_image2(handle, lib.heif_colorspace.heif_colorspace_RGB, lib.heif_chroma.heif_chroma_interleaved_RGB)
    if (!image || image.code !== undefined || !image.channels) return send({ error: 'decode', message: String((image && image.message) || 'decoding failed') })
    const plane = image.channels.find((c) => c.id === lib.heif_channel.heif_channel_interleaved)
    if (!plane) return send({ error: 'decode', message: 'no interleaved plane' })
    const w = plane.width, h = plane.height, row = w * 3
    const data = new Uint8Array(row * h)
    for (let y = 0; y < h; y += 1) data.set(plane.data.subarray(y * plane.stride, y * plane.stride + row), y * row)
    send({ width: w, height: h, data }, [data.buffer])
  } catch (error) {
    send({ error: 'decode', message: String((error && error.message) || error) })
  }
})()
`

type WorkerReply =
  | { width: number; height: number; data: Uint8Array }
  | { error: 'parse' | 'decode'; message: string }
  | { error: 'pixels'; width: number; height: number }

const DAMAGED = {
  reason: 'HEIC 照片已损坏或不完整',
  reasonEn: 'the HEIC photo is damaged or incomplete',
}

/**
 * Decodes the primary image of a HEIC/HEIF file to upright 8-bit RGB. Throws PixelLimitError
 * (before decoding) for an image over `maxPixels`, HeicError for anything else that goes wrong.
 */
export async function decodeHeic(bytes: Uint8Array, maxPixels: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RawImage> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { lib: libheifPath(), bytes, maxPixels } })
  let timer: NodeJS.Timeout | undefined
  try {
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new HeicError('HEIC 照片解码超时', `decoding the HEIC photo took longer than ${timeoutMs / 1000} s`)),
        timeoutMs,
      )
      worker.once('message', resolve)
      worker.once('error', (error) => reject(new HeicError(DAMAGED.reason, `${DAMAGED.reasonEn} (${error.message})`)))
      worker.once('exit', (code) => reject(new HeicError(DAMAGED.reason, `${DAMAGED.reasonEn} (decoder stopped, code ${code})`)))
    })
    if ('data' in reply)
      return {
        data: Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength),
        width: reply.width,
        height: reply.height,
      }
    if (reply.error === 'pixels') throw new PixelLimitError(reply.width, reply.height)
    throw new HeicError(DAMAGED.reason, `${DAMAGED.reasonEn} (${reply.message.slice(0, 120)})`)
  } finally {
    clearTimeout(timer)
    await worker.terminate()
  }
}
