/** `icp-prep history` and `icp-prep restore` over a real case folder with a real `.history`. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCase, saveCase } from '../../electron/services/case-folder/case-store'
import { cli, cliProcess } from '../support/cli'
import { sampleCase, writeCaseFolder } from '../support/sample-case'

const CJK = /[\u4e00-\u9fff]/

async function folderWithHistory(): Promise<string> {
  const folder = await writeCaseFolder()
  const loaded = await loadCase(folder)
  if (!loaded.ok) throw new Error(loaded.messageEn)
  await saveCase(folder, { ...loaded.case, remark: '改坏了', principal: { ...loaded.case.principal, mobile: '1' } })
  return folder
}

describe('icp-prep history / restore', () => {
  it('lists saved versions with what differs, as text and as JSON', async () => {
    const folder = await folderWithHistory()
    const text = await cli('history', folder)
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/主体负责人 principal, 备注 remark/)
    expect(text.stdout).toMatch(/icp-prep restore/)
    const json = await cli('history', '--json', path.join(folder, 'case.json'))
    expect(json.code).toBe(0)
    const out = JSON.parse(json.stdout) as { versions: Array<{ id: string; size: number; valid: boolean; changed: string[] }> }
    expect(out.versions).toHaveLength(1)
    expect(out.versions[0]).toMatchObject({ valid: true, changed: ['principal', 'remark'] })
  })

  it('restores a version (keeping the current state as one), and refuses an unknown one with exit 2', async () => {
    const folder = await folderWithHistory()
    const [version] = (JSON.parse((await cli('history', '--json', folder)).stdout) as { versions: Array<{ id: string }> }).versions
    const r = cliProcess(['restore', folder, version?.id as string])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(CJK)
    expect(r.stdout).toMatch(/Restored/)
    const now = JSON.parse(await readFile(path.join(folder, 'case.json'), 'utf8'))
    expect(now.remark).toBe(sampleCase().remark ?? null)
    const after = JSON.parse((await cli('history', '--json', folder)).stdout) as { versions: Array<{ changed: string[] }> }
    expect(after.versions.map((v) => v.changed)).toContainEqual(['principal', 'remark'])

    const missing = await cli('restore', folder, '2020-01-01T00-00-00.000Z.json')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(CJK)
    expect(missing.stderr).toMatch(/not found/)
    expect((await cli('restore', folder)).code).toBe(2)
    expect((await cli('history', path.join(folder, 'nope'))).code).toBe(2)
  })
})
