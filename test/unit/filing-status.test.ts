/** Filing status history (issue 17 section 2): old cases, transitions, what each stage needs, 备案号, the export's step. */
import { describe, expect, it } from 'vitest'
import {
  afterExport,
  checkStatusChange,
  currentFiling,
  parseFilingNumber,
  provinceShortName,
  rejectionReasons,
  statusDefinitions,
  withFilingEvent,
} from '../../shared/filing/status'
import { parseCase, type Case } from '../../shared/model/case'
import { FILING_STATUSES } from '../../shared/model/filing'
import { translate } from '../../shared/i18n/messages'
import { defaultCatalogue } from '../../shared/rules/catalogue'
import { sampleCase } from '../support/sample-case'

const NOW = new Date('2026-12-07T08:00:00.000Z')
const PROVIDERS = ['huawei', 'tencent', 'aliyun', 'generic']

function caseOf(extra: Record<string, unknown> = {}): Case {
  const parsed = parseCase({ ...sampleCase(), ...extra })
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return parsed.case
}

function step(c: Case, change: Parameters<typeof checkStatusChange>[1]): Case {
  const r = checkStatusChange(c, change, { now: NOW, providers: PROVIDERS })
  if (!r.ok) throw new Error(r.problems.map((p) => p.messageEn).join('; '))
  return withFilingEvent(c, r.event)
}

