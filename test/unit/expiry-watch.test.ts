/** Expiry watch (issue 17 section 3): dated items across cases, windows, fix texts, and the .ics and CSV files. */
import { describe, expect, it } from 'vitest'
import { CSV_BOM, escapeText, foldLine, toCsv, toIcs } from '../../shared/expiry/calendar'
import { countByWindow, expiringItems, windowOf } from '../../shared/expiry/expiring'
import { parseCase, type Case } from '../../shared/model/case'
import { defaultCatalogue } from '../../shared/rules/catalogue'
import { sampleCase } from '../support/sample-case'

const TODAY = '2026-12-07'

function filedCase(edit: (c: ReturnType<typeof sampleCase>) => void = () => undefined, status = 'filed'): Case {
  const raw = sampleCase()
  edit(raw)
  const parsed = parseCase({ ...raw, filing: { history: [{ status, date: '2026-11-01', filingNumber: '粤ICP备2026012345号' }] } })
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return parsed.case
}

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8')

describe('expiry watch', () => {
  it("lists each person, the licence, each pre-approval and each domain, soonest first, with the rules' fix texts", () => {
    const c = filedCase((raw) => {
      raw.principal.idValidTo = '2026-12-01' // past
      raw.sponsor.certificateValidTo = '2027-02-01' // 56 days
      const site = raw.websites[0]
      if (!site) throw new Error('site')
      site.domainCertificate.expiresOn = '2026-12-20' // 13 days
      site.preApprovals = [{ category: '药品和医疗器械', certificateNumber: '(粤)-经营性-2024-0001', validTo: '2027-05-01' }]
      site.manager.idValidTo = '2030-01-01' // beyond 180
    })
    const items = expiringItems([{ id: 'case-a', case: c }], { today: TODAY, within: 180 })
    expect(items.map((i) => [i.kind, i.days, i.window])).toEqual([
      ['principal-id', -6, 'past'],
      ['domain', 13, '30'],
      ['licence', 56, '90'],
      ['pre-approval', 145, '180'],
    ])
    const rules = new Map(defaultCatalogue().rules.map((r) => [r.code, r]))
    for (const item of items) expect(item.fix).toBe(rules.get(item.rule)?.messages.default.fix)
    expect(items[0]?.rule).toBe('id-expired')
    expect(items[1]?.rule).toBe('domain-expires-soon')
    expect(items[0]?.subject).toBe('主体负责人证件 陈思远')
    expect(countByWindow(items)).toMatchObject({ past: 1, '30': 1, '90': 1, '180': 1 })
    expect(expiringItems([{ id: 'case-a', case: c }], { today: TODAY, within: 30 }).map((i) => i.kind)).toEqual(['principal-id', 'domain'])
  })

  it('watches submitted and filed cases only unless --all; skips 长期 and dates that are not dates; names a shared person once', () => {
    const edit = (raw: ReturnType<typeof sampleCase>) => {
      raw.sponsor.certificateValidTo = 'long-term'
      raw.principal.idValidTo = '2027-01-01'
      const site = raw.websites[0]
      if (!site) throw new Error('site')
      site.manager = { ...raw.principal } // the principal also manages the site
      site.domainCertificate.expiresOn = '2027年1月'
    }
    const preparing = filedCase(edit, 'exported')
    expect(expiringItems([{ id: 'p', case: preparing }], { today: TODAY })).toEqual([])
    const all = expiringItems([{ id: 'p', case: preparing }], { today: TODAY, all: true })
    expect(all.map((i) => i.kind)).toEqual(['principal-id'])
    expect(expiringItems([{ id: 'f', case: filedCase(edit, 'submitted') }], { today: TODAY })).toHaveLength(1)
  })

  it('puts a day in its window: past, 30, 90, 180, later', () => {
    expect([-1, 0, 30, 31, 90, 91, 180, 181].map(windowOf)).toEqual(['past', '30', '30', '90', '90', '180', '180', 'later'])
  })

  it('writes RFC 5545: CRLF lines of at most 75 octets, folded between characters, escaped text, one alarm per event', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne')
    const long = `SUMMARY:${'深圳市云帆网络科技有限公司'.repeat(4)}`
    const folded = foldLine(long)
    for (const line of folded.split('\r\n')) expect(utf8Length(line)).toBeLessThanOrEqual(75)
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((l) => l.startsWith(' ')),
    ).toBe(true)
    expect(folded.replace(/\r\n /g, '')).toBe(long)

    const c = filedCase((raw) => {
      raw.principal.idValidTo = '2026-12-01'
      const site = raw.websites[0]
      if (site) site.domainCertificate.expiresOn = '2027-01-20'
    })
    const items = expiringItems([{ id: 'case-a', case: c }], { today: TODAY })
    const ics = toIcs(items, new Date('2026-12-07T08:00:00Z'))
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/)
    for (const line of ics.split('\r\n')) expect(utf8Length(line)).toBeLessThanOrEqual(75)
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2)
    expect(ics.match(/TRIGGER;RELATED=START:-P30D/g)).toHaveLength(2)
    const unfolded = ics.replace(/\r\n /g, '')
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202')
    expect(unfolded).toContain('SUMMARY:深圳市云帆网络科技有限公司：主体负责人证件 陈思远 到期')
    expect(unfolded).toContain('DTSTAMP:20261207T080000Z')
    // Stable UIDs: the same list gives the same events.
    const uids = (text: string) => text.match(/^UID:.*$/gm)
    expect(uids(toIcs(items, new Date()))).toEqual(uids(ics))
  })

  it('writes CSV for Excel: BOM, CRLF, quotes where needed, no formula cells', () => {
    const c = filedCase((raw) => {
      raw.sponsor.name = '=HYPERLINK("x"),公司'
      raw.principal.idValidTo = '2026-12-01'
    })
    const csv = toCsv(expiringItems([{ id: 'case-a', case: c }], { today: TODAY }))
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe(
      '到期日期 Date,剩余天数 Days left,主办单位 Sponsor,项目 Item,备案状态 Filing status,处理办法 What to do,案件文件夹 Case folder',
    )
    expect(lines[1]).toMatch(/^2026-12-01,-6,"'=HYPERLINK\(""x""\),公司",主体负责人证件 陈思远,已备案,/)
    expect(lines[2]).toBe('')
  })
})
