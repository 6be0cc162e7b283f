/**
 * The 材料清单 (issue 17 §5): the PDF's text (pdftotext) names what to collect for the sample case,
 * what is here, what is missing and what expires; its fonts are embedded subsets; `icp-prep
 * checklist` writes it and exits 1 while something is missing, 0 when all is here.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checklistPdf } from '../../electron/services/checklist/checklist-pdf'
import { buildChecklist } from '../../shared/fill/checklist'
import { CaseSchema } from '../../shared/model/case'
import { cli, cliProcess } from '../support/cli'
import { poppler } from '../support/letter-scan'
import { sampleCase, SAMPLE_DATE, writeCaseFolder, type EditableCase } from '../support/sample-case'

const flat = (text: string) => text.replace(/\s+/g, '')

/** The sample with a domain certificate missing, an emergency phone not given and the manager's ID running out. */
function incomplete(): EditableCase {
  const c = sampleCase()
  c.documents = c.documents.filter((d) => d.role !== 'domain-certificate')
  c.principal.emergencyPhone = null
  c.websites[0]!.manager.idValidFrom = '2007-02-01'
  c.websites[0]!.manager.idValidTo = '2027-02-01'
  return c
}

describe('buildChecklist', () => {
  it('lists what to collect with what is here, missing or expiring', () => {
    const list = buildChecklist(CaseSchema.parse(incomplete()), { today: SAMPLE_DATE })
    expect(list.collect.map((r) => [r.material, r.statusText])).toEqual([
      ['主办单位证件', '已收到'],
      ['主体负责人身份证', '已收到'],
      ['网站1（云帆软件服务）的网站负责人身份证', '即将到期'],
      ['网站1（云帆软件服务）的域名证书', '缺少'],
      ['广东承诺书', '已收到'],
    ])
    expect(list.info).toEqual(['主体负责人 · 应急联系电话'])
    // The sample's domain runs out within 180 days too: listed, though its certificate is not here.
    expect(list.expiring.map((r) => [r.item, r.date])).toEqual([
      ['网站负责人证件 林晓彤（云帆软件服务）', '2027年02月01日'],
      ['域名 yunfan-tech.cn', '2027年05月12日'],
    ])
  })

  it('asks a government agency for its 标识证书 and 域名业务审核表, and a 前置审批 site for its certificate', () => {
    const c = sampleCase()
    c.sponsor.type = '政府机关'
    c.websites[0]!.serviceContent = ['药品和医疗器械']
    const materials = buildChecklist(CaseSchema.parse(c), { today: SAMPLE_DATE }).collect.map((r) => `${r.material}:${r.statusText}`)
    expect(materials).toContain('标识证书:缺少')
    expect(materials).toContain('网站1（云帆软件服务）的域名业务审核表:缺少')
    expect(materials).toContain('网站1（云帆软件服务）的前置审批文件《互联网药品信息服务资格证书》:缺少')
  })
})

describe('the checklist PDF', () => {
  it('holds the expected items as text, in the embedded letter font', async () => {
    const out = await checklistPdf(CaseSchema.parse(incomplete()), { today: SAMPLE_DATE })
    expect(out.name).toBe('备案材料清单_深圳市云帆网络科技有限公司_2026-12-01.pdf')
    expect(out.missingGlyphs).toEqual([])
    const text = flat(poppler('pdftotext', out.pdf))
    for (const expected of [
      '备案材料清单',
      '深圳市云帆网络科技有限公司',
      '主办单位证件',
      '网站1（云帆软件服务）的域名证书',
      '缺少',
      '即将到期',
      '2027年02月01日',
      '主体负责人·应急联系电话',
      '扫描件要求',
      '第1/1页',
    ])
      expect(text).toContain(expected)
    const fonts = poppler('pdffonts', out.pdf)
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/)
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSerifSC-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/)
    expect(poppler('pdfinfo', out.pdf)).toMatch(/Page size:.*\(A4\)/)
  })

  it('runs onto a second page with many websites, numbering the pages', async () => {
    const c = sampleCase()
    for (let i = 0; i < 12; i += 1) {
      const site = structuredClone(c.websites[0]!)
      site.name = `云帆服务频道${i + 2}`
      site.domain = `yunfan-${i + 2}.cn`
      c.websites.push(site)
    }
    const out = await checklistPdf(CaseSchema.parse(c), { today: SAMPLE_DATE })
    expect(out.pages).toBeGreaterThan(1)
    const text = flat(poppler('pdftotext', out.pdf))
    expect(text).toContain(`第${out.pages}/${out.pages}页`)
    expect(text).toContain('网站13（云帆服务频道13）的域名证书')
  })
})

describe('icp-prep checklist', () => {
  it('writes the PDF and exits 1 while something is missing', async () => {
    const folder = await writeCaseFolder(incomplete())
    const out = path.join(folder, 'out', '清单.pdf')
    const r = await cli('checklist', folder, '-o', out, '--date', SAMPLE_DATE)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`已生成材料清单 Checklist written: ${out}`)
    expect(r.stdout).toContain('[缺少] 网站1（云帆软件服务）的域名证书')
    expect(flat(poppler('pdftotext', new Uint8Array(await readFile(out))))).toContain('网站1（云帆软件服务）的域名证书')
  })

  it('exits 0 for a complete case, names the file itself without -o, and prints JSON', () => {
    const complete = sampleCase()
    complete.websites[0]!.domainCertificate.expiresOn = '2030-05-12'
    return writeCaseFolder(complete).then(async (folder) => {
      const r = cliProcess(['checklist', folder, '--date', SAMPLE_DATE, '--json'], { cwd: folder })
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      const json = JSON.parse(r.stdout) as { output: string; collect: Array<{ status: string }> }
      expect(json.output).toBe(path.join(folder, '备案材料清单_深圳市云帆网络科技有限公司_2026-12-01.pdf'))
      expect(json.collect.every((x) => x.status === 'have')).toBe(true)
      expect((await readFile(json.output)).subarray(0, 5).toString()).toBe('%PDF-')
    })
  }, 60_000)

  it('refuses bad usage with exit 2', async () => {
    expect((await cli('checklist')).code).toBe(2)
    expect((await cli('checklist', '/nonexistent-case', '-o', 'x.txt')).code).toBe(2)
    expect((await cli('checklist', '/nonexistent-case')).code).toBe(2)
  })
})
