/**
 * The second look: each value region found on the page is cropped from the upright image, enlarged
 * to a comfortable text height and read again as a single line with settings for its field — a
 * character whitelist for codes, dates and domains, Chinese for names — then interpreted.
 */
import { DATE_WHITELIST, FIELD_READS, type FieldRead, type Look } from '../../../shared/extraction/field-reads'
import { interpretText } from '../../../shared/extraction/names'
// The confidence from which a name needs no second opinion: the scan-* rules' "read with confidence".
import { SURE } from '../../../shared/model/scan-fields'
import type { FieldLocation } from '../../../shared/extraction/locate'
import { valueStart } from './ink'
import type { Reading } from '../../../shared/extraction/interpret'
import { glyphsOf, meanConfidence, missingAfter, textOf } from '../../../shared/extraction/glyphs'
import type { ReadChar } from '../../../shared/extraction/vote'
import type { Box } from '../../../shared/model/extracted'
import { union } from '../../../shared/extraction/ocr-types'
import { CROP_MARGIN, cropForLine } from '../intake/prepare'
import type { RawImage } from '../intake/pixels'
import { CancelledError, type OcrEngine } from '../ocr/engine'

export { DATE_WHITELIST }

/** Scales a box from working-image pixels to upright-image pixels. */
export function scaleBox(b: Box, scale: number): Box {
  return { x: b.x * scale, y: b.y * scale, width: b.width * scale, height: b.height * scale }
}

/** The confidence left to the characters beside a gap where one seems missing: below any vote's sure. */
const GAP_CONFIDENCE = 0.3

/** One read of a crop: the text of its target line and each character with its word's confidence. */
interface CropRead {
  readonly text: string
  readonly confidence: number
  readonly chars: ReadChar[]
}

/** Reads one crop as a block and returns the line nearest its middle (the target line). */
async function readCrop(
  engine: OcrEngine,
  upright: RawImage,
  crop: Box,
  h: number,
  look: Look,
  spec: FieldRead,
  signal?: AbortSignal,
): Promise<CropRead | null> {
  const { png, factor } = await cropForLine(upright, crop, h, look.height, look.render)
  // Block mode, then the line nearest the crop's middle: a single-line read fails outright when a
  // sliver of the next line or a frame line got into the crop.
  const r = await engine.recognize(
    { image: png, language: look.model ?? spec.language, mode: 'block', ...(spec.whitelist ? { whitelist: spec.whitelist } : {}) },
    signal,
  )
  const middle = CROP_MARGIN.top + (crop.height * factor) / 2
  const line = [...r.lines].sort((a, b) => Math.abs(a.box.y + a.box.height / 2 - middle) - Math.abs(b.box.y + b.box.height / 2 - middle))[0]
  if (!line || line.text.trim() === '') return null
  const glyphs = glyphsOf(line)
  const chars = glyphs.map((g) => ({ ch: g.ch, confidence: g.confidence }))
  // A free-text value with a character skipped inside it (under a stamp): the characters beside the gap are not sure.
  const placed = line.words.every((w) => w.chars !== undefined)
  const gaps = placed && !spec.whitelist ? missingAfter(glyphs) : []
  for (const i of gaps)
    for (const j of [i, i + 1])
      chars[j] = { ch: (chars[j] as ReadChar).ch, confidence: Math.min((chars[j] as ReadChar).confidence, GAP_CONFIDENCE) }
  return { text: line.text, confidence: gaps.length > 0 ? Math.min(line.confidence, GAP_CONFIDENCE) : line.confidence, chars }
}

/** Every crop of a value read in one look, joined; null unless every line was read. */
async function readLook(
  engine: OcrEngine,
  upright: RawImage,
  crops: readonly Box[],
  h: number,
  look: Look,
  spec: FieldRead,
  box: Box,
  signal?: AbortSignal,
): Promise<Reading | null> {
  const parts: CropRead[] = []
  for (const crop of crops) {
    const part = await readCrop(engine, upright, crop, h, look, spec, signal)
    // Only a reading of every line is a reading of the value.
    if (!part) return null
    parts.push(part)
  }
  return {
    text: parts.map((p) => p.text).join(''),
    confidence: Math.min(...parts.map((p) => p.confidence)),
    box,
    chars: parts.flatMap((p) => p.chars),
    source: 'crop',
    model: look.model ?? spec.language,
  }
}

/**
 * The text height a value's crops are scaled by, in upright-image pixels. A value read with its
 * label goes by the label's height (labels print a little smaller than values): the line's height
 * may have taken in the photo beside it.
 */
function cropTextHeight(loc: FieldLocation, scale: number, spec: FieldRead | undefined): number {
  const h = loc.textHeight * scale
  return spec?.withLabel && loc.label !== '' ? Math.min(h, loc.labelBox.height * scale * 1.4) : h
}

