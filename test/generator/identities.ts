/**
 * Synthetic identities for generated scans: one sponsor (a company or a 个体工商户), its principal
 * (the legal representative), a website manager and a domain — consistent with each other, with
 * identifiers that pass their check characters, and deterministic from a seed. Nothing here is a
 * real person's or company's data; the numbers are made by the same algorithms the app checks.
 */
import areaData from '../../shared/data/area-codes.json' with { type: 'json' }
import { addDays, addYears, ageOn, fromParts, type IsoDate } from '../../shared/dates/iso-date'
import { USCC_ALPHABET } from '../../shared/ids/uscc'
import { makeResidentId, makeUscc } from '../support/ids'
import { rng, type Rng } from './random'

const codes = areaData.codes as Record<string, string>

export interface PersonIdentity {
  readonly name: string
  readonly sex: 'male' | 'female'
  readonly ethnicity: string
  readonly birthDate: IsoDate
  readonly address: string
  readonly idNumber: string
  /** 签发机关, e.g. 深圳市公安局南山分局. */
  readonly issuer: string
  readonly validFrom: IsoDate
  readonly validTo: IsoDate | 'long-term'
}

export interface SponsorIdentity {
  readonly entityName: string
  readonly creditCode: string
  readonly entityType: string
  readonly individualBusiness: boolean
  readonly legalRepresentative: string
  readonly establishedOn: IsoDate
  /** 营业期限; absent on 个体工商户 licences, which print 注册日期 only. */
  readonly validFrom?: IsoDate
  readonly validTo?: IsoDate | 'long-term'
  readonly address: string
  readonly licenceNumber: string
  readonly registeredCapital: string
  readonly businessScope: string
  /** 登记机关 and the date printed beside the seal. */
  readonly registrar: string
  readonly issuedOn: IsoDate
}

export interface DomainIdentity {
  readonly domain: string
  readonly owner: string
  readonly registeredOn: IsoDate
  readonly expiresOn: IsoDate
  readonly registrar: string
}

/** Everything one filing needs, as a generator and the `demo` sample case would use it. */
export interface SponsorSet {
  readonly sponsor: SponsorIdentity
  readonly principal: PersonIdentity
  readonly manager: PersonIdentity
  readonly domain: DomainIdentity
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
]
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志文晓红玉梅海燕鹏飞宇浩然子涵欣怡思远晨轩嘉琪雨婷俊杰佳慧博文凯瑞雅琳家豪欣妍振宇天佑梓萱诗琪',
]
const ETHNICITIES = ['汉', '汉', '汉', '汉', '汉', '汉', '壮', '回', '满', '苗', '土家', '彝', '蒙古', '瑶']
const BRANDS = [...'云帆星辰启明博远恒信华创嘉禾盛达鼎新天润瑞丰汇通智联宏图卓越锦程立信']
const TRADES = ['网络科技', '信息技术', '软件开发', '电子商务', '文化传媒', '商贸', '教育咨询', '餐饮管理', '物流', '智能设备']
const SCOPES = [
  '计算机软件开发；信息技术咨询服务；网页设计；数据处理服务。',
  '日用百货、文具用品、电子产品的销售；货物及技术进出口。',
  '企业管理咨询；市场营销策划；会议及展览服务；广告设计、代理。',
  '餐饮管理；食品销售（仅销售预包装食品）；外卖递送服务。',
]
const ROADS = ['科苑路', '深南大道', '中山路', '人民路', '建设路', '解放路', '新华路', '滨河大道', '学府路', '创业路', '东风路', '文化路']
const SYLLABLES = [
  'yun',
  'fan',
  'xing',
  'chen',
  'hui',
  'tong',
  'rui',
  'feng',
  'hong',
  'tu',
  'jia',
  'he',
  'sheng',
  'da',
  'zhi',
  'lian',
  'ding',
  'xin',
]
const TLDS = ['cn', 'com', 'com.cn', 'net', 'top', 'cn', 'com']
const REGISTRARS = ['阿里云计算有限公司', '北京新网数码信息技术有限公司', '腾讯云计算（北京）有限责任公司', '成都西维数码科技有限公司']

/** Districts (6-digit codes ending in a non-zero county part) under prefecture-level cities. */
const DISTRICTS = Object.keys(codes).filter(
  (c) => /^\d{6}$/.test(c) && !c.endsWith('00') && /区$/.test(codes[c] ?? '') && codes[`${c.slice(0, 4)}00`],
)

function personName(r: Rng): string {
  const given = r.chance(0.7) ? r.pick(GIVEN) + r.pick(GIVEN) : r.pick(GIVEN)
  return r.pick(SURNAMES) + given
}

function district(r: Rng, provincePrefix?: string): { code: string; province: string; city: string; district: string } {
  const pool = provincePrefix ? DISTRICTS.filter((c) => c.startsWith(provincePrefix)) : DISTRICTS
  const code = r.pick(pool.length > 0 ? pool : DISTRICTS)
  const province = codes[`${code.slice(0, 2)}0000`] ?? ''
  const cityFull = codes[`${code.slice(0, 4)}00`] ?? ''
  const full = codes[code] ?? ''
  const city = cityFull.startsWith(province) ? cityFull.slice(province.length) : cityFull
  const districtName = full.startsWith(cityFull) ? full.slice(cityFull.length) : full
  return { code, province, city, district: districtName }
}

