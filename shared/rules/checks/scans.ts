/**
 * Scans compared with the form, and the quality of each scan, from what `extract` stored in
 * documents[i].extracted — so `check` needs no OCR. Quality findings recorded at reading time are
 * re-worded with the document's name; the comparisons ask whether the form says what the scan
 * shows, and only warn when the scan's value was not read with confidence.
 */
import { canonicalDomain } from '../../ids/domain'
import { normaliseResidentId } from '../../ids/resident-id'
import { normaliseUscc } from '../../ids/uscc'
import { readExtracted, type ExtractedDocument, type ExtractedField } from '../../model/extracted'
import { nameKey, stripSpaces } from '../../text/normalise'
import { present, type Check, type Hit, type Params, type RuleContext } from '../context'

/** Below this confidence (or when uncertain) a disagreement is a question, not an error: a name read once, or by readings that disagree, stays under it (interpret.ts). */
export const SURE = 0.85

interface ReadDocument {
  readonly index: number
  readonly file: string
  readonly role: string
  readonly website: number | undefined
  readonly read: ExtractedDocument
}

function readDocuments(ctx: RuleContext): ReadDocument[] {
  const out: ReadDocument[] = []
  ctx.case.documents.forEach((d, index) => {
    const read = readExtracted(d.extracted)
    if (read) out.push({ index, file: d.file, role: d.role, website: d.website, read })
  })
  return out
}

/** A scan as the person knows it: by its file name (the position in case.json means nothing to them). */
function subject(doc: ReadDocument): Params {
  const name = doc.file.split(/[\\/]/).pop() ?? doc.file
  return { document: `扫描件「${name}」`, documentEn: `Scan "${name}"` }
}

/** Re-emits a finding stored at reading time, named after its document. */
function stored(rule: string): Check {
  return (ctx) =>
    readDocuments(ctx).flatMap((doc) =>
      doc.read.findings
        .filter((f) => f.rule === rule)
        .map((f): Hit => {
          const params = (f.params ?? {}) as Params
          const variant = typeof f.variant === 'string' ? f.variant : undefined
          return {
            field: `documents[${doc.index}]`,
            document: doc.index,
            params: { ...params, ...subject(doc) },
            ...(variant ? { variant } : {}),
          }
        }),
    )
}

const sure = (f: ExtractedField): boolean => f.confidence >= SURE && !f.uncertain

interface Comparison {
  readonly doc: ReadDocument
  readonly scan: ExtractedField | undefined
  readonly form: string | null | undefined
  readonly field: string
  readonly equal: (a: string, b: string) => boolean
  readonly params?: Params
}

function compare(c: Comparison): Hit[] {
  const form = present(c.form)
  // A value a person marked as misread (they checked the scan) says nothing about the form.
  if (!c.scan || c.scan.misread === true || form === null) return []
  if (c.equal(form, c.scan.value)) return []
  return [
    {
      field: c.field,
      document: c.doc.index,
      params: { form, scan: c.scan.value, ...subject(c.doc), ...c.params },
      ...(sure(c.scan) ? {} : { variant: 'uncertain' }),
    },
  ]
}

const byName = (a: string, b: string): boolean => nameKey(a) === nameKey(b)
const exact = (a: string, b: string): boolean => stripSpaces(a) === stripSpaces(b)

function licences(ctx: RuleContext): ReadDocument[] {
  return readDocuments(ctx).filter((d) => d.role === 'sponsor-certificate' && d.read.kind === 'business-licence')
}

/**
 * Licences whose name and code are the sponsor's own. In a 个人 filing by the operator of a
 * 个体工商户 without 字号 the licence names the business, while the form names the person and their
 * ID number: comparing those would be a false error (individual-business-no-brand judges that licence).
 */
function sponsorLicences(ctx: RuleContext): ReadDocument[] {
  if (ctx.isUnit) return licences(ctx)
  return licences(ctx).filter((d) => {
    const code = d.read.fields.creditCode
    return !(code && normaliseUscc(code.value).startsWith('92'))
  })
}

function idScans(ctx: RuleContext): Array<{ doc: ReadDocument; person: RuleContext['people'][number] }> {
  const out: Array<{ doc: ReadDocument; person: RuleContext['people'][number] }> = []
  for (const doc of readDocuments(ctx)) {
    if (doc.read.kind !== 'id-card') continue
    const path =
      doc.role === 'principal-id'
        ? 'principal'
        : doc.role === 'manager-id' && doc.website !== undefined
          ? `websites[${doc.website}].manager`
          : null
    const person = ctx.people.find((p) => p.path === path)
    if (person) out.push({ doc, person })
  }
  return out
}

const nameMismatch: Check = (ctx) =>
  sponsorLicences(ctx).flatMap((doc) =>
    compare({ doc, scan: doc.read.fields.entityName, form: ctx.case.sponsor.name, field: 'sponsor.name', equal: byName }),
  )

