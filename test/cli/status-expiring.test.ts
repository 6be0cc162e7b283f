/** `icp-prep status` and `icp-prep expiring` over real case folders in a real workspace (issue 17). */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, cliProcess } from '../support/cli'
import { MANAGER_ID, PRINCIPAL_ID, sampleCase, writeCaseFolder } from '../support/sample-case'

async function workspaceWithCase(): Promise<{ root: string; folder: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'icp-cli-ws-'))
  const c = sampleCase()
  c.principal.idValidTo = '2026-11-30' // already past on 2026-12-07
  const site = c.websites[0]
  if (site) site.domainCertificate.expiresOn = '2027-01-20'
  const folder = await writeCaseFolder(c, root)
  return { root, folder }
}

describe('icp-prep status', () => {
  it('shows, changes and refuses a status, in both languages', async () => {
    const { folder } = await workspaceWithCase()
    const shown = await cli('status', folder)
    expect(shown.code).toBe(0)
    expect(shown.stdout).toMatch(/^准备中 Preparing/)
    const submitted = await cli('status', folder, '已提交', '--date', '2026-12-02', '--provider', 'Tencent', '--order', 'ICP-778')
    expect(submitted.code).toBe(0)
    expect(submitted.stdout).toContain('tencent · 订单 order ICP-778')
    const badNumber = await cli('status', folder, 'filed', '--date', '2026-12-20', '--number', '粤ICP备123号')
    expect(badNumber.code).toBe(1)
    expect(badNumber.stderr).toMatch(/备案号格式.*\n.*filing number must look like/s)
    const rejected = await cli('status', folder, 'rejected-bureau', '--date', '2026-12-10', '--reason-code', 'manager-id-expired')
    expect(rejected.stdout).toContain('管局退回 Returned by the bureau  网站负责人身份证已过有效期')
    expect((await cli('status', folder, 'approved')).code).toBe(2)
    const json = JSON.parse((await cli('status', '--json', folder)).stdout) as { status: string; history: unknown[] }
    expect(json).toMatchObject({ status: 'rejected-bureau' })
    expect(json.history).toHaveLength(2)
    const reasons = await cli('status', '--reasons')
    expect(reasons.stdout).toContain('domain-registered-after-filing  域名注册时间晚于备案时间')
  })
})

describe('icp-prep expiring', () => {
  it('lists what expires in submitted and filed cases, exits 1 for a past one, writes .ics and CSV, never prints ID numbers', async () => {
    const { root, folder } = await workspaceWithCase()
    const none = await cli('expiring', root, '--today', '2026-12-07')
    expect(none.code).toBe(0) // not submitted yet: not watched
    expect(none.stdout).toContain('--all')
    const all = await cli('expiring', root, '--all', '--today', '2026-12-07')
    expect(all.code).toBe(1)
    expect(all.stdout).toContain('已过 7 天')
    await cli('status', folder, 'submitted', '--date', '2026-12-02', '--provider', 'aliyun')
    const ics = path.join(root, 'out', '到期.ics')
    const csv = path.join(root, 'out', '到期.csv')
    const run = await cli('expiring', root, '--within', '90', '--today', '2026-12-07', '--ics', ics, '--csv', csv)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('主体负责人证件 陈思远')
    expect(run.stdout).toContain('域名 yunfan-tech.cn')
    for (const id of [PRINCIPAL_ID, MANAGER_ID]) expect(run.stdout).not.toContain(id)
    expect((await readFile(ics, 'utf8')).match(/BEGIN:VEVENT/g)).toHaveLength(2)
    expect((await readFile(csv)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const short = JSON.parse((await cli('expiring', root, '--within', '30', '--json', '--today', '2026-12-07')).stdout) as {
      items: Array<{ kind: string }>
    }
    expect(short.items.map((i) => i.kind)).toEqual(['principal-id'])
    expect((await cli('expiring', root, '--within', 'soon')).code).toBe(2)
  })

  it("uses the app's workspace from its settings when none is given (as a real process)", async () => {
    const { root } = await workspaceWithCase()
    const userData = await mkdtemp(path.join(tmpdir(), 'icp-cli-ud-'))
    await mkdir(userData, { recursive: true })
    await writeFile(path.join(userData, 'settings.json'), JSON.stringify({ version: 1, workspace: root }))
    const r = cliProcess(['expiring', '--all', '--today', '2026-12-07'], { env: { ...process.env, ICP_PREP_USER_DATA: userData } })
    expect(r.stdout).toContain(`工作区 Workspace: ${root}`)
    expect(r.code).toBe(1)
  })
})
