/**
 * Smoke tests of the real Electron app (built by global-setup.ts): the window's security settings
 * as Electron reports them, what the page can reach, and a basic flow. They need the Electron
 * binary, which cannot be downloaded on our build machines: there they are skipped, saying why.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { OUT, REPO } from '../ui/support/paths'

/** The Electron executable, or why there is none. */
function electronBinary(): { path: string } | { missing: string } {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = path.join(pkg, 'path.txt')
  if (!existsSync(pathFile))
    return { missing: 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD, or no access to its download)' }
  const executable = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(executable) ? { path: executable } : { missing: `the Electron binary is missing at ${executable}` }
}

const binary = electronBinary()
if ('missing' in binary) console.log(`Electron smoke tests skipped: ${binary.missing}.`)
test.skip('missing' in binary, `Electron smoke tests skipped: ${'missing' in binary ? binary.missing : ''}`)

let app: ElectronApplication | undefined
let userData = ''

/** Starts the built app with its own settings folder (and workspace under it). */
async function launch(): Promise<ElectronApplication> {
  if (!('path' in binary)) throw new Error('no Electron binary')
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value
  app = await electron.launch({
    executablePath: binary.path,
    args: [path.join(OUT, 'main', 'index.js'), ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    cwd: REPO,
    env: { ...env, ICP_PREP_USER_DATA: userData, HOME: userData },
  })
  return app
}

test.beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'icp-electron-'))
})

test.afterEach(async () => {
  await app?.close()
  app = undefined
})

test('opens one sandboxed, isolated window served from app://', async () => {
  const app = await launch()
  const page = await app.firstWindow()
  await expect(page.getByRole('heading', { level: 1, name: '备案案件' })).toBeVisible()
  expect(page.url()).toBe('app://renderer/index.html')
  // Electron reports the effective preferences where its version still offers the call …
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows()
    const contents = window?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> } | undefined
    return contents?.getLastWebPreferences?.() ?? null
  })
  if (prefs !== null)
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false })
  // … and the page shows them either way: no Node, no webview element, only the contract's API.
  expect(await page.evaluate(() => document.createElement('webview').constructor.name)).toBe('HTMLUnknownElement')
  const reach = await page.evaluate(async () => ({
    node: typeof (window as unknown as { require?: unknown }).require + typeof (window as unknown as { process?: unknown }).process,
    api: Object.keys((window as unknown as { icpPrep: object }).icpPrep).sort(),
    net: await fetch('https://example.com/').then(
      () => 'reached',
      () => 'refused',
    ),
    popup: window.open('https://example.com/') === null ? 'denied' : 'opened',
  }))
  expect(reach).toEqual({ node: 'undefinedundefined', api: ['invoke', 'on'], net: 'refused', popup: 'denied' })
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})

test('creates a case, shows a finding as the user types, and restores it after a restart', async () => {
  const first = await launch()
  const page = await first.firstWindow()
  await page.getByRole('button', { name: '新建案件' }).first().click()
  const mobile = page.locator('.case-form [data-field="principal.mobile"]')
  await mobile.locator('input').fill('12345')
  await expect(mobile.locator('.field-finding')).toContainText('格式不正确')
  await expect(page.getByTestId('save-state')).toBeVisible()
  const menu = await first.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label))
  expect(menu).toContain('文件')
  await first.close()

  const second = await launch()
  const again = await second.firstWindow()
  await expect(again.locator('.case-form [data-field="principal.mobile"] input')).toHaveValue('12345')
})
