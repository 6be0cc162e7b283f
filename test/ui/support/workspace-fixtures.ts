/**
 * Case folders for the list tests: one per status, plus a damaged one. All identifiers are
 * synthetic (test/support/ids.ts); every case starts from the complete sample and breaks one thing.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { makeUscc } from '../../support/ids'
import { sampleCase, writeCaseFolder, type EditableCase, type EditableWebsite } from '../../support/sample-case'

export const GUANGZHOU = '广州市青禾文化传播有限公司'
export const GUANGZHOU_USCC = makeUscc('91440101', 'MA59QH7K')
export const ZHUHAI = '珠海市海岸线旅游发展有限公司'
export const FOSHAN = '佛山市南海区启明五金厂'

/** Folder names (case ids) of the fixtures, by status. */
export interface Fixtures {
  readonly ready: string
  readonly toReview: string
  readonly exported: string
  readonly incomplete: string
  readonly broken: string
}

/** The complete sample, filed by another company (its code and address) for another website. */
function sampleOf(sponsor: string, uscc: string, address: string, website: { name: string; domain: string }): EditableCase {
  const c = sampleCase()
  c.sponsor.name = sponsor
  c.sponsor.certificateNumber = uscc
  c.sponsor.certificateAddress = address
  c.sponsor.mailingAddress = address
  const site = c.websites[0]
  if (!site) throw new Error('sample case has a website')
  site.name = website.name
  site.domain = website.domain
  site.homepage = `www.${website.domain}`
  site.domainCertificate.owner = sponsor
  return c
}

/** Writes the fixtures into the workspace before the page loads. */
export async function writeFixtures(workspace: string): Promise<Fixtures> {
  const id = (folder: string) => path.basename(folder)

  const ready = id(await writeCaseFolder(sampleCase(), workspace))

  // 待核对: complete, but the manager's ID runs out within three months, the principal's emergency
  // phone is the manager's mobile (errors) and the site name hints at an interactive service (a warning).
  const review = sampleOf(GUANGZHOU, GUANGZHOU_USCC, '广州市天河区天河路385号太古汇一座2208', {
    name: '青禾文化交流',
    domain: 'qinghe-culture.cn',
  })
  review.principal.emergencyPhone = '13700137000'
  const site = review.websites[0] as EditableWebsite
  site.manager.idValidFrom = '2017-01-15'
  site.manager.idValidTo = '2027-01-15'
  const toReview = id(await writeCaseFolder(review, workspace))

  const exportedCase = sampleOf(ZHUHAI, makeUscc('91440400', 'MA4WHX3N'), '珠海市香洲区情侣中路47号海滨大厦1503', {
    name: '海岸线旅游服务',
    domain: 'coastline-travel.cn',
  }) as EditableCase & Record<string, unknown>
  exportedCase.updatedAt = '2026-11-20T02:00:00.000Z'
  exportedCase.exports = [{ at: '2026-11-21T03:00:00.000Z', file: '/tmp/珠海海岸线_备案材料.zip', provider: 'tencent', ready: true }]
  const exported = id(await writeCaseFolder(exportedCase, workspace))

  const incomplete = id(
    await writeCaseFolder(
      { schemaVersion: 1, province: '广东', filingType: '首次备案', sponsor: { name: FOSHAN, type: '企业' }, websites: [{}] },
      workspace,
    ),
  )

  const brokenFolder = path.join(workspace, 'damaged-case')
  await mkdir(brokenFolder)
  await writeFile(path.join(brokenFolder, 'case.json'), '{ "schemaVersion": 1, "sponsor": ')
  return { ready, toReview, exported, incomplete, broken: 'damaged-case' }
}
