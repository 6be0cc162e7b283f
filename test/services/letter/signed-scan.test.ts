/**
 * The signed letter, end to end: our own PDF rendered by pdftoppm, "signed" and "sealed" with
 * sharp, tinted and shifted like a scanner would, analysed, read by real OCR (tesseract.js), and
 * judged by the three rules. Unsigned, unsealed and foreign letters must fail.
 */
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadLetterFonts } from '../../../electron/services/letter/fonts'
import { generateLetter, type GeneratedLetter } from '../../../electron/services/letter/generate'
import { analyseSignedScan } from '../../../electron/services/letter/signed-scan'
import { matchLetterText } from '../../../shared/letter/match'
import type { LetterScan } from '../../../shared/letter/scan-result'
import { parseCase, type Case } from '../../../shared/model/case'
import { checkCase } from '../../../shared/rules/engine'
import { makeUscc } from '../../support/ids'
import { makeScan, ocrLines, renderPage } from '../../support/letter-scan'
import { asIndividualSponsor, letterReading, SAMPLE_DATE, SAMPLE_USCC, sampleCase, type EditableCase } from '../../support/sample-case'

const LETTER_RULES = ['gd-letter-mismatch', 'gd-letter-unsigned', 'gd-letter-no-seal']

function caseOf(mutate: (c: EditableCase) => void = () => {}, extracted?: unknown): Case {
  const data = sampleCase()
  mutate(data)
  const doc = data.documents.find((d) => d.role === 'commitment-letter')
  if (doc && extracted !== undefined) doc.extracted = extracted
  const parsed = parseCase(data)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return parsed.case
}

const individual = (c: EditableCase): void => {
  asIndividualSponsor(c)
  const site = c.websites[0]
  if (site) site.name = '思远的摄影日记'
}

function extracted(text: string[] | undefined, letter: LetterScan): unknown {
  return letterReading(text, letter, letter.image)
}

let unit: GeneratedLetter
let page: Buffer
beforeAll(async () => {
  const fonts = await loadLetterFonts()
  unit = await generateLetter(caseOf(), { today: SAMPLE_DATE, fonts })
  page = renderPage(unit.pdf as Uint8Array, 150)
})

const analyse = async (options: Parameters<typeof makeScan>[2]): Promise<LetterScan> =>
  analyseSignedScan(await makeScan(page, unit.scanLayout, options), unit.scanLayout)

describe('analyseSignedScan', () => {
  it('finds ink in the signature box of a signed scan, and none in an unsigned one', async () => {
    const signed = await analyse({ sign: true, shift: { x: 14, y: 18 } })
    expect(signed.pageShaped).toBe(true)
    expect(signed.boxes).toEqual([expect.objectContaining({ id: 'signature', kind: 'signature', state: 'marked', located: true })])
    expect(signed.boxes[0]?.ink).toBeGreaterThan(0.02)
    const blank = await analyse({ shift: { x: 14, y: 18 } })
    expect(blank.boxes[0]).toMatchObject({ state: 'empty', located: true, ink: 0 })
  })

  it('does not take a red seal stamped across the signature box for a signature', async () => {
    const png = await makeScan(
      page,
      { ...unit.scanLayout, boxes: unit.scanLayout.boxes.map((b) => (b.kind === 'seal' ? { ...b, x: 40, y: 238 } : b)) },
      { seal: true },
    )
    const r = await analyseSignedScan(png, unit.scanLayout)
    expect(r.seal.found).toBe(true)
    expect(r.boxes[0]?.state).toBe('empty')
  })

  it('finds a red seal of a seal’s size despite a strong yellow scanner tint, and none without it', async () => {
    const sealed = await analyse({ seal: true, tint: [1, 0.9, 0.75] })
    expect(sealed.seal.found).toBe(true)
    expect(sealed.seal.widthMm).toBeGreaterThanOrEqual(35)
    expect(sealed.seal.widthMm).toBeLessThanOrEqual(50)
    const untinted = await analyse({ seal: true, tint: [1, 1, 1] })
    expect(untinted.seal.found).toBe(true)
    const unsealed = await analyse({ sign: true, tint: [1, 0.9, 0.75] })
    expect(unsealed.seal).toMatchObject({ found: false })
    expect(unsealed.seal.redShare).toBeLessThan(0.0005)
  })

  it('is not fooled by a red pen tick, nor by a greyscale scan of a sealed letter', async () => {
    expect((await analyse({ sign: true, redTick: true })).seal.found).toBe(false)
    const sealed = await makeScan(page, unit.scanLayout, { sign: true, seal: true })
    const grey = await sharp(sealed).greyscale().jpeg().toBuffer()
    expect((await analyseSignedScan(grey, unit.scanLayout)).seal.found).toBe(false)
  })

  it('says "unknown" when the image is not a whole page and the box cannot be found', async () => {
    const meta = await sharp(page).metadata()
    const top = await sharp(page)
      .extract({ left: 0, top: 0, width: meta.width ?? 0, height: Math.round((meta.height ?? 0) * 0.6) })
      .png()
      .toBuffer()
    const r = await analyseSignedScan(top, unit.scanLayout)
    expect(r.pageShaped).toBe(false)
    expect(r.boxes[0]).toMatchObject({ state: 'unknown', located: false })
    expect(r.turned).toBe(0)
  })

  it('measures a personal letter’s fingerprint box', async () => {
    const fonts = await loadLetterFonts()
    const letter = await generateLetter(caseOf(individual), { today: SAMPLE_DATE, fonts })
    const png = renderPage(letter.pdf as Uint8Array, 150)
    const pressed = await analyseSignedScan(await makeScan(png, letter.scanLayout, { sign: true, fingerprint: true }), letter.scanLayout)
    expect(pressed.boxes.map((b) => [b.kind, b.state])).toEqual([
      ['signature', 'marked'],
      ['fingerprint', 'marked'],
    ])
    const bare = await analyseSignedScan(await makeScan(png, letter.scanLayout, { sign: true }), letter.scanLayout)
    expect(bare.boxes.map((b) => b.state)).toEqual(['marked', 'empty'])
  })

  it('finds the box on a page fed crooked (±1.5°), signed or not', async () => {
    for (const angle of [1.5, -1.5]) {
      for (const sign of [true, false]) {
        const scan = await makeScan(page, unit.scanLayout, { sign, seal: true })
        const skewed = await sharp(scan)
          .rotate(angle, { background: { r: 255, g: 237, b: 204 } })
          .jpeg()
          .toBuffer()
        const r = await analyseSignedScan(skewed, unit.scanLayout)
        expect(r.boxes[0], `${angle}° signed=${sign}`).toMatchObject({ located: true, state: sign ? 'marked' : 'empty' })
        expect(r.seal.found).toBe(true)
      }
    }
  })

  it('turns a page scanned sideways or upside down until it finds the boxes', async () => {
    const scan = await makeScan(page, unit.scanLayout, { sign: true, seal: true })
    for (const [turn, expected] of [
      [90, 270],
      [180, 180],
      [270, 90],
    ] as const) {
      const r = await analyseSignedScan(await sharp(scan).rotate(turn).jpeg().toBuffer(), unit.scanLayout)
      expect(r.turned, `scan turned ${turn}°`).toBe(expected)
      expect(r.boxes[0]).toMatchObject({ state: 'marked', located: true })
      expect(r.seal.found).toBe(true)
    }
  })

  it('rejects an image it cannot decode', async () => {
    await expect(analyseSignedScan(Buffer.from('not an image'), unit.scanLayout)).rejects.toThrow()
  })
})