function streetAddress(r: Rng, place: { province: string; city: string; district: string }, withProvince: boolean): string {
  const head = `${withProvince ? place.province : ''}${place.city}${place.district}`
  const tail = r.chance(0.5)
    ? `${r.int(1, 30)}栋${r.int(1, 28)}${String(r.int(1, 20)).padStart(2, '0')}室`
    : `${r.int(1, 12)}楼${r.int(101, 999)}号`
  return `${head}${r.pick(ROADS)}${r.int(1, 399)}号${tail}`
}

function date(r: Rng, fromYear: number, toYear: number): IsoDate {
  const year = r.int(fromYear, toYear)
  const month = r.int(1, 12)
  return fromParts({ year, month, day: r.int(1, 28) })
}

/** A resident of a district, with a card whose validity matches their age at issue. */
export function makePerson(seed: number | string, options: { provincePrefix?: string; name?: string } = {}): PersonIdentity {
  const r = rng(seed)
  const place = district(r, options.provincePrefix)
  const birthDate = date(r, 1958, 2004)
  const sex = r.chance(0.5) ? 'male' : 'female'
  let seq = r.int(0, 998)
  if ((seq % 2 === 1) !== (sex === 'male')) seq += 1
  const idNumber = makeResidentId(place.code, birthDate.replaceAll('-', ''), String(seq).padStart(3, '0'))
  // Issued some time after their 16th birthday, up to 2025.
  const earliest = Math.max(Number(birthDate.slice(0, 4)) + 16, 2006)
  const validFrom = date(r, Math.min(earliest, 2024), 2025)
  const age = ageOn(birthDate, validFrom)
  const years = age < 16 ? 5 : age <= 25 ? 10 : age <= 45 ? 20 : null
  return {
    name: options.name ?? personName(r),
    sex,
    ethnicity: r.pick(ETHNICITIES),
    birthDate,
    address: streetAddress(r, place, true),
    idNumber,
    issuer: `${place.city}公安局${place.district.replace(/区$/, '')}分局`,
    validFrom,
    validTo: years === null ? 'long-term' : addYears(validFrom, years),
  }
}

function orgBody(r: Rng): string {
  // The 9-character 主体标识码 body: new codes mostly start with MA; the body avoids I, O, Z, S, V.
  const alphabet = USCC_ALPHABET.replace(/[IOZSV]/g, '')
  const head = r.chance(0.6) ? 'MA' : String(r.int(10, 99))
  let body = head
  while (body.length < 8) body += r.pick([...alphabet])
  return body
}

/** A sponsor in a province (default 广东), its legal representative and manager, and its domain. */
export function makeSponsorSet(seed: number | string, options: { provincePrefix?: string; individualBusiness?: boolean } = {}): SponsorSet {
  const r = rng(seed)
  const prefix = options.provincePrefix ?? '44'
  const individualBusiness = options.individualBusiness ?? r.chance(0.2)
  const place = district(r, prefix)
  const principal = makePerson(r.int(0, 2 ** 31), { provincePrefix: prefix })
  const manager = makePerson(r.int(0, 2 ** 31), { provincePrefix: prefix })
  const brand = r.pick(BRANDS) + r.pick(BRANDS)
  const trade = r.pick(TRADES)
  const entityName = individualBusiness
    ? `${place.city}${place.district}${brand}${trade.slice(0, 2)}${r.pick(['店', '工作室', '商行'])}`
    : `${place.city}${brand}${trade}有限公司`
  let creditCode: string
  for (;;) {
    try {
      creditCode = makeUscc(`${individualBusiness ? '92' : '91'}${place.code}`, orgBody(r))
      break
    } catch {
      // The body's own check character came out as a letter the code cannot hold: draw again.
    }
  }
  const establishedOn = date(r, 2003, 2024)
  const longTerm = r.chance(0.6)
  const validTo = longTerm ? 'long-term' : addDays(addYears(establishedOn, r.pick([10, 20, 30, 50])), -1)
  const issuedOn = date(r, Number(establishedOn.slice(0, 4)), 2025)
  const sponsor: SponsorIdentity = {
    entityName,
    creditCode,
    entityType: individualBusiness ? '个体工商户' : r.pick(['有限责任公司(自然人独资)', '有限责任公司(自然人投资或控股)', '有限责任公司']),
    individualBusiness,
    legalRepresentative: principal.name,
    establishedOn,
    ...(individualBusiness ? {} : { validFrom: establishedOn, validTo }),
    address: streetAddress(r, place, r.chance(0.5)),
    licenceNumber: `${place.code}${issuedOn.slice(0, 4)}${String(r.int(0, 99999999)).padStart(8, '0')}`,
    registeredCapital: `人民币${r.pick(['10', '50', '100', '200', '500', '1000'])}万元`,
    businessScope: r.pick(SCOPES),
    registrar: `${place.city}市场监督管理局`,
    issuedOn,
  }
  const registeredOn = date(r, 2010, 2025)
  const domain: DomainIdentity = {
    domain: `${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}${r.chance(0.3) ? `-${r.pick(SYLLABLES)}` : ''}.${r.pick(TLDS)}`,
    owner: entityName,
    registeredOn,
    expiresOn: addYears(registeredOn, r.int(2, 10) + (2026 - Number(registeredOn.slice(0, 4)))),
    registrar: r.pick(REGISTRARS),
  }
  return { sponsor, principal, manager, domain }
}
