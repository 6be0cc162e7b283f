/**
 * Every CLI command meets the bad-input corpus as a real process: a hard timeout kills a hang, the
 * peak memory of each run is measured, the network guard watches, and every answer is a result or
 * a one-line reason (Chinese, then English) with the documented exit code — never a stack trace,
 * never a lost good file beside the bad ones.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleCase, writeCaseFolder } from '../support/sample-case'
import { writeBrokenCases, writeEscapeCase, writeTemplateCorpus, type BrokenCase } from './cases'
import { GOOD_NAME, writeFileCorpus, type CorpusFile } from './files'
import { BOUNDS, eachLimit, runBounded, type BoundedRun } from './run'

const CJK = /[\u4e00-\u9fff]/
const DATE = '2026-12-01'
/** Issue 13 (items 5, 6): each hostile PDF finishes within 30 s and 1.5 GB. */
const BOMB_BOUNDS = { ms: 30_000, peakMb: 1536 } as const

let root: string
let dir: string
let corpus: CorpusFile[]
let broken: BrokenCase[]
const file = (item: CorpusFile): string => path.join(dir, item.name)

/** Held to the bounds: finished in time, within memory, offline, no stack trace. */
function bounded(run: BoundedRun, label: string): void {
  expect(run.timedOut, `${label}: killed after ${BOUNDS.ms} ms`).toBe(false)
  expect(run.peakMb, `${label}: peak memory`).not.toBeNull()
  expect(run.peakMb ?? Infinity, `${label}: peak memory ${run.peakMb} MB`).toBeLessThan(BOUNDS.peakMb)
  expect(run.attempts, `${label}: network`).toEqual([])
  expect(run.stderr, `${label}: stack trace`).not.toMatch(/\n\s+at /)
  expect(run.code, `${label}: internal error\n${run.stderr}`).not.toBe(3)
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'icp-corpus-cli-'))
  dir = path.join(root, 'files')
  await mkdir(dir)
  corpus = await writeFileCorpus(dir)
  broken = await writeBrokenCases(path.join(root, 'cases'))
}, 120_000)

afterAll(() => rm(root, { recursive: true, force: true }))

