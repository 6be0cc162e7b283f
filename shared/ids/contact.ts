/**
 * Mainland phone numbers and e-mail addresses as the filing system accepts them.
 */
import { stripSpaces, toHalfWidth } from '../text/normalise'
import { issue, result, type ValidationResult } from './issue'

/** Digits only, +86/0086 country prefix removed, so 138-0013-8000 and +86 13800138000 compare equal. */
export function normalisePhone(value: string): string {
  const compact = stripSpaces(toHalfWidth(value)).replace(/[-()（）]/g, '')
  return compact.replace(/^(?:\+86|0086)/, '').replace(/^86(?=1[3-9]\d{9}$)/, '')
}

const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}\d{7,8}(?:\d{1,6})?$/

/** An 11-digit mainland mobile number (13x–19x). */
export function validateMobile(input: string): ValidationResult {
  const phone = normalisePhone(input)
  if (phone === '') return result(phone, [issue('empty', '未填写手机号码', 'The mobile number is empty')], [])
  if (!MOBILE.test(phone)) {
    return result(
      phone,
      [issue('mobile-format', '手机号码应为11位、以13–19开头的中国大陆号码', 'Must be an 11-digit mainland mobile number starting 13–19')],
      [],
    )
  }
  return result(phone, [], [])
}

/** A mobile or a landline with area code (020-12345678), as 应急联系电话 allows. */
export function validatePhone(input: string): ValidationResult {
  const phone = normalisePhone(input)
  if (phone === '') return result(phone, [issue('empty', '未填写电话号码', 'The phone number is empty')], [])
  if (!MOBILE.test(phone) && !LANDLINE.test(phone)) {
    return result(
      phone,
      [
        issue(
          'phone-format',
          '应为11位手机号或带区号的固定电话（如 020-12345678）',
          'Must be a mobile number or a landline with area code (e.g. 020-12345678)',
        ),
      ],
      [],
    )
  }
  return result(phone, [], [])
}

/** The area code of a landline (0755 of 0755-86013388), or null for a mobile or an unreadable number. */
export function landlineAreaCode(input: string, known: readonly string[]): string | null {
  const phone = normalisePhone(input)
  if (!LANDLINE.test(phone)) return null
  // Area codes are prefix-free (010, 020–029, then 4 digits), so the known code that starts the number is it.
  return known.find((code) => phone.startsWith(code)) ?? null
}

/** A landline with its area code (0755-86013388, 010-12345678), as the consoles ask for 办公电话. */
export function validateLandline(input: string): ValidationResult {
  const phone = normalisePhone(input)
  if (phone === '') return result(phone, [issue('empty', '未填写电话号码', 'The phone number is empty')], [])
  if (!LANDLINE.test(phone)) {
    return result(
      phone,
      [
        issue(
          'landline-format',
          '办公电话应为带区号的固定电话（如 0755-86013388）',
          'The office phone must be a landline with its area code (e.g. 0755-86013388)',
        ),
      ],
      [],
    )
  }
  return result(phone, [], [])
}

// Deliberately plain: local part of common characters, a domain with a dot and a letter TLD.
const EMAIL = /^[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/

export function normaliseEmail(value: string): string {
  return stripSpaces(toHalfWidth(value)).toLowerCase()
}

export function validateEmail(input: string): ValidationResult {
  const email = normaliseEmail(input)
  if (email === '') return result(email, [issue('empty', '未填写电子邮箱', 'The e-mail is empty')], [])
  if (!EMAIL.test(email) || email.includes('..')) {
    return result(email, [issue('email-format', '电子邮箱格式不正确', 'Not a valid e-mail address')], [])
  }
  return result(email, [], [])
}
