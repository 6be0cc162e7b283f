/**
 * `icp-prep demo` as a new user runs it: a real process on the bundled sample case must read every
 * scan, find no error, print the letter and write a READY zip — the product's promise, end to end,
 * on scans (not on typed values). Its readings are compared with the sample's truth, so a demo that
 * passes only because OCR read nothing would fail here.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCase } from '../../shared/model/case'
import { readExtracted } from '../../shared/model/extracted'
import { cli, cliProcess, type CliRun } from '../support/cli'

let dir = ''
let run: CliRun

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-demo-'))
  run = cliProcess(['demo', '-o', dir, '--date', '2026-12-01'])
}, 300_000)
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('icp-prep demo', () => {
  it('refuses a non-empty -o folder unless --force, leaving what is there as it was (issue 13 item 16)', { timeout: 300_000 }, async () => {
    const full = await mkdtemp(path.join(tmpdir(), 'icp-demo-full-'))
    try {
      await writeFile(path.join(full, '备案材料.zip'), 'an earlier package')
      const r = await cli('demo', '-o', full)
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('-o 文件夹不是空的')
      expect(r.stderr).toContain('-o folder is not empty')
      expect(r.stderr).toContain('--force')
      expect(r.stderr).not.toContain('»')
      expect(readFileSync(path.join(full, '备案材料.zip'), 'utf8')).toBe('an earlier package')
      expect(await readdir(full)).toEqual(['备案材料.zip'])
      // --force: the user asked for the folder to be reused.
      const forced = await cli('demo', '-o', full, '--force', '--date', '2026-12-01')
      expect(forced.code, forced.stderr).toBe(0)
      execFileSync('unzip', ['-tq', path.join(full, '备案材料.zip')])
    } finally {
      await rm(full, { recursive: true, force: true })
    }
  })

  it('exits 0 with a ready package, a printable letter and every scan read', () => {
    expect(run.stderr + run.stdout).not.toMatch(/Error:|at .*\.ts:\d+/)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/识别 Read: 5 份 read, 0 份失败 failed/)
    expect(run.stdout).toMatch(/0 个错误 errors/)
    expect(run.stdout).toMatch(/可提交 ready/)
    expect(existsSync(path.join(dir, '承诺书-待签字.pdf'))).toBe(true)
  })

  it('the zip holds the five upload files, the report and a manifest saying ready', () => {
    const zip = path.join(dir, '备案材料.zip')
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')
    expect(names.filter((n) => n.endsWith('.jpg'))).toHaveLength(5)
    expect(names).toContain('报告.html')
    const manifest = JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })) as {
      ready: boolean
      forced: boolean
      counts: { error: number }
    }
    expect(manifest).toMatchObject({ ready: true, forced: false, counts: { error: 0 } })
  })

  it('stores what OCR read, and it agrees with the sample case', () => {
    const parsed = parseCase(JSON.parse(readFileSync(path.join(dir, 'sample-case', 'case.json'), 'utf8')))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const c = parsed.case
    const licence = c.documents.find((d) => d.role === 'sponsor-certificate')
    const fields = readExtracted(licence?.extracted)?.fields ?? {}
    expect(fields['creditCode']?.value).toBe(c.sponsor.certificateNumber)
    expect(fields['entityName']?.value).toBe(c.sponsor.name)
    const principalId = c.documents.find((d) => d.role === 'principal-id')
    expect(readExtracted(principalId?.extracted)?.fields['idNumber']?.value).toBe(c.principal.idNumber)
    // Every document was read: the kind it was classified as is stored.
    for (const d of c.documents) expect(readExtracted(d.extracted)?.kind, d.file).toBeTruthy()
  })
})
