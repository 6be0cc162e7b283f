/** 营业执照 (2019+ landscape and portrait, 企业法人营业执照, the 2014 transitional licence, 个体工商户): its fields. */
import { creditCodeAlone, dateAlone, rangeFromAlone, rangeToAlone, registrationNumberAlone } from './alone'
import { specBuilder } from './labels'
import type { KindSpecs } from './types'

const spec = specBuilder('business-licence')

export const BUSINESS_LICENCE: KindSpecs = {
  creditCode: spec({
    field: 'creditCode',
    region: 'creditCode',
    lines: 'one',
    proof: 'check',
    alone: creditCodeAlone,
    about: '统一社会信用代码: 18 characters, GB 32100 check character; found by its shape when the label was not read.',
  }),
  registrationNumber: spec({
    field: 'registrationNumber',
    region: 'registrationNumber',
    lines: 'one',
    proof: 'check',
    alone: registrationNumberAlone,
    about: '注册号 before 2015: 15 digits with a GB/T 17710 check digit (sure), or 13 older digits (never sure).',
  }),
  licenceNumber: spec({
    field: 'licenceNumber',
    region: 'licenceNumber',
    lines: 'one',
    proof: 'none',
    about: '证照编号: digits no check character proves.',
  }),
  entityName: spec({
    field: 'entityName',
    region: 'entityName',
    lines: 'several',
    continuous: true,
    proof: 'agreement',
    about: '名称 (or 字号 of a 个体工商户): an organisation name, brackets in pairs, no label word inside.',
  }),
  entityType: spec({
    field: 'entityType',
    region: 'entityType',
    lines: 'one',
    proof: 'agreement',
    about: '类型 / 主体类型: a registered stem and at most one bracketed qualifier (text-completeness.json).',
  }),
  legalRepresentative: spec({
    field: 'legalRepresentative',
    region: 'legalRepresentative',
    lines: 'one',
    continuous: true,
    proof: 'agreement',
    about: '法定代表人 / 负责人 / 经营者 / 执行事务合伙人: a person name.',
  }),
  establishedOn: spec({
    field: 'establishedOn',
    region: 'establishedOn',
    lines: 'one',
    proof: 'date',
    alone: dateAlone,
    about: '成立日期 / 注册日期: a date.',
  }),
  validFrom: spec({
    field: 'validFrom',
    region: 'term',
    lines: 'several',
    proof: 'date',
    alone: rangeFromAlone,
    about: '营业期限 from: the first date of the range.',
  }),
  validTo: spec({
    field: 'validTo',
    region: 'term',
    lines: 'several',
    proof: 'date',
    alone: rangeToAlone,
    about: '营业期限 to: the second date, or 长期 (long-term).',
  }),
  address: spec({
    field: 'address',
    region: 'address',
    lines: 'several',
    continuous: true,
    proof: 'agreement',
    about: '住所 / 经营场所 / 主要经营场所: an address, often on two lines.',
  }),
}
