/**
 * What every field of the case form needs, provided once by the form: the draft, the findings by
 * field, whether the sponsor is a unit, and the translate function.
 */
import { createContext, useContext } from 'react'
import type { Language } from '../../../shared/i18n/language'
import type { Case } from '../../../shared/model/case'
import type { Finding } from '../case/findings'
import type { Translate } from '../i18n'

/** Shared by all fields, computed once per render of the form. */
export interface FormContextValue {
  readonly draft: Case
  readonly findings: ReadonlyMap<string, readonly Finding[]>
  readonly unit: boolean
  readonly language: Language
  readonly t: Translate
}

/** Provided by CaseForm; null outside it. */
export const FormContext = createContext<FormContextValue | null>(null)

/** The form's context; fields are only ever rendered inside the case form. */
export function useForm(): FormContextValue {
  const value = useContext(FormContext)
  if (!value) throw new Error('A form field was rendered outside the case form')
  return value
}
