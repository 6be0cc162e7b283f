/**
 * The case screen: a header with the case's name, status and save state; the section list on the
 * left (with error counts); in the middle one of four views — the form, the scans with their OCR
 * review, the Guangdong letter, export — chosen with the tabs above it; the checks panel on the
 * right. Files dropped anywhere on the case become scans of it.
 */
import type { ReactElement } from 'react'
import { isIsoDate } from '../../../shared/dates/iso-date'
import { CaseForm, addWebsite } from '../case-form/case-form'
import { countsBySection } from '../case/findings'
import { sectionDomId, type SectionKey } from '../case/paths'
import { scrollToElement } from '../case/scroll'
import { Icon } from '../components/icons'
import { FilingBadge } from '../components/filing-status'
import { StatusBadge } from '../components/status-badge'
import { openStatusDialog } from '../state/fleet'
import { bilingual, formatTime, formatWhen, useLanguage, useT, type Translate } from '../i18n'
import { deleteCase, duplicateCase, revealCase, showCases } from '../state/commands'
import { editorStore, retrySave } from '../state/editor'
import { settingsStore } from '../state/settings'
import { useStore } from '../state/store'
import { useChecksFold } from '../state/layout'
import { ChecksPanel } from './checks-panel'
import { CaseViews } from './case-views'
import { DropZone } from '../scans/drop-zone'
import { addDropped } from '../state/scans'
import { navigationStore, showCaseView } from '../state/navigation'
import { ScansView } from '../scans/scans-view'
import { LetterView } from '../letter/letter-view'
import { ExportView } from '../export/export-view'
import { CaseBanner, HistoryDialog } from '../case/history-dialog'
import { openHistory } from '../state/history'

function sectionLabel(t: Translate, key: SectionKey, websiteName?: string | null): string {
  if (key.startsWith('website-')) {
    const n = Number(key.slice('website-'.length)) + 1
    return websiteName?.trim() ? `${t('section.website', { n })} · ${websiteName}` : t('section.website', { n })
  }
  return t(`section.${key as 'filing' | 'sponsor' | 'principal' | 'materials'}`)
}

function SaveState(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const { saving, savedAt, saveError, summary, conflict, readOnly } = useStore(editorStore)
  if (conflict) return <span className="save-state failed">{t('case.notSaved')}</span>
  if (readOnly) return <span className="save-state">{t('case.readOnlyShort')}</span>
  if (saveError)
    return (
      <span className="save-state failed" role="alert">
        {t('case.saveFailed', { message: bilingual(language, saveError.message, saveError.messageEn) })}
        <button type="button" className="button small" onClick={retrySave}>
          {t('common.retry')}
        </button>
      </span>
    )
  if (saving) return <span className="save-state saving">{t('case.saving')}</span>
  // Until the first edit of this visit, say when the case last changed rather than "saved".
  if (!savedAt)
    return (
      <span className="save-state" data-testid="save-state">
        {t('case.lastChange', { when: formatWhen(summary?.updatedAt ?? null, language) })}
      </span>
    )
  return (
    <span className="save-state saved" data-testid="save-state">
      <Icon name="check" />
      {t('case.saved', { time: formatTime(savedAt) })}
    </span>
  )
}

