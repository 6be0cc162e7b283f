/**
 * Filing status after export (issue 17 section 2): the current status of a case, which statuses may
 * follow it, and a status change checked before it is written — a real date, a provider for 已提交,
 * a reason for a rejection, a well-formed 备案号 for 已备案. Pure: the workspace service and the CLI
 * both apply `applyStatusChange` to the freshest case.
 */
import { z } from 'zod'
import rejectionData from '../data/rejection-reasons.json' with { type: 'json' }
import statusData from '../data/filing-status.json' with { type: 'json' }
import { isIsoDate, type IsoDate } from '../dates/iso-date'
import type { Case } from '../model/case'
import { currentExport } from '../model/export-record'
import { FILING_HISTORY_LIMIT, FILING_STATUSES, type FilingEvent, type FilingStatus } from '../model/filing'
import { toHalfWidth } from '../text/normalise'

const Status = z.enum(FILING_STATUSES)
const StatusData = z.object({
  source: z.string().min(10),
  updated: z.string(),
  statuses: z
    .array(z.object({ status: Status, label: z.string(), labelEn: z.string(), next: z.array(Status) }))
    .length(FILING_STATUSES.length),
  exportMovesFrom: z.array(Status),
  filingNumber: z.object({
    source: z.string().min(10),
    digits: z.object({ min: z.number().int(), max: z.number().int() }),
    shortNames: z.record(z.string(), z.string().length(1)),
  }),
})
const RejectionData = z.object({
  source: z.string().min(10),
  updated: z.string(),
  reasons: z.array(
    z.object({ code: z.string().regex(/^[a-z0-9-]+$/), label: z.string(), labelEn: z.string(), rule: z.string().optional() }),
  ),
})

const statuses = StatusData.parse(statusData)
const rejections = RejectionData.parse(rejectionData)

export type StatusDefinition = z.infer<typeof StatusData>['statuses'][number]
export type RejectionReason = z.infer<typeof RejectionData>['reasons'][number]

/** The statuses with their labels and allowed next statuses (filing-status.json). */
export function statusDefinitions(): readonly StatusDefinition[] {
  return statuses.statuses
}

export function statusDefinition(status: FilingStatus): StatusDefinition {
  return statuses.statuses.find((s) => s.status === status) as StatusDefinition
}

/** The provider's rejection catalogue (rejection-reasons.json), each with the rule that catches it. */
export function rejectionReasons(): readonly RejectionReason[] {
  return rejections.reasons
}

export function rejectionReason(code: string | undefined): RejectionReason | undefined {
  return code === undefined ? undefined : rejections.reasons.find((r) => r.code === code)
}

/** Where a case stands: its newest status event, or what its exports say for a case without one. */
export interface CurrentFiling {
  readonly status: FilingStatus
  /** The day of the newest event (or of the export), null for a case never exported. */
  readonly date: IsoDate | null
  readonly event: FilingEvent | null
  /** The 备案号 of the newest 已备案 event still in force (not cancelled since). */
  readonly filingNumber: string | null
  readonly siteNumbers: readonly string[]
}

/**
 * The current status. A case written before status histories existed has none: it is 已导出 when
 * its newest export is ready and current (the list's old rule), else 准备中.
 */
export function currentFiling(c: Pick<Case, 'filing' | 'exports' | 'updatedAt'>): CurrentFiling {
  const history = c.filing?.history ?? []
  const event = history[history.length - 1] ?? null
  let filingNumber: string | null = null
  let siteNumbers: readonly string[] = []
  for (const e of history) {
    if (e.status === 'filed' && e.filingNumber) {
      filingNumber = e.filingNumber
      siteNumbers = e.siteNumbers ?? []
    }
    if (e.status === 'cancelled') {
      filingNumber = null
      siteNumbers = []
    }
  }
  if (event) return { status: event.status, date: event.date, event, filingNumber, siteNumbers }
  const exported = currentExport(c.exports, c.updatedAt)
  if (exported) return { status: 'exported', date: exported.at.slice(0, 10), event: null, filingNumber, siteNumbers }
  return { status: 'preparing', date: null, event: null, filingNumber, siteNumbers }
}

