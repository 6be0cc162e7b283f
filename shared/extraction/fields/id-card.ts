/** 居民身份证 (GB 21200): the portrait side (姓名 … 公民身份号码) and the emblem side (签发机关, 有效期限). */
import { dateAlone, rangeFromAlone, rangeToAlone, residentIdAlone } from './alone'
import { interpretEthnicity, interpretIssuer, interpretSex } from '../interpret'
import { specBuilder } from './labels'
import type { KindSpecs } from './types'

const spec = specBuilder('id-card')

export const ID_CARD: KindSpecs = {
  personName: spec({
    field: 'personName',
    region: 'personName',
    lines: 'one',
    continuous: true,
    proof: 'agreement',
    about: '姓名: two to four Han characters (a minority name with its middle dot); placed above 性别 when its label was not read.',
  }),
  sex: spec({
    field: 'sex',
    region: 'sex',
    lines: 'one',
    proof: 'agreement',
    alone: (r) => interpretSex([r])?.value ?? null,
    about: '性别: 男 or 女; the proven ID number decides when they disagree.',
  }),
  ethnicity: spec({
    field: 'ethnicity',
    region: 'ethnicity',
    lines: 'one',
    proof: 'agreement',
    alone: (r) => interpretEthnicity([r])?.value ?? null,
    about: '民族: one of the 56 names, read together with its label.',
  }),
  birthDate: spec({
    field: 'birthDate',
    region: 'birthDate',
    lines: 'one',
    proof: 'date',
    alone: dateAlone,
    about: '出生: a date with spaces around 年 月 日; taken from the proven ID number when not read.',
  }),
  address: spec({
    field: 'address',
    region: 'address',
    lines: 'several',
    continuous: true,
    proof: 'agreement',
    about: '住址: up to four lines, left of the photo.',
  }),
  idNumber: spec({
    field: 'idNumber',
    region: 'idNumber',
    lines: 'one',
    proof: 'resident-id',
    alone: residentIdAlone,
    about: '公民身份号码: 18 characters, ISO 7064 check character, a real birth date agreeing with 出生.',
  }),
  issuer: spec({
    field: 'issuer',
    region: 'issuer',
    lines: 'several',
    continuous: true,
    proof: 'agreement',
    alone: (r) => interpretIssuer([r])?.value ?? null,
    about: '签发机关: a public security bureau or branch, ending with 局 (or 所).',
  }),
  validFrom: spec({
    field: 'validFrom',
    region: 'term',
    lines: 'several',
    proof: 'date',
    alone: rangeFromAlone,
    about: '有效期限 from: 2016.01.02-2036.01.02 or 2016.01.02-长期; found by its shape when the label was not read.',
  }),
  validTo: spec({
    field: 'validTo',
    region: 'term',
    lines: 'several',
    proof: 'date',
    alone: rangeToAlone,
    about: '有效期限 to: the second date, or 长期 (long-term).',
  }),
}
