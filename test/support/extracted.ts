/**
 * What `extract` would store for the sample case's scans when every value was read correctly, so
 * rule tests can break one value at a time without running OCR.
 */
import { scanFinding } from '../../shared/extraction/findings'
import type { ExtractedDocument, ExtractedField } from '../../shared/model/extracted'
import { MANAGER_ID, PRINCIPAL_ID, SAMPLE_USCC, type EditableCase } from './sample-case'

const f = (value: string, confidence = 0.97): ExtractedField => ({ value, confidence, box: { x: 10, y: 10, width: 200, height: 30 } })

function doc(
  kind: ExtractedDocument['kind'],
  fields: Record<string, ExtractedField>,
  extra: Partial<ExtractedDocument> = {},
): ExtractedDocument {
  return { version: 1, kind, colour: true, image: { width: 2000, height: 1400 }, fields, findings: [], ...extra }
}

export function readLicence(): ExtractedDocument {
  return doc('business-licence', {
    creditCode: f(SAMPLE_USCC, 0.98),
    entityName: f('深圳市云帆网络科技有限公司'),
    legalRepresentative: f('陈思远'),
    establishedOn: f('2016-05-12'),
    validFrom: f('2016-05-12'),
    validTo: f('long-term'),
  })
}

export function readPrincipalId(): ExtractedDocument {
  return doc(
    'id-card',
    { personName: f('陈思远'), idNumber: f(PRINCIPAL_ID, 0.98), validFrom: f('2019-06-30'), validTo: f('2039-06-30') },
    { sides: ['front', 'back'] },
  )
}

export function readManagerId(): ExtractedDocument {
  return doc(
    'id-card',
    { personName: f('林晓彤'), idNumber: f(MANAGER_ID, 0.98), validFrom: f('2018-03-15'), validTo: f('2028-03-15') },
    { sides: ['front', 'back'] },
  )
}

export function readDomainCertificate(): ExtractedDocument {
  return doc('domain-certificate', {
    domain: f('yunfan-tech.cn'),
    domainOwner: f('深圳市云帆网络科技有限公司'),
    registeredOn: f('2019-05-12'),
    expiresOn: f('2027-05-12'),
  })
}

/** Stores correct readings on the sample case's documents (licence, principal, manager, domain). */
export function withReadings(c: EditableCase): EditableCase {
  const readings: Record<string, () => ExtractedDocument> = {
    'sponsor-certificate': readLicence,
    'principal-id': readPrincipalId,
    'manager-id': readManagerId,
    'domain-certificate': readDomainCertificate,
  }
  for (const d of c.documents) {
    const make = readings[d.role]
    if (make) d.extracted = make()
  }
  return c
}

/** A stored reading with one quality finding, as intake records it. */
export function withFinding(
  reading: ExtractedDocument,
  rule: string,
  params: Record<string, string | number> = {},
  variant?: string,
): ExtractedDocument {
  return { ...reading, findings: [...reading.findings, scanFinding(rule, params, variant)] }
}
