/**
 * The 填报 sheet (issue 17 section 5): the form's values in each provider's order and labels, as
 * typed into the console (normalised, 长期), missing values marked, and the upload boxes in the
 * form's order under the very names the package gives its files.
 */
import { describe, expect, it } from 'vitest'
import { fillSheet, displayValue, fillProviders } from '../../shared/fill/fill-sheet'
import { loadProviderForms, providerForms } from '../../shared/fill/form-data'
import { materialNeeds } from '../../shared/fill/needs'
import providersData from '../../shared/data/providers.json' with { type: 'json' }
import { CaseSchema, type Case } from '../../shared/model/case'
import { packageData } from '../../shared/package/package-data'
import { planUpload, uploadExtension } from '../../shared/package/plan'
import { defaultCatalogue } from '../../shared/rules/catalogue'
import { asIndividualSponsor, MANAGER_ID, PRINCIPAL_ID, sampleCase, SAMPLE_DATE, type EditableCase } from '../support/sample-case'

const DATE = SAMPLE_DATE
const parse = (c: EditableCase): Case => CaseSchema.parse(c)
const labels = (c: Case, provider: string) =>
  fillSheet(c, provider, { date: DATE }).groups.flatMap((g) => g.entries.map((e) => `${g.title}/${e.label}`))

describe('the providers’ forms (providers.json)', () => {
  it('has a form for every provider profile, each path a case field', () => {
    const forms = providerForms()
    expect(forms.map((f) => f.name).sort()).toEqual(
      packageData()
        .providers.map((p) => p.name)
        .sort(),
    )
    for (const f of forms) {
      expect(f.form.source).toMatch(/help|帮助|fields\.json/)
      expect(f.form.groups.map((g) => g.scope)).toContain('website')
    }
  })

  it('refuses a form naming a path that is not a case field, or a website field in the sponsor group', () => {
    const broken = structuredClone(providersData) as { providers: Array<{ form: { groups: Array<{ fields: Array<{ path: string }> }> } }> }
    const first = broken.providers[0]?.form.groups[0]?.fields[0]
    if (!first) throw new Error('no field')
    first.path = 'sponsor.nickname'
    expect(() => loadProviderForms(broken)).toThrow(/sponsor\.nickname is not a case field/)
    first.path = 'websites[].name'
    expect(() => loadProviderForms(broken)).toThrow(/does not belong in a case group/)
  })
})