/** What a person asks for: the new status and what that stage records. */
export interface StatusChange {
  readonly status: FilingStatus
  readonly date: string
  readonly provider?: string | undefined
  readonly orderNumber?: string | undefined
  readonly reason?: string | undefined
  readonly reasonCode?: string | undefined
  readonly filingNumber?: string | undefined
  readonly note?: string | undefined
}

/** A refused change, in both languages. */
export interface StatusProblem {
  readonly field: 'status' | 'date' | 'provider' | 'reason' | 'filingNumber' | 'history'
  readonly message: string
  readonly messageEn: string
}

/** A 备案号 taken apart: the province short name, the number, the site suffix if any. */
export interface FilingNumber {
  readonly shortName: string
  readonly digits: string
  readonly site: number | null
  /** 主体备案号: 粤ICP备2026012345号. */
  readonly main: string
}

/** Reads a 备案号 (full-width characters and spaces folded), or null when it is not one. */
export function parseFilingNumber(value: string): FilingNumber | null {
  const text = toHalfWidth(value).replace(/\s+/g, '').replace(/icp/i, 'ICP')
  const { min, max } = statuses.filingNumber.digits
  const m = new RegExp(`^(.)ICP备(\\d{${min},${max}})号(?:-(\\d{1,3}))?$`).exec(text)
  if (!m) return null
  const shortName = m[1] as string
  if (!Object.values(statuses.filingNumber.shortNames).includes(shortName)) return null
  const site = m[3] === undefined ? null : Number(m[3])
  if (site === 0) return null
  return { shortName, digits: m[2] as string, site, main: `${shortName}ICP备${m[2] as string}号` }
}

/** The one-character short name of a province (广东 → 粤), or null when the province is unknown. */
export function provinceShortName(province: string | null | undefined): string | null {
  const p = (province ?? '').trim().replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/, '')
  const names = statuses.filingNumber.shortNames
  return names[p] ?? Object.entries(names).find(([name]) => p.startsWith(name))?.[1] ?? null
}

/**
 * Checks a change against the current status and the case, and returns the event to append, or
 * what is wrong. 已备案 stores the 主体备案号 and one 网站备案号 per website (…号-1, -2 … in the
 * order of the websites, the suffix the filing system gives them).
 */