describe('filing status', () => {
  it('loads a case.json written before status histories, its status derived from its exports', () => {
    const plain = caseOf()
    expect(plain.filing).toBeUndefined()
    expect(currentFiling(plain)).toMatchObject({ status: 'preparing', date: null, filingNumber: null })
    const exported = caseOf({
      updatedAt: '2026-11-20T02:00:00.000Z',
      exports: [{ at: '2026-11-21T03:00:00.000Z', file: '/tmp/a.zip', provider: 'tencent', ready: true }],
    })
    expect(currentFiling(exported)).toMatchObject({ status: 'exported', date: '2026-11-21' })
    // Unknown keys inside an event survive a round trip (a newer tool's field).
    const newer = caseOf({ filing: { history: [{ status: 'submitted', date: '2026-12-01', provider: 'aliyun', extra: 1 }] } })
    expect(newer.filing?.history[0]).toMatchObject({ extra: 1 })
    expect(parseCase({ ...sampleCase(), filing: { history: [{ status: 'approved', date: '2026-12-01' }] } }).ok).toBe(false)
  })

  it('walks 准备中 → 已提交 → 管局退回 → 已提交 → 已备案 → 变更中, refusing what does not follow', () => {
    let c = caseOf()
    const refused = checkStatusChange(
      c,
      { status: 'filed', date: '2026-12-02', filingNumber: '粤ICP备2026012345号' },
      { now: NOW, providers: PROVIDERS },
    )
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.problems[0]?.message).toContain('之后只能改为')
    const noProvider = checkStatusChange(c, { status: 'submitted', date: '2026-12-02' }, { now: NOW, providers: PROVIDERS })
    expect(noProvider.ok ? [] : noProvider.problems.map((p) => p.field)).toEqual(['provider'])
    c = step(c, { status: 'submitted', date: '2026-12-02', provider: 'tencent', orderNumber: ' 2026120299 ' })
    expect(c.filing?.history[0]).toMatchObject({ status: 'submitted', provider: 'tencent', orderNumber: '2026120299' })
    const noReason = checkStatusChange(c, { status: 'rejected-bureau', date: '2026-12-05' }, { now: NOW, providers: PROVIDERS })
    expect(noReason.ok).toBe(false)
    const badCode = checkStatusChange(
      c,
      { status: 'rejected-bureau', date: '2026-12-05', reasonCode: 'nope' },
      { now: NOW, providers: PROVIDERS },
    )
    expect(badCode.ok).toBe(false)
    const early = checkStatusChange(c, { status: 'rejected-bureau', date: '2026-12-01', reason: 'x' }, { now: NOW, providers: PROVIDERS })
    expect(early.ok ? [] : early.problems.map((p) => p.field)).toEqual(['date'])
    c = step(c, { status: 'rejected-bureau', date: '2026-12-05', reasonCode: 'manager-id-expired' })
    c = step(c, { status: 'submitted', date: '2026-12-06', provider: 'tencent' })
    c = step(c, { status: 'filed', date: '2026-12-20', filingNumber: '粤ICP备2026012345号-1' })
    expect(currentFiling(c)).toMatchObject({ status: 'filed', filingNumber: '粤ICP备2026012345号', siteNumbers: ['粤ICP备2026012345号-1'] })
    c = step(c, { status: 'changing', date: '2027-01-10', note: '更换网站负责人' })
    expect(currentFiling(c)).toMatchObject({ status: 'changing', filingNumber: '粤ICP备2026012345号' })
    c = step(c, { status: 'cancelled', date: '2027-02-01' })
    expect(currentFiling(c).filingNumber).toBeNull()
    expect(parseCase(c).ok).toBe(true)
  })

  it('reads 备案号 in the MIIT format, full-width or spaced, with the province and the site suffix checked', () => {
    expect(parseFilingNumber('粤ICP备2026012345号')).toMatchObject({ shortName: '粤', digits: '2026012345', site: null })
    expect(parseFilingNumber('粤ＩＣＰ备 2026012345 号－2'.replace('－', '-'))).toMatchObject({ site: 2, main: '粤ICP备2026012345号' })
    expect(parseFilingNumber('蜀ICP备12345678号')?.shortName).toBe('蜀')
    for (const bad of ['粤ICP备2026号', '粤ICP证2026012345号', '粤ICP备2026012345', 'XICP备2026012345号', '粤ICP备2026012345号-0'])
      expect(parseFilingNumber(bad), bad).toBeNull()
    expect(provinceShortName('广东省')).toBe('粤')
    expect(provinceShortName('四川')).toBe('蜀')
    expect(provinceShortName('新疆维吾尔自治区')).toBe('新')
    const submitted = step(caseOf(), { status: 'submitted', date: '2026-12-02', provider: 'aliyun' })
    const tooFar = checkStatusChange(
      submitted,
      { status: 'filed', date: '2026-12-20', filingNumber: '粤ICP备2026012345号-3' },
      { now: NOW, providers: PROVIDERS },
    )
    expect(tooFar.ok ? '' : tooFar.problems[0]?.messageEn).toMatch(/suffix -3/)
    const wrongProvince = checkStatusChange(
      submitted,
      { status: 'filed', date: '2026-12-20', filingNumber: '沪ICP备2026012345号' },
      { now: NOW, providers: PROVIDERS },
    )
    expect(wrongProvince.ok ? '' : wrongProvince.problems[0]?.message).toContain('应为「粤」')
  })

  it('records 已导出 on export before submission and after a rejection, never after submission', () => {
    const fresh = afterExport(caseOf(), '2026-12-03', NOW)
    expect(fresh.filing?.history).toEqual([{ status: 'exported', date: '2026-12-03', at: NOW.toISOString(), auto: true }])
    const submitted = step(caseOf(), { status: 'submitted', date: '2026-12-02', provider: 'huawei' })
    expect(afterExport(submitted, '2026-12-04', NOW)).toBe(submitted)
    const rejected = step(submitted, { status: 'rejected-provider', date: '2026-12-03', reason: '幕布照不清晰' })
    expect(currentFiling(afterExport(rejected, '2026-12-04', NOW)).status).toBe('exported')
  })

  it('keeps its data consistent: every status listed once, next statuses known, catalogue reasons linked to real rules', () => {
    expect(statusDefinitions().map((s) => s.status)).toEqual([...FILING_STATUSES])
    for (const s of statusDefinitions()) {
      expect(translate('zh-CN', `filing.${s.status}`)).toBe(s.label)
      expect(translate('en', `filing.${s.status}`)).toBe(s.labelEn)
    }
    const rules = new Set(defaultCatalogue().rules.map((r) => r.code))
    const linked = rejectionReasons().filter((r) => r.rule !== undefined)
    expect(linked.length).toBeGreaterThan(10)
    for (const r of linked) expect(rules.has(r.rule as string), r.code).toBe(true)
    expect(new Set(rejectionReasons().map((r) => r.code)).size).toBe(rejectionReasons().length)
  })
})
