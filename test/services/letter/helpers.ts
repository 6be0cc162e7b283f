/**
 * Shared by the letter generation tests: the sample case with one thing changed, a generated
 * letter that must exist, and the ink under every text run of a rendered page.
 */
import sharp from 'sharp'
import type { LetterFonts } from '../../../electron/services/letter/fonts'
import { generateLetter, type GeneratedLetter } from '../../../electron/services/letter/generate'
import type { TextOp } from '../../../shared/letter/draw-ops'
import type { LetterLayout } from '../../../shared/letter/layout'
import { parseCase, type Case } from '../../../shared/model/case'
import { renderPage } from '../../support/letter-scan'
import { PRINCIPAL_ID, SAMPLE_DATE, sampleCase, type EditableCase } from '../../support/sample-case'

export function caseOf(mutate: (c: EditableCase) => void = () => {}): Case {
  const data = sampleCase()
  mutate(data)
  const parsed = parseCase(data)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return parsed.case
}

export async function generate(c: Case, fonts: LetterFonts, date = SAMPLE_DATE): Promise<GeneratedLetter & { pdf: Uint8Array }> {
  const r = await generateLetter(c, { today: SAMPLE_DATE, date, fonts })
  if (!r.pdf) throw new Error(JSON.stringify(r.findings, null, 1))
  return r as GeneratedLetter & { pdf: Uint8Array }
}

export const LONG_NAME = '深圳市前海深港现代服务业合作区云帆国际网络科技与数字文化传播发展有限公司'

/** Makes the sample a 个人 filing by `name`. */
export const individual = (name: string) => (c: EditableCase) => {
  c.sponsor = {
    type: '个人',
    name,
    certificateType: '居民身份证',
    certificateNumber: PRINCIPAL_ID,
    mailingAddress: '广东省深圳市南山区科苑路15号1201',
  }
  c.principal.name = name
  c.documents = c.documents.filter((d) => d.role !== 'sponsor-certificate')
  const site = c.websites[0]
  if (site) {
    site.name = '思远的摄影日记'
    site.domainCertificate.owner = name
    site.manager = { ...c.principal }
  }
}

/** A run of text with less ink than this is blank (一、 the leanest, has ~3 %). */
export const MIN_INK = 0.01

/** Share of dark pixels inside each text run's box on a page rendered at `dpi`. */
export async function inkPerTextRun(
  pdf: Uint8Array,
  layout: LetterLayout,
  fonts: LetterFonts,
  page: number,
  dpi = 100,
): Promise<Array<{ text: string; ink: number }>> {
  const png = renderPage(pdf, dpi, page)
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })
  const k = dpi / 72
  const ops = (layout.pages[page - 1]?.ops ?? []).filter((o): o is TextOp => o.op === 'text' && o.text.trim() !== '')
  return ops.map((op) => {
    const width = [...op.text].reduce((s, ch) => s + fonts.metrics.advance(ch, op.face) * op.size + op.spacing, 0)
    const x0 = Math.floor(op.x * k)
    const x1 = Math.ceil((op.x + width) * k)
    const y0 = Math.floor((op.baseline - op.size * 0.9) * k)
    const y1 = Math.ceil((op.baseline + op.size * 0.15) * k)
    let dark = 0
    let total = 0
    for (let y = y0; y < y1; y += 1)
      for (let x = x0; x < x1; x += 1) {
        total += 1
        if ((data[y * info.width + x] ?? 255) < 200) dark += 1
      }
    return { text: op.text, ink: dark / Math.max(1, total) }
  })
}

export const squash = (s: string): string => s.replace(/\s+/g, '')