export function checkStatusChange(
  c: Pick<Case, 'filing' | 'exports' | 'updatedAt' | 'province' | 'websites'>,
  change: StatusChange,
  options: { readonly now: Date; readonly providers: readonly string[] },
): { ok: true; event: FilingEvent } | { ok: false; problems: StatusProblem[] } {
  const problems: StatusProblem[] = []
  const current = currentFiling(c)
  const allowed = statusDefinition(current.status).next
  if (change.status !== current.status && !allowed.includes(change.status)) {
    const label = (s: FilingStatus) => statusDefinition(s).label
    const labelEn = (s: FilingStatus) => statusDefinition(s).labelEn
    problems.push({
      field: 'status',
      message: `「${label(current.status)}」之后只能改为：${allowed.map(label).join('、')}`,
      messageEn: `After "${labelEn(current.status)}" the status can only become: ${allowed.map(labelEn).join(', ')}`,
    })
  }
  if (!isIsoDate(change.date))
    problems.push({ field: 'date', message: '日期应为真实日期 YYYY-MM-DD', messageEn: 'The date must be a real YYYY-MM-DD date' })
  else if (current.date !== null && change.date < current.date)
    problems.push({
      field: 'date',
      message: `日期早于上一个状态的日期 ${current.date}`,
      messageEn: `The date is before the previous status's date ${current.date}`,
    })
  const event: FilingEvent = { status: change.status, date: change.date, at: options.now.toISOString() }
  const clean = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim())
  if (change.status === 'submitted') {
    const provider = clean(change.provider)
    if (!provider || !options.providers.includes(provider))
      problems.push({
        field: 'provider',
        message: `已提交需要接入商：${options.providers.join('、')}`,
        messageEn: `Submitted needs the provider: ${options.providers.join(', ')}`,
      })
    else event.provider = provider
    const order = clean(change.orderNumber)
    if (order) event.orderNumber = order
  }
  if (change.status === 'rejected-provider' || change.status === 'rejected-bureau') {
    const code = clean(change.reasonCode)
    const reason = clean(change.reason)
    if (code !== undefined && !rejectionReason(code))
      problems.push({
        field: 'reason',
        message: `驳回原因目录中没有：${code}`,
        messageEn: `No such reason in the rejection catalogue: ${code}`,
      })
    if (code === undefined && reason === undefined)
      problems.push({
        field: 'reason',
        message: '驳回需要原因（输入或从目录中选择）',
        messageEn: 'A rejection needs its reason (typed or from the catalogue)',
      })
    if (code) event.reasonCode = code
    if (reason) event.reason = reason
  }
  if (change.status === 'filed') {
    const parsed = parseFilingNumber(change.filingNumber ?? '')
    const expected = provinceShortName(c.province)
    if (!parsed)
      problems.push({
        field: 'filingNumber',
        message: '备案号格式应如 粤ICP备2026012345号（网站备案号加 -1）',
        messageEn: 'The filing number must look like 粤ICP备2026012345号 (a website adds -1)',
      })
    else if (expected !== null && parsed.shortName !== expected)
      problems.push({
        field: 'filingNumber',
        message: `备案号以「${parsed.shortName}」开头，但备案省份是${c.province ?? ''}（应为「${expected}」）`,
        messageEn: `The filing number starts with ${parsed.shortName}, but the province is ${c.province ?? ''} (expected ${expected})`,
      })
    else if (parsed.site !== null && parsed.site > Math.max(1, c.websites.length))
      problems.push({
        field: 'filingNumber',
        message: `网站备案号后缀 -${parsed.site} 超过本案件的网站数 ${c.websites.length}`,
        messageEn: `The website suffix -${parsed.site} is beyond the case's ${c.websites.length} websites`,
      })
    else {
      event.filingNumber = parsed.main
      event.siteNumbers = c.websites.map((_, i) => `${parsed.main}-${i + 1}`)
    }
  }
  const note = clean(change.note)
  if (note) event.note = note
  if ((c.filing?.history.length ?? 0) >= FILING_HISTORY_LIMIT)
    problems.push({
      field: 'history',
      message: `状态记录已达上限 ${FILING_HISTORY_LIMIT} 条`,
      messageEn: `The status history is full (${FILING_HISTORY_LIMIT})`,
    })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, event }
}

/** The case with the event appended (the caller checked it with checkStatusChange). */
export function withFilingEvent(c: Case, event: FilingEvent): Case {
  return { ...c, filing: { ...(c.filing ?? {}), history: [...(c.filing?.history ?? []), event] } }
}

/**
 * What an export does to the status: 已导出, recorded automatically, when the case was being
 * prepared or had been rejected (or has no history yet); never a step back for a case already
 * submitted, filed or being changed.
 */
export function afterExport(c: Case, today: IsoDate, now: Date): Case {
  const current = currentFiling(c)
  if (current.event !== null && !statuses.exportMovesFrom.includes(current.status)) return c
  if ((c.filing?.history.length ?? 0) >= FILING_HISTORY_LIMIT) return c
  const date = current.event !== null && current.date !== null && current.date > today ? current.date : today
  return withFilingEvent(c, { status: 'exported', date, at: now.toISOString(), auto: true })
}

/**
 * A case is open (its filing may be in flight) until it is 已备案 or 注销: a case being prepared,
 * exported, submitted, rejected or changed is the sponsor's one order; a filed one beside a new
 * case (a website added) is normal.
 */
export function isOpenCase(c: Pick<Case, 'filing' | 'exports' | 'updatedAt'>): boolean {
  const status = currentFiling(c).status
  return status !== 'filed' && status !== 'cancelled'
}
