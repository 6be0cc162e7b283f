/**
 * Restoring the window where the user left it, without ever opening it off-screen (a monitor
 * unplugged since, a laptop now on its own display). Pure, so it is tested without Electron.
 */
import type { WindowBounds } from '../services/workspace/settings-store'

/** A display's usable area (screen.getAllDisplays()[i].workArea). */
export interface Area {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** Room for the section list, a two-column form and the checks panel side by side. */
export const DEFAULT_SIZE = { width: 1360, height: 880 } as const
/** Below this the three columns no longer fit a 1366×768 office laptop. */
export const MIN_SIZE = { width: 1024, height: 640 } as const

function overlap(a: Area, b: Area): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/**
 * The bounds to open with: the saved ones when a good part of the title bar area is on a display
 * (shrunk to fit it), else the default size centred on the primary display.
 */
export function restoreBounds(saved: WindowBounds | null, displays: readonly Area[]): WindowBounds {
  const primary = displays[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height }
  const centred = (): WindowBounds => {
    const width = Math.min(DEFAULT_SIZE.width, primary.width)
    const height = Math.min(DEFAULT_SIZE.height, primary.height)
    return {
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      width,
      height,
      maximized: false,
    }
  }
  if (!saved) return centred()
  const titleBar: Area = { x: saved.x, y: saved.y, width: saved.width, height: 40 }
  const host = displays.find((d) => overlap(d, titleBar) >= Math.min(100 * 40, saved.width * 40))
  if (!host) return { ...centred(), maximized: saved.maximized }
  const width = Math.max(Math.min(saved.width, host.width), Math.min(MIN_SIZE.width, host.width))
  const height = Math.max(Math.min(saved.height, host.height), Math.min(MIN_SIZE.height, host.height))
  const x = Math.min(Math.max(saved.x, host.x), host.x + host.width - width)
  const y = Math.min(Math.max(saved.y, host.y), host.y + host.height - height)
  return { x, y, width, height, maximized: saved.maximized }
}
