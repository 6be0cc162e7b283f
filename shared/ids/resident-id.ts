/**
 * 公民身份号码 (GB 11643-1999): area code, birth date, sequence (odd = male), check character.
 *
 * A wrong check character or an impossible birth date is an error; an area code missing from our
 * list is only a warning, because the GB/T 2260 lists lag behind the codes printed on real cards.
 * 港澳台居民居住证 numbers use the same algorithm with area codes 810000/820000/830000.
 */
import { ageOn, fromParts, isRealDate, type IsoDate } from '../dates/iso-date'
import { stripSpaces, toHalfWidth } from '../text/normalise'
import { areaName, isKnownProvincePrefix } from './area-codes'
import { issue, result, type ValidationIssue, type ValidationResult } from './issue'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432'

export type Sex = 'male' | 'female'

export interface ResidentIdDetails {
  readonly areaCode: string
  readonly area?: string
  readonly birthDate: IsoDate
  readonly sex: Sex
  /** True for 港澳台居民居住证 numbers (area 81/82/83). */
  readonly residencePermit: boolean
}

export function normaliseResidentId(value: string): string {
  return stripSpaces(toHalfWidth(value)).toUpperCase()
}

/** The check character for 17 digits, or null when they are not 17 digits. */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] as number)
  return CHECK_CHARS[sum % 11] as string
}

/** The birth date encoded in positions 7–14, or null when it is not a real date. */
export function birthDateOf(id: string): IsoDate | null {
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  return isRealDate(year, month, day) ? fromParts({ year, month, day }) : null
}

/** True for 18 characters whose last is the check character of the first 17. */
export function checkCharMatches(id: string): boolean {
  return id.length === 18 && residentIdCheckChar(id.slice(0, 17)) === id[17]?.toUpperCase()
}

/** True when a number proves itself: its check character matches and its birth date is a real date (no area or day needed). */
export function isSelfConsistentResidentId(id: string): boolean {
  return checkCharMatches(id) && birthDateOf(id) !== null
}

export function sexOf(id: string): Sex {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female'
}

/**
 * Validates an 18-character number. `today` bounds the birth date (no one is born in the future)
 * and is passed in, never read from a clock, so results are reproducible.
 */
export function validateResidentId(input: string, today: IsoDate): ValidationResult<ResidentIdDetails> {
  const id = normaliseResidentId(input)
  const errors: ValidationIssue[] = []
  const warnings: ValidationIssue[] = []

  if (id === '') return result(id, [issue('empty', '未填写身份证号码', 'The ID number is empty')], [])
  if (/^\d{15}$/.test(id)) {
    errors.push(
      issue(
        'legacy-15',
        '这是第一代15位身份证号码，请使用第二代身份证上的18位号码',
        'This is a first-generation 15-digit number; use the 18-character number of the current card',
      ),
    )
    return result(id, errors, warnings)
  }
  if (id.length !== 18) {
    errors.push(issue('length', `长度应为18位，实际为${id.length}位`, `Must be 18 characters, got ${id.length}`))
    return result(id, errors, warnings)
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    errors.push(
      issue('characters', '前17位须为数字，最后一位为数字或X', 'The first 17 characters must be digits and the last a digit or X'),
    )
    return result(id, errors, warnings)
  }

  const birthDate = birthDateOf(id)
  if (birthDate === null) {
    errors.push(issue('birth-date', `出生日期 ${id.slice(6, 14)} 不是真实日期`, `Birth date ${id.slice(6, 14)} is not a real date`))
  } else if (birthDate > today) {
    errors.push(issue('birth-future', `出生日期 ${birthDate} 晚于今天`, `Birth date ${birthDate} is in the future`))
  } else if (ageOn(birthDate, today) > 130) {
    errors.push(issue('birth-too-early', `出生日期 ${birthDate} 不可能`, `Birth date ${birthDate} is implausible`))
  }

  const expected = residentIdCheckChar(id.slice(0, 17)) as string
  if (id[17] !== expected) {
    errors.push(
      issue(
        'check-character',
        `校验码错误：第18位应为 ${expected}，实际为 ${id[17]}（很可能有数字录入或识别错误）`,
        `Wrong check character: position 18 should be ${expected}, not ${id[17]} (a digit was probably mistyped or misread)`,
      ),
    )
  }
  if (errors.length > 0 || birthDate === null) return result(id, errors, warnings)

  const areaCode = id.slice(0, 6)
  const area = areaName(areaCode)
  const residencePermit = /^8[123]0000$/.test(areaCode)
  if (!area) {
    warnings.push(
      isKnownProvincePrefix(areaCode.slice(0, 2))
        ? issue(
            'area-unknown',
            `地址码 ${areaCode} 不在内置行政区划代码表中（代码表可能滞后，请与证件核对）`,
            `Area code ${areaCode} is not in the bundled division list (the list may lag; compare with the card)`,
          )
        : issue(
            'province-unknown',
            `地址码 ${areaCode} 的省级代码 ${areaCode.slice(0, 2)} 不存在，请仔细核对`,
            `Area code ${areaCode} has an unknown province prefix ${areaCode.slice(0, 2)}; check it carefully`,
          ),
    )
  }
  return result(id, errors, warnings, {
    areaCode,
    ...(area ? { area } : {}),
    birthDate,
    sex: sexOf(id),
    residencePermit,
  })
}
