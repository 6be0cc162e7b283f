/**
 * npm run generate:scans -- --out DIR [--seed N] [--sets N] [--corpus | --hard [--per-variant N]]
 *
 * Writes the documents of synthetic sponsors (licence, principal ID on one A4 page, manager ID
 * sides, domain certificate), each sponsor in its own folder with a matching case.json and a
 * truth.json of what each scan shows. With --corpus, writes the benchmark corpus instead (every
 * degradation profile and file format); with --hard, the real-like corpus of bench:extract --hard
 * (every variant of ./variants.ts, alone and combined). Deterministic from the seed.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { caseFor } from './case'
import { makeCorpus, makeHardCorpus } from './corpus'
import { generateDocument, generateSponsorDocuments, makeSponsorSet } from './index'

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    sets: { type: 'string', default: '1' },
    corpus: { type: 'boolean', default: false },
    hard: { type: 'boolean', default: false },
    'per-variant': { type: 'string', default: '4' },
  },
})
if (!values.out) {
  console.error('usage: npm run generate:scans -- --out DIR [--seed N] [--sets N] [--corpus | --hard [--per-variant N]]')
  process.exit(2)
}
const out = path.resolve(values.out)
const seed = Number(values.seed)
const sets = Number(values.sets)
await mkdir(out, { recursive: true })

if (values.corpus || values.hard) {
  const truth: Record<string, unknown> = {}
  const entries = values.hard ? makeHardCorpus({ perVariant: Number(values['per-variant']), seed }) : makeCorpus({ sets, seed })
  for (const [i, entry] of entries.entries()) {
    const doc = await generateDocument(entry.set, entry.spec)
    const name = `${String(i).padStart(3, '0')}-${doc.name}`
    await writeFile(path.join(out, name), doc.data)
    truth[name] = { ...doc.truth, profile: entry.profile }
  }
  await writeFile(path.join(out, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`)
  console.log(`${Object.keys(truth).length} documents written to ${out}`)
} else {
  for (let i = 0; i < sets; i += 1) {
    const set = makeSponsorSet(seed * 1000 + i)
    const folder = path.join(out, `sponsor-${i + 1}`)
    await mkdir(path.join(folder, 'scans'), { recursive: true })
    const docs = await generateSponsorDocuments(seed * 1000 + i, set)
    const roles = ['sponsor-certificate', 'principal-id', 'manager-id', 'manager-id', 'domain-certificate']
    const documents = docs.map((d, k) => ({ file: `scans/${d.name}`, role: roles[k] as string, ...(k >= 2 ? { website: 0 } : {}) }))
    for (const d of docs) await writeFile(path.join(folder, 'scans', d.name), d.data)
    await writeFile(path.join(folder, 'case.json'), `${JSON.stringify(caseFor(set, documents), null, 2)}\n`)
    await writeFile(path.join(folder, 'truth.json'), `${JSON.stringify(Object.fromEntries(docs.map((d) => [d.name, d.truth])), null, 2)}\n`)
    console.log(`${set.sponsor.entityName}: ${docs.length} scans in ${folder}`)
  }
}
