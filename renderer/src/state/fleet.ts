/**
 * Many customers (issue 17) in the window: the 到期提醒 list and its start-up badge, and the filing
 * status dialog. The lists come from the main process; the window never reads a case folder.
 */
import type { ResultOf } from '../../../shared/ipc/contract'
import { translate } from '../../../shared/i18n/messages'
import type { CaseSummary, FilingStatus } from '../../../shared/ipc/schemas'
import { call, errorText } from '../api'
import { refreshCases } from './cases'
import { editorStore } from './editor'
import { navigationStore } from './navigation'
import { notify } from './notices'
import { rememberPlace, settingsStore } from './settings'
import { createStore } from './store'

export type ExpiryItem = ResultOf<'expiry.list'>['items'][number]

export interface ExpiryState {
  readonly items: readonly ExpiryItem[]
  readonly today: string | null
  readonly within: number
  readonly all: boolean
  readonly loaded: boolean
  /** Items past or within the badge's days (30) in watched cases, counted at start-up and after changes. */
  readonly badge: number
}

export const expiryStore = createStore<ExpiryState>({ items: [], today: null, within: 90, all: false, loaded: false, badge: 0 })

function language() {
  return settingsStore.get().settings?.language ?? 'zh-CN'
}

function fail(error: unknown): void {
  const { message, messageEn } = errorText(error)
  notify('error', message, messageEn)
}

/** Counts what needs attention soon, for the quiet badge on the 到期提醒 tab. */
export async function refreshExpiryBadge(): Promise<void> {
  try {
    const probe = await call('expiry.list', { within: 30 })
    expiryStore.set({ badge: probe.items.filter((i) => i.days <= probe.badgeWithin).length })
  } catch {
    // The badge is a hint: a workspace that cannot be read shows its problem on the list instead.
  }
}

export async function loadExpiry(): Promise<void> {
  const { within, all } = expiryStore.get()
  try {
    const result = await call('expiry.list', { within, all })
    expiryStore.set({ items: result.items, today: result.today, loaded: true })
  } catch (error) {
    expiryStore.set({ loaded: true })
    fail(error)
  }
}

export function setExpiryRange(within: number, all: boolean): void {
  expiryStore.set({ within, all })
  void loadExpiry()
}

/** Shows the 到期提醒 screen. */
export async function showExpiry(): Promise<void> {
  navigationStore.set({ screen: 'expiry' })
  await Promise.all([loadExpiry(), refreshExpiryBadge()])
  await rememberPlace({ lastScreen: 'expiry', lastCaseId: null }).catch(fail)
}

/** Saves the list as .ics or CSV where the user chooses. */
export async function exportExpiry(format: 'ics' | 'csv'): Promise<void> {
  const { within, all } = expiryStore.get()
  try {
    const result = await call('expiry.export', { format, within, all })
    if (result.saved && result.name)
      notify('info', translate('zh-CN', 'expiry.saved', { name: result.name }), translate('en', 'expiry.saved', { name: result.name }))
  } catch (error) {
    fail(error)
  }
}

export type FilingCatalogue = ResultOf<'filing.catalogue'>

export interface StatusDialogState {
  readonly row: CaseSummary | null
  readonly catalogue: FilingCatalogue | null
  readonly problem: { message: string; messageEn: string } | null
  readonly busy: boolean
}

export const statusDialogStore = createStore<StatusDialogState>({ row: null, catalogue: null, problem: null, busy: false })

/** Opens the status dialog of a row, with the statuses, reasons, providers and the case's history. */
export async function openStatusDialog(row: CaseSummary): Promise<void> {
  statusDialogStore.set({ row, catalogue: null, problem: null, busy: false })
  try {
    statusDialogStore.set({ catalogue: await call('filing.catalogue', { caseId: row.id }) })
  } catch (error) {
    statusDialogStore.set({ row: null })
    fail(error)
  }
}

export function closeStatusDialog(): void {
  statusDialogStore.set({ row: null, catalogue: null, problem: null, busy: false })
}

export interface StatusForm {
  readonly status: FilingStatus
  readonly date: string
  readonly provider: string
  readonly orderNumber: string
  readonly reasonCode: string
  readonly reason: string
  readonly filingNumber: string
  readonly note: string
}

/** Records the change; a refused one stays in the dialog with the reason. */
export async function submitStatus(form: StatusForm): Promise<void> {
  const { row } = statusDialogStore.get()
  if (!row) return
  statusDialogStore.set({ busy: true, problem: null })
  // Empty fields are left out; the main process checks what each status needs.
  const opt = <K extends string>(key: K, v: string) => (v.trim() === '' ? {} : ({ [key]: v.trim() } as Record<K, string>))
  try {
    const summary = await call('case.setStatus', {
      caseId: row.id,
      status: form.status,
      date: form.date,
      ...(form.status === 'submitted' ? { ...opt('provider', form.provider), ...opt('orderNumber', form.orderNumber) } : {}),
      ...(form.status === 'rejected-provider' || form.status === 'rejected-bureau'
        ? { ...opt('reasonCode', form.reasonCode), ...opt('reason', form.reason) }
        : {}),
      ...(form.status === 'filed' ? opt('filingNumber', form.filingNumber) : {}),
      ...opt('note', form.note),
    })
    const label = translate(language(), `filing.${form.status}`)
    notify(
      'info',
      translate('zh-CN', 'filing.changed', { status: translate('zh-CN', `filing.${form.status}`) }),
      translate('en', 'filing.changed', { status: label }),
    )
    closeStatusDialog()
    // On the case screen the header shows the new status at once.
    if (editorStore.get().caseId === row.id) editorStore.set({ summary })
    await Promise.all([refreshCases(), refreshExpiryBadge()])
  } catch (error) {
    statusDialogStore.set({ busy: false, problem: errorText(error) })
  }
}
