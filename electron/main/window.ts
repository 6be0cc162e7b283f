/**
 * The main window: secure settings from web-preferences.ts, opened where the user left it, its
 * size and position saved (debounced while dragging, and once more on close).
 */
import { BrowserWindow, screen } from 'electron'
import type { WindowBounds } from '../services/workspace/settings-store'
import { secureWebPreferences } from './web-preferences'
import { MIN_SIZE, restoreBounds } from './window-bounds'

/** What the window needs from the app: its preload, title and remembered bounds. */
export interface WindowOptions {
  readonly preload: string
  readonly title: string
  readonly saved: WindowBounds | null
  readonly onBounds: (bounds: WindowBounds) => void
}

/** Creates the window (hidden until its first paint, so it never flashes white). */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const bounds = restoreBounds(
    options.saved,
    screen.getAllDisplays().map((d) => d.workArea),
  )
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: options.title,
    show: false,
    backgroundColor: '#f4f5f7',
    webPreferences: secureWebPreferences(options.preload),
  })
  window.once('ready-to-show', () => {
    if (bounds.maximized) window.maximize()
    window.show()
  })

  let timer: NodeJS.Timeout | null = null
  const save = () => {
    if (window.isDestroyed()) return
    const normal = window.getNormalBounds()
    options.onBounds({ ...normal, maximized: window.isMaximized() })
  }
  const later = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', later)
  window.on('close', () => {
    if (timer) clearTimeout(timer)
    save()
  })
  return window
}