describe('icp-prep extract', () => {
  it('reads or refuses each corpus file on its own, within time and memory bounds', { timeout: 600_000 }, async () => {
    const runs = await eachLimit(corpus, 2, (item) => runBounded(['extract', '--json', '--date', DATE, file(item)]))
    const figures: string[] = []
    corpus.forEach((item, i) => {
      const run = runs[i] as BoundedRun
      bounded(run, item.name)
      expect(run.code, `${item.name}\n${run.stderr}`).toBe(0)
      const out = JSON.parse(run.stdout) as Array<Record<string, unknown>>
      expect(out.length, item.name).toBeGreaterThan(0)
      if (item.intake === 'refused') {
        expect(out, item.name).toEqual([
          { file: file(item), error: expect.stringMatching(CJK), errorEn: expect.stringMatching(item.reason ?? /./) },
        ])
      } else {
        expect(out[0]?.error, item.name).toBeUndefined()
        expect(out[0]?.kind, item.name).toBeDefined()
      }
      if (item.good) expect(out[0]?.kind, item.name).toBe('id-card')
      if (item.bomb) {
        // Issue 13: each hostile PDF once took 14–83 s or 5.7–22.9 GB; now it is held to these.
        expect(run.ms, `${item.name}: ${run.ms} ms`).toBeLessThan(BOMB_BOUNDS.ms)
        expect(run.peakMb ?? Infinity, `${item.name}: peak memory ${run.peakMb} MB`).toBeLessThan(BOMB_BOUNDS.peakMb)
      }
      if (item.pageFinding) {
        const messages = out.flatMap((o) => ((o.findings as Array<{ messageEn?: string }> | undefined) ?? []).map((f) => f.messageEn ?? ''))
        expect(messages, item.name).toContainEqual(expect.stringMatching(item.pageFinding))
      }
      // A bomb's good page beside the bad one is still read.
      if (item.bomb && item.intake === 'read' && item.name !== 'bomb-pdf-50-pages.pdf')
        expect(
          out.map((o) => o.kind),
          item.name,
        ).toContain('id-card')
      figures.push(`${item.name}: ${run.ms} ms, ${run.peakMb} MB`)
    })
    // The figures, for the README and anyone tuning the bounds.
    process.stderr.write(`extract, one file per process:\n  ${figures.join('\n  ')}\n`)
  })

  it('reads a batch of every corpus file in input order, the good ones included', { timeout: 600_000 }, async () => {
    const run = await runBounded(['extract', '--json', '--date', DATE, ...corpus.map(file)], { timeoutMs: 500_000 })
    bounded(run, 'batch')
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout) as Array<{ file: string; kind?: string; error?: string }>
    // One object per file (one per page for a multi-page PDF), in input order.
    expect([...new Set(out.map((o) => o.file))]).toEqual(corpus.map(file))
    for (const item of corpus.filter((c) => c.good)) expect(out.find((o) => o.file === file(item))?.kind, item.name).toBe('id-card')
    expect(out.filter((o) => o.error !== undefined).length).toBe(corpus.filter((c) => c.intake === 'refused').length)
  })

  it('takes file names that look like options after --, and names with `..`', async () => {
    const dashed = path.join(dir, '-rf.jpg')
    await writeFile(dashed, await readFile(path.join(dir, 'notes.jpg')))
    const dotted = path.join(dir, '..', 'files', 'notes.jpg')
    const run = await runBounded(['extract', '--json', '--', dashed, dotted])
    bounded(run, 'dashed')
    expect(run.code, run.stderr).toBe(0)
    expect((JSON.parse(run.stdout) as Array<{ file: string }>).map((o) => o.file)).toEqual([dashed, dotted])
  })
})

