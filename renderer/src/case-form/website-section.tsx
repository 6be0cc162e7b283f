/**
 * One website: its name, domain and homepage; its 服务内容 and 语言; its 前置审批; its 负责人 (with the "same person as the
 * principal" shortcut); its domain certificate; and its 网站备注 — the consoles' order.
 */
import type { ReactElement } from 'react'
import type { Person } from '../../../shared/model/case'
import { fieldDomId } from '../case/paths'
import { Icon } from '../components/icons'
import { askConfirm } from '../state/confirm'
import { isCopyOfPrincipal, PERSON_FIELDS, updateDraft } from '../state/editor'
import { Field } from './field'
import { useForm } from './form-context'
import { PersonFields } from './person-fields'
import { PreApprovals } from './pre-approvals'
import { Section, SubSection } from './section'
import { WebsiteContent } from './website-content'

function emptyPerson(): Person {
  return { name: null, idType: null, idNumber: null, idValidFrom: null, idValidTo: null, mobile: null, emergencyPhone: null, email: null }
}

/** The card of the website at `index`. */
export function WebsiteSection({ index }: { index: number }): ReactElement {
  const { t, draft } = useForm()
  const website = draft.websites[index]
  if (!website) return <></>
  const linked = isCopyOfPrincipal(draft.principal, website.manager)
  const base = ['websites', index] as const
  const name = website.name?.trim() ? website.name : t('website.unnamed')

  const setManager = (manager: Person) =>
    updateDraft((c) => ({ ...c, websites: c.websites.map((w, i) => (i === index ? { ...w, manager: { ...w.manager, ...manager } } : w)) }))
  const link = (on: boolean) => {
    if (on) {
      const copy = emptyPerson()
      for (const key of PERSON_FIELDS) copy[key] = draft.principal[key] ?? null
      setManager(copy)
    } else setManager(emptyPerson())
  }
  const ownerFromSponsor = () =>
    updateDraft((c) => ({
      ...c,
      websites: c.websites.map((w, i) =>
        i === index ? { ...w, domainCertificate: { ...w.domainCertificate, owner: c.sponsor.name } } : w,
      ),
    }))
  const remove = async () => {
    const ok = await askConfirm({
      title: t('website.removeTitle', { n: index + 1 }),
      body: t('website.removeBody', { name }),
      confirmLabel: t('website.remove'),
      danger: true,
    })
    if (ok) updateDraft((c) => ({ ...c, websites: c.websites.filter((_, i) => i !== index) }))
  }

  return (
    <Section
      id={fieldDomId(`websites[${index}]`)}
      title={
        <>
          {t('section.website', { n: index + 1 })}
          <span className="card-title-detail">{name}</span>
        </>
      }
      actions={
        <button type="button" className="button ghost small" onClick={() => void remove()}>
          <Icon name="trash" />
          {t('website.remove')}
        </button>
      }
    >
      <div className="grid">
        <Field path={[...base, 'name']} label={t('field.website.name')} help={t('field.website.name.help')} />
        <Field path={[...base, 'domain']} label={t('field.website.domain')} mono />
        <Field path={[...base, 'homepage']} label={t('field.website.homepage')} mono />
        <Field
          path={[...base, 'previousFilingDate']}
          label={t('field.website.previousFilingDate')}
          kind="date"
          help={t('field.website.previousFilingDate.help')}
        />
      </div>
      <WebsiteContent index={index} />
      <PreApprovals index={index} />
      <SubSection
        title={t('section.website.manager')}
        actions={
          <label className="switch">
            <input type="checkbox" checked={linked} disabled={!draft.principal.name?.trim()} onChange={(e) => link(e.target.checked)} />
            {t('website.sameAsPrincipal')}
          </label>
        }
        help={linked ? t('website.sameAsPrincipal.help') : undefined}
      >
        <div id={fieldDomId(`websites[${index}].manager`)}>
          <PersonFields base={[...base, 'manager']} readOnly={linked} />
        </div>
      </SubSection>
      <SubSection
        title={t('section.website.domain')}
        actions={
          <button type="button" className="button subtle small" onClick={ownerFromSponsor} disabled={!draft.sponsor.name}>
            {t('website.ownerFromSponsor')}
          </button>
        }
      >
        <div className="grid" id={fieldDomId(`websites[${index}].domainCertificate`)}>
          <Field path={[...base, 'domainCertificate', 'owner']} label={t('field.domain.owner')} />
          <Field path={[...base, 'domainCertificate', 'realNameVerifiedOn']} label={t('field.domain.realNameVerifiedOn')} kind="date" />
          <Field path={[...base, 'domainCertificate', 'registeredOn']} label={t('field.domain.registeredOn')} kind="date" />
          <Field path={[...base, 'domainCertificate', 'expiresOn']} label={t('field.domain.expiresOn')} kind="date" />
          <Field path={[...base, 'domainCertificate', 'holderIdType']} label={t('field.domain.holderIdType')} />
          <Field
            path={[...base, 'domainCertificate', 'holderIdNumber']}
            label={t('field.domain.holderIdNumber')}
            mono
            help={t('field.domain.holder.help')}
          />
        </div>
      </SubSection>
      <div className="grid">
        <Field path={[...base, 'remark']} label={t('field.website.remark')} kind="textarea" wide help={t('field.website.remark.help')} />
      </div>
    </Section>
  )
}
