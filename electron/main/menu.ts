/**
 * The native menu: built from menu-template.ts in the current language, rebuilt when the language
 * or the screen changes. Menu commands go to the window as `menu.command` events; the language
 * items change the setting directly.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { Language } from '../../shared/i18n/language'
import type { MenuCommand } from '../../shared/ipc/schemas'
import { menuTemplate, type MenuSpec, type MenuState } from './menu-template'

/** What menu clicks do, injected so the menu itself stays a pure translation. */
export interface MenuActions {
  command(command: MenuCommand): void
  language(language: Language): void
}

function toElectron(spec: MenuSpec, actions: MenuActions): MenuItemConstructorOptions {
  if (spec.separator) return { type: 'separator' }
  const item: MenuItemConstructorOptions = {
    ...(spec.label !== undefined ? { label: spec.label } : {}),
    ...(spec.accelerator !== undefined ? { accelerator: spec.accelerator } : {}),
    ...(spec.enabled !== undefined ? { enabled: spec.enabled } : {}),
  }
  if (spec.role) return { ...item, role: spec.role }
  if (spec.submenu) return { ...item, submenu: spec.submenu.map((s) => toElectron(s, actions)) }
  const { command, language } = spec
  if (language !== undefined) return { ...item, type: 'radio', checked: spec.checked === true, click: () => actions.language(language) }
  if (command !== undefined) return { ...item, click: () => actions.command(command) }
  return item
}

/** Sets the application menu for the given state. */
export function applyMenu(state: MenuState, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(state).map((s) => toElectron(s, actions))))
}
