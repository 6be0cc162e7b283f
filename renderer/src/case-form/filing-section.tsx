/** 备案信息: province, filing type, planned submission date, remark. */
import type { ReactElement } from 'react'
import { filingTypeOptions, provinceOptions } from '../case/options'
import { Field } from './field'
import { useForm } from './form-context'
import { Section } from './section'

/** The filing card: province first, because it decides which rules apply. */
export function FilingSection(): ReactElement {
  const { t, language } = useForm()
  return (
    <Section id="section-filing" title={t('section.filing')} help={t('section.filing.help')}>
      <div className="grid">
        <Field path={['province']} label={t('field.province')} kind="select" options={provinceOptions()} />
        <Field path={['filingType']} label={t('field.filingType')} kind="select" options={filingTypeOptions(language)} />
        <Field path={['submissionDate']} label={t('field.submissionDate')} kind="date" help={t('field.submissionDate.help')} />
        <Field path={['remark']} label={t('field.remark')} />
      </div>
    </Section>
  )
}
