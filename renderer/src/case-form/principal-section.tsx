/** 主体负责人: the person responsible for the sponsor. */
import type { ReactElement } from 'react'
import { fieldDomId } from '../case/paths'
import { useForm } from './form-context'
import { PersonFields } from './person-fields'
import { Section } from './section'

/** The principal's card. */
export function PrincipalSection(): ReactElement {
  const { t } = useForm()
  return (
    <Section id={fieldDomId('principal')} title={t('section.principal')} help={t('section.principal.help')}>
      <PersonFields base={['principal']} />
    </Section>
  )
}
