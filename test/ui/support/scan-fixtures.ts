/**
 * Synthetic scans for the browser tests, made with the project's generator (test/generator): a
 * sponsor's licence, the principal's ID card (both sides on one page), the manager's ID card sides
 * and the domain certificate, in a folder with the Chinese names people give them; plus a damaged
 * photo (a JPEG cut short) and a file that is no scan at all. Every identifier is synthetic.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { generateDocument, makeSponsorSet, type DocumentSpec, type SponsorSet } from '../../generator/index'

/** The files a test drops, by what they are. */
export interface FlowScans {
  readonly set: SponsorSet
  /** The folder holding the five scans (dropped as a folder). */
  readonly folder: string
  readonly files: Readonly<Record<'licence' | 'principal' | 'managerFront' | 'managerBack' | 'domain', string>>
  /** A JPEG cut short: it passes the format check and fails when decoded. */
  readonly damaged: string
  /** A text file renamed .jpg: refused when added. */
  readonly notScan: string
}

const NAMES = {
  licence: '营业执照.jpg',
  principal: '主体负责人身份证.jpg',
  managerFront: '网站负责人身份证-人像面.jpg',
  managerBack: '网站负责人身份证-国徽面.jpg',
  domain: '域名证书.jpg',
} as const

/** Writes the scans of one synthetic sponsor (a company, not a 个体工商户). */
export async function makeFlowScans(seed: number): Promise<FlowScans> {
  const root = await mkdtemp(path.join(tmpdir(), 'icp-ui-scans-'))
  const folder = path.join(root, '客户扫描件')
  await mkdir(folder)
  const set = makeSponsorSet(seed, { individualBusiness: false })
  // The principal's A4 page at 330 dpi: a scan good enough to pass the resolution check, as asked for.
  const specs: Record<keyof typeof NAMES, DocumentSpec> = {
    licence: { type: 'licence', seed },
    principal: { type: 'id-both', person: 'principal', seed, dpi: 330 },
    managerFront: { type: 'id-front', person: 'manager', seed },
    managerBack: { type: 'id-back', person: 'manager', seed },
    domain: { type: 'domain-certificate', seed },
  }
  const docs = Object.fromEntries(
    await Promise.all(Object.entries(specs).map(async ([key, spec]) => [key, await generateDocument(set, spec)] as const)),
  ) as Record<keyof typeof NAMES, Awaited<ReturnType<typeof generateDocument>> | undefined>
  const licence = docs.licence
  const files = {} as Record<keyof typeof NAMES, string>
  for (const key of Object.keys(NAMES) as Array<keyof typeof NAMES>) {
    const doc = docs[key]
    if (!doc) throw new Error(`the generator made no ${key}`)
    files[key] = path.join(folder, NAMES[key])
    await writeFile(files[key], doc.data)
  }
  const damaged = path.join(root, '手机照片-损坏.jpg')
  await writeFile(damaged, (licence?.data ?? Buffer.alloc(0)).subarray(0, 3000))
  const notScan = path.join(root, '备注.jpg')
  await writeFile(notScan, '这不是扫描件，是一段文字。')
  return { set, folder, files, damaged, notScan }
}
