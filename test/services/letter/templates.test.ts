/**
 * Importing a replacement template (a provider's current wording): validated before use, with
 * problems a person can act on; a valid one changes the printed clauses.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadLetterFonts, type LetterFonts } from '../../../electron/services/letter/fonts'
import { generateLetter } from '../../../electron/services/letter/generate'
import {
  loadBundledTemplate,
  loadTemplateFile,
  templateGlyphProblems,
  templatePlaceholders,
} from '../../../electron/services/letter/templates'
import { resourcePath } from '../../../electron/services/resources'
import { parseCase } from '../../../shared/model/case'
import { poppler } from '../../support/letter-scan'
import { SAMPLE_DATE, sampleCase } from '../../support/sample-case'

let fonts: LetterFonts
let dir: string
let unit: Record<string, unknown>
beforeAll(async () => {
  fonts = await loadLetterFonts()
  dir = await mkdtemp(path.join(tmpdir(), 'icp-template-'))
  unit = JSON.parse(await readFile(resourcePath('templates', 'gd-commitment-unit.json'), 'utf8')) as Record<string, unknown>
})

async function write(name: string, content: string): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, content)
  return file
}

describe('loadTemplateFile', () => {
  it('finds every character of the bundled templates in the letter font', async () => {
    for (const variant of ['unit', 'individual'] as const)
      expect(templateGlyphProblems(await loadBundledTemplate(variant), fonts.metrics)).toEqual([])
  })

  it('accepts a provider template (UTF-8 with a BOM) and prints its clauses', async () => {
    const provider = {
      ...unit,
      id: 'provider-gd-unit',
      version: '2025.3',
      wording: 'provider',
      clauses: ['本单位承诺遵守接入商《备案服务协议》的全部约定。', '本单位承诺所提交材料真实有效。'],
    }
    const file = await write('provider.json', `\uFEFF${JSON.stringify(provider, null, 2)}`)
    const loaded = await loadTemplateFile(file, fonts.metrics)
    if (!loaded.ok) throw new Error(loaded.problems.join('; '))
    expect(templatePlaceholders(loaded.template)).toContain('sponsorName')
    const parsed = parseCase(sampleCase())
    if (!parsed.ok) throw new Error('sample')
    const r = await generateLetter(parsed.case, { today: SAMPLE_DATE, fonts, template: loaded.template })
    expect(r.findings.map((f) => f.rule)).toEqual([]) // not our wording: no notice
    const text = poppler('pdftotext', r.pdf as Uint8Array).replace(/\s+/g, '')
    expect(text).toContain('一、本单位承诺遵守接入商《备案服务协议》的全部约定。')
    expect(text).toContain('provider-gd-unit2025.3')
  })

  it('refuses a missing file, a folder, broken JSON and a huge file, without throwing', async () => {
    expect((await loadTemplateFile(path.join(dir, 'nope.json'))).ok).toBe(false)
    expect(await loadTemplateFile(dir)).toMatchObject({ ok: false, problems: [expect.stringMatching(/not a file/)] })
    expect(await loadTemplateFile(await write('broken.json', '{ "format": '))).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/not valid JSON/)],
    })
    const huge = await write('huge.json', ' '.repeat(1024 * 1024 + 1))
    expect(await loadTemplateFile(huge)).toMatchObject({ ok: false, problems: [expect.stringMatching(/too large/)] })
  })

  it('refuses template text the font cannot print, naming the place and the code point', async () => {
    const file = await write('rare.json', JSON.stringify({ ...unit, clauses: ['本单位承诺𠮷野家的条款。'] }))
    const r = await loadTemplateFile(file, fonts.metrics)
    expect(r).toMatchObject({ ok: false, problems: [expect.stringMatching(/^clauses\[0\]: .*𠮷.*U\+20BB7/)] })
  })

  it('refuses an unknown placeholder with its path', async () => {
    const file = await write('typo.json', JSON.stringify({ ...unit, preamble: '本单位{sponsor_name}承诺：' }))
    expect(await loadTemplateFile(file, fonts.metrics)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^preamble: .*\{sponsor_name\}/)],
    })
  })
})
