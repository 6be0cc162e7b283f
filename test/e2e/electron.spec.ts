/**
 * Smoke tests of the real Electron app (built by global-setup.ts): the window's security settings
 * as Electron reports them, what the page can reach, a basic flow across a restart, and the scans
 * flow through the real preload (webUtils) and native dialogs (stubbed in the main process): add
 * scans, read them, accept what was read, preview and save the letter, export. They need the
 * Electron binary, which cannot be downloaded on our build machines: there they are skipped, saying why.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { OUT, REPO } from '../ui/support/paths'
import { makeFlowScans } from '../ui/support/scan-fixtures'

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

test('adds scans through the native picker, reads them, makes the letter and exports', async () => {
  test.setTimeout(600_000)
  const scans = await makeFlowScans(11)
  const first = await launch()
  const page = await first.firstWindow()
  // Native dialogs answer as a person would: the scans to add, then where to save.
  const letterFile = path.join(userData, '承诺书.pdf')
  const zip = path.join(userData, '备案材料.zip')
  await first.evaluate(
    ({ dialog, shell }, files) => {
      const d = dialog as unknown as Record<string, unknown>
      d.showOpenDialog = async () => ({ canceled: false, filePaths: files.scans })
      d.showSaveDialog = async (...args: unknown[]) => {
        const options = args.at(-1) as { defaultPath?: string }
        return { canceled: false, filePath: String(options.defaultPath).endsWith('.pdf') ? files.letter : files.zip }
      }
      const s = shell as unknown as Record<string, unknown>
      s.openPath = async () => ''
      s.showItemInFolder = () => undefined
    },
    { scans: Object.values(scans.files), letter: letterFile, zip },
  )
  await page.getByRole('button', { name: '新建案件' }).first().click()
  await page.locator('.case-form [data-field="province"] select').selectOption('广东')

  // The real preload: page script cannot send paths, neither directly nor with a File it made.
  const settings = path.join(userData, 'settings.json')
  await expect
    .poll(() =>
      readFile(settings, 'utf8').then(
        (t) => (JSON.parse(t) as { lastCaseId?: string }).lastCaseId ?? '',
        () => '',
      ),
    )
    .not.toBe('')
  const caseId = (JSON.parse(await readFile(settings, 'utf8')) as { lastCaseId: string }).lastCaseId
  type Envelope = { error?: { code: string } }
  const refused = await page.evaluate(async (id) => {
    const api = (
      window as unknown as {
        icpPrep: {
          invoke(channel: string, input: unknown): Promise<Envelope>
          invokeWithFiles(channel: string, input: unknown, files: File[]): Promise<Envelope>
        }
      }
    ).icpPrep
    const direct = await api.invoke('scan.add', { caseId: id, paths: ['/etc/passwd'] })
    const made = await api.invokeWithFiles('scan.add', { caseId: id }, [new File(['x'], 'x.jpg')])
    return [direct.error?.code, made.error?.code]
  }, caseId)
  expect(refused).toEqual(['unknown-channel', 'bad-input'])

  await page.getByRole('tab', { name: /扫描件与识别/ }).click()
  await page.getByRole('button', { name: '添加扫描件…' }).click()
  await expect(page.locator('.scan-card')).toHaveCount(5)
  // Thumbnails come through app://renderer/case-file/… under the window's CSP.
  await expect
    .poll(
      () =>
        page
          .locator('.scan-card img')
          .first()
          .evaluate((img) => (img as HTMLImageElement).naturalWidth),
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0)
  await page.locator('.read-button').click()
  await expect(page.locator('.read-progress')).toHaveCount(0, { timeout: 300_000 })
  await page.locator('.scan-card[data-name="营业执照.jpg"] .scan-select').click()
  await page
    .locator('.review')
    .getByRole('button', { name: /全部采用/ })
    .click()
  await expect(page.locator('.review .review-row .chip-ok').first()).toBeVisible()

  await page.getByRole('tab', { name: '广东承诺书' }).click()
  const save = page.getByRole('button', { name: '保存为 PDF…' })
  if (await save.isEnabled()) {
    await save.click()
    await expect
      .poll(() =>
        stat(letterFile).then(
          (s) => s.size,
          () => 0,
        ),
      )
      .toBeGreaterThan(1000)
  }

  await page.getByRole('tab', { name: /导出材料包/ }).click()
  await page.getByRole('button', { name: /仍然导出/ }).click()
  await page.locator('dialog[open]').getByRole('button', { name: '导出并标记为未就绪' }).click()
  await expect(page.locator('.export-result')).toContainText('未就绪', { timeout: 120_000 })
  expect((await stat(zip)).size).toBeGreaterThan(1000)
})
