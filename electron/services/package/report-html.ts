/**
 * 报告.html: what the person uploading reads to know the package is ready — or exactly what is not.
 * One self-contained file (inline CSS, thumbnails as data: URIs, a CSP that forbids loading anything)
 * so it opens the same in any browser, offline, years later. Chinese first, English beside it.
 */
import type { PackageData } from '../../../shared/package/package-data'
import { label, type FieldRow, type ReportModel, type Text2 } from '../../../shared/package/report-model'
import type { Finding } from '../../../shared/rules/engine'
import { REPORT_CSS } from './report-css'

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string)
}

const e = escapeHtml

/** Chinese, then the English in a quieter style (omitted when identical). */
function both(t: Text2, tag = 'span'): string {
  const en = t.en !== t.zh ? ` <${tag} class="en">${e(t.en)}</${tag}>` : ''
  return `${e(t.zh)}${en}`
}

function severityLabel(data: PackageData, severity: Finding['severity']): Text2 {
  return label(data, severity === 'error' ? 'severityError' : severity === 'warning' ? 'severityWarning' : 'severityInfo')
}

function banner(model: ReportModel, data: PackageData): string {
  const state = model.ready ? 'ready' : 'not-ready'
  const title = model.ready ? label(data, 'ready') : label(data, 'notReady', { errors: model.counts.error })
  const hint = model.ready ? label(data, 'readyHint') : model.forced ? label(data, 'forced') : null
  const kicker = label(data, 'title')
  return `<p class="kicker">${e(kicker.zh)} · ${e(kicker.en)}</p>
<header class="banner ${state}">
  <div class="mark" aria-hidden="true">${model.ready ? '✓' : '✗'}</div>
  <div><h1>${e(title.zh)}</h1><p class="banner-en">${e(title.en)}</p>${hint ? `<p class="hint">${both(hint)}</p>` : ''}</div>
</header>`
}

function summary(model: ReportModel, data: PackageData): string {
  const rows = model.summary.map((s) => `<div><dt>${both(s.label)}</dt><dd>${both(s.value)}</dd></div>`).join('')
  const chip = (severity: Finding['severity']): string => {
    const t = severityLabel(data, severity)
    return `<span class="chip ${severity}">${e(t.zh)} ${model.counts[severity]} <span class="en">${e(t.en)}</span></span>`
  }
  return `<section class="summary"><dl>${rows}</dl><p class="chips">${chip('error')}${chip('warning')}${chip('info')}</p></section>`
}

function heading(n: number, id: string, t: Text2): string {
  return `<h2 id="${id}"><span class="num">${n}</span>${e(t.zh)} <span class="en">${e(t.en)}</span></h2>`
}

function filesSection(model: ReportModel, data: PackageData): string {
  if (model.files.length === 0)
    return `${heading(1, 'files', label(data, 'sectionFiles'))}<p class="empty">${both(label(data, 'noFiles'))}</p>`
  const place = label(data, 'columnPlace')
  const cards = model.files
    .map((f) => {
      const href = encodeURIComponent(f.name)
      const thumb = f.thumbnail
        ? `<a class="thumb" href="${href}"><img src="${f.thumbnail}" alt="${e(f.name)}"></a>`
        : `<a class="thumb pdf" href="${href}">PDF</a>`
      const notes = f.notes.map((n) => `<li>${both(n)}</li>`).join('')
      return `<li class="card">${thumb}<div class="meta">
  <div class="file-name">${e(f.name)}</div>
  <div class="place"><span class="label">${e(place.zh)} <span class="en">${e(place.en)}</span></span> ${e(f.place.zh)} <span class="en">${e(f.place.en)}</span></div>
  <div class="details">${e(f.details)}</div>
  <ul class="notes">${notes}</ul>
  <div class="hash" title="SHA-256">SHA-256 ${e(f.sha256.slice(0, 16))}…</div>
</div></li>`
    })
    .join('\n')
  return `${heading(1, 'files', label(data, 'sectionFiles'))}<ol class="files">${cards}</ol>`
}

