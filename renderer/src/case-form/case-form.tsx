/**
 * The case form: filing, sponsor, principal and each website, in the order of the MIIT filing form,
 * so Tab moves through it the way the filing system asks for it.
 */
import { useMemo, type ReactElement } from 'react'
import type { Case } from '../../../shared/model/case'
import { WEBSITE_FIELDS } from '../../../shared/model/website-fields'
import { byField, type Finding } from '../case/findings'
import { isUnitType } from '../case/options'
import { Icon } from '../components/icons'
import { useLanguage, useT } from '../i18n'
import { updateDraft } from '../state/editor'
import { FilingSection } from './filing-section'
import { FormContext, type FormContextValue } from './form-context'
import { PrincipalSection } from './principal-section'
import { SponsorSection } from './sponsor-section'
import { WebsiteSection } from './website-section'

/** Adds an empty website at the end (the new card is where the user goes next). */
export function addWebsite(): void {
  updateDraft((c) => ({
    ...c,
    websites: [
      ...c.websites,
      {
        name: null,
        domain: null,
        homepage: null,
        previousFilingDate: null,
        serviceContent: [],
        manager: {
          name: null,
          idType: null,
          idNumber: null,
          idValidFrom: null,
          idValidTo: null,
          mobile: null,
          emergencyPhone: null,
          email: null,
        },
        domainCertificate: { owner: null, registeredOn: null, expiresOn: null, realNameVerifiedOn: null },
        preApprovals: [],
        serviceCategories: [],
        // The consoles tick 中文简体 for a new website; the user may change it.
        languages: [...WEBSITE_FIELDS.defaultLanguages],
      },
    ],
  }))
}

/** The whole form for the open case, with its findings available to every field. */
export function CaseForm({ draft, findings }: { draft: Case; findings: readonly Finding[] }): ReactElement {
  const t = useT()
  const language = useLanguage()
  const findingsByField = useMemo(() => byField(findings), [findings])
  const context: FormContextValue = { draft, findings: findingsByField, unit: isUnitType(draft.sponsor.type), language, t }
  return (
    <FormContext.Provider value={context}>
      <form className="case-form" onSubmit={(e) => e.preventDefault()} noValidate>
        <FilingSection />
        <SponsorSection />
        <PrincipalSection />
        {draft.websites.map((_, index) => (
          <WebsiteSection key={index} index={index} />
        ))}
        <button type="button" className="button subtle add-website" onClick={addWebsite}>
          <Icon name="plus" />
          {t('case.addWebsite')}
        </button>
      </form>
    </FormContext.Provider>
  )
}