/** The case screen for the case in the editor store. */
export function CaseScreen(): ReactElement {
  const t = useT()
  const { caseId, draft, findings, summary, readOnly } = useStore(editorStore)
  const { info } = useStore(settingsStore)
  const { caseView } = useStore(navigationStore)
  const fold = useChecksFold()
  if (!caseId || !draft || !summary) return <div className="loading">{t('common.loading')}</div>

  const counts = countsBySection(findings)
  const sections: SectionKey[] = ['filing', 'sponsor', 'principal', ...draft.websites.map((_, i) => `website-${i}` as const)]
  const planned = draft.submissionDate?.trim() ?? ''
  const checkDate = isIsoDate(planned) ? planned : (info?.today ?? null)
  const name = draft.sponsor.name?.trim() ? draft.sponsor.name : t('cases.unnamed')

  return (
    <div className="case-screen">
      <header className="case-header">
        <button type="button" className="button ghost back" onClick={() => void showCases()}>
          <Icon name="back" />
          {t('case.back')}
        </button>
        <div className="case-title">
          <h1 title={name}>{name}</h1>
          <StatusBadge status={summary.status} />
          <button
            type="button"
            className="filing-button"
            title={t('filing.change')}
            aria-label={`${t('filing.change')}：${t(`filing.${summary.filing.status}`)}`}
            onClick={() => void openStatusDialog(summary)}
          >
            <FilingBadge status={summary.filing.status} />
          </button>
        </div>
        <SaveState />
        <div className="case-actions">
          <button type="button" className="button" onClick={() => void openHistory(caseId)}>
            <Icon name="undo" />
            {t('case.history')}
          </button>
          <button type="button" className="button" onClick={() => void revealCase(caseId)}>
            <Icon name="folder" />
            {t('case.reveal')}
          </button>
          <button type="button" className="button" onClick={() => void duplicateCase(caseId)}>
            <Icon name="copy" />
            {t('case.duplicate')}
          </button>
          <button type="button" className="button danger-outline" onClick={() => void deleteCase(caseId, summary.name)}>
            <Icon name="trash" />
            {t('case.delete')}
          </button>
        </div>
      </header>
      <div className="case-banner-slot">
        <CaseBanner />
      </div>
      <HistoryDialog />
      <div className={`case-body${fold.folded ? ' checks-folded' : ''}${fold.overlay ? ' checks-overlay' : ''}`}>
        <nav className="case-nav" aria-label={t('case.sections')}>
          <ul>
            {sections.map((key) => {
              const c = counts.get(key)
              const website = key.startsWith('website-') ? draft.websites[Number(key.slice('website-'.length))] : undefined
              return (
                <li key={key}>
                  <a
                    href={`#${sectionDomId(key)}`}
                    onClick={(e) => {
                      e.preventDefault()
                      const go = () => {
                        const target = document.getElementById(sectionDomId(key))
                        if (!target) return
                        scrollToElement(target, 'start')
                        target.focus({ preventScroll: true })
                      }
                      if (navigationStore.get().caseView === 'form') go()
                      else {
                        showCaseView('form')
                        requestAnimationFrame(go)
                      }
                    }}
                  >
                    <span className="nav-label">{sectionLabel(t, key, website?.name)}</span>
                    {c && c.error > 0 && <span className="pill pill-error">{c.error}</span>}
                    {c && c.error === 0 && c.warning > 0 && <span className="pill pill-warning">{c.warning}</span>}
                  </a>
                </li>
              )
            })}
          </ul>
          <button type="button" className="button subtle small" onClick={addWebsite}>
            <Icon name="plus" />
            {t('case.addWebsite')}
          </button>
        </nav>
        <DropZone
          className="case-center"
          label={t('scans.drop.release')}
          onFiles={(files) => {
            showCaseView('scans')
            void addDropped(files)
          }}
        >
          <CaseViews />
          <main className={`case-main view-${caseView}`} id="case-main">
            {caseView === 'form' && (
              <fieldset className="form-lock" disabled={readOnly}>
                <CaseForm draft={draft} findings={findings} />
              </fieldset>
            )}
            {caseView === 'scans' && <ScansView />}
            {caseView === 'letter' && <LetterView />}
            {caseView === 'export' && <ExportView />}
          </main>
          <div className="drop-overlay" aria-hidden="true">
            <Icon name="upload" />
            <strong>{t('scans.drop.release')}</strong>
          </div>
        </DropZone>
        <ChecksPanel findings={findings} date={checkDate} />
      </div>
    </div>
  )
}
