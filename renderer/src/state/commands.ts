/**
 * What the user can do with cases, shared by buttons and the native menu: open, create, duplicate,
 * delete (after confirmation, into the trash), reveal, change workspace, switch screens. Each
 * reports failures as a notice instead of throwing into React.
 */
import { translate } from '../../../shared/i18n/messages'
import type { MenuCommand } from '../../../shared/ipc/schemas'
import { call, errorText } from '../api'
import { refreshCases } from './cases'
import { askConfirm } from './confirm'
import { closeCase, editorStore, showCase } from './editor'
import { navigationStore, showCaseView } from './navigation'
import { notify } from './notices'
import { clearReview } from './review'
import { loadScans, pickScans } from './scans'
import { applySettings, rememberPlace, settingsStore } from './settings'

function language() {
  return settingsStore.get().settings?.language ?? 'zh-CN'
}

function fail(error: unknown): void {
  const { message, messageEn } = errorText(error)
  notify('error', message, messageEn)
}

function done(key: Parameters<typeof translate>[1]): void {
  notify('info', translate('zh-CN', key), translate('en', key))
}

/** Shows the case list. */
export async function showCases(): Promise<void> {
  closeCase()
  navigationStore.set({ screen: 'cases' })
  await refreshCases()
  await rememberPlace({ lastScreen: 'cases', lastCaseId: null }).catch(fail)
}

/** Shows a case that was opened, created or duplicated, starting on its form with its scans loaded. */
function enterCase(opened: Parameters<typeof showCase>[0]): void {
  const sameCase = editorStore.get().caseId === opened.id
  showCase(opened)
  if (!sameCase) {
    clearReview()
    navigationStore.set({ caseView: 'form' })
  }
  void loadScans(opened.id)
}

/** Opens a case on the case screen; false (with a notice) when it cannot be opened. */
export async function openCase(caseId: string): Promise<boolean> {
  try {
    enterCase(await call('case.open', { caseId }))
  } catch (error) {
    fail(error)
    return false
  }
  navigationStore.set({ screen: 'case' })
  await rememberPlace({ lastScreen: 'case', lastCaseId: caseId }).catch(fail)
  return true
}

/** Creates an empty case and opens it. */
export async function newCase(): Promise<void> {
  try {
    const opened = await call('case.create', {})
    enterCase(opened)
    navigationStore.set({ screen: 'case' })
    done('cases.created')
    await rememberPlace({ lastScreen: 'case', lastCaseId: opened.id })
  } catch (error) {
    fail(error)
  }
}

/** Duplicates a case and opens the copy. */
export async function duplicateCase(caseId: string): Promise<void> {
  try {
    const copy = await call('case.duplicate', { caseId })
    // A copy has the original's credit code: say so, since a copy is often the start of another customer's case.
    if (copy.sameCreditCode > 0)
      notify(
        'info',
        translate('zh-CN', 'cases.duplicatedSameCode', { name: copy.id }),
        translate('en', 'cases.duplicatedSameCode', { name: copy.id }),
      )
    else done('cases.duplicated')
    if (navigationStore.get().screen === 'case') await openCase(copy.id)
    else await refreshCases()
  } catch (error) {
    fail(error)
  }
}

/** 重新载入: shows the case as it is on disk now (after it changed under this window). */
export async function reloadCase(caseId: string): Promise<void> {
  try {
    enterCase(await call('case.open', { caseId }))
    done('case.reloaded')
  } catch (error) {
    fail(error)
  }
}

/** 另存为副本: keeps this window's version as a new case beside the one that changed, and opens it. */
export async function saveDraftAsCopy(caseId: string): Promise<void> {
  const { draft } = editorStore.get()
  if (!draft) return
  try {
    const copy = await call('case.saveCopy', { caseId, case: draft })
    enterCase(copy)
    done('case.savedAsCopy')
    await rememberPlace({ lastScreen: 'case', lastCaseId: copy.id })
  } catch (error) {
    fail(error)
  }
}

/** 恢复: asks, then puts a saved version back (the current state becomes a saved version first). */
export async function restoreVersion(caseId: string, snapshotId: string, when: string): Promise<boolean> {
  const lang = language()
  const confirmed = await askConfirm({
    title: translate(lang, 'history.restoreTitle'),
    body: translate(lang, 'history.restoreBody', { when }),
    confirmLabel: translate(lang, 'history.restore'),
    danger: false,
  })
  if (!confirmed) return false
  try {
    enterCase(await call('case.restore', { caseId, snapshotId }))
    done('history.restored')
    return true
  } catch (error) {
    fail(error)
    return false
  }
}

/** Asks, then moves the case folder to the system trash. */
export async function deleteCase(caseId: string, name: string | null): Promise<void> {
  const lang = language()
  const confirmed = await askConfirm({
    title: translate(lang, 'delete.title'),
    body: translate(lang, 'delete.body', { name: name ?? translate(lang, 'cases.unnamed') }),
    confirmLabel: translate(lang, 'delete.confirm'),
    danger: true,
  })
  if (!confirmed) return
  try {
    await call('case.delete', { caseId })
    done('cases.deleted')
    if (editorStore.get().caseId === caseId) await showCases()
    else await refreshCases()
  } catch (error) {
    fail(error)
  }
}

/** Shows the case folder in the file manager. */
export async function revealCase(caseId: string): Promise<void> {
  await call('case.reveal', { caseId }).catch(fail)
}

/** Lets the user pick another workspace folder, then shows its cases. */
export async function chooseWorkspace(): Promise<void> {
  try {
    const settings = await call('workspace.choose', {})
    if (!settings) return
    applySettings(settings)
    done('workspace.changed')
    await showCases()
  } catch (error) {
    fail(error)
  }
}

/** Runs a command from the native menu on the current screen. */
export function runMenuCommand(command: MenuCommand): void {
  const { caseId, summary } = editorStore.get()
  const onCase = navigationStore.get().screen === 'case' && caseId !== null
  switch (command) {
    case 'case.new':
      void newCase()
      return
    case 'case.duplicate':
      if (onCase) void duplicateCase(caseId)
      return
    case 'case.delete':
      if (onCase) void deleteCase(caseId, summary?.name ?? null)
      return
    case 'case.reveal':
      if (onCase) void revealCase(caseId)
      return
    case 'view.cases':
      void showCases()
      return
    case 'view.checks':
      if (onCase) navigationStore.set((s) => ({ ...s, focusChecks: s.focusChecks + 1 }))
      return
    case 'cases.find':
      void showCases().then(() => navigationStore.set((s) => ({ ...s, focusSearch: s.focusSearch + 1 })))
      return
    case 'workspace.choose':
      void chooseWorkspace()
      return
    case 'scans.add':
      if (!onCase) return
      showCaseView('scans')
      void pickScans()
      return
    case 'case.export':
      if (onCase) showCaseView('export')
      return
    default: {
      const unreachable: never = command
      return unreachable
    }
  }
}
