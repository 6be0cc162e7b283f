/**
 * The seal on a signed letter, read: our own letter rendered by pdftoppm, signed and stamped with
 * generated seals (the unit's 公章 with its name round the ring; a 合同专用章 and a 财务专用章 with
 * the same ring; a seal with no readable text), its red ink unwrapped and read by the real OCR
 * engine, and judged by gd-letter-seal-type (issue 14 item 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateLetter, type GeneratedLetter } from '../../../electron/services/letter/generate'
import { readSealText } from '../../../electron/services/letter/seal-text'
import { analyseSignedScan } from '../../../electron/services/letter/signed-scan'
import { OcrPool } from '../../../electron/services/ocr/pool'
import { sealKind, type LetterSealText } from '../../../shared/letter/seal'
import { parseCase } from '../../../shared/model/case'
import { checkCase } from '../../../shared/rules/engine'
import { makeScan, renderPage, type ScanOptions } from '../../support/letter-scan'
import { letterReading, SAMPLE_DATE, sampleCase } from '../../support/sample-case'

const data = sampleCase()
const parsed = parseCase(data)
if (!parsed.ok) throw new Error('sample case')
const c = parsed.case
const NAME = c.sponsor.name as string
let letter: GeneratedLetter
let page: Buffer
const pool = new OcrPool({ size: 1 })

beforeAll(async () => {
  letter = await generateLetter(c, { date: SAMPLE_DATE })
  page = renderPage(letter.pdf as Uint8Array, 150, letter.pages)
}, 60_000)
afterAll(() => pool.close())

async function stamped(sealText: NonNullable<ScanOptions['sealText']>) {
  const jpg = await makeScan(page, letter.scanLayout, { sign: true, seal: true, sealText, tint: [1, 0.98, 0.93] })
  const scan = await analyseSignedScan(jpg, letter.scanLayout)
  expect(scan.seal.found).toBe(true)
  const text = await pool.run((engine) => readSealText(engine, jpg, scan.seal.box!))
  return { scan: { ...scan, seal: { ...scan.seal, text: { ...text } } }, text }
}

function sealFindings(scan: unknown) {
  const d = sampleCase()
  d.documents.find((x) => x.role === 'commitment-letter')!.extracted = letterReading(undefined, scan as never)
  const p = parseCase(d)
  if (!p.ok) throw new Error('case')
  return checkCase(p.case, { today: SAMPLE_DATE }).filter((f) => f.rule === 'gd-letter-seal-type')
}

describe('the seal must be the company seal', () => {
  it('the 公章 (the unit’s name round the ring) passes', async () => {
    const { scan, text } = await stamped({ ring: NAME, centre: '' })
    expect(sealKind(text, NAME)).toEqual({ kind: 'company' })
    expect(sealFindings(scan)).toEqual([])
  }, 60_000)

  it('a 合同专用章 and a 财务专用章 with the same ring are errors naming the seal', async () => {
    for (const purpose of ['合同专用章', '财务专用章'] as const) {
      const { scan, text } = await stamped({ ring: NAME, centre: purpose })
      expect(sealKind(text, NAME)).toEqual({ kind: 'special', name: purpose })
      const f = sealFindings(scan)
      expect(f.map((x) => [x.severity, x.message])).toEqual([['error', `承诺书扫描件“scans/letter.jpg”上盖的是${purpose}，不是单位公章`]])
    }
  }, 90_000)

  it('a seal whose text cannot be read is a warning', async () => {
    const { scan, text } = await stamped({ centre: '' })
    expect(sealKind(text, NAME)).toEqual({ kind: 'unreadable' })
    expect(sealFindings(scan).map((x) => x.severity)).toEqual(['warning'])
  }, 60_000)
})

describe('sealKind', () => {
  const t = (centre: string, ring: string): LetterSealText => ({ centre, ring })
  it('knows the special seals by their purpose even with a character lost, and the 公章 by its name', () => {
    expect(sealKind(t('发票专用', NAME), NAME)).toEqual({ kind: 'special', name: '发票专用章' })
    expect(sealKind(t('人事专用章', ''), NAME)).toEqual({ kind: 'special', name: '人事专用章' })
    expect(sealKind(t('', '深圳市云帆网络科技有限公司'), NAME)).toEqual({ kind: 'company' })
    expect(sealKind(t('', '深圳市海蓝贸易有限公司'), NAME)).toEqual({ kind: 'unreadable' })
    expect(sealKind(t('公章', ''), NAME)).toEqual({ kind: 'company' })
  })
})
