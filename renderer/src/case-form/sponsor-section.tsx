/** 主办单位: who files, as printed on their certificate. Unit-only fields hide for an individual. */
import type { ReactElement } from 'react'
import { certificateTypeOptions, sponsorTypeOptions } from '../case/options'
import { fieldDomId } from '../case/paths'
import { Field } from './field'
import { useForm } from './form-context'
import { Section } from './section'

/** The sponsor's card; for an individual the unit-only fields are not asked. */
export function SponsorSection(): ReactElement {
  const { t, language, draft, unit } = useForm()
  const s = draft.sponsor
  return (
    <Section
      id={fieldDomId('sponsor')}
      title={unit ? t('section.sponsor') : t('section.sponsorIndividual')}
      help={t('section.sponsor.help')}
    >
      <div className="grid">
        <Field path={['sponsor', 'type']} label={t('field.sponsor.type')} kind="select" options={sponsorTypeOptions(language)} />
        <Field
          path={['sponsor', 'certificateType']}
          label={t('field.sponsor.certificateType')}
          kind="select"
          options={certificateTypeOptions(s.type)}
        />
        <Field path={['sponsor', 'name']} label={unit ? t('field.sponsor.name') : t('field.sponsor.nameIndividual')} wide />
        <Field
          path={['sponsor', 'certificateNumber']}
          label={t('field.sponsor.certificateNumber')}
          help={unit ? t('field.sponsor.certificateNumber.help') : undefined}
          mono
        />
        {unit && <Field path={['sponsor', 'legalRepresentative']} label={t('field.sponsor.legalRepresentative')} />}
        <Field path={['sponsor', 'certificateValidFrom']} label={t('field.sponsor.certificateValidFrom')} kind="date" />
        <Field path={['sponsor', 'certificateValidTo']} label={t('field.sponsor.certificateValidTo')} kind="date" longTerm />
        {unit && <Field path={['sponsor', 'certificateAddress']} label={t('field.sponsor.certificateAddress')} wide />}
        <Field
          path={['sponsor', 'mailingAddress']}
          label={t('field.sponsor.mailingAddress')}
          help={t('field.sponsor.mailingAddress.help')}
          wide
        />
        {unit && <Field path={['sponsor', 'businessScope']} label={t('field.sponsor.businessScope')} kind="textarea" wide />}
      </div>
    </Section>
  )
}
