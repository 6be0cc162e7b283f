/**
 * npm run generate:corpus -- --out DIR
 *
 * Writes the bad-input corpus (test/corpus/files.ts and cases.ts) into DIR for trying the app or
 * the CLI by hand: files/ (single files), cases/ (broken case.json), escape/ (a case whose
 * documents point outside it), templates/ (broken letter templates). Nothing here is committed:
 * the tests generate the same files in temporary folders.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { writeBrokenCases, writeEscapeCase, writeTemplateCorpus } from './cases'
import { writeFileCorpus } from './files'

const { values } = parseArgs({ options: { out: { type: 'string' } } })
if (!values.out) {
  process.stderr.write('usage: npm run generate:corpus -- --out DIR\n')
  process.exit(2)
}
const out = path.resolve(values.out)
const dirs = {
  files: path.join(out, 'files'),
  cases: path.join(out, 'cases'),
  escape: path.join(out, 'escape'),
  templates: path.join(out, 'templates'),
}
for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true })
const files = await writeFileCorpus(dirs.files)
const cases = await writeBrokenCases(dirs.cases)
const escape = await writeEscapeCase(dirs.escape)
const templates = await writeTemplateCorpus(dirs.templates)
const lines = [
  ...files.map((f) => `files/${f.name}\t${f.what}\t${f.intake}`),
  ...cases.map((c) => `cases/${c.name}\t${c.what}\t${c.reason}`),
  `${path.relative(out, escape.folder)}\tcase with ${escape.hostile.length} documents pointing outside it`,
  ...templates.map((t) => `templates/${t.name}\t${t.what}\t${t.problem ? 'refused' : 'accepted'}`),
]
process.stdout.write(`${lines.join('\n')}\n`)