describe('fillSheet', () => {
  it('lists the values in each provider’s order and under its labels', () => {
    const c = parse(sampleCase())
    const ali = labels(c, 'aliyun')
    const tencent = labels(c, 'tencent')
    expect(ali.slice(0, 3)).toEqual(['主办单位信息/主办单位所属区域', '主办单位信息/主办单位性质', '主办单位信息/主办单位证件类型'])
    expect(ali).toContain('主体负责人信息/主体负责人姓名')
    expect(ali).toContain('网站信息/网站首页URL')
    expect(tencent).toContain('主办单位负责人信息/负责人姓名')
    expect(tencent).toContain('网站基本信息/网站首页')
    // Groups in the form's order: sponsor, principal, then the website and its manager.
    const groups = fillSheet(c, 'huawei', { date: DATE }).groups.map((g) => g.title)
    expect(groups).toEqual(['主办单位信息', '主体负责人信息', '网站信息', '网站负责人信息'])
    const sheet = fillSheet(c, 'aliyun', { date: DATE })
    const principal = sheet.groups[1]?.entries.map((e) => e.path)
    expect(principal?.slice(0, 3)).toEqual(['principal.name', 'principal.idType', 'principal.idNumber'])
    expect(sheet.missing).toBe(0)
  })

  it('shows values as typed into the console: normalised, 长期, lists joined', () => {
    const raw = sampleCase()
    raw.principal.idNumber = ` ${PRINCIPAL_ID.slice(0, 17)}${PRINCIPAL_ID.slice(17).toLowerCase()} `
    raw.principal.mobile = '138 0013 8000'
    raw.websites[0]!.domain = 'YunFan-Tech.CN'
    raw.websites[0]!.serviceContent = ['文化', '出版']
    const sheet = fillSheet(parse(raw), 'aliyun', { date: DATE })
    const value = (path: string) => sheet.groups.flatMap((g) => g.entries).find((e) => e.path === path)
    expect(value('sponsor.certificateValidTo')?.display).toBe('长期')
    expect(value('principal.idNumber')?.value).toBe(PRINCIPAL_ID.toUpperCase())
    expect(value('principal.mobile')?.value).toBe('13800138000')
    expect(value('websites[0].domain')?.value).toBe('yunfan-tech.cn')
    expect(value('websites[0].serviceContent')?.display).toBe('文化、出版')
    expect(displayValue('websites[0].serviceContent', [])).toBeNull()
  })

  it('marks missing required values, and leaves optional ones as optional', () => {
    const raw = sampleCase()
    raw.principal.emergencyPhone = null
    raw.websites[0]!.manager.email = '  '
    const sheet = fillSheet(parse(raw), 'tencent', { date: DATE })
    const entries = sheet.groups.flatMap((g) => g.entries)
    const emergency = entries.find((e) => e.path === 'principal.emergencyPhone')
    expect(emergency).toMatchObject({ state: 'missing', value: null, display: '缺少应急联系电话' })
    expect(entries.find((e) => e.path === 'websites[0].manager.email')).toMatchObject({ state: 'missing', display: '缺少电子邮箱' })
    expect(entries.find((e) => e.path === 'remark')).toMatchObject({ state: 'empty', display: '未填（选填）' })
    expect(sheet.missing).toBe(2)
  })

  it('asks a person (个人) for no unit-only values', () => {
    const raw = sampleCase()
    asIndividualSponsor(raw)
    const entries = fillSheet(parse(raw), 'aliyun', { date: DATE }).groups.flatMap((g) => g.entries)
    expect(entries.find((e) => e.path === 'sponsor.legalRepresentative')?.state).toBe('empty')
    expect(entries.find((e) => e.path === 'sponsor.certificateAddress')?.state).toBe('empty')
  })

  it('repeats the website groups per website and names them, pre-approvals within their website', () => {
    const raw = sampleCase()
    const second = structuredClone(raw.websites[0]!)
    second.name = '云帆文化频道'
    second.domain = 'yunfan-culture.cn'
    second.preApprovals = [{ category: '文化', certificateNumber: '粤网文〔2026〕1234-001号', validTo: '2029-01-01' }]
    second.serviceContent = ['文化']
    raw.websites.push(second)
    const sheet = fillSheet(parse(raw), 'huawei', { date: DATE })
    expect(sheet.groups.map((g) => g.title)).toEqual([
      '主办单位信息',
      '主体负责人信息',
      '网站信息 · 网站1',
      '网站负责人信息 · 网站1',
      '网站信息 · 网站2',
      '前置审批 · 网站2',
      '网站负责人信息 · 网站2',
    ])
    const pre = sheet.groups[5]?.entries.find((e) => e.path === 'websites[1].preApprovals[0].certificateNumber')
    expect(pre?.value).toBe('粤网文〔2026〕1234-001号')
    // The pre-approval scan is missing: a box says so, in website 2's place, after its domain certificate.
    const boxes = sheet.uploads.map((u) => u.file ?? u.missing)
    expect(boxes.at(-2)).toBe('缺少网站2（云帆文化频道）的前置审批文件《网络文化经营许可证》')
    expect(boxes.at(-1)).toMatch(/广东承诺书/)
  })

  it('gives each upload box the package file’s name, in the package’s order', () => {
    const c = parse(sampleCase())
    for (const name of ['aliyun', 'tencent', 'huawei', 'generic']) {
      const provider = packageData().providers.find((p) => p.name === name)!
      const plan = planUpload(c, defaultCatalogue(), packageData(), provider)
      const sheet = fillSheet(c, name, { date: DATE })
      expect(sheet.uploads.map((u) => u.file)).toEqual(plan.map((p) => `${p.baseName}${uploadExtension(p, provider, false)}`))
    }
    expect(fillSheet(c, 'aliyun', { date: DATE }).uploads.map((u) => u.place)).toEqual([
      '主办单位信息 › 主办单位证件',
      '主办单位信息 › 主体负责人证件',
      '网站1信息 › 网站负责人证件',
      '网站1信息 › 域名证书',
      '其他材料 › 互联网信息服务备案承诺书',
    ])
  })

  it('puts a missing material’s box where the form asks for it', () => {
    const raw = sampleCase()
    raw.documents = raw.documents.filter((d) => d.role !== 'domain-certificate' && d.role !== 'principal-id')
    const sheet = fillSheet(parse(raw), 'aliyun', { date: DATE })
    expect(sheet.uploads.map((u) => u.file ?? u.missing)).toEqual([
      '01_主办单位证件_营业执照.jpg',
      '缺少主体负责人身份证',
      '02_网站1_负责人_身份证.jpg',
      '缺少网站1（云帆软件服务）的域名证书',
      '03_广东承诺书.jpg',
    ])
    expect(sheet.missing).toBe(2)
  })

  it('carries the 已填 ticks stored in the case', () => {
    const raw = { ...sampleCase(), filled: ['principal.mobile', 'upload:01_主办单位证件_营业执照.jpg'] }
    const sheet = fillSheet(CaseSchema.parse(raw), 'aliyun', { date: DATE })
    const ticked = sheet.groups.flatMap((g) => g.entries).filter((e) => e.filled)
    expect(ticked.map((e) => e.path)).toEqual(['principal.mobile'])
    expect(sheet.uploads.filter((u) => u.filled).map((u) => u.file)).toEqual(['01_主办单位证件_营业执照.jpg'])
  })

  it('refuses an unknown provider and lists the known ones', () => {
    expect(() => fillSheet(parse(sampleCase()), 'nope', { date: DATE })).toThrow(/unknown provider/)
    expect(fillProviders().map((p) => p.label)).toEqual(expect.arrayContaining(['阿里云', '腾讯云', '华为云']))
  })
})

