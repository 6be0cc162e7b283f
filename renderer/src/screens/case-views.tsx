/**
 * The tabs above the middle of the case screen: 填写资料, 扫描件与识别 (with how many scans and how
 * many wait to be read), 广东承诺书 (only for Guangdong filings) and 导出材料包 (Ctrl/Cmd+E).
 */
import type { ReactElement } from 'react'
import type { MessageKey } from '../../../shared/i18n/messages'
import { useT } from '../i18n'
import { editorStore } from '../state/editor'
import { navigationStore, showCaseView, type CaseView } from '../state/navigation'
import { scansStore } from '../state/scans'
import { useStore } from '../state/store'

const LABELS: Readonly<Record<CaseView, MessageKey>> = {
  form: 'view.form',
  scans: 'view.scans',
  letter: 'view.letter',
  export: 'view.export',
}

/** The view switch; arrow keys move between tabs as in any tab list. */
export function CaseViews(): ReactElement {
  const t = useT()
  const { caseView } = useStore(navigationStore)
  const { draft, summary } = useStore(editorStore)
  const { scans, readJob } = useStore(scansStore)
  const guangdong = (draft?.province ?? '').trim().startsWith('广东')
  const views: CaseView[] = ['form', 'scans', ...(guangdong ? (['letter'] as const) : []), 'export']
  const unread = scans.filter((s) => s.state === 'unread').length
  const errors = summary?.counts.error ?? 0

  const badge = (view: CaseView): ReactElement | null => {
    if (view === 'scans' && scans.length > 0)
      return (
        <span
          className={`tab-count${unread > 0 || readJob ? ' pending' : ''}`}
          title={unread > 0 ? t('scans.unreadCount', { n: unread }) : undefined}
        >
          {scans.length}
        </span>
      )
    if (view === 'export' && summary?.status === 'exported') return <span className="tab-count done">✓</span>
    if (view === 'export' && errors > 0) return <span className="tab-count blocked">{errors}</span>
    return null
  }

  return (
    <div className="case-views" role="tablist" aria-label={t('view.tabs')}>
      {views.map((view, i) => (
        <button
          key={view}
          type="button"
          role="tab"
          id={`view-tab-${view}`}
          aria-selected={view === caseView}
          tabIndex={view === caseView ? 0 : -1}
          className={`case-tab${view === caseView ? ' on' : ''}`}
          onClick={() => showCaseView(view)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
            const next = views[(i + (e.key === 'ArrowRight' ? 1 : views.length - 1)) % views.length]
            if (!next) return
            showCaseView(next)
            document.getElementById(`view-tab-${next}`)?.focus()
          }}
        >
          {t(LABELS[view])}
          {badge(view)}
        </button>
      ))}
    </div>
  )
}
