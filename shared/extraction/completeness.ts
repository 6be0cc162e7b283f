/**
 * Whether a free-text value read from a scan looks whole. No check character guards a licence's
 * 类型 or an address, so a reading cut short — the start hidden, a wrapped line lost — can come out
 * confident. Such a value is kept (it is what the scan shows) but marked uncertain, so it is a
 * question for the person, never taken by "accept all". Stems and endings: text-completeness.json.
 */
import data from '../data/text-completeness.json' with { type: 'json' }
import type { ExtractedField } from '../model/extracted'
import { toHalfWidth } from '../text/normalise'

const STARTS = [...data.entityTypeStarts].map((s) => toHalfWidth(s))
const ENDS = data.addressEnds

/** True when a licence's 类型 starts as every registered type does. */
export function entityTypeLooksWhole(value: string): boolean {
  const v = toHalfWidth(value).replace(/\s+/g, '')
  return STARTS.some((s) => v.startsWith(s))
}

/** Words of the qualifier in brackets after a 类型 stem (自然人投资或控股, 法人独资, 非上市 …). */
const QUALIFIER = /自然人|法人|独资|控股|投资|合资|合作|上市|国有|外商|台港澳|内资|外资/

/**
 * A licence 类型 as printed: its stem, then at most one bracketed qualifier. What follows the
 * closing bracket is not part of it (an uploader's watermark read on into the line: 「…（自然人投资
 * 或控股）西如高电气有限公司」); a bracket OCR lost is put back. Any such change is a repair, so the
 * value is capped below sure.
 */
export function tidyEntityType(field: ExtractedField | null): ExtractedField | null {
  if (!field) return field
  const v = toHalfWidth(field.value).replace(/\s+/g, '')
  const stem = [...STARTS].sort((a, b) => b.length - a.length).find((s) => v.startsWith(s))
  if (!stem) return field
  let rest = v.slice(stem.length)
  if (rest === '') return field
  if (!rest.startsWith('(') && QUALIFIER.test(rest.replace(/\).*$/, ''))) rest = `(${rest}`
  if (rest.startsWith('(')) {
    const close = rest.indexOf(')')
    if (close >= 0) rest = rest.slice(0, close + 1)
    else rest = QUALIFIER.test(rest) ? `${rest})` : rest
  }
  const value = `${stem}${rest}`.replace(/\(/g, '（').replace(/\)/g, '）')
  const before = toHalfWidth(field.value).replace(/\s+/g, '')
  if (toHalfWidth(value) === before) return field
  return { ...field, value, raw: field.raw ?? field.value, confidence: Math.min(field.confidence, data.uncertainCap), uncertain: true }
}

/** How an organisation's name ends (its form), before which a 类型 read on the same row cannot start. */
const NAME_END = /(?:公司|企业|厂|店|部|社|中心|所|行|馆|场|站|室)$/u
/** Stems that may also end a name (「…有限公司分公司」 is a branch's name): never split at them. */
const NAME_TAILS = new Set(['分公司', '有限公司', '公司'])

/**
 * A licence whose 名称 and 类型 share a row, with the 类型 label lost: the name runs on into the type
 * (「东莞市宏晟交通设施有限公司有限责任公司（自然人投资或控股）」). Split where a registered 类型 stem
 * starts right after a name's form; null when the value holds no such run-on.
 */
export function splitNameAndType(value: string): { name: string; type: string } | null {
  const v = toHalfWidth(value).replace(/\s+/g, '')
  for (let i = 4; i < v.length - 1; i += 1) {
    const name = v.slice(0, i)
    const rest = v.slice(i)
    const stem = (st: string): boolean =>
      !NAME_TAILS.has(st) && rest.startsWith(st) && (rest.length === st.length || rest[st.length] === '(')
    if (NAME_END.test(name) && STARTS.some(stem))
      return { name: name.replace(/\(/g, '（').replace(/\)/g, '）'), type: rest.replace(/\(/g, '（').replace(/\)/g, '）') }
  }
  return null
}

/** Words of a licence's labels: a name holding one took in a label (「注册号1258123」, 「业类型」), not the name. */
const LABEL_WORDS = /注册号|类型|名称|住所|法定代表人|统一社会信用代码|成立日期|营业期限|经营范围|注册资本|经营场所|经营者/

/** True when an organisation's name has its brackets in pairs and holds no label of the licence. */
export function organisationNameLooksWhole(value: string): boolean {
  const v = toHalfWidth(value)
  const open = [...v].filter((c) => c === '(').length
  const close = [...v].filter((c) => c === ')').length
  return open === close && !LABEL_WORDS.test(v)
}

/** A certificate's owner that is only a piece of its label (「有人」 of 所有人, 「持有者」) is not an owner. */
export function ownerLooksWhole(value: string): boolean {
  return !/^(域名)?(所?有人|所有者|持有者?|有者|注册人|注册者|持有人)$/.test(toHalfWidth(value).replace(/\s+/g, ''))
}

/** True when an address ends as a postal address does (its number, unit, building or village). */
export function addressLooksWhole(value: string): boolean {
  const v = value.replace(/\s+/g, '').replace(/[)）]$/, '')
  return ENDS.some((e) => v.endsWith(e))
}

/** The field as read, marked uncertain (and its confidence capped) when it does not look whole. */
export function unlessWhole(field: ExtractedField | null, looksWhole: (value: string) => boolean): ExtractedField | null {
  if (!field || looksWhole(field.value)) return field
  return { ...field, confidence: Math.min(field.confidence, data.uncertainCap), uncertain: true }
}
