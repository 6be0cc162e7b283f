/**
 * The quality part of bench:extract: how often each quality finding fires on scans degraded for it
 * (detection) and on the same scans without the degradation (false alarms). Intake only, no OCR:
 * the findings come from the same functions the pipeline calls.
 */
import { decodeBytes } from '../../electron/services/intake/decode'
import {
  guessOrientation,
  makeUpright,
  measureBlur,
  measureQuality,
  qualityFindings,
  skewAfter,
} from '../../electron/services/intake/prepare'
import { generateDocument, makeSponsorSet, type Degradation, type DocType } from '../generator/index'

const CHECKS: ReadonlyArray<readonly [Degradation, string]> = [
  ['greyscale', 'scan-not-colour'],
  ['low-res', 'scan-too-small'],
  ['heavy-blur', 'scan-blurry'],
  ['glare', 'scan-glare'],
  ['cut-off', 'scan-cut-off'],
]
const TYPES: readonly DocType[] = ['licence', 'id-front', 'id-back', 'id-both', 'domain-certificate']

async function findings(type: DocType, degradations: Degradation[], seed: number): Promise<string[]> {
  const doc = await generateDocument(makeSponsorSet(500 + seed), { type, degradations, seed, format: 'jpg' })
  const r = await decodeBytes(doc.data)
  if (!r.ok || !r.pages[0]) return ['unreadable']
  const img = r.pages[0].image
  const quality = await measureQuality(img)
  const o = await guessOrientation(img)
  const turn = o.candidates[0] ?? 0
  const u = await makeUpright(img, turn, await skewAfter(o, turn), o.textHeight)
  const sides = doc.truth.sides?.length ?? 1
  return qualityFindings({ ...quality, blur: measureBlur(u.page.grey) }, doc.truth.kind, u.image, sides)
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => f.rule)
}

/** Prints detection and false-alarm counts per quality rule. */
export async function qualityBench(seeds: number): Promise<void> {
  console.log(`\nQuality findings (${TYPES.length} document types × ${seeds} seeds each; intake only):`)
  const clean = new Map<string, number>()
  let cleanDocs = 0
  for (const type of TYPES)
    for (let seed = 1; seed <= seeds; seed += 1) {
      cleanDocs += 1
      for (const rule of await findings(type, [], seed)) clean.set(rule, (clean.get(rule) ?? 0) + 1)
    }
  for (const [degradation, rule] of CHECKS) {
    let hit = 0
    let n = 0
    const missed: string[] = []
    for (const type of TYPES)
      for (let seed = 1; seed <= seeds; seed += 1) {
        n += 1
        if ((await findings(type, [degradation], seed)).includes(rule)) hit += 1
        else missed.push(`${type}#${seed}`)
      }
    console.log(
      `  ${rule.padEnd(18)} detected ${String(hit).padStart(2)}/${n} on ${degradation.padEnd(10)}  false alarms ${clean.get(rule) ?? 0}/${cleanDocs} on clean scans${missed.length > 0 ? `  (missed: ${missed.join(', ')})` : ''}`,
    )
  }
}
