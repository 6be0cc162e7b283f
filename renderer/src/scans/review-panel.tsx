/**
 * The OCR review of one scan: the upright page with the place of each value marked, and each value
 * beside the crop it was read from, its confidence (uncertain values say so), a repaired code with
 * what was changed, and what the form says now — red where they disagree. One click accepts a value
 * into the form, "accept all" takes every sure value that differs, 撤销 (or Ctrl/Cmd+Z) takes the
 * last one back.
 */
import { useEffect, useState, type ReactElement } from 'react'
import type { ScanView } from '../../../shared/ipc/scan-schemas'
import { roleFillsForm } from '../../../shared/review/form-fields'
import { Icon } from '../components/icons'
import { useT } from '../i18n'
import { editorStore } from '../state/editor'
import { notify } from '../state/notices'
import { accept, reviewStore, undoLast } from '../state/review'
import { readScans, scansStore } from '../state/scans'
import { useStore } from '../state/store'
import { translate } from '../../../shared/i18n/messages'
import { formFieldLabel } from './field-labels'
import { ReviewRowItem } from './review-row'
import { acceptable, foreignScan, reviewRows } from './review-values'
import { Thumbnail } from './scan-card'

/** Takes back the last accepted value and says which. */
export function undoWithNotice(): void {
  const undone = undoLast()
  if (!undone) return
  const zh = translate('zh-CN', 'review.undone', { field: formFieldLabel((k, p) => translate('zh-CN', k, p), undone.path) })
  const en = translate('en', 'review.undone', { field: formFieldLabel((k, p) => translate('en', k, p), undone.path) })
  notify('info', zh, en)
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

/** Ctrl/Cmd+Z undoes the last acceptance while the review is shown (text fields keep their own undo). */
function useUndoKey(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return
      if (isEditable(event.target) || reviewStore.get().history.length === 0) return
      event.preventDefault()
      undoWithNotice()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

function Notice({ text, action }: { text: string; action?: ReactElement }): ReactElement {
  return (
    <div className="review-notice">
      <Icon name="info" />
      <p>{text}</p>
      {action}
    </div>
  )
}

/** The review of the selected scan (or a prompt to choose one). */
export function ReviewPanel({ scan }: { scan: ScanView | null }): ReactElement {
  const t = useT()
  const { draft } = useStore(editorStore)
  const { history } = useStore(reviewStore)
  const { readJob } = useStore(scansStore)
  const [hovered, setHovered] = useState<string | null>(null)
  useUndoKey()
  if (!scan || !draft)
    return (
      <section className="review empty" aria-label={t('review.title')}>
        <Notice text={t('review.pick')} />
      </section>
    )

  const rows = scan.state === 'read' ? reviewRows(scan, draft) : []
  const foreign = foreignScan(scan, draft)
  // Another customer's document: nothing is taken in bulk (each value can still be taken by hand).
  const all = foreign ? [] : acceptable(rows)
  const fills = roleFillsForm(scan.role)
  let notice: ReactElement | null = null
  if (scan.state === 'unread')
    notice = (
      <Notice
        text={t('review.notRead')}
        action={
          <button type="button" className="button small primary" disabled={readJob !== null} onClick={() => void readScans()}>
            {t('scans.read')}
          </button>
        }
      />
    )
  else if (foreign)
    notice = (
      <Notice
        text={t(scan.role === 'sponsor-certificate' ? 'review.foreign.sponsor' : 'review.foreign.person', {
          scan: foreign.scan,
          form: foreign.form,
        })}
      />
    )
  else if (scan.role === 'commitment-letter') notice = <Notice text={t('review.letter')} />
  else if (scan.state === 'read' && fills === null) notice = <Notice text={t('review.noRole')} />
  else if (scan.state === 'read' && rows.length === 0) notice = <Notice text={t('review.noFields')} />

  return (
    <section className="review" aria-labelledby="review-title" data-review={scan.scanId}>
      <header className="review-header">
        <div className="review-title">
          <h2 id="review-title">{t('review.title')}</h2>
          <span className="review-name" title={scan.name}>
            {scan.name}
          </span>
        </div>
        <div className="review-actions">
          <button
            type="button"
            className="button small"
            disabled={history.length === 0}
            onClick={undoWithNotice}
            title={t('review.undoHint')}
          >
            <Icon name="undo" />
            {t('review.undo')}
          </button>
          <button type="button" className="button small primary" disabled={all.length === 0} onClick={() => accept(all)}>
            <Icon name="check" />
            {t('review.acceptAllCount', { n: all.length })}
          </button>
        </div>
      </header>
      <div className="review-body">
        <div className="review-page">
          {scan.pageUrl ? (
            <div className="page-frame">
              <img src={scan.pageUrl} alt={scan.name} draggable={false} />
              {rows
                .filter((r) => r.field.box)
                .map((r) => (
                  <span
                    key={r.field.name}
                    className={`page-box${r.target && !r.same && r.form !== '' ? ' differs' : ''}${hovered === r.field.name ? ' hover' : ''}`}
                    ref={(el) => {
                      const b = r.field.box
                      if (!el || !b) return
                      el.style.left = `${b.x * 100}%`
                      el.style.top = `${b.y * 100}%`
                      el.style.width = `${b.width * 100}%`
                      el.style.height = `${b.height * 100}%`
                    }}
                  />
                ))}
            </div>
          ) : (
            <Thumbnail scan={scan} className="large" />
          )}
        </div>
        <div className="review-values">
          {notice}
          {rows.length > 0 && (
            <ul className="review-rows" onMouseLeave={() => setHovered(null)}>
              {rows.map((row) => (
                <ReviewRowItem key={row.field.name} scanId={scan.scanId} row={row} onHover={() => setHovered(row.field.name)} />
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  )
}
