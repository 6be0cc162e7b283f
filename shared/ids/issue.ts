/**
 * What a validator says about a value: errors make it invalid, warnings do not.
 * Each issue carries a stable code (for tests and scripts) and a message in Chinese and English.
 */
export interface ValidationIssue {
  readonly code: string
  readonly message: string
  readonly messageEn: string
}

export interface ValidationResult<Details = undefined> {
  readonly valid: boolean
  /** The value as it should be stored: half-width, upper-case, no spaces. */
  readonly normalised: string
  readonly errors: readonly ValidationIssue[]
  readonly warnings: readonly ValidationIssue[]
  /** Facts decoded from a valid value (birth date, registration authority …). */
  readonly details?: Details
}

export function issue(code: string, message: string, messageEn: string): ValidationIssue {
  return { code, message, messageEn }
}

export function result<D>(normalised: string, errors: ValidationIssue[], warnings: ValidationIssue[], details?: D): ValidationResult<D> {
  const base = { valid: errors.length === 0, normalised, errors, warnings }
  return details === undefined ? base : { ...base, details }
}
