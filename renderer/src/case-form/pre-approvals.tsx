/**
 * A website's 前置审批: which regulated industries its content touches (serviceContent) and the
 * approval certificates it holds, each with its number and validity.
 */
import type { ReactElement } from 'react'
import { preApprovalCategories } from '../case/options'
import { updateDraft } from '../state/editor'
import { Icon } from '../components/icons'
import { Field } from './field'
import { useForm } from './form-context'
import { SubSection } from './section'
import { fieldDomId } from '../case/paths'

/** The pre-approval block of one website. */
export function PreApprovals({ index }: { index: number }): ReactElement {
  const { t, draft } = useForm()
  const website = draft.websites[index]
  if (!website) return <></>
  const categories = preApprovalCategories()
  const declared = new Set(website.serviceContent)

  const toggle = (category: string, on: boolean) =>
    updateDraft((c) => ({
      ...c,
      websites: c.websites.map((w, i) =>
        i !== index ? w : { ...w, serviceContent: on ? [...w.serviceContent, category] : w.serviceContent.filter((x) => x !== category) },
      ),
    }))
  const add = () =>
    updateDraft((c) => ({
      ...c,
      websites: c.websites.map((w, i) =>
        i !== index ? w : { ...w, preApprovals: [...w.preApprovals, { category: null, certificateNumber: null, validTo: null }] },
      ),
    }))
  const remove = (at: number) =>
    updateDraft((c) => ({
      ...c,
      websites: c.websites.map((w, i) => (i !== index ? w : { ...w, preApprovals: w.preApprovals.filter((_, k) => k !== at) })),
    }))

  return (
    <SubSection title={t('section.website.preApproval')} help={t('section.website.preApproval.help')}>
      <fieldset className="chips" id={fieldDomId(`websites[${index}].serviceContent`)}>
        <legend className="sr-only">{t('field.website.serviceContent')}</legend>
        {categories.map(({ category }) => (
          <label key={category} className={`chip${declared.has(category) ? ' on' : ''}`}>
            <input type="checkbox" checked={declared.has(category)} onChange={(e) => toggle(category, e.target.checked)} />
            {category}
          </label>
        ))}
      </fieldset>
      {website.preApprovals.map((_, k) => (
        <div className="repeat" key={k} id={fieldDomId(`websites[${index}].preApprovals[${k}]`)}>
          <div className="repeat-header">
            <span>{t('preApproval.item', { n: k + 1 })}</span>
            <button type="button" className="button ghost small" onClick={() => remove(k)}>
              <Icon name="trash" />
              {t('preApproval.remove')}
            </button>
          </div>
          <div className="grid three">
            <Field
              path={['websites', index, 'preApprovals', k, 'category']}
              label={t('field.preApproval.category')}
              kind="select"
              options={categories.map((c) => ({ value: c.category, label: `${c.category}（${c.certificates[0] ?? ''}）` }))}
            />
            <Field
              path={['websites', index, 'preApprovals', k, 'certificateType']}
              label={t('field.preApproval.certificateType')}
              kind="select"
              options={(categories.find((c) => c.category === website.preApprovals[k]?.category)?.certificates ?? []).map((name) => ({
                value: name,
                label: `《${name}》`,
              }))}
            />
            <Field
              path={['websites', index, 'preApprovals', k, 'certificateNumber']}
              label={t('field.preApproval.certificateNumber')}
              mono
            />
            <Field path={['websites', index, 'preApprovals', k, 'validTo']} label={t('field.preApproval.validTo')} kind="date" />
          </div>
        </div>
      ))}
      <button type="button" className="button subtle small" onClick={add}>
        <Icon name="plus" />
        {t('preApproval.add')}
      </button>
    </SubSection>
  )
}
