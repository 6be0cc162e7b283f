/**
 * `icp-prep letter`: writes the PDF for a good case (exit 0), refuses a bad one with the findings
 * and no file (exit 1), and reports bad usage or a bad template in one clear message (exit 2).
 */
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resourcePath } from '../../electron/services/resources'
import { cli, cliProcess, shareReadOnly, unwritableFolder } from '../support/cli'
import { poppler } from '../support/letter-scan'
import { SAMPLE_USCC, sampleCase, writeCaseFolder } from '../support/sample-case'

describe('icp-prep letter', () => {
  it('writes an A4 letter PDF and exits 0', async () => {
    const folder = await writeCaseFolder()
    const out = path.join(folder, 'out', 'letter.pdf')
    const r = await cli('letter', folder, '-o', out)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('已生成承诺书 Letter written')
    expect(r.stdout).toContain('letter-wording-ours')
    const pdf = new Uint8Array(await readFile(out))
    expect(poppler('pdfinfo', pdf)).toMatch(/Page size:.*\(A4\)/)
    expect(poppler('pdftotext', pdf).replace(/\s+/g, '')).toContain(SAMPLE_USCC)
  })

  it('refuses an output folder it cannot write before any work: exit 2, bilingual (issue 13 item 14)', async () => {
    const folder = await writeCaseFolder()
    await shareReadOnly(folder)
    const { folder: locked, run, cleanup } = await unwritableFolder()
    try {
      for (const output of [path.join(locked, 'letter.pdf'), path.join(locked, 'new', 'sub', 'letter.pdf')]) {
        const r = run(['letter', folder, '-o', output])
        expect(r.code, r.stderr).toBe(2)
        expect(r.stderr).toContain(`没有权限写入输出文件夹：${locked}`)
        expect(r.stderr).toContain(`The output folder is not writable: ${locked}`)
        expect(r.stderr).not.toMatch(/\.tmp|Internal error|EACCES/)
      }
    } finally {
      await cleanup()
    }
    const file = path.join(folder, 'case.json')
    const r = await cli('letter', folder, '-o', path.join(file, 'out', 'letter.pdf'))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`输出位置不是文件夹：${file}`)
  }, 60_000)

  it('prints the letter date from --date, and JSON with the box layout for the scan check', async () => {
    const folder = await writeCaseFolder()
    const out = path.join(folder, 'letter.pdf')
    const r = await cli('letter', '--json', '--date', '2027-01-05', folder, '-o', out)
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(json).toMatchObject({
      ok: true,
      output: out,
      date: '2027-01-05',
      pages: 1,
      template: { id: 'gd-commitment-unit', variant: 'unit' },
    })
    expect(json.scanLayout.boxes.map((b: { kind: string }) => b.kind)).toEqual(['signature', 'seal'])
    expect(poppler('pdftotext', new Uint8Array(await readFile(out))).replace(/\s+/g, '')).toContain('2027年01月05日')
  })

  it('exits 1 with the findings and writes nothing when the credit code is wrong', async () => {
    const data = sampleCase()
    data.sponsor.certificateNumber = '91440300MA5FXK2L9X'
    const folder = await writeCaseFolder(data)
    const out = path.join(folder, 'letter.pdf')
    const r = await cli('letter', folder, '-o', out)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('[uscc-invalid] sponsor.certificateNumber')
    expect(r.stdout).toContain('未生成承诺书')
    expect(existsSync(out)).toBe(false)
  })

  it('exits 2 on bad usage, an unreadable case, or an invalid template (listing its problems)', async () => {
    const folder = await writeCaseFolder()
    expect((await cli('letter', folder)).code).toBe(2)
    expect((await cli('letter', folder, '-o', 'x.png')).stderr).toContain('.pdf')
    expect((await cli('letter', folder, '-o', 'x.pdf', '--date', '2026-02-30')).code).toBe(2)
    expect((await cli('letter', path.join(folder, 'missing'), '-o', 'x.pdf')).code).toBe(2)
    const template = JSON.parse(await readFile(resourcePath('templates', 'gd-commitment-unit.json'), 'utf8'))
    template.clauses = ['本单位{sponsorNmae}承诺。']
    const bad = path.join(folder, 'bad-template.json')
    await writeFile(bad, JSON.stringify(template))
    const r = await cli('letter', folder, '-o', path.join(folder, 'x.pdf'), '--template', bad)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('模板无效')
    expect(r.stderr).toContain('clauses[0]')
    expect(existsSync(path.join(folder, 'x.pdf'))).toBe(false)
  })

  it('works as a real process through bin/icp-prep.js', async () => {
    const folder = await writeCaseFolder()
    const out = path.join(folder, 'letter.pdf')
    const r = cliProcess(['letter', folder, '-o', out])
    expect(r.code).toBe(0)
    expect(existsSync(out)).toBe(true)
  })
})
