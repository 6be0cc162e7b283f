/**
 * Each review row's crop is its own field's, and a value on two lines is marked and cropped whole:
 * the birth date taken from a proven ID number keeps the place where 出生 is printed (it showed the
 * number's crop), and a located value's box takes in its further lines (a wrapped 营业期限 or 类型).
 */
import { describe, expect, it } from 'vitest'
import { valueBox } from '../../electron/services/extract/read-fields'
import { assembleFields } from '../../shared/extraction/assemble'
import type { Reading } from '../../shared/extraction/interpret'
import type { FieldLocation } from '../../shared/extraction/locate'
import { makeResidentId } from '../support/ids'

const TODAY = '2026-12-01'
const ID = makeResidentId('440305', '19850612', '123')
const BOXES = {
  idNumber: { x: 300, y: 900, width: 520, height: 38 },
  birthDate: { x: 160, y: 700, width: 390, height: 38 },
  sex: { x: 160, y: 610, width: 36, height: 40 },
  personName: { x: 160, y: 520, width: 130, height: 50 },
}

function readings(fields: Partial<Record<keyof typeof BOXES, string>>): Map<string, Reading[]> {
  return new Map(
    Object.entries(fields).map(([k, text]) => [
      k,
      [{ text, confidence: 0.95, box: BOXES[k as keyof typeof BOXES], source: 'crop' } as Reading],
    ]),
  )
}

describe('the birth date and sex taken from the ID number', () => {
  it('keep the printed value’s place when it was read (its crop is the 出生 line, not the number)', () => {
    // 「1985年 6月12日」 read 「1985年-6月1月」: the proven number decides the value.
    const a = assembleFields(
      'id-card',
      readings({ idNumber: ID, birthDate: '1985年-6月1月', sex: '女', personName: '陈思远' }),
      new Map(),
      TODAY,
    )
    expect(a.fields.birthDate).toMatchObject({ value: '1985-06-12', source: 'idNumber', box: BOXES.birthDate })
    expect(a.fields.sex?.box).toEqual(BOXES.sex)
    expect(a.fields.birthDate?.box).not.toEqual(a.fields.idNumber?.box)
  })

  it('point at the number only when nothing printed was read', () => {
    const a = assembleFields('id-card', readings({ idNumber: ID, personName: '陈思远' }), new Map(), TODAY)
    expect(a.fields.birthDate).toMatchObject({ value: '1985-06-12', source: 'idNumber', box: BOXES.idNumber })
  })
})

describe('valueBox', () => {
  const glyph = (x: number, y: number) => ({ ch: '日', confidence: 0.9, box: { x, y, width: 30, height: 32 } })
  const term: FieldLocation = {
    field: 'term',
    glyphs: [glyph(400, 100), glyph(434, 100)],
    box: { x: 400, y: 100, width: 480, height: 32 },
    // 「2004年03月28日 至 2034年03月2」 / 「7日」
    more: [[glyph(400, 140), glyph(434, 140)]],
    textHeight: 32,
    label: '营业期限',
    labelBox: { x: 200, y: 100, width: 130, height: 32 },
    limitX: Number.POSITIVE_INFINITY,
  }

  it('takes in every line of a wrapped value', () => {
    expect(valueBox(term)).toEqual({ x: 400, y: 100, width: 480, height: 72 })
  })

  it('is the first line’s box for a one-line value', () => {
    expect(valueBox({ ...term, more: [] })).toEqual(term.box)
    expect(valueBox({ ...term, more: [[]] })).toEqual(term.box)
  })
})
