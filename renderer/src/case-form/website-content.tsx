/**
 * A website's 网站服务内容 and 网站语言 as the provider consoles offer them (website-fields.json):
 * one chip per choice, several may be picked. The 前置审批 industries are a separate block.
 */
import type { ReactElement } from 'react'
import { WEBSITE_FIELDS } from '../../../shared/model/website-fields'
import { fieldDomId } from '../case/paths'
import { bilingual } from '../i18n'
import { updateDraft } from '../state/editor'
import { useForm } from './form-context'

type ListKey = 'serviceCategories' | 'languages'

interface ChipsProps {
  readonly index: number
  readonly list: ListKey
  readonly choices: readonly string[]
  readonly legend: string
  readonly help?: string
}

function Chips({ index, list, choices, legend, help }: ChipsProps): ReactElement {
  const { draft, findings, language } = useForm()
  const chosen = new Set(draft.websites[index]?.[list] ?? [])
  const path = `websites[${index}].${list}`
  const shown = findings.get(path) ?? []
  const toggle = (value: string, on: boolean) =>
    updateDraft((c) => ({
      ...c,
      websites: c.websites.map((w, i) => {
        if (i !== index) return w
        const current = w[list] ?? []
        return { ...w, [list]: on ? [...current, value] : current.filter((x) => x !== value) }
      }),
    }))
  return (
    <div className="field wide">
      <fieldset className="chips" id={fieldDomId(path)}>
        <legend>{legend}</legend>
        {choices.map((value) => (
          <label key={value} className={`chip${chosen.has(value) ? ' on' : ''}`}>
            <input type="checkbox" checked={chosen.has(value)} onChange={(e) => toggle(value, e.target.checked)} />
            {value}
          </label>
        ))}
      </fieldset>
      {(shown.length > 0 || help) && (
        <div className="field-notes">
          {shown.length > 0 ? (
            shown.map((f, i) => (
              <p key={`${f.rule}-${i}`} className={`field-finding finding-${f.severity}`} data-rule={f.rule}>
                {bilingual(language, f.message, f.messageEn)}
              </p>
            ))
          ) : (
            <p className="field-help">{help}</p>
          )}
        </div>
      )}
    </div>
  )
}

/** 网站服务内容 then 网站语言, in the consoles' order (after the homepage, before 前置审批). */
export function WebsiteContent({ index }: { index: number }): ReactElement {
  const { t } = useForm()
  return (
    <div className="website-content">
      <Chips
        index={index}
        list="serviceCategories"
        choices={WEBSITE_FIELDS.serviceCategories}
        legend={t('field.website.serviceCategories')}
        help={t('field.website.serviceCategories.help')}
      />
      <Chips index={index} list="languages" choices={WEBSITE_FIELDS.languages} legend={t('field.website.languages')} />
    </div>
  )
}
