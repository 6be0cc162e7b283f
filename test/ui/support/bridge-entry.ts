/**
 * The preload's API for a plain browser page: the very buildApi() the app's preload uses, over a
 * transport made of Playwright's exposed function (calls) and a page-side emitter (events). Bundled
 * by global-setup.ts and injected before the app's scripts run.
 *
 * A plain page cannot learn a File's path (Electron's webUtils.getPathForFile can), so the stand-in
 * looks the File's name up in paths the test registers for the files it drops; a File the test did
 * not register has no path, as a File made by script has none in the app.
 */
import { buildApi } from '../../../electron/preload/build-api'
import { BRIDGE_GLOBAL } from '../../../shared/ipc/channels'

interface TestWindow {
  __icpInvoke(channel: string, input: unknown): Promise<unknown>
  __icpEmit: (event: string, payload: unknown) => void
  __icpRegisterFiles: (paths: Record<string, string>) => void
}

const listeners = new Map<string, Set<(payload: unknown) => void>>()
const filePaths = new Map<string, string>()
const page = window as unknown as TestWindow

page.__icpEmit = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload)
}
page.__icpRegisterFiles = (paths) => {
  for (const [name, full] of Object.entries(paths)) filePaths.set(name, full)
}

Object.defineProperty(window, BRIDGE_GLOBAL, {
  value: buildApi({
    // Structured cloning is what Electron's IPC does to a payload; JSON round-trips are stricter.
    invoke: (channel, input) => page.__icpInvoke(channel, input === undefined ? undefined : JSON.parse(JSON.stringify(input))),
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
    pathForFile: (file) => (file instanceof File ? (filePaths.get(file.name) ?? '') : ''),
  }),
  writable: false,
  configurable: false,
})
