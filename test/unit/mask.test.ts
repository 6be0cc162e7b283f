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

  it('finds the forms people type: glued letters, groups, dashes, full width (issue 13 item 11)', () => {
    const id = '440106199602142464'
    const forms = [
      `ID${id}`,
      `No.${id}号`,
      '440106 19960214 2464',
      '4401 0619 9602 1424 64',
      '440106-19960214-2464',
      '４４０１０６１９９６０２１４２４６４',
      '４４０１０６　１９９６０２１４　２４６４',
      '１１０１０５１９４９１２３１００２Ｘ',
    ]
    for (const form of forms) {
      const masked = maskText(`读取 ${form} 完成`)
      expect(masked, form).not.toContain(form)
      expect(masked, form).toMatch(/(4401|1101)\*{10}(2464|002X)/)
    }
    for (const mobile of ['１３８００１３８０００', '１３８－００１３－８０００', '＋８６ １３８ ００１３ ８０００', 'Tel13800138000']) {
      const masked = maskText(`电话 ${mobile}`)
      expect(masked, mobile).toContain('138****8000')
      expect(masked, mobile).not.toMatch(/0013|００１３/)
    }
    // Dates and a date range beside a count are not numbers to hide.
    expect(maskText('有效期 2019-06-30 2039-06-30 12 份')).toBe('有效期 2019-06-30 2039-06-30 12 份')
  })

  it('masks names and numbers inside arrays, nested too', () => {
    const masked = maskFields({
      names: ['陈思远', '林晓彤'],
      people: [{ name: '陈思远', mobile: '13800138000' }],
      notes: [['440106199602142464']],
    })
    expect(masked).toEqual({
      names: ['陈*远', '林*彤'],
      people: [{ name: '陈*远', mobile: '138****8000' }],
      notes: [['4401**********2464']],
    })
    const line = formatLogLine('info', 'batch', { personNames: ['陈思远'], ids: ['ID440106199602142464'] })
    expect(line).not.toMatch(/陈思远|0106199602/)
  })

  it('never lets an ID number or a mobile through a log line, in any written form (property)', () => {
    const fullWidth = (s: string): string => s.replace(/[0-9X+]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
    const idForm = fc.constantFrom(
      (id: string) => id,
      (id: string) => `ID${id}`,
      (id: string) => `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`,
      (id: string) => `${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`,
      (id: string) => id.replace(/(.{4})/g, '$1 ').trim(),
      (id: string) => fullWidth(id),
      (id: string) => fullWidth(`${id.slice(0, 6)}\u3000${id.slice(6)}`),
    )
    const mobileForm = fc.constantFrom(
      (m: string) => m,
      (m: string) => `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
      (m: string) => `+86 ${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
      (m: string) => fullWidth(m),
      (m: string) => `Tel${m}`,
    )
    const noise = fc.string().map((s) => s.replace(/[0-9０-９]/g, ''))
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{17}[\dX]$/),
        idForm,
        fc.stringMatching(/^1[3-9]\d{9}$/),
        mobileForm,
        noise,
        (id, formId, mobile, formMobile, text) => {
          const shownId = formId(id)
          const shownMobile = formMobile(mobile)
          const line = formatLogLine('info', `${text} ${shownId} ${text}`, { note: shownId, list: [shownMobile], names: [text] })
          const ascii = line.replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[\s-]/g, '')
          expect(ascii).not.toContain(id.slice(4, 14))
          expect(ascii).not.toContain(mobile.slice(3, 7) + mobile.slice(7))
        },
      ),
    )
  })

  it('collects masked lines', () => {
    const logger = memoryLogger()
    logger.log('warn', 'scan of 440106199602142464 unreadable', { personName: '林晓彤' })
    expect(logger.lines[0]).toMatch(/WARN scan of 4401\*{10}2464 unreadable \{"personName":"林\*彤"\}/)
  })
})
