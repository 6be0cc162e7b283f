/**
 * The confirmation dialog, a native <dialog> shown modally: focus stays inside, Escape cancels,
 * and the safe choice (Cancel) has the focus first.
 */
import { useEffect, useRef, type ReactElement } from 'react'
import { useT } from '../i18n'
import { confirmStore } from '../state/confirm'
import { useStore } from '../state/store'

/** Rendered once at the root; shows whatever askConfirm() asked. */
export function ConfirmDialog(): ReactElement | null {
  const t = useT()
  const { request } = useStore(confirmStore)
  const dialog = useRef<HTMLDialogElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (request && !element.open) {
      element.showModal()
      cancel.current?.focus()
    }
    if (!request && element.open) element.close()
  }, [request])

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(e) => {
        e.preventDefault()
        request?.resolve(false)
      }}
    >
      {request && (
        <>
          <h2 id="confirm-title">{request.title}</h2>
          <p id="confirm-body">{request.body}</p>
          <div className="dialog-actions">
            <button ref={cancel} type="button" className="button" onClick={() => request.resolve(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className={`button ${request.danger ? 'danger' : 'primary'}`} onClick={() => request.resolve(true)}>
              {request.confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  )
}
