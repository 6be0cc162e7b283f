/**
 * The native menu as plain data: labels from the message catalogue, accelerators, what is enabled
 * on which screen. Pure (no 'electron'), so the accelerators and what is enabled where are tested
 * in Node; menu.ts turns this into an Electron Menu.
 */
import { LANGUAGES, pick, type Language } from '../../shared/i18n/language'
import { menuMessages } from '../../shared/i18n/messages/menu'
import type { MenuCommand, Screen } from '../../shared/ipc/schemas'

type MenuKey = keyof typeof menuMessages

/** Built-in behaviour Electron provides for an item (undo, copy, zoom …). */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools'
  | 'minimize'
  | 'close'
  | 'quit'
  | 'about'
  | 'appMenu'

/** One menu entry; exactly one of command, role, language, submenu or separator gives it meaning. */
export interface MenuSpec {
  readonly label?: string
  readonly accelerator?: string
  readonly enabled?: boolean
  readonly command?: MenuCommand
  readonly role?: MenuRole
  readonly language?: Language
  readonly checked?: boolean
  readonly separator?: true
  readonly submenu?: readonly MenuSpec[]
}

/** What the menu depends on: it is rebuilt when any of this changes. */
export interface MenuState {
  readonly language: Language
  readonly screen: Screen
  readonly platform: NodeJS.Platform
  /** Reload and developer tools only while developing. */
  readonly development: boolean
}

/** Shortcuts, in Electron's accelerator syntax (CmdOrCtrl is Cmd on macOS, Ctrl elsewhere). */
export const ACCELERATORS = {
  newCase: 'CmdOrCtrl+N',
  duplicateCase: 'CmdOrCtrl+Shift+D',
  revealCase: 'CmdOrCtrl+Shift+R',
  addScans: 'CmdOrCtrl+O',
  export: 'CmdOrCtrl+E',
  cases: 'CmdOrCtrl+L',
  checks: 'CmdOrCtrl+Shift+K',
  find: 'CmdOrCtrl+F',
} as const

/** The whole menu bar for a language and screen. */
export function menuTemplate(state: MenuState): MenuSpec[] {
  const t = (key: MenuKey) => pick(menuMessages[key], state.language)
  const inCase = state.screen === 'case'
  const mac = state.platform === 'darwin'
  const sep: MenuSpec = { separator: true }

  const file: MenuSpec = {
    label: t('menu.file'),
    submenu: [
      { label: t('menu.file.newCase'), accelerator: ACCELERATORS.newCase, command: 'case.new' },
      { label: t('menu.file.duplicateCase'), accelerator: ACCELERATORS.duplicateCase, command: 'case.duplicate', enabled: inCase },
      { label: t('menu.file.revealCase'), accelerator: ACCELERATORS.revealCase, command: 'case.reveal', enabled: inCase },
      { label: t('menu.file.deleteCase'), command: 'case.delete', enabled: inCase },
      sep,
      { label: t('menu.file.addScans'), accelerator: ACCELERATORS.addScans, command: 'scans.add', enabled: inCase },
      { label: t('menu.file.export'), accelerator: ACCELERATORS.export, command: 'case.export', enabled: inCase },
      sep,
      { label: t('menu.file.chooseWorkspace'), command: 'workspace.choose' },
      ...(mac ? [] : [sep, { label: t('menu.file.quit'), role: 'quit' as const }]),
    ],
  }
  const edit: MenuSpec = {
    label: t('menu.edit'),
    submenu: [
      { label: t('menu.edit.undo'), role: 'undo' },
      { label: t('menu.edit.redo'), role: 'redo' },
      sep,
      { label: t('menu.edit.cut'), role: 'cut' },
      { label: t('menu.edit.copy'), role: 'copy' },
      { label: t('menu.edit.paste'), role: 'paste' },
      { label: t('menu.edit.selectAll'), role: 'selectAll' },
    ],
  }
  const view: MenuSpec = {
    label: t('menu.view'),
    submenu: [
      { label: t('menu.view.cases'), accelerator: ACCELERATORS.cases, command: 'view.cases' },
      { label: t('menu.view.checks'), accelerator: ACCELERATORS.checks, command: 'view.checks', enabled: inCase },
      { label: t('menu.view.find'), accelerator: ACCELERATORS.find, command: 'cases.find' },
      sep,
      {
        label: t('menu.view.language'),
        submenu: LANGUAGES.map((language) => ({
          label: t(`menu.language.${language}`),
          language,
          checked: language === state.language,
        })),
      },
      sep,
      { label: t('menu.view.resetZoom'), role: 'resetZoom' },
      { label: t('menu.view.zoomIn'), role: 'zoomIn' },
      { label: t('menu.view.zoomOut'), role: 'zoomOut' },
      { label: t('menu.view.fullScreen'), role: 'togglefullscreen' },
      ...(state.development
        ? [
            sep,
            { label: t('menu.view.reload'), role: 'reload' as const },
            { label: t('menu.view.devTools'), role: 'toggleDevTools' as const },
          ]
        : []),
    ],
  }
  const window: MenuSpec = {
    label: t('menu.window'),
    submenu: [
      { label: t('menu.window.minimize'), role: 'minimize' },
      { label: t('menu.window.close'), role: 'close' },
    ],
  }
  const help: MenuSpec = { label: t('menu.help'), submenu: [{ label: t('menu.help.about'), role: 'about' }] }
  return [...(mac ? [{ label: t('app.name'), role: 'appMenu' as const }] : []), file, edit, view, window, help]
}
