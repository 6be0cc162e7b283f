import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { emptyCase, formatPath, parseCase } from '../../shared/model/case'
import { isSafeRelativePath } from '../../shared/model/paths'
import { sampleCase } from '../support/sample-case'

describe('case model', () => {
  it('parses the contract example shape and keeps unknown keys', () => {
    const data = { ...sampleCase(), extraTool: { note: 'kept' } }
    const r = parseCase(data)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect((r.case as Record<string, unknown>).extraTool).toEqual({ note: 'kept' })
    expect(r.case.websites[0]?.domainCertificate.owner).toBe('深圳市云帆网络科技有限公司')
    expect(JSON.parse(JSON.stringify(r.case)).sponsor.certificateValidTo).toBe('long-term')
  })

  it('accepts an incomplete case: judging is the rules’ job', () => {
    const r = parseCase({ schemaVersion: 1, sponsor: { name: '某公司' } })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.case.principal.name).toBeNull()
    expect(r.case.websites).toEqual([])
    expect(parseCase({}).ok).toBe(true)
    expect(emptyCase().schemaVersion).toBe(1)
  })

  it('loads a case written before 网站服务内容, 网站语言 and 网站备注 with empty ones, and keeps them once set (issue 14.15)', () => {
    const old = parseCase(JSON.parse(readFileSync('resources/sample-case/case.json', 'utf8')))
    expect(old.ok).toBe(true)
    if (!old.ok) return
    expect(old.case.websites[0]).toMatchObject({ serviceCategories: [], languages: [] })
    expect(old.case.websites[0]?.remark ?? null).toBeNull()
    const data = sampleCase()
    Object.assign(data.websites[0] as object, { serviceCategories: ['单位门户网站'], languages: ['中文简体', '英语'], remark: '企业官网' })
    const first = parseCase(data)
    const again = parseCase(JSON.parse(JSON.stringify(first.ok ? first.case : null)))
    expect(again.ok && again.case.websites[0]).toMatchObject({
      serviceCategories: ['单位门户网站'],
      languages: ['中文简体', '英语'],
      remark: '企业官网',
    })
    // A list of the wrong shape is refused with its path, like every other field.
    const bad = parseCase({ websites: [{ languages: '中文简体' }] })
    expect(bad.ok ? [] : bad.problems.join(' ')).toContain('websites[0].languages')
  })

  it('turns numbers typed into text fields into text', () => {
    const r = parseCase({ principal: { mobile: 13800138000 } })
    expect(r.ok && r.case.principal.mobile).toBe('13800138000')
  })

  it('refuses a case from a newer version with a clear reason', () => {
    const r = parseCase({ schemaVersion: 2 })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems[0]).toMatch(/schemaVersion: .*newer version/)
  })

  it('names the path of a wrong shape', () => {
    const r = parseCase({ websites: [{ manager: 'nobody' }] })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems[0]).toMatch(/^websites\[0\]\.manager:/)
    expect(parseCase({ documents: [{ role: 'x' }] }).ok).toBe(false)
    expect(parseCase([]).ok).toBe(false)
    expect(parseCase('case').ok).toBe(false)
  })

  it('bounds absurdly long strings', () => {
    expect(parseCase({ sponsor: { name: 'x'.repeat(20_000) } }).ok).toBe(false)
  })

  it('formats zod paths', () => {
    expect(formatPath(['websites', 0, 'manager', 'mobile'])).toBe('websites[0].manager.mobile')
  })

  it('accepts only paths inside the case folder', () => {
    expect(isSafeRelativePath('scans/licence.jpg')).toBe(true)
    expect(isSafeRelativePath('scans/营业执照 2.jpg')).toBe(true)
    for (const bad of ['../x.jpg', 'scans/../../x.jpg', '/etc/passwd', 'C:/x.jpg', 'scans\\x.jpg', '', 'a//b', './a']) {
      expect(isSafeRelativePath(bad), bad).toBe(false)
    }
  })
})
