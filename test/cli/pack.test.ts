/**
 * `icp-prep pack`: exit codes, what it prints, and — with the real CLI process killed at random
 * moments — that an interrupted export never leaves a file under the final name.
 */
import { execFileSync, spawn } from 'node:child_process'
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManifestSchema } from '../../shared/package/manifest'
import { BIN, cli, cliProcess, shareReadOnly, unwritableFolder } from '../support/cli'
import { seededRandom } from '../support/misread'
import { cleanScratch, scratch, writeScannedCase, type FixtureDoc } from '../support/pack-fixtures'

const SMALL: FixtureDoc[] = [
  { doc: { file: 'scans/licence.jpg', role: 'sponsor-certificate' }, scan: { width: 1800, height: 1300, kind: 'licence' } },
  { doc: { file: 'scans/id.jpg', role: 'principal-id' }, scan: { width: 1000, height: 640, kind: 'id-front' } },
  { doc: { file: 'scans/m.jpg', role: 'manager-id', website: 0 }, scan: { width: 1000, height: 640, kind: 'id-front' } },
  { doc: { file: 'scans/d.jpg', role: 'domain-certificate', website: 0 }, scan: { width: 1240, height: 1754, kind: 'domain' } },
  { doc: { file: 'scans/l.jpg', role: 'commitment-letter' }, scan: { width: 1240, height: 1754, kind: 'letter' } },
]

let folder: string
let out: string

beforeAll(async () => {
  folder = await writeScannedCase(SMALL)
  out = await scratch('icp-cli-pack-')
}, 60_000)

afterAll(cleanScratch)

