/**
 * The scans view of the case screen: the scans column (add by dropping or picking, many at once and
 * folders too; read them with a progress bar; each scan with its kind, colour, role and findings)
 * beside the review of the selected scan.
 */
import type { ReactElement } from 'react'
import type { MessageKey } from '../../../shared/i18n/messages'
import type { Finding } from '../case/findings'
import { Icon } from '../components/icons'
import { bilingual, useLanguage, useT } from '../i18n'
import { editorStore } from '../state/editor'
import { cancelJob, jobsStore } from '../state/jobs'
import { addDropped, pickScans, readScans, scansStore } from '../state/scans'
import { useStore } from '../state/store'
import { DropZone } from './drop-zone'
import { ReviewPanel } from './review-panel'
import { ScanCard } from './scan-card'

/** The running reading job's progress bar, with cancel. */
function ReadProgress({ jobId }: { jobId: string }): ReactElement {
  const t = useT()
  const language = useLanguage()
  const job = useStore(jobsStore).jobs.find((j) => j.jobId === jobId)
  const done = job?.done ?? 0
  const total = job?.total ?? 0
  const percent = total > 0 ? Math.round((done / total) * 100) : 0
  return (
    <div className="read-progress" role="status" aria-live="polite" data-job={jobId}>
      <div className="read-progress-line">
        <span>{t('scans.reading', { done, total: total || '…' })}</span>
        <button type="button" className="link-button" onClick={() => void cancelJob(jobId)}>
          {t('jobs.cancel')}
        </button>
      </div>
      <progress max={100} value={percent} aria-label={t('jobs.kind.ocr')} />
      {job?.message && <span className="read-progress-step">{bilingual(language, job.message, job.messageEn ?? '')}</span>}
    </div>
  )
}

/** The scans column and the review. */
export function ScansView(): ReactElement {
  const t = useT()
  const { scans, loaded, adding, readJob, selected } = useStore(scansStore)
  const { findings } = useStore(editorStore)
  const byDocument = new Map<number, Finding[]>()
  for (const f of findings) {
    if (f.document === undefined) continue
    byDocument.set(f.document, [...(byDocument.get(f.document) ?? []), f])
  }
  const unread = scans.filter((s) => s.state === 'unread').length
  const current = scans.find((s) => s.scanId === selected) ?? null
  const readLabel: MessageKey = unread > 0 || scans.every((s) => s.state !== 'read') ? 'scans.read' : 'scans.readAgain'

  return (
    <div className="scans-view">
      <section className="scan-column" aria-labelledby="scans-title">
        <header className="scan-column-header">
          <h2 id="scans-title">
            {t('scans.title')}
            <span className="group-count">{scans.length}</span>
          </h2>
          <div className="scan-toolbar">
            <button type="button" className="button small" disabled={adding} onClick={() => void pickScans()}>
              <Icon name="plus" />
              {t('scans.add')}
            </button>
            <button type="button" className="button small" disabled={adding} onClick={() => void pickScans({ folders: true })}>
              <Icon name="folder" />
              {t('scans.addFolder')}
            </button>
          </div>
        </header>
        <div className="scan-read-bar">
          {readJob ? (
            <ReadProgress jobId={readJob} />
          ) : (
            <>
              <button
                type="button"
                className="button primary read-button"
                disabled={scans.length === 0 || adding}
                onClick={() => void readScans()}
              >
                <Icon name="scan" />
                {t(readLabel)}
              </button>
              {unread > 0 && <span className="muted">{t('scans.unreadCount', { n: unread })}</span>}
            </>
          )}
        </div>
        <DropZone
          onFiles={(files) => void addDropped(files)}
          className={`drop-zone${scans.length === 0 ? ' large' : ''}`}
          label={t('scans.drop.title')}
        >
          <Icon name="upload" />
          <div>
            <strong>{t('scans.drop.title')}</strong>
            {scans.length === 0 && <p>{t('scans.drop.body')}</p>}
          </div>
        </DropZone>
        {loaded && scans.length > 0 && (
          <ul className="scan-list">
            {scans.map((scan) => (
              <ScanCard key={scan.scanId} scan={scan} findings={byDocument.get(scan.index) ?? []} selected={scan.scanId === selected} />
            ))}
          </ul>
        )}
      </section>
      <ReviewPanel scan={current} />
    </div>
  )
}
