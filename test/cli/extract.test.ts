/**
 * `icp-prep extract`: the JSON contract of issue 3. It also runs as a real process, with the network
 * guard, beside every other command in test/services/offline.test.ts.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../support/cli'
import { generateDocument, makeSponsorSet, type GeneratedDocument } from '../generator/index'

const set = makeSponsorSet(9, { individualBusiness: false })
let dir: string
let back: GeneratedDocument
let backFile: string
let domainFile: string
let domain: GeneratedDocument

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cli-extract-'))
  back = await generateDocument(set, { type: 'id-back', seed: 2 })
  backFile = path.join(dir, 'back.jpg')
  await writeFile(backFile, back.data)
  domain = await generateDocument(set, { type: 'domain-certificate', seed: 2 })
  domainFile = path.join(dir, 'domain.jpg')
  await writeFile(domainFile, domain.data)
})

describe('icp-prep extract', () => {
  it('prints one object per file in input order, an error object for an unreadable file, and exits 0', { timeout: 120_000 }, async () => {
    const bad = path.join(dir, 'notes.txt')
    await writeFile(bad, 'not a scan')
    const r = await cli('extract', '--json', '--date', '2026-12-01', bad, backFile)
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>
    expect(out).toHaveLength(2)
    expect(out[0]).toMatchObject({ file: bad, error: expect.stringContaining('不是支持的图像') })
    expect(out[1]).toMatchObject({
      file: backFile,
      kind: 'id-card',
      sides: ['back'],
      colour: true,
      fields: { validFrom: back.truth.fields.validFrom, validTo: back.truth.fields.validTo },
      findings: expect.any(Array),
    })
    const conf = (out[1] as { confidence: Record<string, number> }).confidence
    for (const v of Object.values(conf)) {
      expect(v).toBeGreaterThanOrEqual(0)
      expect(v).toBeLessThanOrEqual(1)
    }
    expect((out[1] as { boxes: Record<string, unknown> }).boxes.validTo).toMatchObject({ x: expect.any(Number), width: expect.any(Number) })
  })

  it('prints a readable summary without --json', { timeout: 120_000 }, async () => {
    const r = await cli('extract', domainFile)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('域名证书 domain certificate')
    expect(r.stdout).toContain(domain.truth.fields.domain as string)
    expect(r.stderr).toContain('[1/1]')
  })

  it('exits 2 on bad usage', async () => {
    expect((await cli('extract')).code).toBe(2)
    expect((await cli('extract', '--date', '2026-02-30', backFile)).code).toBe(2)
    expect((await cli('extract', '--bogus', backFile)).code).toBe(2)
  })
})
