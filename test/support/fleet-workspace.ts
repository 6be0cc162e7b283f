/**
 * A generated workspace of many customers (issue 17): N case folders made from the complete sample,
 * each a different company (name, credit code, people, ID numbers, phones, domain), in a spread of
 * filing statuses and expiry dates, with the sample's five small scans. Every identifier is
 * synthetic (test/support/ids.ts). For the list benchmark and the list and expiry UI tests.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { addDays, addYears } from '../../shared/dates/iso-date'
import { makeResidentId, makeUscc } from './ids'
import { sampleCase } from './sample-case'

const CITIES = ['深圳', '广州', '珠海', '佛山', '东莞', '中山', '惠州', '江门']
const WORDS = ['云帆', '青禾', '海岸线', '启明', '星河', '远航', '锦程', '蓝图', '华信', '嘉禾', '瑞丰', '恒通']
const TRADES = ['网络科技', '文化传播', '信息技术', '电子商务', '软件开发', '教育咨询']
const SURNAMES = ['陈', '林', '王', '李', '张', '黄', '吴', '刘', '周', '郑']
const GIVEN = ['思远', '晓彤', '建国', '嘉怡', '志强', '雨欣', '浩然', '美玲', '子涵', '伟杰']
const ALPHANUM = '0123456789ABCDEFGHJKLMNPQRTUWXY'

export interface FleetOptions {
  readonly count: number
  /** The day the dates are spread around (expiries from 30 days before it to two years after). */
  readonly today: string
}

function body8(i: number): string {
  let n = i * 7919 + 12345
  let out = 'MA'
  for (let k = 0; k < 6; k += 1) {
    out += ALPHANUM[n % ALPHANUM.length]
    n = Math.floor(n / ALPHANUM.length)
  }
  return out
}

/** The i-th generated case (deterministic). */
export function fleetCase(i: number, today: string): Record<string, unknown> {
  const c = sampleCase() as unknown as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
  const city = CITIES[i % CITIES.length] as string
  const word = `${WORDS[i % WORDS.length] as string}${i >= WORDS.length ? String(Math.floor(i / WORDS.length)) : ''}`
  const name = `${city}市${word}${TRADES[i % TRADES.length] as string}有限公司`
  const person = (k: number) =>
    `${SURNAMES[k % SURNAMES.length] as string}${GIVEN[Math.floor(k / SURNAMES.length) % GIVEN.length] as string}`
  c.sponsor.name = name
  c.sponsor.certificateNumber = makeUscc('91440300', body8(i))
  c.principal.name = person(i)
  c.sponsor.legalRepresentative = c.principal.name // Guangdong: a unit's principal is its legal representative
  c.principal.idNumber = makeResidentId('440305', `19${70 + (i % 25)}0612`, String(100 + (i % 800)).padStart(3, '0'))
  c.principal.mobile = `138${String(10_000_000 + i).slice(-8)}`
  c.principal.emergencyPhone = `139${String(10_000_000 + i).slice(-8)}`
  // Dates spread from a month ago to two years ahead, so every window of the expiry watch is used.
  c.principal.idValidTo = addDays(today, ((i * 37) % 760) - 30)
  // Every seventh principal's ID has run out already (some of them in filed cases: rectification notices).
  if (i % 7 === 3) c.principal.idValidTo = addDays(today, -1 - (i % 20))
  // A 20-year card ends on its start's month and day (居民身份证法 第五条), as the span rule checks.
  c.principal.idValidFrom = addYears(c.principal.idValidTo, -20)
  const site = c.websites[0]
  site.name = `${word}服务平台`
  site.domain = `fleet-${i}.cn`
  site.homepage = `www.fleet-${i}.cn`
  site.domainCertificate.owner = name
  site.domainCertificate.expiresOn = addDays(today, ((i * 53) % 700) + 95)
  site.manager.name = person(i + 3)
  site.manager.idNumber = makeResidentId('440106', `19${80 + (i % 15)}0214`, String(200 + (i % 700)).padStart(3, '0'))
  site.manager.mobile = `137${String(10_000_000 + i).slice(-8)}`
  site.manager.emergencyPhone = `136${String(10_000_000 + i).slice(-8)}`
  const stage = i % 5
  if (stage >= 2) {
    const history: Array<Record<string, unknown>> = [
      { status: 'submitted', date: addDays(today, -60), provider: 'tencent', orderNumber: `T${i}` },
    ]
    if (stage >= 3)
      history.push({
        status: 'filed',
        date: addDays(today, -40),
        filingNumber: `粤ICP备2026${String(i).padStart(6, '0')}号`,
        siteNumbers: [`粤ICP备2026${String(i).padStart(6, '0')}号-1`],
      })
    c.filing = { history }
  }
  return c
}

/** Writes the cases into `root` (folders fleet-0001 …) with the sample's scans; returns their ids. */
export async function writeFleetWorkspace(root: string, options: FleetOptions): Promise<string[]> {
  const jpeg = await sharp({ create: { width: 64, height: 40, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .jpeg()
    .toBuffer()
  const ids: string[] = []
  for (let i = 0; i < options.count; i += 1) {
    const id = `fleet-${String(i + 1).padStart(4, '0')}`
    const folder = path.join(root, id)
    const c = fleetCase(i, options.today)
    await mkdir(path.join(folder, 'scans'), { recursive: true })
    await writeFile(path.join(folder, 'case.json'), JSON.stringify(c, null, 2))
    for (const doc of c.documents as Array<{ file: string }>) await writeFile(path.join(folder, ...doc.file.split('/')), jpeg)
    ids.push(id)
  }
  return ids
}
