/**
 * bench:letter — how long the commitment letter takes: loading the font (once per process), then
 * generating a letter (target: well under a second) for 1 and 10 websites, the layout alone, and
 * analysing a signed scan. Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks'
import { loadLetterFonts } from '../../electron/services/letter/fonts'
import { generateLetter, layoutFor } from '../../electron/services/letter/generate'
import { analyseSignedScan } from '../../electron/services/letter/signed-scan'
import { loadBundledTemplate } from '../../electron/services/letter/templates'
import { parseCase, type Case } from '../../shared/model/case'
import { makeScan, renderPage } from '../support/letter-scan'
import { SAMPLE_DATE, sampleCase } from '../support/sample-case'
import { ms, summarise } from './stats'

function caseWith(websites: number): Case {
  const data = sampleCase()
  const first = data.websites[0]
  if (!first) throw new Error('sample has no website')
  data.websites = Array.from({ length: websites }, (_, i) => ({
    ...structuredClone(first),
    name: `云帆软件服务${i + 1}号站`,
    domain: `yunfan-${i}.cn`,
    homepage: `www.yunfan-${i}.cn`,
  }))
  const parsed = parseCase(data)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return parsed.case
}

async function time<T>(runs: number, f: () => Promise<T> | T): Promise<{ median: number; p90: number; min: number; max: number }> {
  const samples: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now()
    await f()
    samples.push(performance.now() - t)
  }
  return summarise(samples)
}

const line = (label: string, s: { median: number; p90: number; min: number; max: number }): void =>
  console.log(
    `${label.padEnd(44)} median ${ms(s.median).padStart(9)}  p90 ${ms(s.p90).padStart(9)}  min ${ms(s.min).padStart(9)}  max ${ms(s.max).padStart(9)}`,
  )

const t0 = performance.now()
const fonts = await loadLetterFonts()
console.log(`font load (Noto Serif SC regular + bold, read + parse, cold): ${ms(performance.now() - t0)}`)

const one = caseWith(1)
const ten = caseWith(10)
const t1 = performance.now()
const first = await generateLetter(one, { today: SAMPLE_DATE, fonts })
console.log(`first letter after font load (1 website, glyph caches cold): ${ms(performance.now() - t1)}  (${first.pdf?.length ?? 0} bytes)`)

const RUNS = 20
line(`generateLetter, 1 website (${RUNS} runs)`, await time(RUNS, () => generateLetter(one, { today: SAMPLE_DATE, fonts })))
const tenResult = await generateLetter(ten, { today: SAMPLE_DATE, fonts })
line(
  `generateLetter, 10 websites, ${tenResult.pages} pages (${RUNS} runs)`,
  await time(RUNS, () => generateLetter(ten, { today: SAMPLE_DATE, fonts })),
)
const template = await loadBundledTemplate('unit')
line(`layout only, 10 websites (${RUNS} runs)`, await time(RUNS, () => layoutFor(ten, template, SAMPLE_DATE, fonts)))

const page = renderPage(first.pdf as Uint8Array, 150)
const scan = await makeScan(page, first.scanLayout, { sign: true, seal: true, shift: { x: 10, y: 12 } })
line(`analyseSignedScan, 150 dpi JPEG (${RUNS} runs)`, await time(RUNS, () => analyseSignedScan(scan, first.scanLayout)))