function findingsSection(model: ReportModel, data: PackageData): string {
  const title = heading(2, 'findings', label(data, 'sectionFindings'))
  if (model.findings.length === 0) return `${title}<p class="all-clear">✓ ${both(label(data, 'noFindings'))}</p>`
  const fix = label(data, 'fixLabel')
  const source = label(data, 'sourceLabel')
  const items = model.findings
    .map((f) => {
      const sev = severityLabel(data, f.severity)
      // In words, not ids: the rule id and the field path are for tools, in manifest.json.
      const where = f.place ? `<span class="where">${e(f.place.zh)} <span class="en">${e(f.place.en)}</span></span>` : ''
      return `<li class="finding ${f.severity}">
  <div class="finding-head"><span class="badge ${f.severity}">${e(sev.zh)} ${e(sev.en)}</span>${where}</div>
  <p class="message">${e(f.message)}</p><p class="en">${e(f.messageEn)}</p>
  <p class="fix"><strong>${e(fix.zh)}</strong> ${e(f.fix)}<br><span class="en">${e(fix.en)}: ${e(f.fixEn)}</span></p>
  <p class="source">${e(source.zh)} ${e(source.en)}: ${e(f.source)}</p>
</li>`
    })
    .join('\n')
  return `${title}<ol class="findings">${items}</ol>`
}

function humanSection(model: ReportModel, data: PackageData): string {
  const items = model.humanChecks
    .map((h) => `<li><span class="box" aria-hidden="true">☐</span><div>${e(h.zh)}<br><span class="en">${e(h.en)}</span></div></li>`)
    .join('')
  const human = `${heading(3, 'human', label(data, 'sectionHuman'))}<p class="hint">${both(label(data, 'humanHint'))}</p><ul class="checks">${items}</ul>`
  if (model.reminders.length === 0) return human
  const source = label(data, 'sourceLabel')
  const sev = severityLabel(data, 'info')
  const reminders = model.reminders
    .map(
      (r) => `<li class="finding info">
  <div class="finding-head"><span class="badge info">${e(sev.zh)} ${e(sev.en)}</span></div>
  <p class="message">${e(r.text.zh)}</p><p class="en">${e(r.text.en)}</p>
  <p class="source">${e(source.zh)} ${e(source.en)}: ${e(r.source)}</p>
</li>`,
    )
    .join('\n')
  const title = label(data, 'sectionReminders')
  return `${human}<h3 id="reminders">${e(title.zh)} <span class="en">${e(title.en)}</span></h3><p class="hint">${both(label(data, 'remindersHint'))}</p><ol class="findings reminders">${reminders}</ol>`
}

function scanCell(row: FieldRow, data: PackageData): string {
  const s = row.scan
  if (!s) return `<td class="scan no-scan">${e(label(data, 'scanNone').zh)}</td>`
  const verdicts = [label(data, s.matches ? 'scanMatches' : 'scanDiffers')]
  if (s.uncertain) verdicts.push(label(data, 'scanUncertain'))
  if (s.stale) verdicts.push(label(data, 'scanStale'))
  const state = !s.matches ? 'differs' : s.stale || s.uncertain ? 'uncertain' : 'match'
  const said = verdicts.map((v) => `${e(v.zh)} <span class="en">${e(v.en)}</span>`).join(' · ')
  const mark = s.matches ? '✓' : '✗'
  return `<td class="scan ${state}"><div>${mark} ${e(s.value)}</div><div class="conf">${Math.round(s.confidence * 100)}% · ${said} · <span class="src">${e(s.file)}</span></div></td>`
}

function fieldsSection(model: ReportModel, data: PackageData): string {
  const head = `<thead><tr><th>${both(label(data, 'columnField'))}</th><th>${both(label(data, 'columnValue'))}</th><th>${both(label(data, 'columnScan'))}</th></tr></thead>`
  const empty = label(data, 'empty')
  const tables = model.sections
    .map((s) => {
      const rows = s.rows
        .map((r) => {
          const value = r.value === null ? `<span class="missing">${both(empty)}</span>` : e(r.value)
          const flag = r.severity ? ` class="flag-${r.severity}"` : ''
          return `<tr${flag}><th scope="row">${e(r.label.zh)}<span class="en">${e(r.label.en)}</span></th><td class="value">${value}</td>${scanCell(r, data)}</tr>`
        })
        .join('')
      return `<h3>${both(s.title)}</h3><table class="fields">${head}<tbody>${rows}</tbody></table>`
    })
    .join('\n')
  return `${heading(4, 'fields', label(data, 'sectionFields'))}<p class="hint">${both(label(data, 'fieldsHint'))}</p>${tables}`
}

/** The complete report page. Deterministic: the same model gives the same bytes. */
export function renderReportHtml(model: ReportModel, data: PackageData): string {
  const title = label(data, 'title')
  const sponsor = model.summary[0]?.value.zh ?? ''
  const footer = label(data, 'footer', { version: model.toolVersion })
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title.zh)} — ${e(sponsor)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${banner(model, data)}
${summary(model, data)}
${filesSection(model, data)}
${findingsSection(model, data)}
${humanSection(model, data)}
${fieldsSection(model, data)}
<footer>${both(footer, 'div')}</footer>
</main>
</body>
</html>
`
}
