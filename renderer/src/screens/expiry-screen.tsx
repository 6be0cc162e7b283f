/**
 * 到期提醒: every dated thing across submitted and filed cases that can bring a rectification
 * notice — IDs, the licence term, pre-approvals, domains — soonest first, with what to do; a range
 * of 30/90/180 days, cases not yet submitted on request, and the list as .ics or CSV.
 */
import type { ReactElement } from 'react'
import { bilingual, useLanguage, useT } from '../i18n'
import { openCase, showCases } from '../state/commands'
import { expiryStore, exportExpiry, setExpiryRange, type ExpiryItem } from '../state/fleet'
import { useStore } from '../state/store'
import { FilingBadge } from '../components/filing-status'

const RANGES = [30, 90, 180] as const
const WINDOWS = ['past', '30', '90', '180'] as const

function Days({ item }: { item: ExpiryItem }): ReactElement {
  const t = useT()
  if (item.days < 0) return <span className="days days-past">{t('expiry.daysAgo', { n: -item.days })}</span>
  if (item.days === 0) return <span className="days days-past">{t('expiry.today')}</span>
  return <span className={`days days-${item.window}`}>{t('expiry.daysLeft', { n: item.days })}</span>
}

export function ExpiryScreen(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const { items, within, all, loaded } = useStore(expiryStore)
  const counts = Object.fromEntries(WINDOWS.map((w) => [w, items.filter((i) => i.window === w).length]))

  return (
    <div className="list-screen expiry-screen">
      <header className="list-header">
        <div>
          <h1>{t('expiry.title')}</h1>
          <p className="muted">{t('expiry.subtitle')}</p>
        </div>
        <div className="list-header-actions">
          <button type="button" className="button subtle" onClick={() => void showCases()}>
            {t('expiry.back')}
          </button>
          <button type="button" className="button" onClick={() => void exportExpiry('ics')}>
            {t('expiry.ics')}
          </button>
          <button type="button" className="button" onClick={() => void exportExpiry('csv')}>
            {t('expiry.csv')}
          </button>
        </div>
      </header>
      <div className="list-tools">
        <div className="filters" role="group" aria-label={t('expiry.within')}>
          {RANGES.map((n) => (
            <button
              key={n}
              type="button"
              className={`filter${within === n ? ' on' : ''}`}
              aria-pressed={within === n}
              onClick={() => setExpiryRange(n, all)}
            >
              {t('expiry.withinDays', { n })}
            </button>
          ))}
        </div>
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => setExpiryRange(within, e.target.checked)} />
          {t('expiry.all')}
        </label>
        <div className="window-counts" aria-live="polite">
          {WINDOWS.filter((w) => (counts[w] ?? 0) > 0).map((w) => (
            <span key={w} className={`window-count window-${w}`}>
              {t(`expiry.window.${w}`)} {counts[w]}
            </span>
          ))}
        </div>
      </div>
      {loaded && items.length === 0 ? (
        <div className="empty">
          <h2>{t('expiry.empty')}</h2>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="case-table expiry-table">
            <thead>
              <tr>
                <th className="col-date">{t('expiry.col.date')}</th>
                <th className="col-days">{t('expiry.col.days')}</th>
                <th className="col-case">{t('expiry.col.case')}</th>
                <th className="col-item">{t('expiry.col.item')}</th>
                <th className="col-fix">{t('expiry.col.fix')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.caseId}|${item.field}`} data-case={item.caseId} data-window={item.window}>
                  <td className="col-date mono">{item.date}</td>
                  <td className="col-days">
                    <Days item={item} />
                  </td>
                  <td className="col-case">
                    <button type="button" className="row-open" onClick={() => void openCase(item.caseId)}>
                      {item.caseName ?? item.caseId}
                    </button>
                    <FilingBadge status={item.filingStatus} />
                  </td>
                  <td className="col-item" title={bilingual(language, item.subject, item.subjectEn)}>
                    {bilingual(language, item.subject, item.subjectEn)}
                  </td>
                  <td className="col-fix" title={bilingual(language, item.fix, item.fixEn)}>
                    {bilingual(language, item.fix, item.fixEn)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
