/**
 * The case list: every case in the workspace with its status, filing status, what is missing and
 * last change; search across names, people, phones, ID last 4, codes, domains and 备案号 (several
 * words narrow); filter by status and filing status; sort by column; create, open, duplicate, delete.
 */
import { useEffect, useRef, type ReactElement, type ReactNode } from 'react'
import { CASE_STATUSES, FILING_STATUSES } from '../../../shared/ipc/enums'
import type { CaseSummary, FilingStatus } from '../../../shared/ipc/schemas'
import { FilingBadge } from '../components/filing-status'
import { Icon } from '../components/icons'
import { StatusBadge } from '../components/status-badge'
import { bilingual, formatWhen, useLanguage, useT } from '../i18n'
import { casesStore, setFilingFilter, setQuery, setStatusFilter, sortedRows, toggleSort, type SortKey } from '../state/cases'
import { expiryStore, openStatusDialog, showExpiry } from '../state/fleet'
import { deleteCase, duplicateCase, newCase, openCase } from '../state/commands'
import { navigationStore } from '../state/navigation'
import { useStore } from '../state/store'

function Problems({ row }: { row: CaseSummary }): ReactElement {
  const t = useT()
  if (row.counts.error === 0 && row.counts.warning === 0) return <span className="muted">{t('common.none')}</span>
  return (
    <span className="problems">
      {row.counts.error > 0 && <span className="count-error">{t('count.errors', { n: row.counts.error })}</span>}
      {row.counts.warning > 0 && <span className="count-warning">{t('count.warnings', { n: row.counts.warning })}</span>}
    </span>
  )
}

function Row({ row }: { row: CaseSummary }): ReactElement {
  const t = useT()
  const language = useLanguage()
  const [first, ...more] = row.domains
  return (
    <tr data-case={row.id} onDoubleClick={() => void openCase(row.id)}>
      <td className="col-sponsor">
        <button type="button" className="row-open" onClick={() => void openCase(row.id)}>
          {row.problem ? (
            <span className="broken">{t('cases.broken')}</span>
          ) : row.name ? (
            row.name
          ) : (
            <span className="unnamed">{t('cases.unnamed')}</span>
          )}
        </button>
        {row.problem && (
          <span className="row-problem" title={bilingual(language, row.problem.message, row.problem.messageEn)}>
            {row.id} · {bilingual(language, row.problem.message, row.problem.messageEn)}
          </span>
        )}
        {!row.problem && (row.sponsorType || row.province || row.filingType) && (
          <span className="row-sub">{[row.sponsorType, row.province, row.filingType].filter(Boolean).join(' · ')}</span>
        )}
        {row.id.endsWith('副本') || /副本 \d+$/.test(row.id) ? <span className="row-copy">{row.id}</span> : null}
      </td>
      <td className="col-code mono">
        {row.creditCode ?? <span className="muted">{t('common.none')}</span>}
        {row.sameCreditCode > 0 && (
          <span className="same-code" title={t('cases.sameCode', { n: row.sameCreditCode })}>
            {t('cases.sameCode', { n: row.sameCreditCode })}
          </span>
        )}
      </td>
      <td className="col-domains mono">
        {first ?? <span className="muted">{t('common.none')}</span>}
        {more.length > 0 && <span className="muted"> {t('cases.moreDomains', { n: more.length })}</span>}
      </td>
      <td className="col-status">
        <StatusBadge status={row.status} />
      </td>
      <td className="col-filing">
        {!row.problem && (
          <button
            type="button"
            className="filing-button"
            title={t('filing.change')}
            aria-label={`${t('filing.change')}：${t(`filing.${row.filing.status}`)}`}
            onClick={() => void openStatusDialog(row)}
          >
            <FilingBadge status={row.filing.status} />
          </button>
        )}
        {row.filing.filingNumber ? (
          <span className="row-sub mono">{row.filing.filingNumber}</span>
        ) : row.filing.date ? (
          <span className="row-sub">{row.filing.date}</span>
        ) : null}
      </td>
      <td className="col-missing" title={row.missing ? bilingual(language, row.missing.message, row.missing.messageEn) : undefined}>
        {row.missing ? bilingual(language, row.missing.message, row.missing.messageEn) : <span className="muted">{t('common.none')}</span>}
      </td>
      <td className="col-problems">
        <Problems row={row} />
      </td>
      <td className="col-updated">{formatWhen(row.updatedAt, language)}</td>
      <td className="col-actions">
        <button
          type="button"
          className="icon-button"
          title={t('common.duplicate')}
          aria-label={t('common.duplicate')}
          onClick={() => void duplicateCase(row.id)}
        >
          <Icon name="copy" />
        </button>
        <button
          type="button"
          className="icon-button danger"
          title={t('common.delete')}
          aria-label={t('common.delete')}
          onClick={() => void deleteCase(row.id, row.name)}
        >
          <Icon name="trash" />
        </button>
      </td>
    </tr>
  )
}

