/**
 * The security check the build fails on (issue: "Electron security in CI"). It runs
 * @doyensec/electronegativity over the built app and fails on any finding that is not accepted in
 * electronegativity-allowlist.json with a reason. Two things make the tool's report trustworthy,
 * because it always exits 0 and silently skips what it cannot read:
 * - the main bundle is lowered to ES2019 first (its parser does not know class private fields and
 *   would otherwise skip the whole file), and any "Error parsing" fails the test;
 * - the window's real webPreferences object is written out as a literal BrowserWindow call, since
 *   the tool only sees settings written inline — and a regressed probe must be caught.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { secureWebPreferences } from '../../electron/main/web-preferences'
import allowlist from './electronegativity-allowlist.json' with { type: 'json' }

const REPO = path.resolve(import.meta.dirname, '../..')
// Needs the network (a version feed); the rest are the checks we run.
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck']

interface Finding {
  issue: string
  severity: string
  file: string
  sample: string
}

interface ToolResult {
  errors: Array<{ file: string; message: string; tolerable: boolean }>
  issues: Array<{ id: string; file: string; severity?: { name: string }; sample?: string }>
  atomicChecks: number
  globalChecks: number
}
type Tool = (options: Record<string, unknown>) => Promise<ToolResult>
// Its programmatic API returns the parse errors that its CLI drops silently when writing a report.
const electronegativity = createRequire(import.meta.url)('@doyensec/electronegativity') as Tool

async function audit(dir: string): Promise<{ findings: Finding[]; result: ToolResult }> {
  const result = await electronegativity({
    input: dir,
    excludeFromScan: EXCLUDED,
    customScan: [],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: '41.7.1',
    parserPlugins: [],
  })
  const findings = result.issues.map((i) => ({ issue: i.id, severity: i.severity?.name ?? '', file: i.file, sample: i.sample ?? '' }))
  return { findings, result }
}

async function probe(dir: string, prefs: object): Promise<void> {
  await writeFile(
    path.join(dir, 'audit-window.js'),
    `const { BrowserWindow } = require('electron')\nnew BrowserWindow({ webPreferences: ${JSON.stringify(prefs)} })\n`,
  )
}

const accepted = (f: Finding) => allowlist.accepted.some((a) => a.issue === f.issue && f.file.endsWith(a.file))

describe('electronegativity over the built app', () => {
  let built: string
  beforeAll(async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'icp-audit-build-'))
    const cli = path.join(REPO, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
    const run = spawnSync(process.execPath, [cli, 'build', '--outDir', out, '--logLevel', 'error'], { cwd: REPO, encoding: 'utf8' })
    if (run.status !== 0) throw new Error(run.stderr)
    built = await mkdtemp(path.join(tmpdir(), 'icp-audit-'))
    await mkdir(path.join(built, 'main'))
    await build({
      entryPoints: [path.join(out, 'main', 'index.js')],
      outfile: path.join(built, 'main', 'index.js'),
      target: 'es2019',
      format: 'cjs',
      platform: 'node',
      logLevel: 'error',
    })
    await cp(path.join(out, 'preload'), path.join(built, 'preload'), { recursive: true })
    await cp(path.join(out, 'renderer'), path.join(built, 'renderer'), { recursive: true })
    await probe(built, secureWebPreferences('preload/index.cjs'))
  }, 180_000)

  it('reads every file and reports nothing beyond the accepted findings', async () => {
    const { findings, result } = await audit(built)
    expect(result.errors).toEqual([])
    expect(result.atomicChecks).toBeGreaterThan(30)
    expect(findings.filter((f) => !accepted(f))).toEqual([])
  }, 120_000)

  it('would catch a regression in the window settings (so the check can fail)', async () => {
    const regressed = { ...secureWebPreferences('preload/index.cjs'), sandbox: false, contextIsolation: false, nodeIntegration: true }
    const dir = await mkdtemp(path.join(tmpdir(), 'icp-audit-bad-'))
    await probe(dir, regressed)
    const issues = (await audit(dir)).findings.map((f) => f.issue)
    expect(issues).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']))
  }, 120_000)
})
