/**
 * The tabs above the middle of the case screen: 填写资料, 扫描件与识别 (with how many scans and how
 * many wait to be read), 广东承诺书 (only for Guangdong filings; 上海承诺书 and 江苏真实性承诺书 for
 * the provinces whose own letter ICP Prep prints) and 导出材料包 (Ctrl/Cmd+E).
 */
import type { ReactElement } from 'react'
import documentRolesData from '../../../shared/data/document-roles.json' with { type: 'json' }
import type { MessageKey } from '../../../shared/i18n/messages'
import { printedLetterFor } from '../../../shared/letter/province-letters'
import { useLanguage, useT } from '../i18n'
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
  const language = useLanguage()
  const { caseView } = useStore(navigationStore)
  const { draft, summary } = useStore(editorStore)
  const { scans, readJob } = useStore(scansStore)
  const guangdong = (draft?.province ?? '').trim().startsWith('广东')
  const own = printedLetterFor(draft?.province)
  const ownLabel = own ? documentRolesData.roles.find((r) => r.role === own.role) : undefined
  const views: CaseView[] = ['form', 'scans', ...(guangdong || own ? (['letter'] as const) : []), 'export']
  const label = (view: CaseView): string =>
    view === 'letter' && ownLabel ? (language === 'en' ? ownLabel.labelEn : ownLabel.label) : t(LABELS[view])
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
          {label(view)}
          {badge(view)}
        </button>
      ))}
    </div>
  )
}