describe('icp-prep pack', () => {
  it('writes the package, lists its files and exits 0', async () => {
    const zip = path.join(out, 'ok.zip')
    const r = await cli('pack', folder, '-o', zip, '--provider', 'tencent', '--date', '2026-12-01')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('01_主办单位证件_营业执照.jpg')
    expect(r.stdout).toContain('可以提交 ready to submit')
    expect(r.stdout).toContain('腾讯云')
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')
    expect(names.at(-2)).toBe('报告.html')
    expect(ManifestSchema.parse(JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' }))).provider.name).toBe(
      'tencent',
    )
  })

  it('refuses with exit 1 and the findings when the case has errors; --force writes it NOT ready', async () => {
    const bad = await writeScannedCase(SMALL, (c) => void (c.principal.idValidTo = '2027-01-15'))
    const zip = path.join(out, 'bad.zip')
    const refused = await cli('pack', bad, '-o', zip)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain('[id-expires-soon]')
    expect(refused.stdout).toContain('已拒绝打包 Refused')
    await expect(stat(zip)).rejects.toThrow()
    const forced = await cli('pack', bad, '-o', zip, '--force', '--json')
    expect(forced.code).toBe(0)
    const json = JSON.parse(forced.stdout) as {
      ready: boolean
      refused: boolean
      manifest: { ready: boolean; forced: boolean }
      findings: unknown[]
    }
    expect(json).toMatchObject({ ready: false, refused: false, manifest: { ready: false, forced: true } })
    expect(json.findings.length).toBeGreaterThan(0)
  })

  it('exits 2 with a one-line reason on bad usage, an unreadable case or a bad output path', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['pack', folder], /-o OUT\.zip is required/],
      [['pack', '-o', path.join(out, 'x.zip')], /Exactly one CASE/],
      [['pack', folder, '-o', path.join(out, 'x.zip'), '--provider', 'nope'], /Unknown provider: nope/],
      [['pack', folder, '-o', path.join(out, 'x.zip'), '--date', '2026-02-30'], /real YYYY-MM-DD/],
      [['pack', path.join(out, 'missing'), '-o', path.join(out, 'x.zip')], /找不到案件文件/],
      [['pack', folder, '-o', path.join(out, 'no-dir', 'x.zip')], /输出文件夹不存在/],
      [['pack', folder, '-o', out], /输出路径是一个文件夹/],
    ]
    for (const [args, message] of cases) {
      const r = await cli(...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('packs a ready case whose long certificate type is cut beside an emoji (issue 13 item 13)', async () => {
    const emoji = await writeScannedCase(SMALL, (c) => void (c.sponsor.certificateType = `${'营'.repeat(59)}😀证`))
    expect((await cli('check', emoji, '--date', '2026-12-01')).code).toBe(0)
    const zip = path.join(out, 'emoji.zip')
    const r = await cli('pack', emoji, '-o', zip, '--date', '2026-12-01')
    expect(r.stderr).not.toMatch(/URI malformed|内部错误/)
    expect(r.code).toBe(0)
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')
    expect(names[0]).toBe(`01_主办单位证件_${'营'.repeat(59)}😀.jpg`)
  })

  it('refuses an output folder it cannot write before processing any image: exit 2, bilingual (issue 13 item 14)', async () => {
    const { folder: locked, run, cleanup } = await unwritableFolder()
    try {
      const readable = await writeScannedCase(SMALL)
      await shareReadOnly(readable)
      const r = run(['pack', readable, '-o', path.join(locked, 'x.zip')])
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr).toContain(`没有权限写入输出文件夹：${locked}`)
      expect(r.stderr).toContain(`The output folder is not writable: ${locked}`)
      expect(r.stderr).not.toMatch(/images \d|\.partial|\.tmp|Internal error/)
      expect(await readdir(locked)).toEqual([])
    } finally {
      await cleanup()
    }
    // An output "folder" that is a file: root cannot write there either.
    const file = path.join(out, 'plain-file')
    await writeFile(file, 'not a folder')
    const r = await cli('pack', folder, '-o', path.join(file, 'x.zip'))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`输出位置不是文件夹：${file}`)
    expect(r.stderr).toContain(`The output location is not a folder: ${file}`)
  }, 60_000)

  it('works as a real process', () => {
    const zip = path.join(out, 'process.zip')
    const r = cliProcess(['pack', folder, '-o', zip, '--provider', 'huawei'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('已生成 Package written')
    execFileSync('unzip', ['-tq', zip])
  })

  it('never leaves a file under the final name when the process is killed mid-export', async () => {
    const big = await writeScannedCase([
      { doc: { file: 'scans/licence.jpg', role: 'sponsor-certificate' }, scan: { width: 4000, height: 3000, kind: 'licence' } },
      ...SMALL.slice(1),
    ])
    const dir = await scratch('icp-cli-kill-')
    const zip = path.join(dir, 'pkg.zip')
    const args = [BIN, 'pack', big, '-o', zip, '--provider', 'tencent']
    /** Whatever is under the final name must be the previous file or a complete package. */
    const checkFinalName = async (previous: string | null): Promise<'none' | 'previous' | 'complete'> => {
      const content = await readFile(zip).catch(() => null)
      if (content === null) return 'none'
      if (previous !== null && content.toString() === previous) return 'previous'
      execFileSync('unzip', ['-tq', zip])
      const manifest = ManifestSchema.parse(JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })))
      expect(manifest.files.length).toBeGreaterThan(5)
      return 'complete'
    }
    // How long a whole export takes here, so that kills land throughout it (start-up, images, zip, rename).
    const started = Date.now()
    expect(cliProcess(args.slice(1)).code).toBe(0)
    const duration = Date.now() - started
    const random = seededRandom(20261201)
    let killedMidway = 0
    // Half the kills land anywhere in the export; the other half just after it starts writing the zip
    // (the stage the CLI announces on stderr), the window where a naive writer leaves half a file.
    for (let round = 0; round < 6; round += 1) {
      await rm(zip, { force: true })
      const previous = round >= 3 ? `previous export ${round}` : null
      if (previous !== null) await writeFile(zip, previous)
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] })
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      let timer: NodeJS.Timeout | undefined
      if (round % 2 === 0) timer = setTimeout(() => child.kill('SIGKILL'), Math.floor(duration * (0.25 + random() * 0.8)))
      else {
        const delay = Math.floor(random() * 150)
        child.stderr.on('data', (chunk: Buffer) => {
          if (timer === undefined && chunk.toString().includes('writing the zip')) timer = setTimeout(() => child.kill('SIGKILL'), delay)
        })
      }
      const code = await exited
      clearTimeout(timer)
      const state = await checkFinalName(previous)
      if (code === 0) expect(state, `round ${round}`).toBe('complete')
      else {
        expect(state, `round ${round}`).not.toBe(previous === null ? 'previous' : 'none')
        if (state !== 'complete') killedMidway += 1
      }
      // A killed export may leave only its own hidden .partial file, never anything else.
      const others = (await readdir(dir)).filter((n) => n !== 'pkg.zip')
      expect(
        others.every((n) => /^\.pkg\.zip\.\d+\.[0-9a-f]{8}\.partial$/.test(n)),
        others.join(', '),
      ).toBe(true)
    }
    expect(killedMidway).toBeGreaterThan(0)
    // The next complete export removes the partial files of dead exports.
    expect(cliProcess(args.slice(1)).code).toBe(0)
    expect(await readdir(dir)).toEqual(['pkg.zip'])
  }, 300_000)

  it('cancels cleanly on Ctrl+C: exit 130, a message, nothing written', async () => {
    // Two large photos keep the export busy for a while after the first image is done.
    const big = await writeScannedCase([
      { doc: { file: 'scans/licence.jpg', role: 'sponsor-certificate' }, scan: { width: 4000, height: 3000, kind: 'licence' } },
      { doc: { file: 'scans/id.jpg', role: 'principal-id' }, scan: { width: 4000, height: 3000, kind: 'id-front' } },
      ...SMALL.slice(2),
    ])
    const dir = await scratch('icp-cli-sigint-')
    const child = spawn(process.execPath, [BIN, 'pack', big, '-o', path.join(dir, 'pkg.zip'), '--provider', 'tencent'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    let sent = false
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      if (!sent && stderr.includes('images 1/')) sent = child.kill('SIGINT')
    })
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
    expect(code).toBe(130)
    expect(stderr).toContain('已取消，未写入任何文件。 Cancelled; nothing was written.')
    expect(await readdir(dir)).toEqual([])
  }, 60_000)
})
