/**
 * How to show a case folder in the file manager without running anything. On macOS, opening a
 * folder whose name ends in a bundle extension (`…app`, `….bundle` …) with shell.openPath hands it
 * to LaunchServices, which launches it as an application (issue 13 item 19). Such a folder is
 * shown selected in its parent (shell.showItemInFolder) instead; every other folder is opened.
 * Plain Node, so the decision is tested without Electron; electron/main/services.ts acts on it.
 */
import path from 'node:path'

/**
 * Extensions macOS treats as bundles or installers, which Finder and LaunchServices open by
 * running them. Source: Apple, Bundle Programming Guide, "Bundle Types" (.app, .framework, .bundle,
 * .plugin) and the system's package types (Kernel extensions, installer packages, preference
 * panes, app extensions, XPC services, Automator actions and workflows, screen savers, widgets).
 */
const BUNDLE_EXTENSIONS: ReadonlySet<string> = new Set([
  'app',
  'appex',
  'bundle',
  'framework',
  'plugin',
  'kext',
  'pkg',
  'mpkg',
  'prefpane',
  'xpc',
  'action',
  'workflow',
  'saver',
  'wdgt',
  'qlgenerator',
  'mdimporter',
])

/** `open`: shell.openPath is safe; `select`: show it selected in its parent folder instead. */
export type RevealMethod = 'open' | 'select'

/** The way to reveal `folder` on `platform` (process.platform). */
export function revealMethod(folder: string, platform: NodeJS.Platform): RevealMethod {
  if (platform !== 'darwin') return 'open'
  // path.posix: the decision is about a macOS path, whatever the platform the test runs on.
  const ext = path.posix
    .extname(path.posix.basename(folder.replace(/\/+$/, '')))
    .slice(1)
    .toLowerCase()
  return BUNDLE_EXTENSIONS.has(ext) ? 'select' : 'open'
}