describe('materialNeeds', () => {
  it('serves a manager who is the principal with the principal’s scan', () => {
    const raw = sampleCase()
    raw.websites[0]!.manager = { ...raw.principal }
    raw.documents = raw.documents.filter((d) => d.role !== 'manager-id')
    const needs = materialNeeds(parse(raw), defaultCatalogue(), DATE)
    expect(needs.find((n) => n.role === 'manager-id')?.files).toEqual(['scans/principal-id.jpg'])
    expect(MANAGER_ID).not.toBe(PRINCIPAL_ID)
  })

  it('needs nothing for a 注销', () => {
    const raw = sampleCase()
    raw.filingType = '注销主体'
    expect(materialNeeds(parse(raw), defaultCatalogue(), DATE)).toEqual([])
  })
})

describe('materialNeeds across websites', () => {
  it('counts one manager’s ID scan for every website that person manages', () => {
    const raw = sampleCase()
    const second = structuredClone(raw.websites[0]!)
    second.name = '云帆文化频道'
    second.domain = 'yunfan-culture.cn'
    raw.websites.push(second)
    raw.documents.push({ file: 'scans/domain-2.jpg', role: 'domain-certificate', website: 1 })
    const needs = materialNeeds(parse(raw), defaultCatalogue(), DATE).filter((n) => n.role === 'manager-id')
    expect(needs.map((n) => n.files)).toEqual([['scans/manager-id.jpg'], ['scans/manager-id.jpg']])
    raw.websites[1]!.manager.idNumber = PRINCIPAL_ID
    raw.websites[1]!.manager.name = '另一人'
    expect(materialNeeds(parse(raw), defaultCatalogue(), DATE).filter((n) => n.role === 'manager-id')[1]?.files).toEqual([
      'scans/principal-id.jpg',
    ])
  })
})
