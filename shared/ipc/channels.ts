/**
 * The names of every IPC channel, without their schemas. The sandboxed preload imports only this
 * file (it cannot load zod), so it can refuse unknown channels before anything reaches the main
 * process; contract.ts must define exactly these channels (a type error and a test otherwise).
 */

/** Request/response channels the window may call, `noun.verb`. */
export const INVOKE_CHANNELS = [
  'app.info',
  'settings.get',
  'settings.update',
  'workspace.choose',
  'case.list',
  'case.create',
  'case.open',
  'case.save',
  'case.saveCopy',
  'case.history',
  'case.restore',
  'case.duplicate',
  'case.delete',
  'case.reveal',
  'job.list',
  'job.cancel',
  'scan.list',
  'scan.add',
  'scan.pick',
  'scan.update',
  'scan.remove',
  'scan.misread',
  'scan.keep',
  'scan.read',
  'letter.preview',
  'letter.save',
  'letter.print',
  'export.plan',
  'export.start',
  'export.reveal',
  'case.setStatus',
  'filing.catalogue',
  'expiry.list',
  'expiry.export',
  'import.plan',
  'import.preview',
  'import.apply',
  'import.status',
  'import.cancel',
  'import.resume',
  'import.dismiss',
] as const
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number]

/**
 * Channels that carry file system paths from the window to the main process. The page cannot call
 * them with `invoke`: only the preload's `invokeWithFiles` may, and it fills `paths` itself from
 * File objects the user dropped (webUtils.getPathForFile), so page script never holds or makes up
 * a path. The main process validates every path again.
 */
export const FILE_CHANNELS = ['scan.add'] as const
export type FileChannel = (typeof FILE_CHANNELS)[number]

/** Events the main process pushes to the window. */
export const EVENT_CHANNELS = ['job.progress', 'job.finished', 'menu.command', 'settings.changed'] as const
export type EventChannel = (typeof EVENT_CHANNELS)[number]

/** The global name under which the preload exposes the API (window.icpPrep). */
export const BRIDGE_GLOBAL = 'icpPrep'

const invokeSet: ReadonlySet<string> = new Set(INVOKE_CHANNELS)
const fileSet: ReadonlySet<string> = new Set(FILE_CHANNELS)
const eventSet: ReadonlySet<string> = new Set(EVENT_CHANNELS)

/** True for a channel the contract defines; everything else is refused at every layer. */
export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && invokeSet.has(value)
}

/** True for a channel whose input carries paths (see FILE_CHANNELS). */
export function isFileChannel(value: unknown): value is FileChannel {
  return typeof value === 'string' && fileSet.has(value)
}

/** True for an event the contract defines. */
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && eventSet.has(value)
}
