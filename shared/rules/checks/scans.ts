/**
 * Scans compared with the form, and the quality of each scan, from what `extract` stored in
 * documents[i].extracted — so `check` needs no OCR. Quality findings recorded at reading time are
 * re-worded with the document's name; the comparisons ask whether the form says what the scan
 * shows, and only warn when the scan's value was not read with confidence.
 */
import { normaliseUscc } from '../../ids/uscc'
import type { ExtractedDocument, ExtractedFieldName } from '../../model/extracted'
import { stringAt } from '../../model/field-path'
import {
  foreignCaseDocument,
  isFillingRole,
  isSure,
  linkPath,
  linksFor,
  ROLE_DOCUMENT,
  sameValue,
  type ForeignDocument,
  type MismatchRule,
  type ScanFieldLink,
} from '../../model/scan-fields'
import { present, type Check, type Hit, type Params, type RuleContext } from '../context'

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
    const read = d.extracted
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

interface Comparison {
  readonly doc: ReadDocument
  readonly link: ScanFieldLink
  readonly field: string
  readonly form: string | null | undefined
  readonly params?: Params
}

function compare(c: Comparison): Hit[] {
  const scan = c.doc.read.fields[c.link.from]
  const form = present(c.form)
  // A value a person marked as misread (they checked the scan) says nothing about the form.
  if (!scan || scan.misread === true || form === null) return []
  if (sameValue(c.link.kind, form, scan.value)) return []
  const label = c.link.label ? { label: c.link.label[0], labelEn: c.link.label[1] } : {}
  return [
    {
      field: c.field,
      document: c.doc.index,
      params: { form, scan: scan.value, ...subject(c.doc), ...c.params, ...label },
      ...(isSure(scan) ? {} : { variant: 'uncertain' }),
    },
  ]
}

/**
 * A licence in a 个人 filing by the operator of a 个体工商户 without 字号 names the business, while the
 * form names the person and their ID number: comparing those would be a false error
 * (individual-business-no-brand judges that licence). Only its legal representative is compared.
 */
function operatorsLicence(ctx: RuleContext, doc: ReadDocument): boolean {
  const code = doc.read.fields.creditCode
  return !ctx.isUnit && code !== undefined && normaliseUscc(code.value).startsWith('92')
}

/** Who or which website a scan's values belong to, as the messages name them; null when the form has no such place. */
function ownerParams(ctx: RuleContext, doc: ReadDocument): Params | null {
  if (doc.role === 'principal-id' || doc.role === 'manager-id') {
    const path = doc.role === 'principal-id' ? 'principal' : doc.website === undefined ? null : `websites[${doc.website}].manager`
    const person = ctx.people.find((p) => p.path === path)
    return person ? { who: person.who, whoEn: person.whoEn } : null
  }
  if (doc.role === 'domain-certificate')
    return doc.website !== undefined && ctx.case.websites[doc.website] ? ctx.siteLabel(doc.website) : null
  return {}
}

/** The scans whose proven identifier is another's (scan-other-owner), by document index. */
function foreignDocuments(ctx: RuleContext): Map<number, ForeignDocument> {
  const out = new Map<number, ForeignDocument>()
  ctx.case.documents.forEach((doc, index) => {
    const foreign = foreignCaseDocument(ctx.case, doc)
    if (foreign) out.set(index, foreign)
  })
  return out
}

/** Every difference the table's rows of one rule find; a scan that is another's document says so once instead. */
function mismatch(rule: MismatchRule): Check {
  return (ctx) => {
    const foreign = foreignDocuments(ctx)
    return readDocuments(ctx).flatMap((doc) => {
      if (!isFillingRole(doc.role) || doc.read.kind !== ROLE_DOCUMENT[doc.role] || foreign.has(doc.index)) return []
      const owner = ownerParams(ctx, doc)
      if (owner === null) return []
      const operators = doc.role === 'sponsor-certificate' && operatorsLicence(ctx, doc)
      const has = (from: ExtractedFieldName): boolean => doc.read.fields[from] !== undefined
      return linksFor(doc.role, has)
        .filter((link) => link.rule === rule && (!operators || link.anyLicence === true))
        .flatMap((link) => {
          const field = linkPath(link, doc.website)
          return field === null ? [] : compare({ doc, link, field, form: stringAt(ctx.case, field), params: owner })
        })
    })
  }
}

/** 14.5: another customer's licence or ID card is one error, not one per field. */
const otherOwner: Check = (ctx) => {
  const foreign = foreignDocuments(ctx)
  return readDocuments(ctx).flatMap((doc) => {
    const f = foreign.get(doc.index)
    if (!f) return []
    const sponsor = doc.role === 'sponsor-certificate'
    const person = sponsor ? null : ownerParams(ctx, doc)
    return {
      field: f.path,
      document: doc.index,
      params: {
        ...subject(doc),
        form: f.form,
        scan: f.scan,
        owner: sponsor ? '本案件主办单位' : `本案件${person?.who ?? '该负责人'}`,
        ownerEn: sponsor ? "this case's sponsor" : `${person?.whoEn ?? 'this person'}`,
        label: sponsor ? '统一社会信用代码' : '公民身份号码',
        labelEn: sponsor ? 'credit code' : 'ID number',
      },
    }
  })
}

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
  'scan-other-owner': otherOwner,
  'scan-name-mismatch': mismatch('scan-name-mismatch'),
  'scan-code-mismatch': mismatch('scan-code-mismatch'),
  'scan-legal-rep-mismatch': mismatch('scan-legal-rep-mismatch'),
  'scan-person-mismatch': mismatch('scan-person-mismatch'),
  'scan-validity-mismatch': mismatch('scan-validity-mismatch'),
  'scan-domain-mismatch': mismatch('scan-domain-mismatch'),
}
