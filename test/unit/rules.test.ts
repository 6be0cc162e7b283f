/**
 * Every rule in the catalogue, each with a failing case (a complete, correct case with one thing
 * broken) and a passing one (the complete case, or a near miss that must not trigger the rule).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import coreRules from '../../shared/data/rules/core.json' with { type: 'json' }
import { parseCase, type Case } from '../../shared/model/case'
import { defaultCatalogue, loadCatalogue } from '../../shared/rules/catalogue'
import { checkCase, registeredCheckCodes, type Finding } from '../../shared/rules/engine'
import { makeResidentId, makeUscc } from '../support/ids'
import {
  asIndividualSponsor,
  MANAGER_ID,
  PRINCIPAL_ID,
  SAMPLE_DATE,
  sampleCase,
  type EditableCase,
  type EditableWebsite,
} from '../support/sample-case'

const TEST_ROOT = path.resolve(import.meta.dirname, '..')

type Mutator = (c: EditableCase) => void

function run(mutate: Mutator = () => {}, files?: (file: string) => boolean, readable?: (file: string) => boolean): Finding[] {
  const data = sampleCase()
  mutate(data)
  const parsed = parseCase(data)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return checkCase(parsed.case, { today: SAMPLE_DATE, ...(files ? { files: { exists: files, ...(readable ? { readable } : {}) } } : {}) })
}

const site = (c: EditableCase, i = 0): EditableWebsite => {
  const w = c.websites[i]
  if (!w) throw new Error('no website')
  return w
}

const individual: Mutator = (c) => {
  asIndividualSponsor(c)
  site(c).name = '思远的摄影日记'
}

interface RuleCase {
  /** Breaks exactly this rule. */
  fail: Mutator
  /** The field the finding must point at (null for the whole case). */
  field: string | null
  /** A near miss that must not trigger the rule (the complete case is always checked too). */
  pass?: Mutator
  severity?: Finding['severity']
  files?: (file: string) => boolean
  readable?: (file: string) => boolean
}

