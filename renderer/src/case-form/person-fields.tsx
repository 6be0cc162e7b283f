/** The nine fields of a person (主体负责人 or 网站负责人), in the order of the ID card and the filing form. */
import type { ReactElement } from 'react'
import { idTypeOptions } from '../case/options'
import type { Path } from '../case/paths'
import { Field } from './field'
import { useForm } from './form-context'

/** The same nine fields for the principal and every manager, so both read alike. */
export function PersonFields({ base, readOnly }: { base: Path; readOnly?: boolean }): ReactElement {
  const { t } = useForm()
  const at = (key: string): Path => [...base, key]
  const ro = readOnly === true
  return (
    <div className="grid">
      <Field path={at('name')} label={t('field.person.name')} readOnly={ro} />
      <Field path={at('idType')} label={t('field.person.idType')} kind="select" options={idTypeOptions()} readOnly={ro} />
      <Field path={at('idNumber')} label={t('field.person.idNumber')} mono readOnly={ro} />
      <div className="field-pair">
        <Field path={at('idValidFrom')} label={t('field.person.idValidFrom')} kind="date" readOnly={ro} />
        <Field path={at('idValidTo')} label={t('field.person.idValidTo')} kind="date" longTerm readOnly={ro} />
      </div>
      <Field path={at('mobile')} label={t('field.person.mobile')} inputMode="tel" mono readOnly={ro} />
      <Field
        path={at('emergencyPhone')}
        label={t('field.person.emergencyPhone')}
        inputMode="tel"
        mono
        readOnly={ro}
        help={t('field.person.emergencyPhone.help')}
      />
      <Field
        path={at('officePhone')}
        label={t('field.person.officePhone')}
        inputMode="tel"
        mono
        readOnly={ro}
        help={t('field.person.officePhone.help')}
      />
      <Field path={at('email')} label={t('field.person.email')} inputMode="email" readOnly={ro} />
    </div>
  )
}
