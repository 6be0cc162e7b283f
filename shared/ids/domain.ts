/**
 * Domain names as a filing records them: the registrable domain (example.com, 例子.中国), one per
 * website since 2019, and a 首页地址 that must lie under it.
 */
import suffixes from '../data/domain-suffixes.json' with { type: 'json' }
import { toHalfWidth } from '../text/normalise'
import { issue, result, type ValidationIssue, type ValidationResult } from './issue'
import { toAsciiLabel, toUnicodeLabel } from './punycode'

const SECOND_LEVEL_UNDER_CN = new Set(suffixes.secondLevelUnderCn)
const FILEABLE_TLDS = new Set(suffixes.fileableTlds)

export interface DomainDetails {
  /** The whole name in ASCII (xn--) form. */
  readonly ascii: string
  readonly tld: string
  /** The registrable part: example.com, example.com.cn, 例子.中国. */
  readonly registrable: string
  readonly isSubdomain: boolean
}

/**
 * Lower-case, half-width, IDNA full stops folded, scheme, path, port and trailing dot removed.
 * People paste URLs into the domain box; the filing wants the bare name.
 */
export function normaliseDomain(value: string): string {
  let v = toHalfWidth(value).normalize('NFKC').trim().toLowerCase()
  v = v.replace(/[\u3002\uff0e\uff61]/g, '.')
  v = v.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
  v = v
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
  return v
}

/**
 * The domain as people read it: normalised, with xn-- labels shown in Chinese
 * (xn--2qup42a3qbc8m.xn--fiqs8s → 灵犀科技.中国). Use it in messages and for the suffix lists.
 */
export function displayDomain(value: string): string {
  return normaliseDomain(value).split('.').map(toUnicodeLabel).join('.')
}

/**
 * One key for one domain, whichever form was typed: every label in its ASCII form (UTS-46 in the
 * parts that matter here: NFKC, lower case, IDNA full stops, then Punycode). Compare with this.
 */
export function canonicalDomain(value: string): string {
  return displayDomain(value).split('.').map(toAsciiLabel).join('.')
}

function registrableOf(labels: readonly string[]): string {
  const n = labels.length
  const tld = labels[n - 1] ?? ''
  const second = labels[n - 2] ?? ''
  const take = tld === 'cn' && SECOND_LEVEL_UNDER_CN.has(second) && n >= 3 ? 3 : 2
  return labels.slice(Math.max(0, n - take)).join('.')
}

const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u

export function validateDomain(input: string): ValidationResult<DomainDetails> {
  // Judged in its Chinese form, so xn--fiqs8s is recognised as the fileable 中国.
  const domain = displayDomain(input)
  const errors: ValidationIssue[] = []
  const warnings: ValidationIssue[] = []
  if (domain === '') return result(domain, [issue('empty', '未填写域名', 'The domain is empty')], [])

  const labels = domain.split('.')
  if (labels.length < 2) {
    errors.push(issue('no-tld', '域名缺少后缀（如 .com、.cn）', 'The domain has no top-level part (.com, .cn …)'))
    return result(domain, errors, warnings)
  }
  for (const label of labels) {
    if (label === '') {
      errors.push(issue('empty-label', '域名中有连续的点或以点开头', 'The domain has an empty label (two dots in a row or a leading dot)'))
      return result(domain, errors, warnings)
    }
    if (!LABEL.test(label)) {
      errors.push(
        issue(
          'label-characters',
          `“${label}” 含有不允许的字符（只能用字母、数字、汉字和中间的连字符）`,
          `"${label}" has characters a domain cannot contain (letters, digits, Han characters and inner hyphens only)`,
        ),
      )
      continue
    }
    const ascii = toAsciiLabel(label)
    if (ascii.length > 63) {
      errors.push(
        issue('label-too-long', `“${label}” 超过63个字符（按编码后计算）`, `"${label}" is longer than 63 characters once encoded`),
      )
    }
    if (/^[a-z0-9]{2}--/.test(label) && !label.startsWith('xn--')) {
      errors.push(issue('label-hyphens', `“${label}” 第3、4位不能同时为连字符`, `"${label}" may not have hyphens in positions 3 and 4`))
    }
  }
  const ascii = labels.map(toAsciiLabel).join('.')
  if (ascii.length > 253) errors.push(issue('too-long', '域名总长度超过253个字符', 'The domain is longer than 253 characters'))
  const tld = labels[labels.length - 1] as string
  if (/^\d+$/.test(tld)) errors.push(issue('numeric-tld', '这是IP地址而不是域名', 'This is an IP address, not a domain'))
  if (errors.length > 0) return result(domain, errors, warnings)

  const registrable = registrableOf(labels)
  const isSubdomain = registrable !== domain
  if (isSubdomain) {
    warnings.push(
      issue(
        'subdomain',
        `备案填写主域名 ${registrable}，不要填写子域名 ${domain}`,
        `File the registrable domain ${registrable}, not the subdomain ${domain}`,
      ),
    )
  }
  const suffix = labels.slice(-2).join('.')
  if (!FILEABLE_TLDS.has(tld) && !FILEABLE_TLDS.has(suffix)) {
    warnings.push(
      issue(
        'tld-unlisted',
        `后缀 .${tld} 不在内置的可备案后缀列表中，请确认工信部已批准该后缀的注册管理机构`,
        `.${tld} is not in the bundled list of fileable suffixes; confirm MIIT has approved its registry`,
      ),
    )
  }
  return result(domain, errors, warnings, { ascii, tld, registrable, isSubdomain })
}

/** True when `host` is `domain` itself or a name under it (www.example.com under example.com). */
export function isUnderDomain(host: string, domain: string): boolean {
  const h = canonicalDomain(host)
  const d = canonicalDomain(domain)
  return h === d || h.endsWith(`.${d}`)
}
