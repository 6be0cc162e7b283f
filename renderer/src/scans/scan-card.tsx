/**
 * One scan in the scans column: its thumbnail, what it turned out to be (kind, ID side, colour),
 * its role and website (changeable by hand), and what the rules say about it — red for what the
 * 管局 would refuse (a grey copy, a wrong name), amber for what to check.
 */
import type { ReactElement } from 'react'
import type { ScanView } from '../../../shared/ipc/scan-schemas'
import type { Finding } from '../case/findings'
import { Icon } from '../components/icons'
import { bilingual, useLanguage, useT } from '../i18n'
import { editorStore } from '../state/editor'
import { keepScan, removeScan, selectScan, setScanRole } from '../state/scans'
import { useStore } from '../state/store'
import { isWebsiteRole, roleOptions } from './roles'

function sidesKey(sides: readonly string[] | null): 'scans.side.front' | 'scans.side.back' | 'scans.side.both' | null {
  if (!sides || sides.length === 0) return null
  if (sides.includes('front') && sides.includes('back')) return 'scans.side.both'
  return sides[0] === 'back' ? 'scans.side.back' : 'scans.side.front'
}

/** The scan's thumbnail, or a calm placeholder when there is none (not read, unreadable, gone). */
export function Thumbnail({ scan, className }: { scan: ScanView; className?: string }): ReactElement {
  return (
    <div className={`thumb ${className ?? ''}`}>
      {scan.thumbUrl ? (
        <img src={scan.thumbUrl} alt="" loading="lazy" draggable={false} />
      ) : (
        <Icon name={scan.state === 'failed' || scan.state === 'missing' ? 'alert' : 'file'} />
      )}
    </div>
  )
}

/** One card; `findings` are the case's findings about this scan. */
export function ScanCard({ scan, findings, selected }: { scan: ScanView; findings: readonly Finding[]; selected: boolean }): ReactElement {
  const t = useT()
  const language = useLanguage()
  const websites = useStore(editorStore).draft?.websites ?? []
  const side = sidesKey(scan.sides)
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : null
  const websiteRole = isWebsiteRole(scan.role)
  const proposal = scan.websiteProposal !== null && scan.websiteProposal < websites.length ? scan.websiteProposal : null

  return (
    <li
      className={`scan-card${selected ? ' selected' : ''}${worst ? ` has-${worst}` : ''}`}
      data-scan={scan.scanId}
      data-name={scan.name}
      data-state={scan.state}
    >
      <button type="button" className="scan-select" onClick={() => selectScan(scan.scanId)} aria-pressed={selected}>
        <Thumbnail scan={scan} />
        <span className="scan-head">
          <span className="scan-name" title={scan.name}>
            {scan.name}
          </span>
          <span className="scan-tags">
            {scan.state === 'read' && scan.kind && (
              <span className="tag tag-kind">
                {t(`scans.kind.${scan.kind}`)}
                {side && ` · ${t(side)}`}
              </span>
            )}
            {scan.state === 'read' && scan.colour !== null && (
              <span className={`tag ${scan.colour ? 'tag-ok' : 'tag-bad'}`}>{scan.colour ? t('scans.colour') : t('scans.grey')}</span>
            )}
            {scan.state !== 'read' && (
              <span className={`tag ${scan.state === 'unread' ? 'tag-muted' : 'tag-bad'}`}>{t(`scans.state.${scan.state}`)}</span>
            )}
          </span>
        </span>
      </button>
      <button
        type="button"
        className="icon-button danger scan-remove"
        aria-label={`${t('scans.remove')} ${scan.name}`}
        onClick={() => void removeScan(scan)}
      >
        <Icon name="trash" />
      </button>
      <div className="scan-role">
        <label>
          <span className="sr-only">{t('scans.role')}</span>
          <select
            className="input small"
            value={scan.role}
            aria-label={`${t('scans.role')} ${scan.name}`}
            // A website role keeps its website, else takes the one the reading points at (decided by the main process).
            onChange={(e) => void setScanRole(scan.scanId, e.target.value, isWebsiteRole(e.target.value) ? scan.website : null)}
          >
            {roleOptions(language).map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        {websiteRole && (
          <select
            className="input small website-select"
            value={scan.website ?? ''}
            aria-label={`${t('scans.website')} ${scan.name}`}
            onChange={(e) => e.target.value !== '' && void setScanRole(scan.scanId, scan.role, Number(e.target.value))}
          >
            {/* Never shown as 网站 1 while it points at no website: that option would do nothing when picked. */}
            {scan.website === null && (
              <option value="" disabled>
                {t('scans.websitePick')}
              </option>
            )}
            {websites.map((w, i) => (
              <option key={i} value={i} title={w.domain ?? undefined}>
                {t('scans.websiteN', { n: i + 1 })}
              </option>
            ))}
          </select>
        )}
        {websiteRole && scan.website === null && proposal !== null && (
          <span className="proposed website-proposal">
            {t('scans.websiteProposal', { n: proposal + 1, domain: websites[proposal]?.domain ?? '' })}
            <button type="button" className="link-button" onClick={() => void setScanRole(scan.scanId, scan.role, proposal)}>
              {t('scans.websiteProposalApply', { n: proposal + 1 })}
            </button>
          </span>
        )}
        {scan.role === 'other' && (
          <label className="keep-scan" title={t('scans.notExported')}>
            <input type="checkbox" checked={scan.keep} onChange={(e) => void keepScan(scan.scanId, e.target.checked)} />
            {t('scans.keep')}
          </label>
        )}
        {scan.roleProposed && scan.role !== 'other' && <span className="proposed">{t('scans.roleProposed')}</span>}
        {scan.roleProposed && scan.role === 'other' && scan.state === 'unread' && (
          <span className="proposed">{t('scans.roleAfterReading')}</span>
        )}
        {scan.roleProposed && scan.role === 'other' && scan.state === 'read' && (
          <span className="proposed attention">{t('scans.roleUndecided')}</span>
        )}
      </div>
      {findings.length > 0 && (
        <ul className="scan-findings">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} className={`finding-${f.severity}`} data-rule={f.rule}>
              <Icon name={f.severity === 'error' ? 'alert' : 'info'} />
              <span>{bilingual(language, f.message, f.messageEn)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}