describe('icp-prep check, letter and pack on broken cases', () => {
  it('exit 2 with a one-line reason for every broken case.json', { timeout: 600_000 }, async () => {
    const out = path.join(root, 'out')
    await mkdir(out, { recursive: true })
    const jobs = broken.flatMap((c) => [
      { c, args: ['check', '--json', c.folder] },
      { c, args: ['letter', c.folder, '-o', path.join(out, `${c.name}.pdf`)] },
      { c, args: ['pack', c.folder, '-o', path.join(out, `${c.name}.zip`)] },
    ])
    const runs = await eachLimit(jobs, 2, (j) => runBounded(j.args))
    jobs.forEach((j, i) => {
      const run = runs[i] as BoundedRun
      const label = `${j.args[0]} ${j.c.name}`
      bounded(run, label)
      expect(run.code, `${label}\n${run.stderr}`).toBe(2)
      expect(run.stderr, label).toMatch(CJK)
      expect(run.stderr, label).toMatch(j.c.message)
      expect(run.stdout, label).toBe('')
    })
  })

  it('check names every document that points outside the case; pack --force never packs it', { timeout: 300_000 }, async () => {
    const { folder, secret, hostile } = await writeEscapeCase(root)
    const check = await runBounded(['check', '--json', '--date', DATE, folder])
    bounded(check, 'check escape')
    expect(check.code).toBe(1)
    const findings = (JSON.parse(check.stdout) as { findings: Array<{ rule: string; message: string }> }).findings
    for (const h of hostile)
      expect(
        findings.some((f) => f.rule === h.rule && f.message.includes(h.file)),
        h.what,
      ).toBe(true)
    const zip = path.join(root, 'escape.zip')
    const pack = await runBounded(['pack', folder, '-o', zip, '--force', '--date', DATE])
    bounded(pack, 'pack escape')
    expect(pack.code).toBe(0)
    const secretBytes = await readFile(secret)
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')
    for (const name of names)
      expect(execFileSync('unzip', ['-p', zip, name], { maxBuffer: 64 << 20 }).includes(secretBytes), name).toBe(false)
  })

  it('pack refuses a case holding every corpus file, naming each bad one; --force packs the good ones', { timeout: 300_000 }, async () => {
    const data = sampleCase()
    const folder = await writeCaseFolder(data, root)
    const scans = path.join(folder, 'scans')
    for (const item of corpus) await writeFile(path.join(scans, item.name), await readFile(file(item)))
    const heic = corpus.find((c) => c.name.endsWith('.heic') && c.intake === 'read')
    // The good scans fill the ID slots; every other corpus file is an extra material.
    data.documents = data.documents.filter((d) => d.role !== 'principal-id' && d.role !== 'manager-id')
    data.documents.push({ file: `scans/${GOOD_NAME}`, role: 'principal-id' })
    data.documents.push({ file: `scans/${heic?.name ?? GOOD_NAME}`, role: 'manager-id', website: 0 })
    for (const item of corpus.filter((c) => !c.good)) data.documents.push({ file: `scans/${item.name}`, role: 'other', keep: true })
    await writeFile(path.join(folder, 'case.json'), JSON.stringify(data))

    const zip = path.join(root, 'corpus.zip')
    const refused = await runBounded(['pack', folder, '-o', zip, '--date', DATE, '--json'])
    bounded(refused, 'pack corpus')
    expect(refused.code).toBe(1)
    const outcome = JSON.parse(refused.stdout) as {
      refused: boolean
      findings: Array<{ rule: string; message: string; messageEn: string }>
    }
    expect(outcome.refused).toBe(true)
    const unreadable = outcome.findings.filter((f) => f.rule === 'package-image-unreadable')
    for (const item of corpus.filter((c) => c.intake !== 'read')) {
      const f = unreadable.find((u) => u.message.includes(`scans/${item.name}`))
      expect(f, item.name).toBeDefined()
      if (item.reason) expect(f?.messageEn, item.name).toMatch(item.reason)
    }
    expect(unreadable.length).toBe(corpus.filter((c) => c.intake !== 'read').length)

    const forced = await runBounded(['pack', folder, '-o', zip, '--date', DATE, '--force'])
    bounded(forced, 'pack corpus --force')
    expect(forced.code, forced.stderr).toBe(0)
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')
    expect(names).toEqual(expect.arrayContaining(['02_主体负责人_身份证.jpg', '03_网站1_负责人_身份证.jpg', '报告.html', 'manifest.json']))
    execFileSync('unzip', ['-tq', zip])
  })
})

describe('icp-prep letter --template with broken templates', () => {
  it(
    'refuses each broken template with its problems (exit 2); a long valid one prints or is refused, never hangs',
    { timeout: 600_000 },
    async () => {
      const templates = await writeTemplateCorpus(path.join(root, 'templates'))
      const folder = await writeCaseFolder(sampleCase(), root)
      const runs = await eachLimit(templates, 2, (t) =>
        runBounded(['letter', folder, '-o', path.join(root, `${t.name}.pdf`), '--template', t.path]),
      )
      templates.forEach((t, i) => {
        const run = runs[i] as BoundedRun
        bounded(run, t.name)
        if (t.problem) {
          expect(run.code, `${t.name}\n${run.stdout}`).toBe(2)
          expect(run.stderr, t.name).toContain('模板无效，未使用 The template is invalid and was not used')
          expect(run.stderr, t.name).toMatch(t.problem)
        } else {
          expect([0, 1], `${t.name}\n${run.stderr}`).toContain(run.code)
          if (run.code === 0)
            expect(execFileSync('pdfinfo', [path.join(root, `${t.name}.pdf`)], { encoding: 'utf8' })).toMatch(/Pages:\s+[1-9]/)
          else expect(run.stdout, t.name).toMatch(/letter-layout-overflow|letter-/)
        }
      })
    },
  )
})
