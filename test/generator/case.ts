/**
 * A case.json for a synthetic sponsor set, consistent with the generated scans: what a person
 * would have typed from the documents. Used by the tests and the bundled sample case.
 */
import type { EditableCase } from '../support/sample-case'
import type { PersonIdentity, SponsorSet } from './identities'

function person(p: PersonIdentity, mobile: string, email: string): EditableCase['principal'] {
  return {
    name: p.name,
    idType: '居民身份证',
    idNumber: p.idNumber,
    idValidFrom: p.validFrom,
    idValidTo: p.validTo,
    mobile,
    emergencyPhone: `139${mobile.slice(3)}`,
    email,
  }
}

/** The case a filer would type for this sponsor, with the given document files. */
export function caseFor(set: SponsorSet, documents: EditableCase['documents'] = [], submissionDate = '2026-12-01'): EditableCase {
  const { sponsor: s, principal, manager, domain } = set
  return {
    schemaVersion: 1,
    province: '广东',
    filingType: '首次备案',
    submissionDate,
    sponsor: {
      type: '企业',
      name: s.entityName,
      certificateType: '营业执照',
      certificateNumber: s.creditCode,
      certificateAddress: s.address,
      mailingAddress: s.address,
      legalRepresentative: s.legalRepresentative,
      certificateValidFrom: s.validFrom ?? s.establishedOn,
      certificateValidTo: s.validTo ?? 'long-term',
      businessScope: s.businessScope,
    },
    principal: person(principal, '13800138000', 'principal@example.cn'),
    websites: [
      {
        name: `${s.entityName.replace(/有限公司$/, '').slice(-6)}官网`,
        domain: domain.domain,
        homepage: `www.${domain.domain}`,
        previousFilingDate: null,
        serviceContent: [],
        manager: person(manager, '13700137000', 'manager@example.cn'),
        domainCertificate: { owner: domain.owner, registeredOn: domain.registeredOn, expiresOn: domain.expiresOn },
        preApprovals: [],
      },
    ],
    documents,
  }
}
