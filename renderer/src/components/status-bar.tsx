/**
 * The status bar: where the cases live (and a way to change it), running jobs with their progress
 * and a cancel button, the offline promise, and the language switch.
 */
import type { ReactElement } from 'react'
import { messages, type MessageKey } from '../../../shared/i18n/messages'
import { LANGUAGES } from '../../../shared/i18n/language'
import { bilingual, useLanguage, useT } from '../i18n'
import { chooseWorkspace } from '../state/commands'
import { cancelJob, jobsStore } from '../state/jobs'
import { setLanguage, settingsStore } from '../state/settings'
import { useStore } from '../state/store'

function Jobs(): ReactElement | null {
  const t = useT()
  const language = useLanguage()
  const running = useStore(jobsStore).jobs.filter((j) => j.state === 'running')
  if (running.length === 0) return null
  return (
    <div className="jobs" aria-live="polite">
      {running.map((job) => {
        const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0
        const kindKey = `jobs.kind.${job.kind}` as MessageKey
        const step = job.message ? bilingual(language, job.message, job.messageEn ?? '') : null
        const kind = kindKey in messages ? t(kindKey) : job.kind
        return (
          <div key={job.jobId} className="job" data-job={job.jobId}>
            <span className="job-label">{step ?? kind}</span>
            <progress max={100} value={percent} aria-label={kind} />
            <span className="job-count">{t('jobs.progress', { done: job.done, total: job.total })}</span>
            <button type="button" className="button small" onClick={() => void cancelJob(job.jobId)}>
              {t('jobs.cancel')}
            </button>
          </div>
        )
      })}
    </div>
  )
}

/** Always visible at the bottom of the window. */
export function StatusBar(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const { settings } = useStore(settingsStore)
  return (
    <footer className="status-bar">
      <div className="workspace">
        <span className="muted">{t('statusbar.workspace')}</span>
        <span className="workspace-path" title={settings?.workspace}>
          {settings?.workspace}
        </span>
        <button type="button" className="link-button" onClick={() => void chooseWorkspace()}>
          {t('common.change')}
        </button>
      </div>
      <Jobs />
      <div className="status-right">
        <span className="muted offline">{t('statusbar.offline')}</span>
        <div className="language-switch" role="group" aria-label={t('statusbar.language')}>
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={l === language}
              className={l === language ? 'on' : ''}
              onClick={() => void setLanguage(l)}
            >
              {t(`language.${l}`)}
            </button>
          ))}
        </div>
      </div>
    </footer>
  )
}
