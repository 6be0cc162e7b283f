/**
 * The checks panel folded into a rail (narrow windows, or folded by hand): the error and warning
 * counts stay in sight, and one click opens the panel again.
 */
import type { ReactElement } from 'react'
import { Icon } from '../components/icons'
import { useT } from '../i18n'
import { setChecksOpen } from '../state/layout'

/** The rail shown instead of the folded panel. */
export function ChecksRail({ errors, warnings }: { errors: number; warnings: number }): ReactElement {
  const t = useT()
  return (
    <aside className="checks checks-rail" data-collapsed="true" aria-label={t('checks.title')}>
      <button
        type="button"
        className="checks-toggle"
        aria-expanded={false}
        title={`${t('checks.unfold')}（${t('checks.railCounts', { errors, warnings })}）`}
        onClick={() => setChecksOpen(true)}
      >
        <Icon name="back" />
        <span className="rail-title">{t('checks.title')}</span>
        {errors > 0 && <span className="pill pill-error">{errors}</span>}
        {warnings > 0 && <span className="pill pill-warning">{warnings}</span>}
      </button>
    </aside>
  )
}

/** The button in the open panel's header that folds it. */
export function FoldChecksButton(): ReactElement {
  const t = useT()
  return (
    <button
      type="button"
      className="icon-button checks-toggle"
      aria-expanded={true}
      title={t('checks.fold')}
      onClick={() => setChecksOpen(false)}
    >
      <Icon name="arrow" />
      <span className="sr-only">{t('checks.fold')}</span>
    </button>
  )
}
