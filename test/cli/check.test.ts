import { chmod, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, cliProcess, cliProcessUnprivileged, shareReadOnly } from '../support/cli'
import { sampleCase, writeCaseFolder } from '../support/sample-case'

describe('icp-prep check', () => {
  it('reports no findings and exits 0 on the complete sample case (folder or case.json)', async () => {
    const folder = await writeCaseFolder()
    for (const target of [folder, path.join(folder, 'case.json')]) {
      const r = await cli('check', '--json', target)
      expect(r.code).toBe(0)
      const out = JSON.parse(r.stdout) as { reminders: Array<Record<string, unknown>> }
      expect(out).toMatchObject({ ok: true, date: '2026-12-01', findings: [] })
      // What cannot be checked offline comes apart from the findings, info level, each with its source.
      expect(out.reminders.map((x) => [x.code, x.severity])).toEqual([
        ['reminder-identity-verification', 'info'],
        ['reminder-stop-dns', 'info'],
        ['reminder-filing-number-footer', 'info'],
      ])
      for (const x of out.reminders) for (const key of ['message', 'messageEn', 'source', 'verified']) expect(x).toHaveProperty(key)
      expect(String(out.reminders[2]?.message)).toContain('https://beian.miit.gov.cn')
    }
  })

  it('has no reminders for a filing that removes something (注销: nothing is reviewed)', async () => {
    const r = await cli('check', '--json', await writeCaseFolder({ ...sampleCase(), filingType: '注销网站' }))
    expect(JSON.parse(r.stdout).reminders).toEqual([])
  })

  it('checks the normalised values and lists each one it normalised (issue 14 item 4)', async () => {
    const data = sampleCase()
    data.principal.mobile = '１３８ ００１３ ８０００'
    data.principal.email = 'chen.siyuan@yunfan-tech。cn'
    const folder = await writeCaseFolder(data)
    const json = await cli('check', '--json', folder)
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      findings: [],
      normalised: [
        { field: 'principal.mobile', from: '１３８ ００１３ ８０００', to: '13800138000' },
        { field: 'principal.email', from: 'chen.siyuan@yunfan-tech。cn', to: 'chen.siyuan@yunfan-tech.cn' },
      ],
    })
    const text = await cli('check', folder)
    expect(text.stdout).toMatch(/已按规范形式检查 2 个值/)
    expect(text.stdout).toMatch(/主体负责人手机号码 principal\.mobile: "１３８ ００１３ ８０００" → "13800138000"/)
  })

  it('prints findings with the contract keys and exits 1 on an error', async () => {
    const data = sampleCase()
    ;(data.principal as { idValidTo: string }).idValidTo = '2027-01-15'
    const folder = await writeCaseFolder(data)
    const r = await cli('check', '--json', folder)
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as { ok: boolean; findings: Array<Record<string, unknown>> }
    expect(out.ok).toBe(false)
    const f = out.findings.find((x) => x.rule === 'id-expires-soon')
    expect(f).toMatchObject({ severity: 'error', field: 'principal.idValidTo' })
    for (const key of ['rule', 'severity', 'field', 'message', 'messageEn', 'fix']) expect(f).toHaveProperty(key)
  })

  it('uses --date instead of the planned submission date', async () => {
    const folder = await writeCaseFolder()
    const r = await cli('check', '--json', '--date', '2028-03-01', folder)
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('id-expires-soon')
  })

  it('notices scans missing from the folder', async () => {
    const folder = await writeCaseFolder()
    const data = sampleCase()
    data.documents?.push({ file: 'scans/not-there.jpg', role: 'other' })
    await writeFile(path.join(folder, 'case.json'), JSON.stringify(data))
    const r = await cli('check', '--json', folder)
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['document-file-missing'])
  })

  it('calls a scan it cannot open an error, as pack does (issue 13 item 17)', async () => {
    const folder = await writeCaseFolder()
    await shareReadOnly(folder)
    await chmod(path.join(folder, 'scans', 'domain.jpg'), 0o000)
    const checked = cliProcessUnprivileged(['check', '--json', folder])
    expect(checked.code, checked.stderr).toBe(1)
    const findings = JSON.parse(checked.stdout).findings as Array<{ rule: string; field: string; message: string }>
    expect(findings.map((f) => f.rule)).toEqual(['document-file-unreadable'])
    expect(findings[0]).toMatchObject({ field: 'documents[3].file' })
    expect(findings[0]?.message).toContain('scans/domain.jpg')
    // pack refuses the same case for the same reason, and says it once.
    const out = await mkdtemp(path.join(tmpdir(), 'icp-check-pack-'))
    await chmod(out, 0o777)
    const packed = cliProcessUnprivileged(['pack', '--json', folder, '-o', path.join(out, 'x.zip')])
    expect(packed.code, packed.stderr).toBe(1)
    const rules = (JSON.parse(packed.stdout) as { findings: Array<{ rule: string; document?: number }> }).findings
      .filter((f) => f.document === 3)
      .map((f) => f.rule)
    expect(rules).toEqual(['document-file-unreadable'])
  }, 60_000)

  it('prints a readable summary without --json', async () => {
    const r = await cli('check', await writeCaseFolder())
    expect(r.stdout).toMatch(/0 个错误 errors, 0 个注意 warnings, 0 个提示 info — 可以提交 ready to submit/)
    expect(r.stdout).toContain('[reminder-stop-dns]')
  })

  it('exits 2 with a clear message, never a stack trace, on an unreadable case', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'icp-bad-'))
    const notJson = path.join(dir, 'case.json')
    await writeFile(notJson, '{ "schemaVersion": 1, ')
    const cases: Array<[string, RegExp]> = [
      [path.join(dir, 'missing'), /找不到案件文件/],
      [notJson, /不是有效的 JSON/],
    ]
    for (const [target, message] of cases) {
      const r = await cli('check', target)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(message)
    }
    await writeFile(notJson, JSON.stringify({ schemaVersion: 9 }))
    const future = await cli('check', dir)
    expect(future.code).toBe(2)
    expect(future.stderr).toMatch(/newer version/)
    expect((await cli('check')).code).toBe(2)
    expect((await cli('check', 'a', 'b')).code).toBe(2)
  })

  it('works as a real process', async () => {
    const r = cliProcess(['check', '--json', await writeCaseFolder()])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).ok).toBe(true)
  })
})
