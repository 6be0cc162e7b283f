/**
 * Export: choose the provider profile, see what goes into the zip (file names in upload order, where
 * each is uploaded, the scans it is made from, sizes), export with progress, and afterwards open the
 * folder. While errors remain the export is refused; the user may still export a package marked NOT
 * ready, after a confirmation that says so.
 */
import { useEffect, type ReactElement } from 'react'
import { Icon } from '../components/icons'
import { formatBytes } from '../components/bytes'
import { bilingual, formatWhen, useLanguage, useT } from '../i18n'
import { editorStore } from '../state/editor'
import { exportStore, refreshPlan, revealExport, startExport } from '../state/export'
import { cancelJob, jobsStore } from '../state/jobs'
import { useStore } from '../state/store'
import { goToFinding } from '../screens/checks-panel'

function Progress({ jobId }: { jobId: string }): ReactElement {
  const t = useT()
  const language = useLanguage()
  const job = useStore(jobsStore).jobs.find((j) => j.jobId === jobId)
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0
  return (
    <div className="export-progress" role="status" data-job={jobId}>
      <span>{job?.message ? bilingual(language, job.message, job.messageEn ?? '') : t('export.running')}</span>
      <progress max={100} value={percent} aria-label={t('jobs.kind.export')} />
      <button type="button" className="link-button" onClick={() => void cancelJob(jobId)}>
        {t('jobs.cancel')}
      </button>
    </div>
  )
}

/** The export view of the open case. */
export function ExportView(): ReactElement {
  const t = useT()
  const language = useLanguage()
  const { caseId, summary } = useStore(editorStore)
  const { plan, jobId, result } = useStore(exportStore)
  const stamp = `${summary?.updatedAt ?? ''}|${summary?.counts.error ?? 0}`
  useEffect(() => {
    if (caseId) void refreshPlan(caseId)
  }, [caseId, stamp])
  if (!caseId || !plan) return <div className="loading">{t('common.loading')}</div>

  const providerLabel = (name: string) => {
    const p = plan.providers.find((x) => x.name === name)
    return p ? (language === 'en' ? p.labelEn : p.label) : name
  }
  const sizeOf = (name: string) => result?.files.find((f) => f.name === name)?.bytes ?? null
  const blocked = plan.errors > 0
  return (
    <div className="export-view">
      <section className="export-section" aria-labelledby="provider-title">
        <h2 id="provider-title">{t('export.provider')}</h2>
        <div className="providers" role="radiogroup" aria-labelledby="provider-title">
          {plan.providers.map((p) => (
            <label key={p.name} className={`provider${p.name === plan.provider ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="provider"
                value={p.name}
                checked={p.name === plan.provider}
                disabled={jobId !== null}
                onChange={() => void refreshPlan(caseId, p.name)}
              />
              <span className="provider-name">{language === 'en' ? p.labelEn : p.label}</span>
              <span className="provider-facts">
                {t('export.provider.limit', { mb: (p.maxBytes / 1_000_000).toFixed(p.maxBytes % 1_000_000 === 0 ? 0 : 2) })}
                <br />
                {p.idBothSidesOneImage ? t('export.provider.idOne') : t('export.provider.idTwo')}
              </span>
            </label>
          ))}
        </div>
      </section>

      <div className={`export-status ${blocked ? 'blocked' : 'ready'}`} role="status">
        <Icon name={blocked ? 'alert' : 'check'} />
        <div>
          <strong>{blocked ? t('export.blocked', { n: plan.errors }) : t('export.ready')}</strong>
          {blocked && <p>{t('export.blocked.body')}</p>}
          {plan.warnings > 0 && <p className="muted">{t('export.warnings', { n: plan.warnings })}</p>}
        </div>
        <div className="export-actions">
          {jobId ? (
            <Progress jobId={jobId} />
          ) : (
            <>
              <button
                type="button"
                className="button primary"
                disabled={blocked || plan.files.length === 0}
                onClick={() => void startExport(false)}
              >
                <Icon name="download" />
                {t('export.start')}
              </button>
              {blocked && (
                <button
                  type="button"
                  className="button danger-outline"
                  disabled={plan.files.length === 0}
                  onClick={() => void startExport(true)}
                >
                  {t('export.force')}
                </button>
              )}
            </>
          )}
        </div>
      </div>

      {result && !result.refused && result.name && (
        <div className={`export-result ${result.ready ? 'ready' : 'not-ready'}`} role="status">
          <Icon name={result.ready ? 'check' : 'alert'} />
          <span>{t(result.ready ? 'export.done' : 'export.doneNotReady', { name: result.name, size: formatBytes(result.bytes) })}</span>
          <button type="button" className="button small" onClick={() => void revealExport()}>
            <Icon name="folder" />
            {t('export.reveal')}
          </button>
        </div>
      )}
      {result?.refused && (
        <div className="export-result refused" role="alert">
          <strong>{t('export.refusedTitle')}</strong>
          <p>{t('export.refusedBody')}</p>
          <ul>
            {result.findings
              .filter((f) => f.severity === 'error')
              .map((f, i) => (
                <li key={`${f.rule}-${i}`} data-rule={f.rule}>
                  <button type="button" className="finding-link" onClick={() => goToFinding(f)}>
                    {bilingual(language, f.message, f.messageEn)}
                  </button>
                </li>
              ))}
          </ul>
        </div>
      )}

      <section className="export-section" aria-labelledby="contents-title">
        <h2 id="contents-title">{t('export.contents')}</h2>
        {plan.files.length === 0 ? (
          <p className="muted">{t('export.empty')}</p>
        ) : (
          <div className="table-scroll" data-scroll-x="">
            <table className="export-table">
              <thead>
                <tr>
                  <th>{t('export.col.file')}</th>
                  <th>{t('export.col.place')}</th>
                  <th>{t('export.col.from')}</th>
                  <th className="num">{t('export.col.size')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.files.map((f) => {
                  const done = sizeOf(f.name)
                  return (
                    <tr key={f.order} data-file={f.name}>
                      <td className="file-name">{f.name}</td>
                      <td>{language === 'en' ? f.placeEn : f.place}</td>
                      <td className="sources">
                        {f.sources.map((s) => s.name).join(' + ')}
                        {f.combine && <span className="tag tag-muted">{t('export.combined')}</span>}
                        {f.sameAsPrincipal && <span className="tag tag-muted">{t('export.sameAsPrincipal')}</span>}
                      </td>
                      <td className="num">
                        {done !== null
                          ? t('export.size.done', { size: formatBytes(done) })
                          : t('export.size.source', { size: formatBytes(f.sourceBytes) })}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
        {plan.files.length > 0 && <p className="muted small">{t('export.extras', { names: plan.extras.join('、') })}</p>}
      </section>

      {plan.exports.length > 0 && (
        <section className="export-section" aria-labelledby="history-title">
          <h2 id="history-title">{t('export.history')}</h2>
          <ul className="export-history">
            {[...plan.exports].reverse().map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <span>{formatWhen(e.at, language)}</span>
                <span className="file-name">{e.name}</span>
                <span>{providerLabel(e.provider)}</span>
                <span className={`tag ${e.ready ? 'tag-ok' : 'tag-bad'}`}>
                  {e.ready ? t('export.history.ready') : t('export.history.notReady')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
