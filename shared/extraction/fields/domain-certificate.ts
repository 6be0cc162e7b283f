/** 域名证书 of the registrars (xinnet, dnspod, aliyun, huawei …): the domain, its owner and its dates. */
import { dateAlone } from './alone'
import { interpretDomain } from '../interpret'
import { specBuilder } from './labels'
import type { KindSpecs } from './types'

const spec = specBuilder('domain-certificate')

export const DOMAIN_CERTIFICATE: KindSpecs = {
  domain: spec({
    field: 'domain',
    region: 'domain',
    lines: 'one',
    proof: 'agreement',
    alone: (r) => interpretDomain([r])?.value ?? null,
    about: "域名: ends in a listed suffix; a listed suffix does not prove it is this certificate's domain.",
  }),
  domainOwner: spec({
    field: 'domainOwner',
    region: 'domainOwner',
    lines: 'several',
    continuous: true,
    proof: 'agreement',
    // Latin letters alone are the pinyin line under the Chinese one (「yuchanglong」 for 余昌龙), a
    // transliteration nothing checks: never sure.
    alone: (r) => (/\p{Script=Han}/u.test(r.text) ? r.text : null),
    about: '域名所有者 / 所有人 / 注册人: an organisation or a person, the Chinese line rather than its pinyin.',
  }),
  registeredOn: spec({
    field: 'registeredOn',
    region: 'registeredOn',
    lines: 'one',
    proof: 'date',
    alone: dateAlone,
    about: '注册日期: a date.',
  }),
  expiresOn: spec({
    field: 'expiresOn',
    region: 'expiresOn',
    lines: 'one',
    proof: 'date',
    alone: dateAlone,
    about: '到期日期 / 有效期至: a date.',
  }),
}
