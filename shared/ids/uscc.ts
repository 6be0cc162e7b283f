/**
 * 统一社会信用代码 (GB 32100-2015), the 18-character code every organisation files with.
 *
 * A wrong code is the most expensive typo in a filing, so validity means the check character is
 * right, not merely that the shape looks plausible. The embedded 组织机构代码 check is reported
 * separately as a warning: it is independent evidence, but the standard does not promise it for
 * every registration authority.
 */
import registration from '../data/uscc-registration.json' with { type: 'json' }
import { stripSpaces, toHalfWidth } from '../text/normalise'
import { areaName } from './area-codes'
import { issue, result, type ValidationIssue, type ValidationResult } from './issue'
import { isValidLegacyRegNo } from './legacy-regno'
import { orgCodeCheckChar } from './org-code'

/** The 31 symbols of GB 32100 — no I, O, Z, S, V. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** W_i = 3^(i−1) mod 31 for i = 1..17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

interface Department {
  readonly name: string
  readonly nameEn: string
  readonly categories: Readonly<Record<string, string>>
}
const departments: Readonly<Record<string, Department>> = registration.departments

export interface UsccDetails {
  readonly departmentCode: string
  readonly department?: string
  readonly categoryCode: string
  readonly category?: string
  readonly areaCode: string
  readonly area?: string
  /** The embedded 组织机构代码 as printed on old certificates: XXXXXXXX-X. */
  readonly orgCode: string
  readonly orgCodeCheckValid: boolean
}

/** Upper-case, half-width, without spaces or hyphens: the stored form. */
export function normaliseUscc(value: string): string {
  return stripSpaces(toHalfWidth(value)).replace(/-/g, '').toUpperCase()
}

/** The check character for the first 17 characters, or null when one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i += 1) {
    const v = USCC_ALPHABET.indexOf(first17[i] as string)
    if (v < 0) return null
    sum += v * (WEIGHTS[i] as number)
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] as string
}

/** True when the 18 characters pass the GB 32100 check (the main check only). */
export function hasValidUsccCheck(code: string): boolean {
  return code.length === 18 && usccCheckChar(code.slice(0, 17)) === code[17]
}

/** True when the embedded organisation code (positions 9–17) passes GB 11714. */
export function hasValidEmbeddedOrgCode(code: string): boolean {
  return code.length === 18 && orgCodeCheckChar(code.slice(8, 16)) === code[16]
}

export function describeUscc(code: string): UsccDetails {
  const departmentCode = code.slice(0, 1)
  const categoryCode = code.slice(1, 2)
  const dept = departments[departmentCode]
  const category = dept?.categories[categoryCode]
  const areaCode = code.slice(2, 8)
  const area = areaName(areaCode)
  return {
    departmentCode,
    ...(dept ? { department: dept.name } : {}),
    categoryCode,
    ...(category ? { category } : {}),
    areaCode,
    ...(area ? { area } : {}),
    orgCode: `${code.slice(8, 16)}-${code.slice(16, 17)}`,
    orgCodeCheckValid: hasValidEmbeddedOrgCode(code),
  }
}

export function validateUscc(input: string): ValidationResult<UsccDetails> {
  const code = normaliseUscc(input)
  const errors: ValidationIssue[] = []
  const warnings: ValidationIssue[] = []

  if (code === '') {
    return result(code, [issue('empty', '未填写统一社会信用代码', 'The credit code is empty')], [])
  }
  if (/^\d{15}$/.test(code)) {
    const checked = isValidLegacyRegNo(code)
    errors.push(
      issue(
        'legacy-regno',
        `这是2015年以前的15位工商注册号${checked ? '' : '（且校验位不正确）'}，备案须使用18位统一社会信用代码（见换发后的营业执照）`,
        `This is a pre-2015 15-digit registration number${checked ? '' : ' (with a wrong check digit)'}; filings need the 18-character unified social credit code from the current licence`,
      ),
    )
    return result(code, errors, warnings)
  }
  if (code.length !== 18) {
    errors.push(issue('length', `长度应为18位，实际为${code.length}位`, `Must be 18 characters, got ${code.length}`))
  }
  const illegal = [...new Set([...code].filter((ch) => !USCC_ALPHABET.includes(ch)))]
  if (illegal.length > 0) {
    errors.push(
      issue(
        'characters',
        `含有不允许的字符：${illegal.join(' ')}（代码不使用 I、O、Z、S、V）`,
        `Contains characters outside the code alphabet: ${illegal.join(' ')} (I, O, Z, S, V are never used)`,
      ),
    )
  }
  if (errors.length > 0) return result(code, errors, warnings)

  const expected = usccCheckChar(code.slice(0, 17)) as string
  if (code[17] !== expected) {
    errors.push(
      issue(
        'check-character',
        `校验码错误：第18位应为 ${expected}，实际为 ${code[17]}（很可能有字符录入或识别错误）`,
        `Wrong check character: position 18 should be ${expected}, not ${code[17]} (a character was probably mistyped or misread)`,
      ),
    )
    return result(code, errors, warnings)
  }

  const details = describeUscc(code)
  if (!details.department) {
    warnings.push(
      issue(
        'department-unknown',
        `登记管理部门码 ${details.departmentCode} 不在 GB 32100 的代码表中`,
        `Registration authority code ${details.departmentCode} is not in the GB 32100 table`,
      ),
    )
  } else if (!details.category) {
    warnings.push(
      issue(
        'category-unknown',
        `机构类别码 ${code.slice(0, 2)} 不在 GB 32100 的代码表中`,
        `Organisation category ${code.slice(0, 2)} is not in the GB 32100 table`,
      ),
    )
  }
  if (!details.area && details.areaCode !== '100000') {
    warnings.push(
      issue(
        'area-unknown',
        `行政区划码 ${details.areaCode} 不在内置代码表中（代码表可能滞后，请核对）`,
        `Area code ${details.areaCode} is not in the bundled list (the list may lag; please verify)`,
      ),
    )
  }
  if (!details.orgCodeCheckValid) {
    warnings.push(
      issue(
        'org-code-check',
        `内嵌的组织机构代码 ${details.orgCode} 未通过 GB 11714 校验（少数登记机关的代码如此，请与证照核对）`,
        `The embedded organisation code ${details.orgCode} fails the GB 11714 check (true of a few authorities' codes; compare with the licence)`,
      ),
    )
  }
  return result(code, errors, warnings, details)
}
