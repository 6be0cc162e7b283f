/**
 * The rules across cases over real case folders (issue 15 item 14): the workspace passes its other
 * cases to the rules when it opens, lists and saves a case, the export checks with them too, and
 * `icp-prep check --workspace DIR` does the same — a second open case of the same sponsor, and one
 * person's ID number under another name in another case, are said; a case alone is quiet.
 */
import remindersData from '../../../shared/data/reminders.json'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { packCase } from '../../../electron/services/package/pack-case'
import { Workspace } from '../../../electron/services/workspace/workspace'
import { otherCasesIn } from '../../../electron/services/workspace/workspace-cases'
import { cli } from '../../support/cli'
import { makeUscc } from '../../support/ids'
import { sampleCase, writeCaseFolder, type EditableCase } from '../../support/sample-case'

async function workspace(): Promise<{ ws: Workspace; root: string }> {
  const base = await mkdtemp(path.join(tmpdir(), 'icp-ws-rules-'))
  const root = path.join(base, '工作区')
  await mkdir(root, { recursive: true })
  let tick = Date.parse('2026-11-29T02:00:00Z')
  const ws = new Workspace(root, {
    today: () => '2026-12-01',
    now: () => new Date((tick += 1000)),
    trash: async (folder) => rename(folder, path.join(base, path.basename(folder))),
  })
  return { ws, root }
}

const OTHER_USCC = makeUscc('91440300', 'MA5FXK3L')
const rulesOf = (findings: ReadonlyArray<{ rule: string }>) => findings.map((f) => f.rule).filter((r) => r.startsWith('workspace-'))

/** Another sponsor whose principal is named 王大明 but carries the sample principal's ID number. */
function borrowedId(): EditableCase {
  const c = sampleCase()
  c.sponsor.certificateNumber = OTHER_USCC
  c.principal.name = '王大明'
  return c
}

describe('the workspace passes its other cases to the rules', () => {
  it('says a second open case of the same sponsor, on open, in the list and after a save that fixes it', async () => {
    const { ws, root } = await workspace()
    const first = path.basename(await writeCaseFolder(sampleCase(), root))
    const alone = await ws.open(first)
    expect(rulesOf(alone.findings)).toEqual([])

    const second = path.basename(await writeCaseFolder(sampleCase(), root))
    const opened = await ws.open(first)
    const finding = opened.findings.find((f) => f.rule === 'workspace-sponsor-in-flight')
    expect(finding).toMatchObject({ severity: 'warning', field: 'sponsor.certificateNumber' })
    expect(finding?.message).toContain(second)
    // A warning: the case stays ready, and the list counts it for both cases.
    expect(opened.summary.status).toBe('ready')
    const listed = await ws.list()
    expect(listed.cases.map((c) => c.counts.warning)).toEqual([1, 1])

    // The second case changes its sponsor: the first case's row is no longer stale.
    const other = await ws.open(second)
    const changed = { ...other.case, sponsor: { ...other.case.sponsor, certificateNumber: OTHER_USCC } }
    const saved = await ws.save(second, changed, other.revision)
    expect(rulesOf(saved.findings)).toEqual([])
    expect((await ws.list()).cases.map((c) => c.counts.warning)).toEqual([0, 0])
    expect(rulesOf((await ws.open(first)).findings)).toEqual([])
  })

  it('does not count a case already 已备案 as a filing in flight, and counts it again once it changes', async () => {
    const { ws, root } = await workspace()
    const first = path.basename(await writeCaseFolder(sampleCase(), root))
    const second = path.basename(await writeCaseFolder(sampleCase(), root))
    expect(rulesOf((await ws.open(first)).findings)).toContain('workspace-sponsor-in-flight')
    await ws.setFilingStatus(second, { status: 'submitted', date: '2026-11-20', provider: 'tencent' })
    expect(rulesOf((await ws.open(first)).findings)).toContain('workspace-sponsor-in-flight')
    await ws.setFilingStatus(second, { status: 'filed', date: '2026-11-30', filingNumber: '粤ICP备2026012345号' })
    expect(rulesOf((await ws.open(first)).findings)).toEqual([])
    expect((await ws.list()).cases.map((c) => c.counts.warning)).toEqual([0, 0])
    await ws.setFilingStatus(second, { status: 'changing', date: '2026-12-01' })
    expect(rulesOf((await ws.open(first)).findings)).toContain('workspace-sponsor-in-flight')
  })

  it('says one ID number used by two people in two cases, naming the other case', async () => {
    const { ws, root } = await workspace()
    const mine = path.basename(await writeCaseFolder(sampleCase(), root))
    const theirs = path.basename(await writeCaseFolder(borrowedId(), root))
    const opened = await ws.open(mine)
    const f = opened.findings.find((x) => x.rule === 'workspace-person-conflict' && x.field === 'principal.idNumber')
    expect(f?.message).toContain(theirs)
    expect(f?.message).toContain('王大明')
    expect(rulesOf(opened.findings)).not.toContain('workspace-sponsor-in-flight')
  })

  it('checks the export with the same other cases', async () => {
    const { ws, root } = await workspace()
    const first = path.basename(await writeCaseFolder(sampleCase(), root))
    await writeCaseFolder(sampleCase(), root)
    const out = await mkdtemp(path.join(tmpdir(), 'icp-ws-rules-out-'))
    const outcome = await packCase(ws.folderOf(first), {
      output: path.join(out, 'p.zip'),
      today: '2026-12-01',
      workspace: await ws.otherCases(first),
    })
    expect(outcome.ready).toBe(true) // a warning, not a refusal
    expect(rulesOf(outcome.findings)).toEqual(['workspace-sponsor-in-flight'])
    expect(outcome.output).toBe(path.join(out, 'p.zip'))
    // 报告.html says it too, and carries the offline reminders (issue 15 item 15).
    const report = execFileSync('unzip', ['-p', path.join(out, 'p.zip'), '报告.html'], { encoding: 'utf8' })
    // In words there (rule ids stay in manifest.json, issue 14 item 12).
    expect(report).toContain(outcome.findings[0]?.message ?? '—')
    expect(report).not.toContain('workspace-sponsor-in-flight')
    const manifest = execFileSync('unzip', ['-p', path.join(out, 'p.zip'), 'manifest.json'], { encoding: 'utf8' })
    expect(manifest).toContain('workspace-sponsor-in-flight')
    // The offline reminders, by their text (their codes are not shown to a person).
    for (const code of ['reminder-identity-verification', 'reminder-stop-dns', 'reminder-filing-number-footer']) {
      const reminder = remindersData.reminders.find((r) => r.code === code)
      expect(reminder, code).toBeDefined()
      expect(report).toContain(reminder?.message ?? code)
    }
  }, 60_000)
})