/** Where the crop of a value starts, ends and how high it is, in upright-image pixels. */
export function cropBoxes(loc: FieldLocation, scale: number, upright: RawImage, spec: FieldRead): Box[] {
  const box = scaleBox(loc.box, scale)
  const h = loc.textHeight * scale
  // Pad the box: OCR boxes hug the ink, and the page pass may have dropped a last character.
  // Start where the value must start: just after its label when the label is on the same line
  // (the page pass may have missed the value's first characters), but after the blank gap that
  // separates them, so no stroke of the label is read as part of the value.
  const label = scaleBox(loc.labelBox, scale)
  const sameLine = loc.label !== '' && Math.abs(label.y + label.height / 2 - (box.y + box.height / 2)) < h * 0.6
  // A value printed under its label starts under the label's first character.
  const below = loc.label !== '' && label.y + label.height <= box.y + h * 0.3
  const limit = Number.isFinite(loc.limitX) ? loc.limitX * scale - h * 0.3 : upright.width
  if (spec.withLabel) {
    // The label and its one-line value, on the label's row (the value's box may have taken in a
    // stray shape above or below).
    const from = sameLine ? label : box
    const th = cropTextHeight(loc, scale, spec)
    const x = from.x - th * 0.4
    const centre = from.y + from.height / 2
    return [{ x, y: centre - th * 0.9, width: Math.min(th * spec.extendRight, limit - x), height: th * 1.8 }]
  }
  const fromInk = sameLine ? valueStart(upright, label, box, h) : null
  const x =
    fromInk ??
    (sameLine ? Math.min(box.x - h * 0.4, label.x + label.width + h * 0.15) : below ? Math.min(box.x, label.x) - h * 0.4 : box.x - h * 0.4)
  const wanted = Math.max(box.x + box.width - x + h * spec.extendRight, h * (spec.minWidth ?? 0))
  const width = Math.max(box.x + box.width - x + h * 0.4, Math.min(wanted, limit - x))
  const crops: Box[] = [{ x, y: box.y - h * 0.3, width, height: box.height + h * 0.6 }]
  for (const line of loc.more) {
    const b = scaleBox(union(line.map((g) => g.box)), scale)
    crops.push({ x, y: b.y - h * 0.3, width: Math.max(width, b.x + b.width - x + h * 0.6), height: b.height + h * 0.6 })
  }
  return crops
}

/** The box around a located value and its further lines, in working-image pixels. */
export function valueBox(loc: FieldLocation): Box {
  const lines = loc.more.filter((line) => line.length > 0).map((line) => union(line.map((g) => g.box)))
  return lines.length === 0 ? loc.box : union([loc.box, ...lines])
}

/**
 * Readings of every located field: the re-reads of its crop (one per look of its FieldRead, then
 * the second opinions a doubtful name gets), then the page pass. A value on several lines is read
 * line by line and joined.
 */
export async function readFields(
  engine: OcrEngine,
  upright: RawImage,
  located: readonly FieldLocation[],
  scale: number,
  signal?: AbortSignal,
): Promise<Map<string, Reading[]>> {
  const out = new Map<string, Reading[]>()
  const jobs = located.map(async (loc) => {
    // The place of the whole value, every line of it: the review's crop and its mark on the page
    // (a wrapped 营业期限 or 类型 showed only its first line).
    const box = scaleBox(valueBox(loc), scale)
    const spec: FieldRead | undefined = FIELD_READS[loc.field]
    const h = cropTextHeight(loc, scale, spec)
    const all = [loc.glyphs, ...loc.more]
    const pageReading: Reading = {
      text: all.map(textOf).join(''),
      confidence: meanConfidence(all.flat()),
      box,
      chars: all.flat().map((g) => ({ ch: g.ch, confidence: g.confidence })),
      source: 'page',
    }
    const readings: Reading[] = []
    if (spec) {
      const crops = cropBoxes(loc, scale, upright, spec)
      for (const look of spec.looks) {
        const r = await readLook(engine, upright, crops, h, look, spec, box, signal)
        if (r) readings.push(r)
      }
      // A name the first looks leave in doubt gets the larger model's opinion too.
      const doubtful = (): boolean => (interpretText([...readings, pageReading], spec.kind ?? 'person')?.confidence ?? 0) < SURE
      // Look by look, and only while the name stays in doubt (or to confirm it): most are settled by the first.
      for (const [i, look] of (spec.secondOpinion ?? []).entries()) {
        if (i >= (spec.confirmLooks ?? 0) && !doubtful()) break
        try {
          const r = await readLook(engine, upright, crops, h, look, spec, box, signal)
          if (r) readings.push(r)
        } catch (error) {
          // A second opinion is optional: without the larger model (or when it fails) the name
          // stands on the first looks, already marked as doubtful.
          if (error instanceof CancelledError) throw error
        }
      }
    }
    readings.push(pageReading)
    out.set(loc.field, readings)
  })
  await Promise.all(jobs)
  return out
}
