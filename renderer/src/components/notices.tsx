/** Notices at the bottom left, clear of the checks panel: what just happened, or what failed and why. */
import type { ReactElement } from 'react'
import { bilingual, useLanguage, useT } from '../i18n'
import { dismiss, noticesStore } from '../state/notices'
import { useStore } from '../state/store'
import { Icon } from './icons'

/** The notice stack, announced to screen readers. */
export function Notices(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const { notices } = useStore(noticesStore)
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <Icon name={n.kind === 'error' ? 'alert' : 'check'} />
          <span>{bilingual(language, n.message, n.messageEn)}</span>
          {n.action && (
            <button
              type="button"
              className="button small notice-action"
              onClick={() => {
                dismiss(n.id)
                n.action?.run()
              }}
            >
              {bilingual(language, n.action.label, n.action.labelEn)}
            </button>
          )}
          <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => dismiss(n.id)}>
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  )
}