describe('icp-prep check --workspace', () => {
  it('feeds the other case folders of DIR to the rules; without it, or alone, the case is quiet', async () => {
    const { root } = await workspace()
    const mine = await writeCaseFolder(sampleCase(), root)
    const theirs = path.basename(await writeCaseFolder(borrowedId(), root))
    const withWs = await cli('check', '--json', '--workspace', root, mine)
    expect(withWs.code).toBe(0) // warnings only
    const out = JSON.parse(withWs.stdout) as { findings: Array<{ rule: string; message: string }> }
    expect(out.findings.map((f) => f.rule)).toEqual(['workspace-person-conflict'])
    expect(out.findings[0]?.message).toContain(theirs)
    expect(JSON.parse((await cli('check', '--json', mine)).stdout).findings).toEqual([])
    // A case outside DIR is compared with every case in it.
    const outside = await writeCaseFolder(sampleCase())
    expect(rulesOf(JSON.parse((await cli('check', '--json', '--workspace', root, outside)).stdout).findings)).toEqual([
      'workspace-sponsor-in-flight',
      'workspace-person-conflict',
    ])
    expect(await otherCasesIn(root, mine)).toHaveLength(1)
  })

  it('refuses a workspace folder that does not exist', async () => {
    const r = await cli('check', '--workspace', path.join(tmpdir(), 'no-such-icp-workspace'), await writeCaseFolder())
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('找不到工作区文件夹')
  })

  it('skips a folder that is not a case (no case.json, or an unreadable one)', async () => {
    const { root } = await workspace()
    const mine = await writeCaseFolder(sampleCase(), root)
    await mkdir(path.join(root, 'notes'))
    const broken = path.join(root, 'broken')
    await mkdir(broken)
    await writeFile(path.join(broken, 'case.json'), '{ not json')
    expect(await otherCasesIn(root, mine)).toEqual([])
  })
})
