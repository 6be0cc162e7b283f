/**
 * The value lists behind the contract's enums, kept free of zod so the window can import them
 * (status filters, menu commands) without bundling the schema library.
 */

/** Which screen the window shows; remembered so reopening the app returns there. */
export const SCREENS = ['cases', 'case', 'expiry'] as const

/**
 * Case status in the list, derived, never stored: 资料不全 (something required is missing),
 * 待核对 (complete but errors remain), 可提交 (no errors), 已导出 (a ready export, no edit since).
 */
export const CASE_STATUSES = ['incomplete', 'to-review', 'ready', 'exported'] as const

/** Filing status after export (shared/model/filing.ts), repeated here free of zod for the window. */
export { FILING_STATUSES } from '../model/filing-statuses'

export const JOB_STATES = ['running', 'succeeded', 'failed', 'cancelled'] as const
export const FINISHED_JOB_STATES = ['succeeded', 'failed', 'cancelled'] as const

/** Commands the native menu sends to the window (the window decides what they mean on its screen). */
export const MENU_COMMANDS = [
  'case.new',
  'case.duplicate',
  'case.delete',
  'case.reveal',
  'view.cases',
  'view.checks',
  'cases.find',
  'workspace.choose',
  'scans.add',
  'case.export',
] as const
