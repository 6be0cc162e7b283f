/**
 * Bounded decoding of PDF streams. A PDF from a customer is hostile input: a 3 MB Flate stream can
 * inflate to 3 GB, two chained Flate filters to far more. Every stream here is decoded with a
 * bound known before decoding starts, and decoding stops when the output reaches it (zlib's
 * `maxOutputLength` stops the inflater itself; the other filters are read block by block), so a
 * bomb costs at most the bound in memory and the time to produce it.
 */
import { inflateSync } from 'node:zlib'
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFObjectStreamParser,
  PDFRawStream,
  PDFXRefStreamParser,
  type PDFContext,
} from '@cantoo/pdf-lib'

/** A stream that decodes to more than its bound: refused, never decoded further. */
export class StreamLimitError extends Error {
  constructor(readonly limit: number) {
    super(`the stream decodes to more than ${limit} bytes`)
    this.name = 'StreamLimitError'
  }
}

/**
 * Inflates zlib (FlateDecode) data to at most `maxBytes` bytes; throws StreamLimitError as soon as
 * the output would pass the bound, without producing more of it. With `preallocate` (an image,
 * whose size is known), zlib writes into one buffer of the bound instead of chunks joined at the
 * end: half the peak memory and a third of the time for a large scan.
 */
export function inflateBounded(data: Uint8Array, maxBytes: number, options: { preallocate?: boolean } = {}): Buffer {
  const bound = Math.max(1, Math.floor(maxBytes))
  try {
    return inflateSync(data, { maxOutputLength: bound, ...(options.preallocate ? { chunkSize: Math.max(64, bound) } : {}) })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new StreamLimitError(maxBytes)
    throw error
  }
}

/** The filter names of a stream, in the order they are applied to decode it. */
export function filtersOf(stream: PDFRawStream): string[] {
  const f = stream.dict.lookup(PDFName.of('Filter'))
  if (f instanceof PDFArray) return f.asArray().map((x) => String(stream.dict.context.lookup(x) ?? x))
  return f ? [String(f)] : []
}

/** One non-Flate filter (LZW, ASCII85, ASCIIHex, RunLength) by pdf-lib's decoders, read up to the bound. */
function decodeOther(stream: PDFRawStream, data: Uint8Array, filter: string, params: unknown, maxBytes: number): Uint8Array {
  const ctx = stream.dict.context
  const dict = PDFDict.withContext(ctx)
  dict.set(PDFName.of('Filter'), PDFName.of(filter.replace(/^\//, '')))
  if (params instanceof PDFDict) dict.set(PDFName.of('DecodeParms'), params)
  // getBytes(n) reads blocks only until n bytes are out: asking one byte more tells a stream over the bound.
  const out = decodePDFRawStream(PDFRawStream.of(dict, data)).getBytes(maxBytes + 1)
  if (out.length > maxBytes) throw new StreamLimitError(maxBytes)
  return new Uint8Array(out.buffer, out.byteOffset, out.length)
}

/**
 * The decoded bytes of a stream (a page's content, typically), every filter of the chain bounded
 * by `maxBytes`. Throws StreamLimitError past the bound, and pdf-lib's errors for an unknown filter.
 */
export function decodeStreamBounded(stream: PDFRawStream, maxBytes: number): Uint8Array {
  const filters = filtersOf(stream)
  const parms = stream.dict.lookup(PDFName.of('DecodeParms'))
  let data: Uint8Array = stream.contents
  if (filters.length === 0 && data.length > maxBytes) throw new StreamLimitError(maxBytes)
  filters.forEach((filter, i) => {
    const params = parms instanceof PDFArray ? parms.lookup(i) : parms
    data = filter === '/FlateDecode' ? inflateBounded(data, maxBytes) : decodeOther(stream, data, filter, params, maxBytes)
  })
  return data
}

/** Documents whose parsing met an object or cross-reference stream over the bound. */
const overLimit = new WeakSet<PDFContext>()
let parsingBound = 0

/**
 * pdf-lib inflates object streams (ObjStm) and cross-reference streams while it parses, whole and
 * without a limit. This puts a bounded decode in front of both, once per process: a stream past
 * `maxBytes` is refused before pdf-lib decodes it (pdf-lib then treats the object as invalid and
 * goes on), and `parsedOverLimit` tells the caller the document met one.
 */
export function boundPdfParsing(maxBytes: number): void {
  if (parsingBound > 0) {
    parsingBound = Math.min(parsingBound, maxBytes)
    return
  }
  parsingBound = maxBytes
  const check = (stream: PDFRawStream): void => {
    try {
      decodeStreamBounded(stream, parsingBound)
    } catch (error) {
      if (error instanceof StreamLimitError) overLimit.add(stream.dict.context)
      throw error
    }
  }
  const objectStreams = PDFObjectStreamParser.forStream
  PDFObjectStreamParser.forStream = (stream, shouldWaitForTick) => {
    check(stream)
    return objectStreams(stream, shouldWaitForTick)
  }
  const xrefStreams = PDFXRefStreamParser.forStream
  PDFXRefStreamParser.forStream = (stream) => {
    check(stream)
    return xrefStreams(stream)
  }
}

/** True when parsing the document met an object or cross-reference stream over the bound. */
export function parsedOverLimit(context: PDFContext): boolean {
  return overLimit.has(context)
}
