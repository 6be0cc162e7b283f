import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../electron/services/case-folder/atomic-file'
import { caseFileFacts, loadCase, saveCase } from '../../electron/services/case-folder/case-store'
import { writeCaseFolder } from '../support/sample-case'

describe('case store', () => {
  it('round-trips a case through save and load, keeping unknown keys', async () => {
    const folder = await writeCaseFolder()
    const loaded = await loadCase(folder)
    if (!loaded.ok) throw new Error(loaded.message)
    const edited = { ...loaded.case, remark: '测试备注', futureKey: 1 }
    await saveCase(folder, edited)
    const again = await loadCase(folder)
    expect(again.ok && again.case.remark).toBe('测试备注')
    expect(again.ok && (again.case as Record<string, unknown>).futureKey).toBe(1)
    expect((await readdir(folder)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('replaces files atomically and leaves no temporary files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'icp-atomic-'))
    const target = path.join(dir, 'x.json')
    await writeFileAtomic(target, 'one')
    await writeFileAtomic(target, 'two')
    expect(await readFile(target, 'utf8')).toBe('two')
    expect(await readdir(dir)).toEqual(['x.json'])
  })

  it('reports files that exist only inside the case folder', async () => {
    const folder = await writeCaseFolder()
    const facts = caseFileFacts(folder)
    expect(facts.exists('scans/licence.jpg')).toBe(true)
    expect(facts.exists('scans/nope.jpg')).toBe(false)
    expect(facts.exists('../' + path.basename(folder) + '/case.json')).toBe(false)
  })

  it('strips a UTF-8 byte order mark written by Windows editors', async () => {
    const folder = await writeCaseFolder()
    const file = path.join(folder, 'case.json')
    const text = await readFile(file, 'utf8')
    await writeFileAtomic(file, `\uFEFF${text}`)
    expect((await loadCase(folder)).ok).toBe(true)
  })
})
