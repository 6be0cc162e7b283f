/**
 * The checks panel: every finding of the case, errors first, then warnings and notes, each group
 * top to bottom in form order. Each item says what is wrong and how to fix it in plain words, and
 * jumps to its field. Empty required fields are folded into one line so real problems stand out.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react'
import { groupForPanel, isMissing, type Finding } from '../case/findings'
import { findTarget, sectionOf } from '../case/paths'
import { scrollToElement } from '../case/scroll'
import { Icon } from '../components/icons'
import { bilingual, useLanguage, useT } from '../i18n'
import { navigationStore, showCaseView } from '../state/navigation'
import { scansStore, selectScan } from '../state/scans'
import { setChecksOpen, useChecksFold } from '../state/layout'
import { ChecksRail, FoldChecksButton } from './checks-rail'
import { useStore } from '../state/store'

/** Scrolls to a finding's field, focuses it and flashes it. */
export function goToField(field: string | null): void {
  const target = findTarget(field, document)
  if (!target) return
  scrollToElement(target, 'center')
  const focusable = target.matches('input, select, textarea, section, fieldset')
    ? target
    : target.querySelector<HTMLElement>('input, select, textarea')
  ;(focusable ?? target).focus({ preventScroll: true })
  const block = target.closest<HTMLElement>('.field, .card, .repeat') ?? target
  block.classList.remove('flash')
  void block.offsetWidth
  block.classList.add('flash')
}

/**
 * Goes where a finding points: a scan's finding to that scan in the scans view, any other to its
 * field in the form (switching to the form first when another view is shown).
 */
export function goToFinding(finding: Finding): void {
  const scanIndex = finding.field?.startsWith('documents[') ? finding.document : undefined
  if (scanIndex !== undefined) {
    const scan = scansStore.get().scans.find((s) => s.index === scanIndex)
    if (scan) selectScan(scan.scanId)
    showCaseView('scans')
    return
  }
  if (navigationStore.get().caseView === 'form') {
    goToField(finding.field)
    return
  }
  showCaseView('form')
  requestAnimationFrame(() => goToField(finding.field))
}

function FindingItem({ finding }: { finding: Finding }): ReactElement {
  const t = useT()
  const language = useLanguage()
  const section = sectionOf(finding.field)
  const canJump = finding.field !== null
  const scan = useStore(scansStore).scans.find((s) => finding.document !== undefined && s.index === finding.document)
  const label = scan
    ? `${t('scans.title')} · ${scan.name}`
    : section.startsWith('website-')
      ? t('section.website', { n: Number(section.slice('website-'.length)) + 1 })
      : t(`section.${section as 'filing' | 'sponsor' | 'principal' | 'materials'}`)
  const body = (
    <>
      <span className="finding-where">{label}</span>
      <span className="finding-message">{bilingual(language, finding.message, finding.messageEn)}</span>
      <span className="finding-fix">
        {t('checks.fix')}
        {bilingual(language, finding.fix, finding.fixEn)}
      </span>
    </>
  )
  return (
    <li className={`finding finding-${finding.severity}`} data-rule={finding.rule} data-field={finding.field ?? ''}>
      {canJump ? (
        <button type="button" className="finding-link" onClick={() => goToFinding(finding)} title={t('checks.goto')}>
          {body}
          <Icon name="arrow" className="finding-arrow" />
        </button>
      ) : (
        <div className="finding-static">{body}</div>
      )}
    </li>
  )
}

/** The panel beside the form; `date` is the submission date the rules measured from. */
export function ChecksPanel({ findings, date }: { findings: readonly Finding[]; date: string | null }): ReactElement {
  const t = useT()
  const [showMissing, setShowMissing] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const { focusChecks } = useStore(navigationStore)
  const { folded, overlay } = useChecksFold()
  const asked = useRef(focusChecks)
  useEffect(() => {
    // Asked for (menu, shortcut) after the panel was shown: open it if folded, then focus it.
    if (focusChecks === asked.current) return
    asked.current = focusChecks
    setChecksOpen(true)
    requestAnimationFrame(() => heading.current?.focus())
  }, [focusChecks])

  const errors = findings.filter((f) => f.severity === 'error').length
  const warnings = findings.filter((f) => f.severity === 'warning').length
  const missing = findings.filter(isMissing)
  const groups = groupForPanel(findings.filter((f) => !isMissing(f)))
  if (missing.length > 0 && !groups.some((g) => g.severity === 'error')) groups.unshift({ severity: 'error', findings: [] })
  if (folded) return <ChecksRail errors={errors} warnings={warnings} />

  return (
    <aside
      className={`checks${overlay ? ' overlay' : ''}`}
      data-collapsed="false"
      aria-labelledby="checks-title"
      // Over the middle of a narrow window: going to a finding folds it away so the field shows.
      onClick={(e) => overlay && e.target instanceof Element && e.target.closest('.finding-link') && setChecksOpen(false)}
      onKeyDown={(e) => overlay && e.key === 'Escape' && setChecksOpen(false)}
    >
      <header className="checks-header">
        <FoldChecksButton />
        <h2 id="checks-title" ref={heading} tabIndex={-1}>
          {t('checks.title')}
        </h2>
        <p className="checks-summary">
          <span className={errors > 0 ? 'count-error' : ''}>{t('count.errors', { n: errors })}</span>
          <span className="dot">·</span>
          <span className={warnings > 0 ? 'count-warning' : ''}>{t('count.warnings', { n: warnings })}</span>
        </p>
        {date && <p className="checks-date">{t('checks.date', { date })}</p>}
      </header>
      <div className="checks-body">
        {findings.length === 0 && (
          <div className="checks-clear">
            <Icon name="check" />
            <div>
              <strong>{t('checks.clear')}</strong>
              <p>{t('checks.clear.body')}</p>
            </div>
          </div>
        )}
        {groups.map((group) => (
          <section key={group.severity} className={`check-group group-${group.severity}`} data-severity={group.severity}>
            <h3 className="group-title">
              {t(`severity.${group.severity}`)}
              <span className="group-count">
                {group.severity === 'error' ? group.findings.length + missing.length : group.findings.length}
              </span>
            </h3>
            {group.severity === 'error' && missing.length > 0 && (
              <div className="missing-group">
                <button type="button" className="missing-toggle" aria-expanded={showMissing} onClick={() => setShowMissing(!showMissing)}>
                  <span>{t('checks.missingCollapsed', { n: missing.length })}</span>
                  <span className="toggle-label">{showMissing ? t('checks.hideAll') : t('checks.showAll')}</span>
                </button>
                {showMissing && (
                  <ul className="finding-list compact">
                    {missing.map((f, i) => (
                      <FindingItem key={`${f.rule}-${f.field}-${i}`} finding={f} />
                    ))}
                  </ul>
                )}
              </div>
            )}
            <ul className="finding-list">
              {group.findings.map((f, i) => (
                <FindingItem key={`${f.rule}-${f.field}-${i}`} finding={f} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  )
}
