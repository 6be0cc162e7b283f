/**
 * The case screen's safety surfaces: the banner shown when case.json changed under this window
 * (重新载入 / 另存为副本) or was written by a newer version (read-only), and the 历史版本 dialog
 * listing the saved versions with 恢复.
 */
import { useEffect, useRef, type ReactElement } from 'react'
import type { MessageKey } from '../../../shared/i18n/messages'
import { formatBytes } from '../components/bytes'
import { Icon } from '../components/icons'
import { bilingual, formatTime, formatWhen, useLanguage, useT } from '../i18n'
import { reloadCase, restoreVersion, saveDraftAsCopy } from '../state/commands'
import { editorStore } from '../state/editor'
import { closeHistory, historyStore, type HistoryItem } from '../state/history'
import { useStore } from '../state/store'

/** The banner above the case: changed on disk, or read-only; nothing otherwise. */
export function CaseBanner(): ReactElement | null {
  const t = useT()
  const { caseId, conflict, readOnly } = useStore(editorStore)
  if (!caseId) return null
  if (conflict)
    return (
      <div className="case-banner conflict" role="alert" data-testid="case-conflict">
        <Icon name="alert" />
        <div className="case-banner-text">
          <strong>{t('case.conflict.title')}</strong>
          <span>{t('case.conflict.body')}</span>
        </div>
        <div className="case-banner-actions">
          <button type="button" className="button primary" title={t('case.reload.help')} onClick={() => void reloadCase(caseId)}>
            {t('case.reload')}
          </button>
          <button type="button" className="button" title={t('case.saveAsCopy.help')} onClick={() => void saveDraftAsCopy(caseId)}>
            <Icon name="copy" />
            {t('case.saveAsCopy')}
          </button>
        </div>
      </div>
    )
  if (readOnly)
    return (
      <div className="case-banner read-only" role="status" data-testid="case-read-only">
        <Icon name="info" />
        <div className="case-banner-text">
          <span>{t('case.readOnly')}</span>
        </div>
      </div>
    )
  return null
}

function Changed({ item }: { item: HistoryItem }): ReactElement {
  const t = useT()
  if (!item.valid) return <span className="history-changed invalid">{t('history.invalid')}</span>
  if (item.changed.length === 0) return <span className="history-changed same">{t('history.same')}</span>
  const parts = item.changed.map((part) => t(`history.part.${part}` as MessageKey)).join('、')
  return <span className="history-changed">{t('history.differs', { parts })}</span>
}

/** The 历史版本 dialog (modal, Escape closes it). */
export function HistoryDialog(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const { open, caseId, items, error } = useStore(historyStore)
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])

  return (
    <dialog
      ref={dialog}
      className="dialog history-dialog"
      aria-labelledby="history-title"
      onCancel={(e) => {
        e.preventDefault()
        closeHistory()
      }}
    >
      <h2 id="history-title">{t('history.title')}</h2>
      <p className="history-help">{t('history.help')}</p>
      {error && <p role="alert">{bilingual(language, error.message, error.messageEn)}</p>}
      {!error && items === null && <p>{t('history.loading')}</p>}
      {items !== null && items.length === 0 && <p>{t('history.empty')}</p>}
      {items !== null && items.length > 0 && (
        <ul className="history-list" aria-label={t('history.title')}>
          {items.map((item) => {
            // 今天 14:02 → 今天 14:02:37; 2026-11-20 → 2026-11-20 14:02:37 (versions a minute apart must differ).
            const day = formatWhen(item.savedAt, language)
            const when = /\d{2}:\d{2}$/.test(day)
              ? day.replace(/\d{2}:\d{2}$/, formatTime(item.savedAt))
              : `${day} ${formatTime(item.savedAt)}`
            return (
              <li key={item.id} className="history-item" data-snapshot={item.id}>
                <div className="history-when">
                  <strong>{when}</strong>
                  <span className="history-size">{formatBytes(item.size)}</span>
                </div>
                <Changed item={item} />
                <button
                  type="button"
                  className="button small"
                  disabled={!item.valid || caseId === null}
                  onClick={() => {
                    if (caseId === null) return
                    closeHistory()
                    void restoreVersion(caseId, item.id, when)
                  }}
                >
                  <Icon name="undo" />
                  {t('history.restore')}
                </button>
              </li>
            )
          })}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={closeHistory}>
          {t('history.close')}
        </button>
      </div>
    </dialog>
  )
}
