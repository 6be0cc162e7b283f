import { describe, expect, it } from 'vitest'
import { CaseSchema } from '../../shared/model/case'
import { roleFromFileName } from '../../shared/review/file-name-roles'
import { sampleCase } from '../support/sample-case'

describe('roles proposed from file names at once (issue 14 item 7)', () => {
  const one = CaseSchema.parse(sampleCase())
  const two = CaseSchema.parse({ ...sampleCase(), websites: [...sampleCase().websites, ...sampleCase().websites] })

  it('names the sample scans’ roles', () => {
    expect(roleFromFileName('scans/营业执照.jpg', one)).toEqual({ role: 'sponsor-certificate' })
    expect(roleFromFileName('scans/主体负责人身份证.jpg', one)).toEqual({ role: 'principal-id' })
    expect(roleFromFileName('scans/法人身份证-正面.png', one)).toEqual({ role: 'principal-id' })
    expect(roleFromFileName('scans/网站负责人身份证.jpg', one)).toEqual({ role: 'manager-id', website: 0 })
    expect(roleFromFileName('scans/域名证书.jpg', one)).toEqual({ role: 'domain-certificate', website: 0 })
    expect(roleFromFileName('scans/承诺书-已签字.jpg', one)).toEqual({ role: 'commitment-letter' })
  })

  it('leaves the website open with several websites, and proposes nothing for a name that says nothing', () => {
    expect(roleFromFileName('scans/域名证书-网站2.jpg', two)).toEqual({ role: 'domain-certificate' })
    expect(roleFromFileName('scans/IMG_2041.jpg', one)).toBeNull()
    expect(roleFromFileName('scans/身份证.jpg', one)).toBeNull()
  })
})
