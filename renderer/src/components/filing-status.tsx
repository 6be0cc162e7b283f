/**
 * The filing status (准备中 … 已备案) as a tag, and the dialog that changes it: one status among
 * those that may follow, the day (today by default) and what that stage records — provider and
 * order number, the rejection reason (from the catalogue, with the rule that catches it, or typed),
 * the 备案号 — with the case's history below.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react'
import type { FilingStatus } from '../../../shared/ipc/schemas'
import { bilingual, useLanguage, useT } from '../i18n'
import { closeStatusDialog, statusDialogStore, submitStatus, type StatusForm } from '../state/fleet'
import { settingsStore } from '../state/settings'
import { useStore } from '../state/store'

export function FilingBadge({ status }: { status: FilingStatus }): ReactElement {
  const t = useT()
  return (
    <span className={`filing-badge filing-${status}`} data-filing={status}>
      {t(`filing.${status}`)}
    </span>
  )
}

function todayOf(): string {
  return settingsStore.get().info?.today ?? new Date().toISOString().slice(0, 10)
}

/** Rendered once at the root; shows the dialog of the row openStatusDialog() chose. */
export function StatusDialog(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const { row, catalogue, problem, busy } = useStore(statusDialogStore)
  const dialog = useRef<HTMLDialogElement>(null)
  const [form, setForm] = useState<StatusForm | null>(null)

  const next = catalogue?.statuses.find((s) => s.status === row?.filing.status)?.next ?? []
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (row && catalogue && !element.open) {
      setForm({
        status: next[0] ?? row.filing.status,
        date: todayOf(),
        provider: catalogue.providers[0]?.name ?? '',
        orderNumber: '',
        reasonCode: '',
        reason: '',
        filingNumber: '',
        note: '',
      })
      element.showModal()
    }
    if ((!row || !catalogue) && element.open) element.close()
  }, [row, catalogue])

  const set = (patch: Partial<StatusForm>) => setForm((f) => (f ? { ...f, ...patch } : f))
  const label = (s: FilingStatus) => t(`filing.${s}`)
  const reason = catalogue?.reasons.find((r) => r.code === form?.reasonCode)
  const rejected = form?.status === 'rejected-provider' || form?.status === 'rejected-bureau'

  return (
    <dialog
      ref={dialog}
      className="dialog status-dialog"
      aria-labelledby="status-title"
      onCancel={(e) => {
        e.preventDefault()
        closeStatusDialog()
      }}
    >
      {row && catalogue && form && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void submitStatus(form)
          }}
        >
          <h2 id="status-title">{t('filing.dialog.title', { name: row.name ?? t('cases.unnamed') })}</h2>
          <p className="muted">{t('filing.dialog.current', { status: label(row.filing.status) })}</p>
          <fieldset className="status-choices">
            <legend>{t('filing.dialog.to')}</legend>
            {next.map((s) => (
              <label key={s} className={`status-choice${form.status === s ? ' on' : ''}`}>
                <input type="radio" name="status" value={s} checked={form.status === s} onChange={() => set({ status: s })} />
                {label(s)}
              </label>
            ))}
          </fieldset>
          <div className="status-fields">
            <label>
              <span>{t('filing.dialog.date')}</span>
              <input type="date" required value={form.date} onChange={(e) => set({ date: e.target.value })} />
            </label>
            {form.status === 'submitted' && (
              <>
                <label>
                  <span>{t('filing.dialog.provider')}</span>
                  <select value={form.provider} onChange={(e) => set({ provider: e.target.value })}>
                    {catalogue.providers.map((p) => (
                      <option key={p.name} value={p.name}>
                        {bilingual(language, p.label, p.labelEn)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span>{t('filing.dialog.order')}</span>
                  <input value={form.orderNumber} onChange={(e) => set({ orderNumber: e.target.value })} />
                </label>
              </>
            )}
            {rejected && (
              <>
                <label className="wide">
                  <span>{t('filing.dialog.reasonCode')}</span>
                  <select value={form.reasonCode} onChange={(e) => set({ reasonCode: e.target.value })}>
                    <option value="">{t('filing.dialog.reasonNone')}</option>
                    {catalogue.reasons.map((r) => (
                      <option key={r.code} value={r.code}>
                        {bilingual(language, r.label, r.labelEn)}
                      </option>
                    ))}
                  </select>
                </label>
                {reason?.rule && <p className="status-rule muted">{t('filing.dialog.rule', { rule: reason.rule })}</p>}
                <label className="wide">
                  <span>{t('filing.dialog.reasonTyped')}</span>
                  <input value={form.reason} onChange={(e) => set({ reason: e.target.value })} />
                </label>
              </>
            )}
            {form.status === 'filed' && (
              <label className="wide">
                <span>{t('filing.dialog.number')}</span>
                <input
                  value={form.filingNumber}
                  placeholder="粤ICP备2026012345号"
                  aria-describedby="filing-number-hint"
                  onChange={(e) => set({ filingNumber: e.target.value })}
                />
                <small id="filing-number-hint" className="muted">
                  {t('filing.dialog.numberHint')}
                </small>
              </label>
            )}
            <label className="wide">
              <span>{t('filing.dialog.note')}</span>
              <input value={form.note} onChange={(e) => set({ note: e.target.value })} />
            </label>
          </div>
          {problem && (
            <p className="status-problem" role="alert">
              {bilingual(language, problem.message, problem.messageEn)}
            </p>
          )}
          {catalogue.history.length > 0 && (
            <details className="status-history">
              <summary>
                {t('filing.dialog.history')} ({catalogue.history.length})
              </summary>
              <ol>
                {catalogue.history.map((e, i) => (
                  <li key={i}>
                    <span className="mono">{e.date}</span> {label(e.status)}
                    {[e.provider, e.orderNumber, e.reason, e.filingNumber, e.note].filter(Boolean).map((v) => ` · ${String(v)}`)}
                    {e.reasonCode && ` · ${catalogue.reasons.find((r) => r.code === e.reasonCode)?.label ?? e.reasonCode}`}
                    {e.auto && <span className="muted"> （{t('filing.dialog.auto')}）</span>}
                  </li>
                ))}
              </ol>
            </details>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => closeStatusDialog()}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button primary" disabled={busy || next.length === 0}>
              {t('filing.dialog.save')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
