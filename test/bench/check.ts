/**
 * bench:check — how long the rule engine takes on a 10-website case (target: well under 50 ms),
 * cold (first call, catalogue parsed) and warm, and how well the identifier corrector repairs
 * simulated misreads. Prints figures; asserts nothing.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { correctResidentId, correctUscc } from '../../shared/ids/corrector'
import { parseCase } from '../../shared/model/case'
import { checkCase } from '../../shared/rules/engine'
import { makeResidentId } from '../support/ids'
import { misread, seededRandom } from '../support/misread'
import { SAMPLE_DATE, sampleCase } from '../support/sample-case'
import { ms, summarise } from './stats'

function tenWebsiteCase() {
  const data = sampleCase()
  const first = data.websites?.[0]
  if (!first) throw new Error('sample has no website')
  data.websites = Array.from({ length: 10 }, (_, i) => ({
    ...structuredClone(first),
    name: `云帆软件服务${'一二三四五六七八九十'[i]}号站`,
    domain: `yunfan-${i}.cn`,
    homepage: `www.yunfan-${i}.cn`,
    manager: {
      ...structuredClone(first.manager),
      idNumber: makeResidentId('440106', '19960214', String(200 + i * 2)),
      mobile: `1370013700${i}`,
      email: `m${i}@yunfan-tech.cn`,
    },
  }))
  data.documents = [
    ...(data.documents ?? []).filter((d) => d.website === undefined),
    ...data.websites.flatMap((_, i) => [
      { file: `scans/m${i}.jpg`, role: 'manager-id', website: i },
      { file: `scans/d${i}.jpg`, role: 'domain-certificate', website: i },
    ]),
  ]
  const parsed = parseCase(data)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return parsed.case
}

const c = tenWebsiteCase()
const files = { exists: () => true }
const coldStart = performance.now()
const coldFindings = checkCase(c, { today: SAMPLE_DATE, files })
const cold = performance.now() - coldStart

const samples: number[] = []
for (let i = 0; i < 300; i += 1) {
  const t = performance.now()
  checkCase(c, { today: SAMPLE_DATE, files })
  samples.push(performance.now() - t)
}
const warm = summarise(samples)
console.log('bench:check — rule engine on a 10-website case')
console.log(`  findings: ${coldFindings.length} (${coldFindings.map((f) => f.rule).join(', ') || 'none'})`)
console.log(`  cold (first call, data files parsed): ${ms(cold)}`)
console.log(`  warm over 300 runs: median ${ms(warm.median)}, p90 ${ms(warm.p90)}, max ${ms(warm.max)}  (target: well under 50 ms)`)

// Corrector: single and double look-alike misreads of real published credit codes and of IDs.
const codes = readFileSync(new URL('../unit/vectors/uscc-valid.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
for (const errors of [1, 2]) {
  const random = seededRandom(100 + errors)
  const tally = { right: 0, wrong: 0, ambiguous: 0 }
  const times: number[] = []
  for (let k = 0; k < 400; k += 1) {
    const truth = codes[k % codes.length] as string
    const read = misread(truth, errors, random)
    const t = performance.now()
    const r = correctUscc(read)
    times.push(performance.now() - t)
    if (!r.unique) tally.ambiguous += 1
    else if (r.best === truth) tally.right += 1
    else tally.wrong += 1
  }
  const s = summarise(times)
  console.log(
    `  corrector, credit codes with ${errors} misread(s), 400 trials: repaired ${tally.right}, wrong ${tally.wrong}, left to the user ${tally.ambiguous}; median ${ms(s.median)}, p90 ${ms(s.p90)}`,
  )
}
for (const errors of [1, 2]) {
  const random = seededRandom(200 + errors)
  const tally = { right: 0, wrong: 0, ambiguous: 0 }
  for (let k = 0; k < 400; k += 1) {
    const birth = `19${50 + Math.floor(random() * 50)}0${1 + Math.floor(random() * 9)}1${Math.floor(random() * 9)}`
    const truth = makeResidentId('440305', birth, String(100 + Math.floor(random() * 800)))
    const hints = {
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
      sex: Number(truth[16]) % 2 === 1 ? ('male' as const) : ('female' as const),
    }
    const r = correctResidentId(misread(truth, errors, random), SAMPLE_DATE, hints)
    if (!r.unique) tally.ambiguous += 1
    else if (r.best === truth) tally.right += 1
    else tally.wrong += 1
  }
  console.log(
    `  corrector, ID numbers with ${errors} misread(s) + printed birth date/sex, 400 trials: repaired ${tally.right}, wrong ${tally.wrong}, left to the user ${tally.ambiguous}`,
  )
}
