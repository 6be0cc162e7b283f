/**
 * A complete, correct Guangdong enterprise case (no findings on 2026-12-01), and helpers to write
 * it as a case folder with real (tiny, colour) scan files. Tests start from it and break one thing.
 * Every identifier is synthetic: made by test/support/ids.ts, not copied from a real person.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import type { LetterScan } from '../../shared/letter/scan-result'
import type { CaseInput } from '../../shared/model/case'
import { makeResidentId, makeUscc } from './ids'

export const SAMPLE_DATE = '2026-12-01'
export const SAMPLE_USCC = makeUscc('91440300', 'MA5FXK2L') // 91440300MA5FXK2L9W
export const PRINCIPAL_ID = makeResidentId('440305', '19850612', '123')
export const MANAGER_ID = makeResidentId('440106', '19960214', '246')

type Text = string | null
export type EditablePerson = Record<
  'name' | 'idType' | 'idNumber' | 'idValidFrom' | 'idValidTo' | 'mobile' | 'emergencyPhone' | 'email',
  Text
>
export interface EditableWebsite {
  name: Text
  domain: Text
  homepage: Text
  previousFilingDate: Text
  serviceContent: string[]
  manager: EditablePerson
  domainCertificate: { owner: Text; registeredOn: Text; expiresOn: Text; realNameVerifiedOn?: Text }
  preApprovals: Array<{ category: Text; certificateNumber: Text; validTo: Text }>
  /** 网站服务内容, 网站语言 and 网站备注 (issue 14.15); absent in the sample, as in cases written before them. */
  serviceCategories?: string[]
  languages?: string[]
  remark?: Text
}
/** The sample as plain, fully present objects, so tests can break one field without ceremony. */
export interface EditableCase {
  schemaVersion: number
  province: Text
  filingType: Text
  submissionDate: Text
  remark?: Text
  sponsor: Record<string, Text>
  principal: EditablePerson
  websites: EditableWebsite[]
  documents: Array<{ file: string; role: string; website?: number; preApproval?: number; extracted?: unknown; keep?: boolean }>
}

export function sampleCase(): EditableCase {
  return {
    schemaVersion: 1,
    province: '广东',
    filingType: '首次备案',
    submissionDate: SAMPLE_DATE,
    sponsor: {
      type: '企业',
      name: '深圳市云帆网络科技有限公司',
      certificateType: '营业执照',
      certificateNumber: SAMPLE_USCC,
      certificateAddress: '深圳市南山区粤海街道科技园科苑路15号科兴科学园B栋3单元1201',
      mailingAddress: '深圳市南山区粤海街道科技园科苑路15号科兴科学园B栋3单元1201',
      legalRepresentative: '陈思远',
      certificateValidFrom: '2016-05-12',
      certificateValidTo: 'long-term',
      businessScope: '计算机软件开发；信息技术咨询服务；网页设计。',
    },
    principal: {
      name: '陈思远',
      idType: '居民身份证',
      idNumber: PRINCIPAL_ID,
      idValidFrom: '2019-06-30',
      idValidTo: '2039-06-30',
      mobile: '13800138000',
      emergencyPhone: '13900139000',
      email: 'chen.siyuan@yunfan-tech.cn',
    },
    websites: [
      {
        name: '云帆软件服务',
        domain: 'yunfan-tech.cn',
        homepage: 'www.yunfan-tech.cn',
        previousFilingDate: null,
        serviceContent: [],
        manager: {
          name: '林晓彤',
          idType: '居民身份证',
          idNumber: MANAGER_ID,
          idValidFrom: '2018-03-15',
          idValidTo: '2028-03-15',
          mobile: '13700137000',
          emergencyPhone: '13600136000',
          email: 'lin.xiaotong@yunfan-tech.cn',
        },
        domainCertificate: { owner: '深圳市云帆网络科技有限公司', registeredOn: '2019-05-12', expiresOn: '2027-05-12' },
        preApprovals: [],
      },
    ],
    documents: [
      { file: 'scans/licence.jpg', role: 'sponsor-certificate' },
      { file: 'scans/principal-id.jpg', role: 'principal-id' },
      { file: 'scans/manager-id.jpg', role: 'manager-id', website: 0 },
      { file: 'scans/domain.jpg', role: 'domain-certificate', website: 0 },
      { file: 'scans/letter.jpg', role: 'commitment-letter' },
    ],
  }
}

/** Writes a case folder with a small colour JPEG for each document; returns the folder. */
export async function writeCaseFolder(data: CaseInput | EditableCase = sampleCase(), parent?: string): Promise<string> {
  const folder = await mkdtemp(path.join(parent ?? tmpdir(), 'icp-case-'))
  await writeFile(path.join(folder, 'case.json'), JSON.stringify(data, null, 2))
  for (const doc of data.documents ?? []) {
    const target = path.join(folder, ...doc.file.split('/'))
    await mkdir(path.dirname(target), { recursive: true })
    const jpeg = await sharp({ create: { width: 64, height: 40, channels: 3, background: { r: 200, g: 60, b: 40 } } })
      .jpeg()
      .toBuffer()
    await writeFile(target, jpeg)
  }
  return folder
}

/** The sample case filed by a person (个人) instead of a company: the principal is the sponsor and owns the domain. */
export function asIndividualSponsor(c: EditableCase): void {
  c.sponsor = {
    type: '个人',
    name: '陈思远',
    certificateType: '居民身份证',
    certificateNumber: PRINCIPAL_ID,
    mailingAddress: '广东省深圳市南山区科苑路15号1201',
  }
  c.documents = c.documents.filter((d) => d.role !== 'sponsor-certificate')
  const site = c.websites[0]
  if (site) site.domainCertificate.owner = '陈思远'
}

/** A commitment-letter scan's stored reading, as the OCR pipeline writes it into case.json. */
export function letterReading(
  text: readonly string[] | undefined,
  letter: LetterScan | undefined,
  image = { width: 1240, height: 1754 },
): unknown {
  return {
    version: 1,
    kind: 'commitment-letter',
    colour: true,
    image,
    fields: {},
    findings: [],
    ...(text ? { text } : {}),
    ...(letter ? { letter } : {}),
  }
}
