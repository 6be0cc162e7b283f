/**
 * The main process's settings that must not regress: the window's security preferences, the CSP
 * (meta tag and header agree), the menu (shortcuts, reserved items disabled, both languages), the
 * restored window position, the packaging fuses and targets, and log masking.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../electron/main/csp'
import { formatLogLine } from '../../electron/services/log'
import { ACCELERATORS, menuTemplate, type MenuSpec } from '../../electron/main/menu-template'
import { secureWebPreferences } from '../../electron/main/web-preferences'
import { DEFAULT_SIZE, restoreBounds } from '../../electron/main/window-bounds'

const REPO = path.resolve(import.meta.dirname, '../..')

function flatten(items: readonly MenuSpec[]): MenuSpec[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])])
}

describe('window security', () => {
  it('isolates and sandboxes the window, with no Node and no webviews', () => {
    expect(secureWebPreferences('/app/preload/index.cjs')).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('states the same strict CSP in the page and in the app scheme header', async () => {
    const html = await readFile(path.join(REPO, 'renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
    // Scan images and the letter font come from the app's own origin: no data:, blob: or other source.
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self';")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/data:|blob:/)
  })
})

describe('the native menu', () => {
  const zh = menuTemplate({ language: 'zh-CN', screen: 'case', platform: 'linux', development: false })
  const en = menuTemplate({ language: 'en', screen: 'case', platform: 'linux', development: false })

  it('adds scans with Ctrl/Cmd+O and exports with Ctrl/Cmd+E on the case screen only', () => {
    const items = flatten(zh)
    expect(items.find((i) => i.accelerator === 'CmdOrCtrl+O')).toMatchObject({ label: '添加扫描件…', command: 'scans.add' })
    expect(items.find((i) => i.accelerator === 'CmdOrCtrl+E')).toMatchObject({ label: '导出材料包…', command: 'case.export' })
    for (const accelerator of [ACCELERATORS.addScans, ACCELERATORS.export])
      expect(items.find((i) => i.accelerator === accelerator)?.enabled, accelerator).toBe(true)
    const onList = flatten(menuTemplate({ language: 'zh-CN', screen: 'cases', platform: 'linux', development: false }))
    for (const command of ['scans.add', 'case.export']) expect(onList.find((i) => i.command === command)?.enabled, command).toBe(false)
  })

  it('gives every shortcut to one item only, and labels everything in the chosen language', () => {
    const accelerators = flatten(zh).flatMap((i) => (i.accelerator ? [i.accelerator] : []))
    expect(new Set(accelerators).size).toBe(accelerators.length)
    const labelsZh = flatten(zh).flatMap((i) => (i.label ? [i.label] : []))
    const labelsEn = flatten(en).flatMap((i) => (i.label ? [i.label] : []))
    expect(labelsZh).toContain('新建案件')
    expect(labelsEn).toContain('New Case')
    expect(labelsEn.filter((l) => /[\u4e00-\u9fff]/.test(l))).toEqual(['简体中文 (Simplified Chinese)'])
  })

  it('enables case commands only on the case screen, and hides developer tools in a release', () => {
    const onList = flatten(menuTemplate({ language: 'zh-CN', screen: 'cases', platform: 'win32', development: false }))
    expect(onList.find((i) => i.command === 'case.duplicate')?.enabled).toBe(false)
    expect(onList.find((i) => i.command === 'case.new')?.enabled).not.toBe(false)
    expect(onList.some((i) => i.role === 'toggleDevTools')).toBe(false)
    const dev = flatten(menuTemplate({ language: 'zh-CN', screen: 'case', platform: 'darwin', development: true }))
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true)
    expect(dev.some((i) => i.role === 'appMenu')).toBe(true)
  })
})

describe('window position', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 }
  it('restores a position that is on a display', () => {
    expect(restoreBounds({ x: 100, y: 80, width: 1400, height: 900, maximized: true }, [primary])).toEqual({
      x: 100,
      y: 80,
      width: 1400,
      height: 900,
      maximized: true,
    })
  })
  it('brings back a window left on a display that is gone, and shrinks one larger than the screen', () => {
    const lost = restoreBounds({ x: 3000, y: 100, width: 1200, height: 800, maximized: false }, [primary])
    expect(lost).toMatchObject({ width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height })
    expect(lost.x).toBeGreaterThanOrEqual(0)
    const big = restoreBounds({ x: -10, y: 0, width: 2600, height: 1600, maximized: false }, [{ x: 0, y: 0, width: 1366, height: 728 }])
    expect(big).toEqual({ x: 0, y: 0, width: 1366, height: 728, maximized: false })
    expect(restoreBounds(null, [primary])).toMatchObject({ width: DEFAULT_SIZE.width, maximized: false })
  })
})

describe('packaging', () => {
  it('sets the fuses and the Windows, macOS and Linux targets', async () => {
    const yml = await readFile(path.join(REPO, 'electron-builder.yml'), 'utf8')
    for (const fuse of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'enableEmbeddedAsarIntegrityValidation: true',
      'onlyLoadAppFromAsar: true',
      'grantFileProtocolExtraPrivileges: false',
    ])
      expect(yml).toContain(fuse)
    expect(yml).toMatch(/win:\s+target: \[nsis\]/)
    expect(yml).toMatch(/mac:\s+target: \[dmg\]/)
    expect(yml).toMatch(/linux:\s+target: \[AppImage, deb\]/)
  })
})

describe('the error log', () => {
  it('masks identifiers, phone numbers and e-mail addresses', () => {
    const masked = formatLogLine('error', 'save failed for 440305198506121237 / 13800138000 / 91440300MA5FXK2L9W / chen@yunfan-tech.cn')
    expect(masked).not.toMatch(/440305198506121237|13800138000|91440300MA5FXK2L9W|chen@/)
    expect(formatLogLine('error', 'ENOENT case.json')).toMatch(/ERROR ENOENT case\.json\n$/)
  })
})
