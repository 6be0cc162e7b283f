/** One value of the OCR review: where it goes, the crop it was read from, how sure, and the form's value. */
import type { ReactElement, ReactNode } from 'react'
import type { ScanField } from '../../../shared/ipc/scan-schemas'
import { Icon } from '../components/icons'
import { displayValue } from '../../../shared/i18n/values'
import { useLanguage, useT } from '../i18n'
import { accept } from '../state/review'
import { setMisread } from '../state/scans'
import { formFieldLabel, readFieldLabel } from './field-labels'
import type { ReviewRow } from './review-values'

/** The value with the characters a check-digit repair changed marked; a coded value (male, long-term) in the interface language. */
function Value({ field }: { field: ScanField }): ReactElement {
  const language = useLanguage()
  const changed = new Set(field.corrected?.changes.map((c) => c.position) ?? [])
  if (changed.size === 0) return <span className="read-value">{displayValue(field.value, language)}</span>
  const parts: ReactNode[] = [...field.value].map((ch, i) => (changed.has(i) ? <mark key={i}>{ch}</mark> : ch))
  return <span className="read-value">{parts}</span>
}

/** A row of the review; `onHover` marks its place on the page. */
export function ReviewRowItem({ scanId, row, onHover }: { scanId: string; row: ReviewRow; onHover: () => void }): ReactElement {
  const t = useT()
  const language = useLanguage()
  const { field, target } = row
  const differs = target !== null && !row.same && row.form !== ''
  const misread = field.misread && differs
  const state = target === null ? 'unused' : row.same ? 'same' : misread ? 'misread' : differs ? 'differs' : 'empty'
  const percent = Math.round(field.confidence * 100)
  const code = target?.kind === 'uscc' || target?.kind === 'resident-id' || target?.kind === 'date' || target?.kind === 'domain'

  return (
    <li
      className={`review-row row-${state}${row.sure ? '' : ' unsure'}`}
      data-read-field={field.name}
      data-target={target?.path ?? ''}
      onMouseEnter={onHover}
      onFocus={onHover}
    >
      <div className="row-head">
        <span className="row-label">{target ? formFieldLabel(t, target.path) : readFieldLabel(t, field.name)}</span>
        {state === 'same' && (
          <span className="chip chip-ok">
            <Icon name="check" />
            {t('review.accepted')}
          </span>
        )}
        {state === 'differs' && <span className="chip chip-bad">{t('review.differs')}</span>}
        {state === 'misread' && <span className="chip chip-muted">{t('review.misread.marked')}</span>}
        {state === 'differs' && (
          <button
            type="button"
            className="button small misread"
            title={t('review.misread.hint')}
            onClick={() => void setMisread(scanId, field.name, true)}
          >
            {t('review.misread')}
          </button>
        )}
        {state === 'misread' && (
          <button type="button" className="button small misread" onClick={() => void setMisread(scanId, field.name, false)}>
            {t('review.misread.clear')}
          </button>
        )}
        {target && !row.same && state !== 'misread' && (
          <button type="button" className="button small primary accept" onClick={() => accept([{ target, value: field.value }])}>
            {t('review.accept')}
          </button>
        )}
      </div>
      {field.cropUrl && <img className="crop" src={field.cropUrl} alt="" draggable={false} />}
      <div className={`row-read${code ? ' mono' : ''}`}>
        <Value field={field} />
        <span className={`confidence${row.sure ? '' : ' low'}`}>{t('review.confidence', { n: percent })}</span>
        {!row.sure && <span className="tag tag-warn">{t('review.uncertain')}</span>}
      </div>
      {field.corrected && field.corrected.changes.length > 0 && (
        <p className="row-note">
          {t('review.corrected', {
            changes: field.corrected.changes
              .map((c) => t('review.change', { position: c.position + 1, from: c.from, to: c.to }))
              .join('；'),
          })}
        </p>
      )}
      {target ? (
        <div className="row-form">
          <span className="muted">{t('review.col.form')}</span>
          <span className={`form-value${code ? ' mono' : ''}${state === 'differs' ? ' differs' : ''}`}>
            {row.form === '' ? t('review.empty') : displayValue(row.form, language)}
          </span>
        </div>
      ) : (
        <p className="row-note muted">{t('read.unused')}</p>
      )}
    </li>
  )
}