const CASES: Record<string, RuleCase> = {
  'field-missing': { fail: (c) => void (c.principal.email = '  '), field: 'principal.email' },
  'date-invalid': {
    fail: (c) => void (c.principal.idValidTo = '2039.06.30'),
    field: 'principal.idValidTo',
    pass: (c) => void (c.sponsor.certificateValidTo = 'long-term'),
  },
  'case-value-unknown': { fail: (c) => void (c.sponsor.type = '公司'), field: 'sponsor.type', pass: (c) => void (c.province = '广东省') },
  'uscc-invalid': { fail: (c) => void (c.sponsor.certificateNumber = '91440300MA5FXK2L9X'), field: 'sponsor.certificateNumber' },
  'uscc-uncertain': {
    fail: (c) => void (c.sponsor.certificateNumber = makeUscc('91449999', 'MA5FXK2L')),
    field: 'sponsor.certificateNumber',
    severity: 'warning',
  },
  'uscc-legacy-regno': { fail: (c) => void (c.sponsor.certificateNumber = '440301103336420'), field: 'sponsor.certificateNumber' },
  'uscc-type-mismatch': {
    fail: (c) => void (c.sponsor.type = '事业单位'),
    field: 'sponsor.type',
    pass: (c) => {
      c.sponsor.type = '事业单位'
      c.sponsor.certificateNumber = makeUscc('12440300', 'MB2C0000')
      site(c).domain = 'yunfan.cn'
    },
  },
  'id-number-invalid': {
    fail: (c) => void (c.principal.idNumber = PRINCIPAL_ID.slice(0, 17) + (PRINCIPAL_ID.endsWith('1') ? '2' : '1')),
    field: 'principal.idNumber',
    pass: (c) => void (c.principal.idNumber = PRINCIPAL_ID.toLowerCase()),
  },
  'id-area-unknown': {
    fail: (c) => void (site(c).manager.idNumber = makeResidentId('449999', '19960214', '246')),
    field: 'websites[0].manager.idNumber',
    severity: 'warning',
  },
  'person-too-young': {
    fail: (c) => void (site(c).manager.idNumber = makeResidentId('440106', '20110101', '246')),
    field: 'websites[0].manager.idNumber',
    pass: (c) => void (site(c).manager.idNumber = makeResidentId('440106', '20081201', '246')),
  },
  'id-expired': {
    fail: (c) => void (c.principal.idValidTo = '2026-11-30'),
    field: 'principal.idValidTo',
    pass: (c) => void (c.principal.idValidTo = '2026-12-01'),
  },
  'id-expires-soon': {
    fail: (c) => void (site(c).manager.idValidTo = '2027-03-01'),
    field: 'websites[0].manager.idValidTo',
    pass: (c) => void (c.principal.idValidTo = 'long-term'),
  },
  'id-validity-span-invalid': {
    fail: (c) => void (c.principal.idValidTo = '2039-07-30'),
    field: 'principal.idValidTo',
    pass: (c) => {
      c.principal.idValidFrom = '2009-06-30' // age 24 at issue → 10 years
      c.principal.idValidTo = '2019-06-30'
    },
  },
  'licence-expired': { fail: (c) => void (c.sponsor.certificateValidTo = '2026-06-01'), field: 'sponsor.certificateValidTo' },
  'licence-expires-soon': {
    fail: (c) => void (c.sponsor.certificateValidTo = '2027-02-28'),
    field: 'sponsor.certificateValidTo',
    pass: (c) => void (c.sponsor.certificateValidTo = '2027-03-02'),
  },
  'preapproval-expired': {
    fail: (c) => {
      site(c).serviceContent = ['药品和医疗器械']
      site(c).preApprovals = [{ category: '药品和医疗器械', certificateNumber: '(粤)-非经营性-2020-0001', validTo: '2026-10-01' }]
      c.documents.push({ file: 'scans/drug.jpg', role: 'pre-approval', website: 0 })
    },
    field: 'websites[0].preApprovals[0].validTo',
  },
  'preapproval-missing': {
    fail: (c) => void (site(c).serviceContent = ['新闻']),
    field: 'websites[0].serviceContent',
    pass: (c) => {
      site(c).serviceContent = ['新闻']
      site(c).preApprovals = [{ category: '新闻', certificateNumber: '44120190001', validTo: '2030-01-01' }]
      c.documents.push({ file: 'scans/news.jpg', role: 'pre-approval', website: 0 })
    },
  },
  'legal-rep-mismatch': {
    fail: (c) => void (c.sponsor.legalRepresentative = '王大明'),
    field: 'principal.name',
    pass: (c) => {
      // 北京 is not among the provinces whose pages were read as requiring the legal representative (浙江 now is).
      c.province = '北京'
      c.sponsor.legalRepresentative = '王大明'
      c.sponsor.certificateAddress = '北京市海淀区中关村大街100号'
      c.sponsor.mailingAddress = '北京市海淀区中关村大街100号'
    },
  },
  'phone-invalid': {
    fail: (c) => void (c.principal.mobile = '1380013800'),
    field: 'principal.mobile',
    pass: (c) => void (c.principal.emergencyPhone = '020-12345678'),
  },
  'phone-duplicate-persons': {
    fail: (c) => void (site(c).manager.mobile = '138-0013-8000'),
    field: 'websites[0].manager.mobile',
    pass: (c) => void (site(c).manager = { ...c.principal }),
  },
  'email-duplicate-persons': {
    fail: (c) => void (site(c).manager.email = 'Chen.Siyuan@yunfan-tech.cn'),
    field: 'websites[0].manager.email',
    pass: (c) => void (site(c).manager = { ...c.principal }),
  },
  'emergency-phone-duplicate': { fail: (c) => void (c.principal.emergencyPhone = '13700137000'), field: 'principal.emergencyPhone' },
  'same-person-inconsistent': {
    fail: (c) => void (site(c).manager = { ...c.principal, mobile: '13500135000' }),
    field: 'websites[0].manager.mobile',
    pass: (c) => void (site(c).manager = { ...c.principal }),
  },
  'email-invalid': { fail: (c) => void (c.principal.email = 'chen@yunfan'), field: 'principal.email' },
  'address-province-mismatch': {
    fail: (c) => void (c.sponsor.certificateAddress = '上海市浦东新区世纪大道100号'),
    field: 'sponsor.certificateAddress',
    pass: (c) => void (c.sponsor.certificateAddress = '广东省广州市天河区北京路1号'),
  },
  'residence-permit-missing': {
    fail: (c) => {
      individual(c)
      const id = makeResidentId('110105', '19850612', '123')
      c.principal.idNumber = id
      c.sponsor.certificateNumber = id
    },
    field: 'principal.idNumber',
    severity: 'warning',
    pass: individual,
  },
  'domain-invalid': { fail: (c) => void (site(c).domain = 'yunfan_tech.cn'), field: 'websites[0].domain' },
  'domain-tld-unlisted': {
    fail: (c) => Object.assign(site(c), { domain: 'yunfan.io', homepage: 'www.yunfan.io' }),
    field: 'websites[0].domain',
    severity: 'warning',
  },
  'domain-duplicate': {
    fail: (c) => void c.websites.push({ ...JSON.parse(JSON.stringify(site(c))), name: '云帆帮助中心', domain: 'YUNFAN-TECH.cn' }),
    field: 'websites[1].domain',
  },
  'domain-owner-mismatch': {
    fail: (c) => void (site(c).domainCertificate.owner = '深圳市云帆科技有限公司'),
    field: 'websites[0].domainCertificate.owner',
    pass: (c) => void (site(c).domainCertificate.owner = ' 深圳市云帆网络科技有限公司 '),
  },
  'domain-expired': {
    fail: (c) => void (site(c).domainCertificate.expiresOn = '2026-11-30'),
    field: 'websites[0].domainCertificate.expiresOn',
  },
  'domain-expires-soon': {
    fail: (c) => void (site(c).domainCertificate.expiresOn = '2027-02-28'),
    field: 'websites[0].domainCertificate.expiresOn',
    pass: (c) => void (site(c).domainCertificate.expiresOn = '2027-03-02'),
  },
  'domain-registered-after-filing': {
    fail: (c) => {
      c.filingType = '新增接入'
      site(c).previousFilingDate = '2018-01-10'
    },
    field: 'websites[0].domainCertificate.registeredOn',
    pass: (c) => {
      c.filingType = '新增接入'
      site(c).previousFilingDate = '2020-01-10'
    },
  },
  'domain-realname-too-recent': {
    fail: (c) => void (site(c).domainCertificate.realNameVerifiedOn = '2026-11-27'),
    field: 'websites[0].domainCertificate.realNameVerifiedOn',
    severity: 'warning',
    pass: (c) => void (site(c).domainCertificate.realNameVerifiedOn = '2026-11-26'),
  },
  'domain-tld-sponsor-mismatch': {
    fail: (c) => {
      c.sponsor.type = '事业单位'
      c.sponsor.certificateNumber = makeUscc('12440300', 'MB2C0000')
      site(c).domain = 'yunfan.com'
      site(c).homepage = 'www.yunfan.com'
    },
    field: 'websites[0].domain',
  },
  'homepage-domain-mismatch': {
    fail: (c) => void (site(c).homepage = 'www.yunfan.com'),
    field: 'websites[0].homepage',
    pass: (c) => void (site(c).homepage = 'https://yunfan-tech.cn/'),
  },
  'website-name-invalid': { fail: (c) => void (site(c).name = 'Yunfan Soft'), field: 'websites[0].name' },
  'website-name-forbidden-prefix': {
    fail: (c) => void (site(c).name = '中国云帆软件服务'),
    field: 'websites[0].name',
    pass: (c) => void (site(c).name = '云帆中国软件服务'),
  },
  'website-name-personal-word': {
    fail: (c) => {
      individual(c)
      site(c).name = '思远的技术博客'
    },
    field: 'websites[0].name',
    pass: (c) => void (site(c).name = '云帆技术博客'),
  },
  'website-name-interactive': { fail: (c) => void (site(c).name = '云帆用户交流中心'), field: 'websites[0].name', severity: 'warning' },
  'finance-keyword': {
    fail: (c) => void (c.sponsor.name = '深圳市云帆投资咨询有限公司'),
    field: 'sponsor.name',
    pass: (c) => {
      c.sponsor.name = '深圳市云帆投资咨询有限公司'
      site(c).domainCertificate.owner = '深圳市云帆投资咨询有限公司'
      c.documents.push({ file: 'scans/finance.jpg', role: 'finance-licence' })
    },
  },
  'individual-business-no-brand': {
    fail: (c) => {
      c.sponsor.certificateNumber = makeUscc('92440300', 'MA5FXK2L')
      c.sponsor.name = '***'
      site(c).domainCertificate.owner = '***'
    },
    field: 'sponsor.name',
    pass: (c) => void (c.sponsor.certificateNumber = makeUscc('92440300', 'MA5FXK2L')),
  },
  'gov-materials-missing': {
    fail: (c) => {
      c.sponsor.type = '事业单位'
      c.sponsor.certificateNumber = makeUscc('12440300', 'MB2C0000')
      site(c).domain = 'yunfan.cn'
      site(c).homepage = 'www.yunfan.cn'
    },
    field: null,
    pass: (c) => {
      c.sponsor.type = '事业单位'
      c.sponsor.certificateNumber = makeUscc('12440300', 'MB2C0000')
      site(c).domain = 'yunfan.cn'
      site(c).homepage = 'www.yunfan.cn'
      c.documents.push({ file: 'scans/mark.jpg', role: 'identity-certificate' })
    },
  },
  'material-missing': {
    fail: (c) => void (c.documents = c.documents.filter((d) => d.role !== 'domain-certificate')),
    field: 'websites[0]',
    pass: (c) => {
      site(c).manager = { ...c.principal }
      c.documents = c.documents.filter((d) => d.role !== 'manager-id')
    },
  },
  'gd-letter-missing': {
    fail: (c) => void (c.documents = c.documents.filter((d) => d.role !== 'commitment-letter')),
    field: null,
    pass: (c) => {
      c.province = '上海'
      c.sponsor.certificateAddress = '上海市浦东新区世纪大道100号'
      c.documents = c.documents.filter((d) => d.role !== 'commitment-letter')
    },
  },
  'document-role-unknown': {
    fail: (c) => void c.documents.push({ file: 'scans/x.jpg', role: 'selfie' }),
    field: 'documents[5].role',
    severity: 'warning',
  },
  'document-website-invalid': {
    fail: (c) => void (c.documents[2] = { file: 'scans/manager-id.jpg', role: 'manager-id', website: 3 }),
    field: 'documents[2].website',
  },
  'document-path-unsafe': { fail: (c) => void c.documents.push({ file: '../../etc/passwd', role: 'other' }), field: 'documents[5].file' },
  'document-file-missing': {
    fail: () => {},
    files: (f) => f !== 'scans/domain.jpg',
    field: 'documents[3].file',
    pass: () => {},
  },
  'document-file-unreadable': {
    fail: () => {},
    files: () => true,
    readable: (f) => f !== 'scans/domain.jpg',
    field: 'documents[3].file',
    pass: () => {},
  },
}