function SortHeader({ column, className, children }: { column: SortKey; className: string; children: ReactNode }): ReactElement {
  const t = useT()
  const { sort } = useStore(casesStore)
  const on = sort?.key === column
  return (
    <th className={className} aria-sort={on ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-button" title={t('cases.sort')} onClick={() => toggleSort(column)}>
        {children}
        <span className="sort-mark" aria-hidden="true">
          {on ? (sort.descending ? '▼' : '▲') : ''}
        </span>
      </button>
    </th>
  )
}

/** The case list screen. */
export function CaseList(): ReactElement {
  const t = useT()
  const { rows: listed, total, byStatus, byFiling, query, status, filing, sort, loaded } = useStore(casesStore)
  const { badge } = useStore(expiryStore)
  const rows = sortedRows(listed, sort)
  const { focusSearch } = useStore(navigationStore)
  const search = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (focusSearch > 0) search.current?.focus()
  }, [focusSearch])
  const found = byStatus ? CASE_STATUSES.reduce((sum, s) => sum + byStatus[s], 0) : 0

  return (
    <div className="list-screen">
      <header className="list-header">
        <div>
          <h1>{t('cases.title')}</h1>
          <p className="muted">{t('cases.subtitle', { n: total })}</p>
        </div>
        <div className="list-header-actions">
          <button type="button" className="button subtle expiry-tab" onClick={() => void showExpiry()}>
            {t('expiry.tab')}
            {badge > 0 && (
              <span className="quiet-badge" title={t('expiry.badge', { n: badge })} aria-label={t('expiry.badge', { n: badge })}>
                {badge}
              </span>
            )}
          </button>
          <button type="button" className="button primary" onClick={() => void newCase()}>
            <Icon name="plus" />
            {t('cases.new')}
          </button>
        </div>
      </header>
      <div className="list-tools">
        <label className="search">
          <Icon name="search" />
          <input
            ref={search}
            type="search"
            value={query}
            placeholder={t('cases.searchMany')}
            aria-label={t('cases.searchMany')}
            title={t('cases.searchMany')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <div className="filters" role="group">
          <button
            type="button"
            className={`filter${status === null ? ' on' : ''}`}
            aria-pressed={status === null}
            onClick={() => setStatusFilter(null)}
          >
            {t('status.all')}
            <span className="filter-count">{found}</span>
          </button>
          {CASE_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className={`filter filter-${s}${status === s ? ' on' : ''}`}
              aria-pressed={status === s}
              data-status={s}
              onClick={() => setStatusFilter(status === s ? null : s)}
            >
              {t(`status.${s}`)}
              <span className="filter-count">{byStatus?.[s] ?? 0}</span>
            </button>
          ))}
        </div>
        <select
          className="filing-filter"
          aria-label={t('filing.filter')}
          value={filing ?? ''}
          onChange={(e) => setFilingFilter(e.target.value === '' ? null : (e.target.value as FilingStatus))}
        >
          <option value="">{t('filing.all')}</option>
          {FILING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`filing.${s}`)} ({byFiling?.[s] ?? 0})
            </option>
          ))}
        </select>
      </div>
      {loaded && total === 0 ? (
        <div className="empty">
          <h2>{t('cases.empty.title')}</h2>
          <p>{t('cases.empty.body')}</p>
          <button type="button" className="button primary" onClick={() => void newCase()}>
            <Icon name="plus" />
            {t('cases.new')}
          </button>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="case-table">
            <thead>
              <tr>
                <SortHeader column="name" className="col-sponsor">
                  {t('cases.col.sponsor')}
                </SortHeader>
                <SortHeader column="code" className="col-code">
                  {t('cases.col.code')}
                </SortHeader>
                <th className="col-domains">{t('cases.col.websites')}</th>
                <SortHeader column="status" className="col-status">
                  {t('cases.col.status')}
                </SortHeader>
                <SortHeader column="filing" className="col-filing">
                  {t('cases.col.filing')}
                </SortHeader>
                <SortHeader column="missing" className="col-missing">
                  {t('cases.col.missing')}
                </SortHeader>
                <th className="col-problems">{t('cases.col.problems')}</th>
                <SortHeader column="updated" className="col-updated">
                  {t('cases.col.updated')}
                </SortHeader>
                <th className="col-actions">
                  <span className="sr-only">{t('cases.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row key={row.id} row={row} />
              ))}
            </tbody>
          </table>
          {loaded && rows.length === 0 && (
            <div className="no-match">
              <p>{t('cases.noMatch')}</p>
              <button
                type="button"
                className="button subtle"
                onClick={() => {
                  setStatusFilter(null)
                  setFilingFilter(null)
                  setQuery('')
                }}
              >
                {t('cases.clearFilter')}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  )
}
