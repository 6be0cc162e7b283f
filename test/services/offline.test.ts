/**
 * The offline promise, tested: every CLI command runs with a guard (loaded through NODE_OPTIONS,
 * so worker threads — where tesseract.js reads — load it too) that records any network attempt
 * (TCP, TLS, DNS, HTTP, fetch, UDP), inside an empty network namespace where the machine allows
 * one, and must record none. Each command added to the CLI gets a line here.
 */
import { writeFile } from 'node:fs/promises'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { generateDocument, makeSponsorSet } from '../generator/index'
import { runGuarded } from '../support/offline'
import { writeCaseFolder } from '../support/sample-case'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-net-'))
})

describe('offline guarantee', () => {
  it('the guard sees attempts in the main thread and in worker threads (so these tests can fail)', async () => {
    const script = path.join(dir, 'leak.cjs')
    await writeFile(
      script,
      `const net = require('node:net'); const { Worker } = require('node:worker_threads')
       try { net.connect(443, 'example.com') } catch {}
       try { require('node:dns').lookup('example.com', () => {}) } catch {}
       fetch('https://example.com/').catch(() => {})
       new Worker("fetch('http://example.com').catch(() => {})", { eval: true })`,
    )
    const r = runGuarded([], { script })
    const seen = r.attempts.map((a) => a.split(' ').slice(1, 3).join(' '))
    expect(seen).toEqual(expect.arrayContaining(['main tcp', 'main dns.lookup', 'main fetch', 'worker fetch']))
  })

  it('validate and check attempt no connection', async () => {
    const folder = await writeCaseFolder()
    for (const r of [runGuarded(['validate', '--type', 'uscc', '91350100M000100Y43']), runGuarded(['check', '--json', folder])]) {
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expect(r.attempts).toEqual([])
    }
  })

  it('extract (real OCR in worker threads) attempts no connection', { timeout: 300_000 }, async () => {
    const set = makeSponsorSet(9, { individualBusiness: false })
    const back = path.join(dir, 'back.jpg')
    await writeFile(back, (await generateDocument(set, { type: 'id-back', seed: 2 })).data)
    const r = runGuarded(['extract', '--json', back])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)[0].kind).toBe('id-card')
    expect(r.attempts).toEqual([])
  })

  it('letter and pack attempt no connection', { timeout: 300_000 }, async () => {
    const folder = await writeCaseFolder()
    const letter = runGuarded(['letter', folder, '-o', path.join(dir, 'letter.pdf')])
    expect(letter.code, letter.stderr).toBe(0)
    const pack = runGuarded(['pack', folder, '-o', path.join(dir, 'package.zip')])
    expect(pack.code, pack.stderr).toBe(0)
    expect([...letter.attempts, ...pack.attempts]).toEqual([])
  })

  it('demo — read, check, letter, pack on the sample case — attempts no connection', { timeout: 300_000 }, async () => {
    const r = runGuarded(['demo', '-o', path.join(dir, 'demo')])
    expect(r.stdout).toContain('示例案件 Sample case')
    expect(r.attempts).toEqual([])
  })
})
