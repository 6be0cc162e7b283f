import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskEmail, maskFields, maskIdNumber, maskName, maskPhone, maskText } from '../../shared/privacy/mask'
import { formatLogLine, memoryLogger } from '../../electron/services/log'

describe('masking personal data', () => {
  it('masks the usual forms', () => {
    expect(maskIdNumber('440106199602142464')).toBe('4401**********2464')
    expect(maskPhone('138-0013-8000')).toBe('138****8000')
    expect(maskName('陈思远')).toBe('陈*远')
    expect(maskName('林晓')).toBe('林*')
    expect(maskEmail('chen.siyuan@yunfan-tech.cn')).toBe('c***@yunfan-tech.cn')
  })

  it('finds ID numbers, mobiles and e-mails in free text', () => {
    const text =
      '读取 440106199602142464 与 11010519491231002x，电话 +86 138 0013 8000，邮箱 a.b@c.cn；代码 91350100M000100Y43；ENOENT case.json'
    const masked = maskText(text)
    expect(masked).not.toMatch(/440106199602142464|11010519491231002x|13800138000|138 0013 8000|a\.b@c\.cn|91350100M000100Y43/)
    expect(masked).toContain('4401**********2464')
    expect(masked).toContain('9135**********0Y43')
    expect(masked).toContain('ENOENT case.json')
  })

  it('masks structured fields by key, nested too', () => {
    const masked = maskFields({ name: '陈思远', idNumber: '440106199602142464', nested: { mobile: '13800138000' }, count: 3 })
    expect(masked).toEqual({ name: '陈*远', idNumber: '4401**********2464', nested: { mobile: '138****8000' }, count: 3 })
  })

  it('never lets an 18-digit ID through a log line (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), fc.string(), (id, noise) => {
        const line = formatLogLine('info', `${noise} ${id} ${noise}`, { note: id })
        expect(line).not.toContain(id)
      }),
    )
  })

  it('collects masked lines', () => {
    const logger = memoryLogger()
    logger.log('warn', 'scan of 440106199602142464 unreadable', { personName: '林晓彤' })
    expect(logger.lines[0]).toMatch(/WARN scan of 4401\*{10}2464 unreadable \{"personName":"林\*彤"\}/)
  })
})
