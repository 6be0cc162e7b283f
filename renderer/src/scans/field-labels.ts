/**
 * Names for the places a read value goes, as the form labels them ("网站 1 · 网站负责人 · 证件号码"),
 * and for values read that have no place in the form, from the one message catalogue.
 */
import { messages, type MessageKey } from '../../../shared/i18n/messages'
import { parsePath } from '../case/paths'
import type { Translate } from '../i18n'

const SPONSOR: Readonly<Record<string, MessageKey>> = {
  name: 'field.sponsor.name',
  certificateNumber: 'field.sponsor.certificateNumber',
  legalRepresentative: 'field.sponsor.legalRepresentative',
  certificateAddress: 'field.sponsor.certificateAddress',
  certificateValidFrom: 'field.sponsor.certificateValidFrom',
  certificateValidTo: 'field.sponsor.certificateValidTo',
}
const PERSON: Readonly<Record<string, MessageKey>> = {
  name: 'field.person.name',
  idNumber: 'field.person.idNumber',
  idValidFrom: 'field.person.idValidFrom',
  idValidTo: 'field.person.idValidTo',
}
const DOMAIN: Readonly<Record<string, MessageKey>> = {
  owner: 'field.domain.owner',
  registeredOn: 'field.domain.registeredOn',
  expiresOn: 'field.domain.expiresOn',
}

/** The form's label for a field path, with its section: 主办单位 · 统一社会信用代码 … */
export function formFieldLabel(t: Translate, path: string): string {
  const [head, a, b, c] = parsePath(path)
  if (head === 'sponsor' && typeof a === 'string' && SPONSOR[a]) return `${t('section.sponsor')} · ${t(SPONSOR[a])}`
  if (head === 'principal' && typeof a === 'string' && PERSON[a]) return `${t('section.principal')} · ${t(PERSON[a])}`
  if (head === 'websites' && typeof a === 'number') {
    const site = t('section.website', { n: a + 1 })
    if (b === 'domain') return `${site} · ${t('field.website.domain')}`
    if (b === 'manager' && typeof c === 'string' && PERSON[c]) return `${site} · ${t('section.website.manager')} · ${t(PERSON[c])}`
    if (b === 'domainCertificate' && typeof c === 'string' && DOMAIN[c]) return `${site} · ${t(DOMAIN[c])}`
  }
  return path
}

/** The label of a value read from a scan, by its field name. */
export function readFieldLabel(t: Translate, name: string): string {
  const key = `read.${name}`
  return key in messages ? t(key as MessageKey) : name
}