describe('signed letter read by OCR and judged by the rules', () => {
  let lines: string[]
  let signedSealed: LetterScan
  beforeAll(async () => {
    const scan = await makeScan(page, unit.scanLayout, { sign: true, seal: true, shift: { x: 10, y: 12 } })
    signedSealed = await analyseSignedScan(scan, unit.scanLayout)
    ;[lines = []] = await ocrLines([scan])
  }, 180_000)

  it('OCR finds this case’s name and credit code on the scan', () => {
    const m = matchLetterText(lines, { name: '深圳市云帆网络科技有限公司', code: SAMPLE_USCC, codeKind: 'uscc', today: SAMPLE_DATE })
    expect(m).toMatchObject({ name: 'found', variant: 'unit', empty: false })
    expect(['found', 'corrected']).toContain(m.code)
  })

  it('a signed, sealed letter for this case has no findings', () => {
    const findings = checkCase(
      caseOf(() => {}, extracted(lines, signedSealed)),
      { today: SAMPLE_DATE },
    ).filter((f) => LETTER_RULES.includes(f.rule))
    expect(findings).toEqual([])
  })

  it("fails as 'gd-letter-unsigned' and 'gd-letter-no-seal' when the analysis found neither", async () => {
    const bare = await analyse({ shift: { x: 10, y: 12 } })
    const findings = checkCase(
      caseOf(() => {}, extracted(lines, bare)),
      { today: SAMPLE_DATE },
    ).filter((f) => LETTER_RULES.includes(f.rule))
    expect(findings.map((f) => f.rule).sort()).toEqual(['gd-letter-no-seal', 'gd-letter-unsigned'])
  })

  it("fails as 'gd-letter-mismatch' against another company’s case", () => {
    const other = caseOf(
      (c) => {
        c.sponsor.name = '广州市海蓝贸易有限公司'
        c.sponsor.certificateNumber = makeUscc('91440101', 'MA59XY42')
        const site = c.websites[0]
        if (site) site.domainCertificate.owner = '广州市海蓝贸易有限公司'
      },
      extracted(lines, signedSealed),
    )
    const findings = checkCase(other, { today: SAMPLE_DATE }).filter((f) => LETTER_RULES.includes(f.rule))
    // Two findings: the name is not on the page, and the page shows another valid code (named).
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['gd-letter-mismatch', 'error'],
      ['gd-letter-mismatch', 'error'],
    ])
    expect(findings[0]?.message).toContain('广州市海蓝贸易有限公司')
    expect(findings[1]?.message).toContain(`扫描件上是 ${SAMPLE_USCC}`)
  })
})
