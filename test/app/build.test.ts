/**
 * The built app: the preload comes out as CommonJS that requires nothing but 'electron' (a
 * sandboxed preload can load nothing else), and the main bundle carries the security settings.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const REPO = path.resolve(import.meta.dirname, '../..')

describe('the electron-vite build', () => {
  it('emits a self-contained CommonJS preload and a sealed main process', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'icp-build-'))
    const cli = path.join(REPO, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
    const run = spawnSync(process.execPath, [cli, 'build', '--outDir', out, '--logLevel', 'error'], { cwd: REPO, encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)

    const preload = await readFile(path.join(out, 'preload', 'index.cjs'), 'utf8')
    const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
    expect(required).toEqual(['electron'])
    expect(preload).not.toMatch(/^\s*(import|export)\s/m)
    expect(preload).toContain('exposeInMainWorld')
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)

    const main = await readFile(path.join(out, 'main', 'index.js'), 'utf8')
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webviewTag: false', 'enableSandbox()']) {
      expect(main).toContain(setting)
    }
    expect(main).not.toMatch(/nodeIntegration: true|contextIsolation: false|sandbox: false|webSecurity: false/)

    const assets = await readdir(path.join(out, 'renderer', 'assets'))
    expect(assets.some((f) => f.endsWith('.js'))).toBe(true)
    expect(assets.some((f) => f.endsWith('.css'))).toBe(true)
  }, 120_000)
})