const codeMismatch: Check = (ctx) =>
  sponsorLicences(ctx).flatMap((doc) =>
    compare({
      doc,
      scan: doc.read.fields.creditCode,
      form: ctx.case.sponsor.certificateNumber,
      field: 'sponsor.certificateNumber',
      equal: (a, b) => normaliseUscc(a) === normaliseUscc(b),
    }),
  )

const legalRepMismatch: Check = (ctx) =>
  licences(ctx).flatMap((doc) =>
    compare({
      doc,
      scan: doc.read.fields.legalRepresentative,
      form: ctx.case.sponsor.legalRepresentative,
      field: 'sponsor.legalRepresentative',
      equal: byName,
    }),
  )

const personMismatch: Check = (ctx) =>
  idScans(ctx).flatMap(({ doc, person }) => {
    const who = { who: person.who, whoEn: person.whoEn }
    return [
      ...compare({
        doc,
        scan: doc.read.fields.personName,
        form: person.person.name,
        field: `${person.path}.name`,
        equal: byName,
        params: { ...who, label: '姓名', labelEn: 'name' },
      }),
      ...compare({
        doc,
        scan: doc.read.fields.idNumber,
        form: person.person.idNumber,
        field: `${person.path}.idNumber`,
        equal: (a, b) => normaliseResidentId(a) === normaliseResidentId(b),
        params: { ...who, label: '身份证号码', labelEn: 'ID number' },
      }),
    ]
  })

const validityMismatch: Check = (ctx) => [
  ...licences(ctx).flatMap((doc) =>
    compare({
      doc,
      scan: doc.read.fields.validTo,
      form: ctx.case.sponsor.certificateValidTo,
      field: 'sponsor.certificateValidTo',
      equal: exact,
    }),
  ),
  ...idScans(ctx).flatMap(({ doc, person }) => [
    ...compare({
      doc,
      scan: doc.read.fields.validFrom,
      form: person.person.idValidFrom,
      field: `${person.path}.idValidFrom`,
      equal: exact,
    }),
    ...compare({ doc, scan: doc.read.fields.validTo, form: person.person.idValidTo, field: `${person.path}.idValidTo`, equal: exact }),
  ]),
]

const domainMismatch: Check = (ctx) =>
  readDocuments(ctx)
    .filter((d) => d.role === 'domain-certificate' && d.read.kind === 'domain-certificate' && d.website !== undefined)
    .flatMap((doc) => {
      const i = doc.website as number
      const site = ctx.case.websites[i]
      if (!site) return []
      const where = ctx.siteLabel(i)
      // One key per domain whichever form (Chinese or xn--) the certificate and the form use.
      const bare = (d: string): string => canonicalDomain(stripSpaces(d)).replace(/^www\./, '')
      const cert = site.domainCertificate
      return [
        ...compare({
          doc,
          scan: doc.read.fields.domain,
          form: site.domain,
          field: `websites[${i}].domain`,
          equal: (a, b) => bare(a) === bare(b),
          params: { ...where, label: '域名', labelEn: 'domain' },
        }),
        ...compare({
          doc,
          scan: doc.read.fields.domainOwner,
          form: cert.owner,
          field: `websites[${i}].domainCertificate.owner`,
          equal: byName,
          params: { ...where, label: '域名所有者', labelEn: 'domain owner' },
        }),
        ...compare({
          doc,
          scan: doc.read.fields.registeredOn,
          form: cert.registeredOn,
          field: `websites[${i}].domainCertificate.registeredOn`,
          equal: exact,
          params: { ...where, label: '注册日期', labelEn: 'registration date' },
        }),
        ...compare({
          doc,
          scan: doc.read.fields.expiresOn,
          form: cert.expiresOn,
          field: `websites[${i}].domainCertificate.expiresOn`,
          equal: exact,
          params: { ...where, label: '到期日期', labelEn: 'expiry date' },
        }),
      ]
    })

export const scanChecks: Record<string, Check> = {
  'scan-unreadable': stored('scan-unreadable'),
  'scan-electronic-document': stored('scan-electronic-document'),
  'scan-not-colour': stored('scan-not-colour'),
  'scan-too-small': stored('scan-too-small'),
  'scan-blurry': stored('scan-blurry'),
  'scan-glare': stored('scan-glare'),
  'scan-cut-off': stored('scan-cut-off'),
  'scan-code-corrected': stored('scan-code-corrected'),
  'scan-id-inconsistent': stored('scan-id-inconsistent'),
  'scan-name-mismatch': nameMismatch,
  'scan-code-mismatch': codeMismatch,
  'scan-legal-rep-mismatch': legalRepMismatch,
  'scan-person-mismatch': personMismatch,
  'scan-validity-mismatch': validityMismatch,
  'scan-domain-mismatch': domainMismatch,
}
