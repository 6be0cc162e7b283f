/**
 * The case list: every case in the workspace with its status, problems and last change; search by
 * sponsor name, credit code or domain; filter by status; create, open, duplicate, delete.
 */
import { useEffect, useRef, type ReactElement } from 'react'
import { CASE_STATUSES } from '../../../shared/ipc/enums'
import type { CaseSummary } from '../../../shared/ipc/schemas'
import { Icon } from '../components/icons'
import { StatusBadge } from '../components/status-badge'
import { bilingual, formatWhen, useLanguage, useT } from '../i18n'
import { casesStore, setQuery, setStatusFilter } from '../state/cases'
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
        {!row.problem && row.sponsorType && <span className="row-sub">{row.sponsorType}</span>}
      </td>
      <td className="col-code mono">{row.creditCode ?? <span className="muted">{t('common.none')}</span>}</td>
      <td className="col-province">{row.province ?? <span className="muted">{t('common.none')}</span>}</td>
      <td className="col-type">{row.filingType ?? <span className="muted">{t('common.none')}</span>}</td>
      <td className="col-domains mono">
        {first ?? <span className="muted">{t('common.none')}</span>}
        {more.length > 0 && <span className="muted"> {t('cases.moreDomains', { n: more.length })}</span>}
      </td>
      <td className="col-status">
        <StatusBadge status={row.status} />
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

/** The case list screen. */
export function CaseList(): ReactElement {
  const t = useT()
  const { rows, total, byStatus, query, status, loaded } = useStore(casesStore)
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
        <button type="button" className="button primary" onClick={() => void newCase()}>
          <Icon name="plus" />
          {t('cases.new')}
        </button>
      </header>
      <div className="list-tools">
        <label className="search">
          <Icon name="search" />
          <input
            ref={search}
            type="search"
            value={query}
            placeholder={t('cases.search')}
            aria-label={t('cases.search')}
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
                <th className="col-sponsor">{t('cases.col.sponsor')}</th>
                <th className="col-code">{t('cases.col.code')}</th>
                <th className="col-province">{t('cases.col.province')}</th>
                <th className="col-type">{t('cases.col.filingType')}</th>
                <th className="col-domains">{t('cases.col.websites')}</th>
                <th className="col-status">{t('cases.col.status')}</th>
                <th className="col-problems">{t('cases.col.problems')}</th>
                <th className="col-updated">{t('cases.col.updated')}</th>
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
