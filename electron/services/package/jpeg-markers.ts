/**
 * JPEG marker surgery: remove the metadata segments (EXIF with GPS and camera serials, XMP,
 * Photoshop/IPTC, comments, trailing multi-picture data) from a JPEG without touching its image
 * data. A scan that already fits the provider's limits is then carried with no generation loss,
 * and nothing personal beyond the pixels leaves the machine.
 */

export interface JpegSegment {
  /** Marker byte after 0xFF, e.g. 0xE1 for APP1. */
  readonly marker: number
  /** Offset of the 0xFF of the marker. */
  readonly offset: number
  /** Total bytes of the segment including marker and length (entropy-coded data excluded). */
  readonly length: number
  /** First bytes of the payload, to tell `Exif\0`, `http://ns.adobe.com/xap/` or `ICC_PROFILE`. */
  readonly tag: string
}

/** A file that is not a whole JPEG: callers fall back to decoding and re-encoding, or report it. */
export class JpegStructureError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JpegStructureError'
  }
}

const SOI = 0xd8
const EOI = 0xd9
const SOS = 0xda

/** Markers that stand alone, without a length field. */
function standalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)
}

function tagOf(buf: Uint8Array, start: number, end: number): string {
  let out = ''
  for (let i = start; i < Math.min(end, start + 12); i += 1) {
    const c = buf[i] as number
    out += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : c === 0 ? '\\0' : '.'
  }
  return out
}

/**
 * Lists the marker segments up to EOI; `end` is the offset just past EOI (bytes after it are not
 * part of the image). Throws JpegStructureError on anything that is not a well-formed JPEG.
 */
export function jpegSegments(buf: Uint8Array): { segments: JpegSegment[]; end: number } {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== SOI) throw new JpegStructureError('not a JPEG (no SOI marker)')
  const segments: JpegSegment[] = [{ marker: SOI, offset: 0, length: 2, tag: '' }]
  let pos = 2
  while (pos < buf.length) {
    if (buf[pos] !== 0xff) throw new JpegStructureError(`expected a marker at byte ${pos}`)
    while (buf[pos + 1] === 0xff) pos += 1 // fill bytes
    const marker = buf[pos + 1]
    if (marker === undefined) break
    if (marker === EOI) {
      segments.push({ marker, offset: pos, length: 2, tag: '' })
      return { segments, end: pos + 2 }
    }
    if (standalone(marker)) {
      segments.push({ marker, offset: pos, length: 2, tag: '' })
      pos += 2
      continue
    }
    const hi = buf[pos + 2]
    const lo = buf[pos + 3]
    if (hi === undefined || lo === undefined) throw new JpegStructureError('truncated segment header')
    const length = (hi << 8) | lo
    if (length < 2 || pos + 2 + length > buf.length) throw new JpegStructureError(`segment at byte ${pos} runs past the end`)
    segments.push({ marker, offset: pos, length: length + 2, tag: tagOf(buf, pos + 4, pos + 2 + length) })
    pos += 2 + length
    if (marker === SOS) {
      // Entropy-coded data: runs until a marker other than a stuffed 0xFF00 or a restart marker.
      while (pos < buf.length - 1) {
        if (buf[pos] === 0xff) {
          const next = buf[pos + 1] as number
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break
        }
        pos += 1
      }
      if (pos >= buf.length - 1) throw new JpegStructureError('no EOI marker: the file is truncated')
    }
  }
  throw new JpegStructureError('no EOI marker: the file is truncated')
}

/**
 * Segments worth keeping: JFIF (APP0), the ICC colour profile (APP2 `ICC_PROFILE`), Adobe (APP14,
 * needed to decode colour correctly) and everything that is not an APPn or COM segment.
 */
function keep(segment: JpegSegment): boolean {
  const m = segment.marker
  if (m === 0xfe) return false // COM
  if (m < 0xe0 || m > 0xef) return true
  if (m === 0xe0) return segment.tag.startsWith('JFIF') || segment.tag.startsWith('JFXX')
  if (m === 0xe2) return segment.tag.startsWith('ICC_PROFILE')
  return m === 0xee
}

/** The same JPEG without metadata segments and without trailing data after EOI. */
export function stripJpegMetadata(buf: Uint8Array): Buffer {
  const { segments, end } = jpegSegments(buf)
  const parts: Uint8Array[] = []
  segments.forEach((segment, i) => {
    if (!keep(segment)) return
    // A segment's bytes run to the next segment (this includes entropy-coded data after SOS).
    const next = segments[i + 1]?.offset ?? end
    parts.push(buf.subarray(segment.offset, next))
  })
  return Buffer.concat(parts)
}

/** True when the JPEG carries EXIF, XMP, IPTC or comment segments, or data after EOI. */
export function hasJpegMetadata(buf: Uint8Array): boolean {
  const { segments, end } = jpegSegments(buf)
  return end < buf.length || segments.some((s) => !keep(s))
}
