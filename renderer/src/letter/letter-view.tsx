/**
 * The commitment letter (Guangdong's, or the filing province's own: 上海, 江苏): the preview of exactly what will print, saving it as PDF, printing it, the
 * findings that refuse it while the case cannot make a correct letter, and then the place to drop
 * the scan of the signed and sealed letter, with what the checks say about that scan.
 */
import { useEffect, type ReactElement } from 'react'
import { printedLetterFor } from '../../../shared/letter/province-letters'
import { goToFinding } from '../screens/checks-panel'
import { Icon } from '../components/icons'
import { generatedLetterOf, staleValues } from '../../../shared/letter/staleness'
import { bilingual, formatWhen, useLanguage, useT } from '../i18n'
import { editorStore } from '../state/editor'
import { letterStore, printLetter, refreshLetter, saveLetter } from '../state/letter'
import { addDropped, pickScans, scansStore } from '../state/scans'
import { useStore } from '../state/store'
import { DropZone } from '../scans/drop-zone'
import { Thumbnail } from '../scans/scan-card'
import { LetterPage } from './letter-page'

/** The role a signed letter of this province is added under (province-letters.json; else the Guangdong letter). */
function letterRole(province: string | null | undefined): string {
  return printedLetterFor(province)?.role ?? 'commitment-letter'
}

/** Findings about the signed scans come from the gd-letter-* rules and the scan rules. */
function SignedScans(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const { scans } = useStore(scansStore)
  const { findings, draft } = useStore(editorStore)
  const role = letterRole(draft?.province)
  const signed = scans.filter((s) => s.role === role)
  return (
    <section className="signed" aria-labelledby="signed-title">
      <h3 id="signed-title">{t('letter.signed.title')}</h3>
      <p className="muted">{t('letter.steps')}</p>
      <DropZone className="drop-zone compact" label={t('letter.signed.drop')} onFiles={(files) => void addDropped(files, { role })}>
        <Icon name="upload" />
        <div>
          <strong>{t('letter.signed.drop')}</strong>
          <button type="button" className="link-button" onClick={() => void pickScans({ role })}>
            {t('letter.signed.pick')}
          </button>
        </div>
      </DropZone>
      {signed.length === 0 && <p className="muted">{t('letter.signed.none')}</p>}
      <ul className="signed-list">
        {signed.map((scan) => {
          const about = findings.filter((f) => f.document === scan.index)
          return (
            <li key={scan.scanId} className="signed-item" data-scan={scan.scanId}>
              <Thumbnail scan={scan} />
              <div>
                <strong className="scan-name">{scan.name}</strong>
                {scan.state === 'unread' && <p className="muted">{t('letter.signed.unread')}</p>}
                {scan.state === 'read' && about.length === 0 && (
                  <p className="ok">
                    <Icon name="check" />
                    {t('letter.signed.ok')}
                  </p>
                )}
                {about.map((f, i) => (
                  <p key={`${f.rule}-${i}`} className={`finding-line finding-${f.severity}`} data-rule={f.rule}>
                    {bilingual(language, f.message, f.messageEn)}
                  </p>
                ))}
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** Says whether the letter saved or printed earlier still matches the case, and what changed if not. */
function GeneratedState(): ReactElement | null {
  const t = useT()
  const language = useLanguage()
  const { draft } = useStore(editorStore)
  const record = draft ? generatedLetterOf(draft) : null
  if (!draft || !record) return null
  const when = formatWhen(record.at, language)
  const stale = staleValues(draft, record)
  if (stale.length === 0) return <p className="muted small letter-current">{t('letter.current', { when })}</p>
  const fields = stale.map((s) => (language === 'en' ? s.labelEn : s.label)).join(language === 'en' ? ', ' : '、')
  return (
    <div className="letter-stale review-notice" role="status" data-testid="letter-stale">
      <strong>{t('letter.stale.title')}</strong>
      <p>{t('letter.stale.body', { when, fields })}</p>
    </div>
  )
}

/** The letter view of the open case. */
export function LetterView(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const { caseId, summary, draft } = useStore(editorStore)
  const { preview, loading, busy } = useStore(letterStore)
  const stamp = summary?.updatedAt ?? ''
  useEffect(() => {
    if (!caseId) return
    const timer = setTimeout(() => void refreshLetter(caseId), 250)
    return () => clearTimeout(timer)
  }, [caseId, stamp])

  if (!caseId) return <div className="loading">{t('common.loading')}</div>
  const errors = preview?.findings.filter((f) => f.severity === 'error') ?? []
  const refused = preview !== null && preview.pages.length === 0
  const ok = preview !== null && !refused

  return (
    <div className="letter-view">
      <div className="letter-preview" aria-busy={loading}>
        {!preview && <div className="loading">{t('letter.loading')}</div>}
        {ok &&
          preview.pages.map((page, i) => (
            <LetterPage
              key={i}
              ops={page.ops}
              width={preview.page.width}
              height={preview.page.height}
              label={t('letter.page', { n: i + 1, total: preview.pages.length })}
            />
          ))}
        {refused && (
          <div className="letter-blank" aria-hidden="true">
            <Icon name="file" />
          </div>
        )}
      </div>
      <aside className="letter-side">
        <header>
          <h2>{preview && printedLetterFor(draft?.province) ? preview.template.name : t('letter.title')}</h2>
          {preview && (
            <p className="muted">
              {t(`letter.variant.${preview.variant}`)} · {t('letter.date', { date: preview.date })}
            </p>
          )}
        </header>
        {preview && !preview.applicable && <p className="review-notice">{t('letter.notNeeded')}</p>}
        <div className="letter-actions">
          <button type="button" className="button primary" disabled={!ok || busy !== null} onClick={() => void saveLetter(caseId)}>
            <Icon name="download" />
            {t('letter.save')}
          </button>
          <button type="button" className="button" disabled={!ok || busy !== null} onClick={() => void printLetter(caseId)}>
            <Icon name="printer" />
            {t('letter.print')}
          </button>
        </div>
        {ok && <p className="muted small">{t('letter.printHint')}</p>}
        <GeneratedState />
        {ok && preview.template.wording === 'ours' && <p className="letter-note">{t('letter.wordingOurs')}</p>}
        {refused && (
          <div className="letter-refused" role="alert">
            <strong>{t('letter.refused')}</strong>
            <p>{t('letter.refused.body')}</p>
            <ul>
              {errors.map((f, i) => (
                <li key={`${f.rule}-${i}`} data-rule={f.rule}>
                  <button type="button" className="finding-link" onClick={() => goToFinding(f)}>
                    <span className="finding-message">{bilingual(language, f.message, f.messageEn)}</span>
                    <span className="finding-fix">
                      {t('checks.fix')}
                      {bilingual(language, f.fix, f.fixEn)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <SignedScans />
      </aside>
    </div>
  )
}
