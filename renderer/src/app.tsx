/**
 * The application frame: restores where the user was (the last case and screen), follows the
 * menu, settings and job events, and shows the current screen with the status bar, notices and
 * the confirmation dialog.
 */
import { useEffect, useState, type ReactElement } from 'react'
import { translate } from '../../shared/i18n/messages'
import { errorText, hasBridge, subscribe } from './api'
import { ConfirmDialog } from './components/confirm-dialog'
import { Notices } from './components/notices'
import { StatusBar } from './components/status-bar'
import { bilingual, useLanguage, useT } from './i18n'
import { CaseList } from './screens/case-list'
import { CaseScreen } from './screens/case-screen'
import { ExpiryScreen } from './screens/expiry-screen'
import { StatusDialog } from './components/filing-status'
import { refreshExpiryBadge, showExpiry } from './state/fleet'
import { refreshCases } from './state/cases'
import { openCase, runMenuCommand, showCases } from './state/commands'
import { followExports } from './state/export'
import { followReading } from './state/scans'
import { followJobs } from './state/jobs'
import { navigationStore } from './state/navigation'
import { applySettings, loadSettings } from './state/settings'
import { useStore } from './state/store'

/** Loads the settings and reopens the last case (or the list when it is gone). */
async function boot(): Promise<void> {
  const settings = await loadSettings()
  if (settings.lastScreen === 'case' && settings.lastCaseId) {
    // openCase explains in a notice why the case cannot be opened (deleted, moved, damaged).
    if (await openCase(settings.lastCaseId)) return
  }
  // The quiet badge on 到期提醒: counted once at start-up (and after status changes).
  void refreshExpiryBadge()
  if (settings.lastScreen === 'expiry') return showExpiry()
  await showCases()
}

/** The root component: boots the window and shows the current screen. */
export function App(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const { screen } = useStore(navigationStore)
  const [failure, setFailure] = useState<{ message: string; messageEn: string } | null>(
    hasBridge() ? null : errorText(new Error('no bridge')),
  )

  useEffect(() => {
    if (!hasBridge()) return
    const stops = [
      subscribe('menu.command', ({ command }) => runMenuCommand(command)),
      subscribe('settings.changed', (settings) => {
        applySettings(settings)
        if (navigationStore.get().screen === 'cases') void refreshCases()
      }),
      followReading(),
      followExports(),
    ]
    let stopJobs: (() => void) | null = null
    void followJobs().then((stop) => (stopJobs = stop))
    boot().catch((error: unknown) => setFailure(errorText(error)))
    return () => {
      for (const stop of stops) stop()
      stopJobs?.()
    }
  }, [])

  useEffect(() => {
    document.documentElement.lang = language
    document.title = translate(language, 'app.title')
  }, [language])

  if (failure)
    return (
      <div className="boot-failure" role="alert">
        <h1>{t('boot.failed')}</h1>
        <p>{bilingual(language, failure.message, failure.messageEn)}</p>
      </div>
    )

  return (
    <div className="app">
      <div className="screen">
        {screen === 'case' ? (
          <CaseScreen />
        ) : screen === 'cases' ? (
          <CaseList />
        ) : screen === 'expiry' ? (
          <ExpiryScreen />
        ) : (
          <div className="loading">{t('common.loading')}</div>
        )}
      </div>
      <StatusBar />
      <Notices />
      <ConfirmDialog />
      <StatusDialog />
    </div>
  )
}
