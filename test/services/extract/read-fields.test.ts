/**
 * The re-reads of a located value with a scripted engine: every look of its FieldRead is one
 * reading besides the page pass; a person's name is read once by the larger Chinese model to
 * confirm it, and a name left in doubt is read by its other looks too. The larger model's absence
 * costs nothing but that opinion.
 */
import { describe, expect, it } from 'vitest'
import { readFields } from '../../../electron/services/extract/read-fields'
import type { OcrEngine, OcrRequest } from '../../../electron/services/ocr/engine'
import type { RawImage } from '../../../electron/services/intake/pixels'
import type { FieldLocation } from '../../../shared/extraction/locate'
import { FIELD_READS } from '../../../shared/extraction/field-reads'
import type { OcrPage } from '../../../shared/extraction/ocr-types'

const WIDTH = 600
const HEIGHT = 80
/** A white strip with a dark label block and three dark character blocks. */
function strip(): RawImage {
  const data = Buffer.alloc(WIDTH * HEIGHT * 3, 245)
  for (let y = 25; y < 55; y += 1)
    for (let x = 0; x < WIDTH; x += 1)
      if ((x >= 10 && x < 130) || (x >= 200 && x < 230) || (x >= 234 && x < 264) || (x >= 268 && x < 298))
        data.fill(20, (y * WIDTH + x) * 3, (y * WIDTH + x) * 3 + 3)
  return { data, width: WIDTH, height: HEIGHT }
}

const glyph = (ch: string, i: number, confidence: number) => ({ ch, confidence, box: { x: 200 + i * 34, y: 25, width: 30, height: 30 } })

/** The legal representative's value as the page pass read it. */
function located(text: string, confidence: number): FieldLocation {
  const glyphs = [...text].map((ch, i) => glyph(ch, i, confidence))
  return {
    field: 'legalRepresentative',
    glyphs,
    box: { x: 200, y: 25, width: 98, height: 30 },
    more: [],
    textHeight: 30,
    label: '法定代表人',
    labelBox: { x: 10, y: 25, width: 120, height: 30 },
    limitX: Number.POSITIVE_INFINITY,
  }
}

/** Answers each model with a fixed line (or fails for a model it lacks). */
class ScriptedEngine implements OcrEngine {
  readonly description = 'scripted'
  readonly asked: OcrRequest['language'][] = []
  constructor(private readonly answers: Partial<Record<OcrRequest['language'], { text: string; confidence: number } | Error>>) {}
  async recognize(request: OcrRequest): Promise<OcrPage> {
    this.asked.push(request.language)
    const answer = this.answers[request.language]
    if (!answer) return { text: '', confidence: 0, lines: [] }
    if (answer instanceof Error) throw answer
    // One line in the middle of the crop (the crop is read as a block, the middle line taken).
    const box = { x: 16, y: 20, width: 200, height: 40 }
    return {
      text: answer.text,
      confidence: answer.confidence,
      lines: [
        { text: answer.text, confidence: answer.confidence, box, words: [{ text: answer.text, confidence: answer.confidence, box }] },
      ],
    }
  }
  async close(): Promise<void> {}
}

const looks = FIELD_READS.legalRepresentative?.looks.length ?? 0
const second = FIELD_READS.legalRepresentative?.secondOpinion ?? []

describe('readFields', () => {
  it('reads a name in every look, and asks the larger model once to confirm it', async () => {
    const engine = new ScriptedEngine({
      'chi_sim+eng': { text: '丁浩平', confidence: 0.9 },
      'chi_sim-full': { text: '丁浩平', confidence: 0.9 },
    })
    const readings = (await readFields(engine, strip(), [located('丁浩平', 0.9)], 1)).get('legalRepresentative') ?? []
    expect(looks).toBeGreaterThanOrEqual(2)
    expect(engine.asked).toEqual([...Array.from({ length: looks }, () => 'chi_sim+eng'), 'chi_sim-full'])
    expect(readings.map((r) => r.text)).toEqual(Array.from({ length: looks + 2 }, () => '丁浩平'))
    expect(readings.at(-1)?.source).toBe('page')
  })

  it('doubts a name the default model agrees on when the larger model reads it otherwise, and asks on', async () => {
    // best_int can agree with itself on a misread (周刚雨 read 周刚十 at every scale).
    const engine = new ScriptedEngine({
      'chi_sim+eng': { text: '丁浩平', confidence: 0.9 },
      'chi_sim-full': { text: '丁渊平', confidence: 0.9 },
    })
    const readings = (await readFields(engine, strip(), [located('丁浩平', 0.9)], 1)).get('legalRepresentative') ?? []
    expect(engine.asked.slice(looks)).toEqual(second.map((l) => l.model ?? 'chi_sim+eng'))
    expect(readings).toHaveLength(looks + second.length + 1)
  })

  it('asks the second opinion look by look while a name stays in doubt', async () => {
    const engine = new ScriptedEngine({
      'chi_sim+eng': { text: '丁渔平', confidence: 0.4 },
      'chi_sim-full': { text: '丁浩平', confidence: 0.9 },
    })
    const readings = (await readFields(engine, strip(), [located('丁浩平', 0.5)], 1)).get('legalRepresentative') ?? []
    // The readings never agree, so every look of the second opinion is read.
    expect(second.length).toBeGreaterThanOrEqual(2)
    expect(engine.asked.slice(looks)).toEqual(second.map((l) => l.model ?? 'chi_sim+eng'))
    expect(readings.map((r) => r.text)).toContain('丁浩平')
    expect(readings).toHaveLength(looks + second.length + 1)
  })

  it('stops asking once a look settles the name', async () => {
    // Every reading agrees but too faintly to be sure; one confident look of the larger model settles it.
    const engine = new ScriptedEngine({
      'chi_sim+eng': { text: '丁浩平', confidence: 0.5 },
      'chi_sim-full': { text: '丁浩平', confidence: 0.95 },
    })
    const readings = (await readFields(engine, strip(), [located('丁浩平', 0.5)], 1)).get('legalRepresentative') ?? []
    expect(engine.asked.filter((l) => l === 'chi_sim-full')).toHaveLength(1)
    expect(readings).toHaveLength(looks + 2)
  })

  it('does without the larger model when it is missing', async () => {
    const engine = new ScriptedEngine({
      'chi_sim+eng': { text: '丁渔平', confidence: 0.4 },
      'chi_sim-full': new Error('OCR model missing: full/chi_sim.traineddata.gz'),
    })
    const readings = (await readFields(engine, strip(), [located('丁浩平', 0.5)], 1)).get('legalRepresentative') ?? []
    expect(engine.asked).toContain('chi_sim-full')
    // The looks of the second opinion through the usual model still count.
    expect(readings).toHaveLength(looks + second.filter((l) => !l.model).length + 1)
  })
})