describe('rule catalogue', () => {
  it('loads, and every rule has a check', () => {
    const codes = defaultCatalogue().rules.map((r) => r.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes.filter((c) => !registeredCheckCodes().includes(c))).toEqual([])
    expect(registeredCheckCodes().filter((c) => !codes.includes(c))).toEqual([])
  })

  it('has a failing and a passing test here for every core rule', () => {
    expect(coreRules.rules.map((r) => r.code).filter((c) => !(c in CASES))).toEqual([])
  })

  it('names every other rule in some test file (feature rules are tested beside their feature)', () => {
    const testFiles = readdirSync(TEST_ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts'))
    const text = testFiles.map((f) => readFileSync(path.join(TEST_ROOT, f), 'utf8')).join('\n')
    const untested = defaultCatalogue()
      .rules.map((r) => r.code)
      .filter((code) => !(code in CASES) && !text.includes(`'${code}'`))
    expect(untested).toEqual([])
  })

  it('names a source for every rule and every data file', () => {
    for (const rule of defaultCatalogue().rules) expect(rule.source.length, rule.code).toBeGreaterThan(20)
  })

  it('fails loudly on a broken rules file', () => {
    expect(() => loadCatalogue({ rules: { source: 'x', updated: '', rules: [{ code: 'Bad Code' }] } })).toThrow(
      /rules \(override\) is invalid/,
    )
  })

  it('reports nothing on the complete, correct sample case', () => {
    expect(run(undefined, () => true)).toEqual([])
  })
})

describe.each(Object.entries(CASES))('%s', (code, spec) => {
  it('fires on the broken case, pointing at the field', () => {
    const findings = run(spec.fail, spec.files, spec.readable).filter((f) => f.rule === code)
    expect(findings.length, JSON.stringify(run(spec.fail, spec.files, spec.readable), null, 1)).toBeGreaterThan(0)
    expect(findings.map((f) => f.field)).toContain(spec.field)
    for (const f of findings) {
      expect(f.message).not.toMatch(/\{\w+\}/)
      expect(f.messageEn).not.toMatch(/\{\w+\}/)
      expect(f.fix.length).toBeGreaterThan(2)
    }
    if (spec.severity) expect(findings.find((f) => f.field === spec.field)?.severity).toBe(spec.severity)
  })

  it('stays quiet on the complete case and the near miss', () => {
    expect(run(undefined, () => true).filter((f) => f.rule === code)).toEqual([])
    if (spec.pass) expect(run(spec.pass, () => true).filter((f) => f.rule === code && f.severity !== 'info')).toEqual([])
  })
})

describe('engine behaviour', () => {
  it('measures validity from --date over the case’s submission date', () => {
    const c = parseCase(sampleCase()) as { ok: true; case: Case }
    const later = checkCase(c.case, { today: SAMPLE_DATE, date: '2040-01-01' })
    expect(later.map((f) => f.rule)).toContain('id-expired')
  })

  it('warns about a 16-year-old 负责人 without refusing', () => {
    const findings = run((c) => void (site(c).manager.idNumber = makeResidentId('440106', '20101201', '246')))
    expect(findings.filter((f) => f.rule === 'person-too-young').map((f) => f.severity)).toEqual(['warning'])
  })

  it('orders errors before warnings and fills every message', () => {
    const findings = run((c) => {
      c.principal.email = 'broken'
      site(c).name = '云帆用户交流中心'
    })
    const severities = findings.map((f) => f.severity)
    expect([...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b))).toEqual(
      severities,
    )
  })

  it('reports a missing website and little else on an empty case', () => {
    const empty = parseCase({}) as { ok: true; case: Case }
    const findings = checkCase(empty.case, { today: SAMPLE_DATE })
    expect(findings.map((f) => f.field)).toContain('websites')
    expect(findings.every((f) => f.rule === 'field-missing' || f.rule === 'material-missing')).toBe(true)
  })

  it('asks only for identification when cancelling a filing', () => {
    const c = parseCase({
      province: '广东',
      filingType: '注销主体',
      sponsor: { type: '企业', name: '某公司', certificateType: '营业执照', certificateNumber: '91350100M000100Y43' },
    }) as { ok: true; case: Case }
    const findings = checkCase(c.case, { today: SAMPLE_DATE })
    expect(findings.filter((f) => f.severity === 'error')).toEqual([])
  })

  it('treats the same person in two roles as one: no duplicate-contact errors', () => {
    const findings = run((c) => void (site(c).manager = { ...c.principal, idNumber: PRINCIPAL_ID.toLowerCase() }))
    expect(findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(MANAGER_ID).not.toBe(PRINCIPAL_ID)
  })
})
