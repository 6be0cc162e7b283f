/**
 * Case folders with realistic scans for packaging tests and the pack benchmark: phone photos of
 * 4000×3000 px and several MB with EXIF and GPS, a sideways photo, A4 scans at 300 DPI, and the
 * OCR readings (`extracted`) that `icp-prep extract` would have stored.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ExtractedDocument } from '../../shared/model/extracted'
import { makeScan, type ScanOptions } from './scan-images'
import { MANAGER_ID, PRINCIPAL_ID, SAMPLE_USCC, sampleCase, writeCaseFolder, type EditableCase } from './sample-case'

type Doc = EditableCase['documents'][number]

export interface FixtureDoc {
  doc: Doc
  scan: ScanOptions
}

function reading(
  kind: ExtractedDocument['kind'],
  fields: Record<string, [string, number]>,
  extra: Partial<ExtractedDocument> = {},
): ExtractedDocument {
  return {
    version: 1,
    kind,
    colour: true,
    image: { width: 4000, height: 3000 },
    fields: Object.fromEntries(Object.entries(fields).map(([k, [value, confidence]]) => [k, { value, confidence }])),
    findings: [],
    engine: 'test fixture',
    ...extra,
  }
}

const PHOTO = { width: 4000, height: 3000 }
const A4 = { width: 2480, height: 3508 }

/** The ten documents of the benchmark case: every slot a Guangdong enterprise filing uses, and more. */
export function tenDocuments(): FixtureDoc[] {
  return [
    {
      doc: {
        file: 'scans/licence.jpg',
        role: 'sponsor-certificate',
        extracted: reading('business-licence', {
          entityName: ['深圳市云帆网络科技有限公司', 0.97],
          creditCode: [SAMPLE_USCC, 0.99],
          legalRepresentative: ['陈思远', 0.95],
          validTo: ['long-term', 0.9],
        }),
      },
      scan: { ...PHOTO, kind: 'licence' },
    },
    {
      doc: {
        file: 'scans/principal-front.jpg',
        role: 'principal-id',
        extracted: reading('id-card', { personName: ['陈思远', 0.96], idNumber: [PRINCIPAL_ID, 0.98] }, { sides: ['front'] }),
      },
      scan: { ...PHOTO, kind: 'id-front', orientation: 6, lines: ['姓名 陈思远', '性别 男  民族 汉', `公民身份号码 ${PRINCIPAL_ID}`] },
    },
    {
      doc: {
        file: 'scans/principal-back.jpg',
        role: 'principal-id',
        extracted: reading('id-card', { validFrom: ['2019-06-30', 0.93], validTo: ['2039-06-30', 0.62] }, { sides: ['back'] }),
      },
      scan: { ...PHOTO, kind: 'id-back', lines: ['签发机关 深圳市公安局南山分局', '有效期限 2019.06.30-2039.06.30'] },
    },
    {
      doc: {
        file: 'scans/manager-front.jpg',
        role: 'manager-id',
        website: 0,
        extracted: reading('id-card', { personName: ['林晓彤', 0.95], idNumber: [MANAGER_ID, 0.97] }, { sides: ['front'] }),
      },
      scan: { width: 2000, height: 1500, kind: 'id-front', lines: ['姓名 林晓彤', `公民身份号码 ${MANAGER_ID}`] },
    },
    {
      doc: {
        file: 'scans/manager-back.jpg',
        role: 'manager-id',
        website: 0,
        extracted: reading('id-card', { validFrom: ['2018-03-15', 0.94], validTo: ['2028-03-15', 0.94] }, { sides: ['back'] }),
      },
      scan: { width: 2000, height: 1500, kind: 'id-back', lines: ['签发机关 广州市公安局天河分局', '有效期限 2018.03.15-2028.03.15'] },
    },
    {
      doc: {
        file: 'scans/domain.jpg',
        role: 'domain-certificate',
        website: 0,
        extracted: reading('domain-certificate', {
          domain: ['yunfan-tech.cn', 0.99],
          domainOwner: ['深圳市云帆网络科技有限公司', 0.96],
          registeredOn: ['2019-05-12', 0.95],
          expiresOn: ['2027-05-12', 0.95],
        }),
      },
      scan: {
        width: 1240,
        height: 1754,
        kind: 'domain',
        noise: 5,
        quality: 85,
        lines: ['域名证书', '域名 yunfan-tech.cn', '持有者 深圳市云帆网络科技有限公司'],
      },
    },
    {
      doc: { file: 'scans/letter.jpg', role: 'commitment-letter' },
      scan: { ...A4, kind: 'letter', lines: ['互联网信息服务备案承诺书', '（单位版）'] },
    },
    { doc: { file: 'scans/authorisation.jpg', role: 'authorisation-letter' }, scan: { ...A4, kind: 'letter', lines: ['授权书'] } },
    {
      doc: { file: 'scans/residence.jpg', role: 'residence-permit' },
      scan: { width: 3000, height: 2000, kind: 'id-front', lines: ['居住证'] },
    },
    { doc: { file: 'scans/other.jpg', role: 'other', keep: true }, scan: { ...A4, kind: 'plain', lines: ['其他材料'] } },
  ]
}

/** Writes a case folder holding `docs` (default: the ten documents) as real scan files. */
export async function writeScannedCase(docs: FixtureDoc[] = tenDocuments(), edit: (c: EditableCase) => void = () => {}): Promise<string> {
  const data = sampleCase()
  data.documents = docs.map((d) => d.doc)
  edit(data)
  const folder = await writeCaseFolder(data)
  created.push(folder)
  for (const d of docs) await writeFile(path.join(folder, ...d.doc.file.split('/')), await makeScan(d.scan))
  return folder
}

const created: string[] = []

/** A new temporary folder, removed by cleanScratch(): the realistic scans are megabytes each. */
export async function scratch(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix))
  created.push(dir)
  return dir
}

/** Removes every folder made by scratch() and writeScannedCase() in this test file. */
export async function cleanScratch(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
}
