/**
 * The pure half of packaging: provider profiles as data, the upload plan (which scan goes into which
 * file, named and ordered for the upload form) and the packaging problem messages.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCase, type Case } from '../../shared/model/case'
import type { ExtractedDocument } from '../../shared/model/extracted'
import { defaultProvider, findProvider, packageData, type ProviderProfile } from '../../shared/package/package-data'
import { planUpload, safeNamePart } from '../../shared/package/plan'
import { formatBytes, mergeFindings, problemFinding, type PackageProblemCode } from '../../shared/package/problems'
import { defaultCatalogue } from '../../shared/rules/catalogue'
import { MANAGER_ID, PRINCIPAL_ID, sampleCase, type EditableCase } from '../support/sample-case'

const provider = (name: string): ProviderProfile => {
  const p = findProvider(name)
  if (!p) throw new Error(name)
  return p
}

function plan(edit: (c: EditableCase) => void = () => {}, profile = provider('huawei')) {
  const data = sampleCase()
  edit(data)
  const parsed = parseCase(data)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return planUpload(parsed.case as Case, defaultCatalogue(), packageData(), profile)
}

const sides = (s: Array<'front' | 'back'>): ExtractedDocument => ({
  version: 1,
  kind: 'id-card',
  sides: s,
  colour: true,
  image: { width: 1, height: 1 },
  fields: {},
  findings: [],
})

describe('provider profiles (providers.json)', () => {
  it('has huawei, tencent, aliyun and generic, each with a source, the default being generic', () => {
    const names = packageData().providers.map((p) => p.name)
    expect(names).toEqual(expect.arrayContaining(['huawei', 'tencent', 'aliyun', 'generic']))
    expect(defaultProvider().name).toBe('generic')
    for (const p of packageData().providers) expect(p.source.length, p.name).toBeGreaterThan(40)
    expect(findProvider(' Huawei ')?.name).toBe('huawei')
    expect(findProvider('nope')).toBeUndefined()
  })

  it('keeps the stated limits: Huawei 4 MB, Tencent under 2 MB, Alibaba domain certificates at least 200 KB, no PDF', () => {
    expect(provider('huawei').maxBytes).toBeLessThanOrEqual(4 * 1000 * 1000)
    expect(provider('tencent').maxBytes).toBeLessThan(2 * 1000 * 1000)
    expect(provider('aliyun').minBytesByRole['domain-certificate']).toBeGreaterThanOrEqual(200 * 1024)
    for (const p of packageData().providers) expect(p.acceptsPdf, p.name).toBe(false)
  })

  it('makes generic at least as strict as every other profile', () => {
    const generic = provider('generic')
    for (const p of packageData().providers) {
      expect(generic.maxBytes, p.name).toBeLessThanOrEqual(p.maxBytes)
      expect(generic.maxLongSidePx, p.name).toBeLessThanOrEqual(p.maxLongSidePx)
      for (const [role, min] of Object.entries(p.minBytesByRole))
        expect(generic.minBytesByRole[role] ?? 0, `${p.name} ${role}`).toBeGreaterThanOrEqual(min)
    }
  })
})

describe('planUpload', () => {
  it('names the sample case’s files for the upload form, in form order', () => {
    expect(plan().map((f) => f.baseName)).toEqual([
      '01_主办单位证件_营业执照',
      '02_主体负责人_身份证',
      '03_网站1_负责人_身份证',
      '04_网站1_域名证书_yunfan-tech.cn',
      '05_广东承诺书',
    ])
    const [licence] = plan()
    expect(licence).toMatchObject({ role: 'sponsor-certificate', website: null, place: '主办单位信息 › 主办单位证件', minLongSidePx: 2480 })
  })

  it('stacks an ID card’s two sides for a one-box form, front first whatever the case order', () => {
    const files = plan((c) => {
      c.documents = c.documents.filter((d) => d.role !== 'principal-id')
      c.documents.push({ file: 'scans/p-back.jpg', role: 'principal-id', extracted: sides(['back']) })
      c.documents.push({ file: 'scans/p-front.jpg', role: 'principal-id', extracted: sides(['front']) })
    })
    const id = files.find((f) => f.role === 'principal-id')
    expect(id).toMatchObject({ baseName: '02_主体负责人_身份证', combine: true })
    expect(id?.sources.map((s) => [s.file, s.side])).toEqual([
      ['scans/p-front.jpg', 'front'],
      ['scans/p-back.jpg', 'back'],
    ])
  })

  it('keeps the sides apart for Tencent and Alibaba, named by side, or numbered when the side is unknown', () => {
    const edit = (known: boolean) => (c: EditableCase) => {
      c.documents = c.documents.filter((d) => d.role !== 'principal-id')
      c.documents.push({ file: 'scans/a.jpg', role: 'principal-id', ...(known ? { extracted: sides(['back']) } : {}) })
      c.documents.push({ file: 'scans/b.jpg', role: 'principal-id', ...(known ? { extracted: sides(['front']) } : {}) })
    }
    const named = plan(edit(true), provider('tencent')).filter((f) => f.role === 'principal-id')
    expect(named.map((f) => [f.baseName, f.sources[0]?.file])).toEqual([
      ['02_主体负责人_身份证_人像面', 'scans/b.jpg'],
      ['03_主体负责人_身份证_国徽面', 'scans/a.jpg'],
    ])
    const numbered = plan(edit(false), provider('aliyun')).filter((f) => f.role === 'principal-id')
    expect(numbered.map((f) => f.baseName)).toEqual(['02_主体负责人_身份证_1', '03_主体负责人_身份证_2'])
  })

  it('decides "the same person" as the rules do: by ID number, by name only while a number is blank (issue 16.1)', () => {
    const sameName = plan((c) => {
      const site = c.websites[0]
      if (site) site.manager = { ...c.principal, idNumber: '', mobile: '13900000000' }
      c.documents = c.documents.filter((d) => d.role !== 'manager-id')
    })
    expect(sameName.find((f) => f.role === 'manager-id')).toMatchObject({ sameAsPrincipal: true })
    const otherNumber = plan((c) => {
      const site = c.websites[0]
      if (site) site.manager = { ...c.principal, idNumber: MANAGER_ID }
      c.documents = c.documents.filter((d) => d.role !== 'manager-id')
    })
    expect(otherNumber.find((f) => f.role === 'manager-id')).toBeUndefined()
  })

  it('leaves another customer’s ID card out of the package until its role is changed (issue 14.5)', () => {
    const otherCard = (role: string) =>
      plan((c) => {
        const d = c.documents.find((x) => x.role === 'manager-id')
        if (!d) return
        d.role = role
        if (role === 'other') d.keep = true // 其他材料 goes only when kept (item 7)
        d.extracted = {
          version: 1,
          kind: 'id-card',
          colour: true,
          image: { width: 100, height: 100 },
          fields: { idNumber: { value: '44010619880314123X', confidence: 0.97 } },
          findings: [],
        }
      })
    expect(otherCard('manager-id').filter((f) => f.role === 'manager-id')).toEqual([])
    expect(otherCard('other').filter((f) => f.role === 'other')).toHaveLength(1)
  })

  it('gives a manager who is the principal the principal’s ID scan, and says so', () => {
    const files = plan((c) => {
      const site = c.websites[0]
      if (site) site.manager = { ...c.principal, idNumber: PRINCIPAL_ID.toLowerCase() }
      c.documents = c.documents.filter((d) => d.role !== 'manager-id')
    })
    const manager = files.find((f) => f.role === 'manager-id')
    expect(manager).toMatchObject({ baseName: '03_网站1_负责人_身份证', sameAsPrincipal: true })
    expect(manager?.sources.map((s) => s.file)).toEqual(['scans/principal-id.jpg'])
  })

  it('orders website materials website by website, with pre-approvals named by category', () => {
    const files = plan((c) => {
      const second = structuredClone(c.websites[0]) as EditableCase['websites'][number]
      second.domain = 'yunfan.net'
      second.preApprovals = [{ category: '药品和医疗器械', certificateNumber: 'X', validTo: '2028-01-01' }]
      c.websites.push(second)
      c.documents.push({ file: 'scans/pa.jpg', role: 'pre-approval', website: 1, preApproval: 0 })
      c.documents.push({ file: 'scans/d2.jpg', role: 'domain-certificate', website: 1 })
      c.documents.push({ file: 'scans/m2.jpg', role: 'manager-id', website: 1 })
    })
    expect(files.map((f) => f.baseName)).toEqual([
      '01_主办单位证件_营业执照',
      '02_主体负责人_身份证',
      '03_网站1_负责人_身份证',
      '04_网站1_域名证书_yunfan-tech.cn',
      '05_网站2_负责人_身份证',
      '06_网站2_域名证书_yunfan.net',
      '07_网站2_前置审批_药品和医疗器械',
      '08_广东承诺书',
    ])
  })

  it('names a pre-approval by its certificate when the case records it (provinces accept different ones)', () => {
    const files = plan((c) => {
      const site = c.websites[0] as EditableCase['websites'][number]
      site.preApprovals = [
        Object.assign(
          { category: '药品和医疗器械', certificateNumber: 'X', validTo: '2028-01-01' },
          { certificateType: '《互联网药品信息服务资格证书》' },
        ),
        { category: '文化', certificateNumber: 'Y', validTo: '2028-01-01' },
      ]
      c.documents.push({ file: 'scans/pa.jpg', role: 'pre-approval', website: 0, preApproval: 0 })
      c.documents.push({ file: 'scans/pb.jpg', role: 'pre-approval', website: 0, preApproval: 1 })
    }).filter((f) => f.role === 'pre-approval')
    expect(files.map((f) => f.baseName.replace(/^\d+_/, ''))).toEqual(['网站1_前置审批_互联网药品信息服务资格证书', '网站1_前置审批_文化'])
  })

  it('gives every material role of the catalogue its own slot, so no required letter lands in 其他材料', () => {
    const slots = new Set(packageData().slots.slots.map((s) => s.role))
    expect(
      defaultCatalogue()
        .documentRoles.map((r) => r.role)
        .filter((r) => !slots.has(r)),
    ).toEqual([])
    const files = plan((c) => {
      c.province = '上海'
      for (const role of ['sh-commitment-letter', 'finance-commitment', 'website-plan', 'authenticity-guarantee'])
        c.documents.push({ file: `scans/${role}.pdf`, role })
    })
    expect(files.filter((f) => f.role !== 'other').map((f) => [f.role, f.baseName.replace(/^\d+_/, ''), f.mayBePdf])).toEqual(
      expect.arrayContaining([
        ['sh-commitment-letter', '上海承诺书', true],
        ['finance-commitment', '广东金融类承诺书', true],
        ['website-plan', '网站建设方案书', true],
        ['authenticity-guarantee', '真实性保证书', true],
      ]),
    )
  })

  it('leaves out unsafe paths and documents of a website that does not exist; packs unknown roles as other material', () => {
    const files = plan((c) => {
      c.documents.push({ file: '../outside.jpg', role: 'other' })
      c.documents.push({ file: 'scans/ghost.jpg', role: 'domain-certificate', website: 7 })
      c.documents.push({ file: 'scans/misc.jpg', role: 'mystery' })
    })
    const all = files.flatMap((f) => f.sources.map((s) => s.file))
    expect(all).not.toContain('../outside.jpg')
    expect(all).not.toContain('scans/ghost.jpg')
    expect(files.at(-1)).toMatchObject({ baseName: '06_其他材料', role: 'other' })
  })

  it('leaves a scan nobody gave a role (其他材料) out unless a person kept it (issue 14 item 7)', () => {
    const files = plan((c) => {
      c.documents.push({ file: 'scans/unsorted.jpg', role: 'other' })
      c.documents.push({ file: 'scans/kept.jpg', role: 'other', keep: true })
    })
    const all = files.flatMap((f) => f.sources.map((s) => s.file))
    expect(all).not.toContain('scans/unsorted.jpg')
    expect(all).toContain('scans/kept.jpg')
  })

  it('makes every value safe in a file name, and falls back when a name part is missing', () => {
    expect(safeNamePart('a/b\\c:d*e?"f<g>h|i\u0001j k')).toBe('a_b_c_d_e__f_g_h_i_jk')
    expect(safeNamePart('..hidden')).toBe('hidden')
    const files = plan((c) => {
      c.sponsor.certificateType = '事业单位/法人证书'
      const site = c.websites[0]
      if (site) site.domain = ' '
    })
    expect(files[0]?.baseName).toBe('01_主办单位证件_事业单位_法人证书')
    expect(files.find((f) => f.role === 'domain-certificate')?.baseName).toBe('04_网站1_域名证书')
  })

  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
  it('cuts a long name part by code points, never inside a surrogate pair (issue 13 item 13)', () => {
    const long = `${'营'.repeat(59)}😀证书`
    const cut = safeNamePart(long)
    expect([...cut]).toHaveLength(60)
    expect(cut.endsWith('😀')).toBe(true)
    expect(cut).not.toMatch(LONE_SURROGATE)
    expect(() => encodeURIComponent(cut)).not.toThrow()
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (value) => {
        const part = safeNamePart(value)
        expect(part).not.toMatch(LONE_SURROGATE)
        expect([...part].length).toBeLessThanOrEqual(60)
      }),
    )
  })

  it('applies a provider’s minimum size to the slots it names', () => {
    expect(plan(undefined, provider('aliyun')).find((f) => f.role === 'domain-certificate')?.minBytes).toBe(204800)
    expect(plan(undefined, provider('huawei')).find((f) => f.role === 'domain-certificate')?.minBytes).toBe(0)
  })
})

describe('packaging problems (package-problems.json)', () => {
  const CODES: PackageProblemCode[] = [
    'package-image-unreadable',
    'package-format-unsupported',
    'package-image-cannot-fit',
    'package-image-low-resolution',
    'package-file-below-minimum',
    'package-extra-pages-ignored',
    'package-watermark-no-room',
    'package-id-sides-not-found',
  ]
  const params = {
    file: 'scans/a.jpg',
    name: '01_x.jpg',
    reason: 'bad',
    format: 'HEIC',
    provider: '腾讯云',
    providerEn: 'Tencent Cloud',
    limit: '1.99 MB',
    bytes: '2.5 MB',
    minimum: '205 KB',
    minPx: 1754,
    minQuality: 70,
    width: 300,
    height: 200,
    pages: 3,
    text: '仅供备案使用',
    found: 1,
  }

  it('has exactly the codes the packager raises, each with both languages filled', () => {
    expect(packageData().problems.map((p) => p.code)).toEqual(CODES)
    for (const code of CODES) {
      const f = problemFinding({ code, params, document: 2 })
      expect(f.rule).toBe(code)
      expect(f.field).toBe('documents[2].file')
      for (const text of [f.message, f.messageEn, f.fix, f.fixEn]) expect(text, code).not.toMatch(/\{\w+\}/)
    }
    expect(problemFinding({ code: 'package-image-cannot-fit', variant: 'pdf', params }).message).toMatch(/PDF/)
  })

  it('merges rule and packaging findings errors first, and prints sizes in decimal units', () => {
    const warning = problemFinding({ code: 'package-image-low-resolution', params })
    const error = problemFinding({ code: 'package-image-unreadable', params })
    expect(mergeFindings([warning], [error]).map((f) => f.severity)).toEqual(['error', 'warning'])
    expect([formatBytes(999), formatBytes(204800), formatBytes(1990000), formatBytes(12_345_678)]).toEqual([
      '999 B',
      '205 KB',
      '1.99 MB',
      '12 MB',
    ])
  })
})

describe('uploadExtension (one rule for the export plan and the packer, issue 16.5)', () => {
  it('keeps a PDF only as the one source of a PDF slot for a provider that takes PDF', async () => {
    const { uploadExtension } = await import('../../shared/package/plan')
    const one = { mayBePdf: true, sources: [{ document: 0, file: 'scans/letter.pdf', side: null }] }
    expect(uploadExtension(one, { acceptsPdf: true }, true)).toBe('.pdf')
    expect(uploadExtension(one, { acceptsPdf: false }, true)).toBe('.jpg')
    expect(uploadExtension({ ...one, mayBePdf: false }, { acceptsPdf: true }, true)).toBe('.jpg')
    expect(uploadExtension(one, { acceptsPdf: true }, false)).toBe('.jpg')
  })
})
