/**
 * Puts a document's fields together from the readings of its value regions, and checks them
 * against each other: an ID number must agree with the printed birth date and sex; a repaired code
 * is reported, never applied silently. Pure: the readings come from the OCR service.
 */
import { isValidLegacyRegNo } from '../ids/legacy-regno'
import type { IsoDate } from '../dates/iso-date'
import { birthDateOf, sexOf, type Sex } from '../ids/resident-id'
import type { DocumentKind, ExtractedField, ScanFinding } from '../model/extracted'
import {
  addressLooksWhole,
  entityTypeLooksWhole,
  organisationNameLooksWhole,
  ownerLooksWhole,
  splitNameAndType,
  tidyEntityType,
  unlessWhole,
} from './completeness'
import { scanFinding } from './findings'
import { textOf, type Glyph } from './glyphs'
import {
  interpretCreditCode,
  interpretDate,
  interpretDomain,
  interpretEthnicity,
  interpretIssuer,
  interpretRange,
  interpretResidentId,
  interpretSex,
  interpretText,
  type CodeResult,
  type Reading,
} from './interpret'
import { specOf, specsOf } from './fields'
import { settleSureness, UNSURE_CAP, type SurenessSpec } from './sureness'

export interface Assembled {
  readonly fields: Record<string, ExtractedField>
  readonly findings: ScanFinding[]
}

/** Continuation lines of multi-line values, appended to every reading of the first line. */
function withMore(readings: readonly Reading[], more: readonly (readonly Glyph[])[] | undefined): Reading[] {
  if (!more || more.length === 0) return [...readings]
  const tail = more.map((g) => textOf(g)).join('')
  const tailChars = more.flat().map((g) => ({ ch: g.ch, confidence: g.confidence }))
  return readings.map((r) => ({ ...r, text: r.text + tail, ...(r.chars ? { chars: [...r.chars, ...tailChars] } : {}) }))
}

const LABELS: Record<string, [string, string]> = {
  creditCode: ['统一社会信用代码', 'credit code'],
  idNumber: ['公民身份号码', 'ID number'],
}

function code(out: Assembled, name: string, result: CodeResult | null): void {
  if (!result) return
  out.fields[name] = result.field
  if (result.corrected) {
    const [label, labelEn] = LABELS[name] ?? [name, name]
    out.findings.push(scanFinding('scan-code-corrected', { label, labelEn, raw: result.corrected.raw, value: result.corrected.value }))
  }
}

/** The fields of one page, given its kind and the readings of each located value. */
export function assembleFields(
  kind: DocumentKind,
  readings: ReadonlyMap<string, readonly Reading[]>,
  more: ReadonlyMap<string, readonly (readonly Glyph[])[]>,
  today: IsoDate,
  /** Regions found by their shape, their label not read (locate.ts findToken, inferLocations). */
  unlabelled: ReadonlySet<string> = new Set(),
): Assembled {
  const out: Assembled = { fields: {}, findings: [] }
  const r = (name: string): Reading[] => withMore(readings.get(name) ?? [], more.get(name))
  // The printed 出生 and 性别 as read, before the cross-check fills or doubts them from the number.
  const idPrinted: { birthDate?: string; sex?: string } = {}
  const put = (name: string, value: ExtractedField | null): void => {
    if (value) out.fields[name] = value
  }
  const term = (): void => {
    const range = interpretRange(r('term'))
    put('validFrom', range.from ?? null)
    put('validTo', range.to ?? null)
  }

  if (kind === 'business-licence') {
    code(out, 'creditCode', interpretCreditCode(r('creditCode')))
    // Characters 3–8 of a proven code are the registration's area (GB 32100): the place the name starts with.
    const code18 = out.fields.creditCode
    const area = code18 && !code18.uncertain ? code18.value.slice(2, 8) : undefined
    let name = interpretText(r('entityName'), 'organisation', 3, area ? { area } : {})
    let type = interpretText(r('entityType'), 'organisation', 2)
    // 名称 run on into the 类型 printed on its row: the name ends at its form, the rest is the type.
    const split = name ? splitNameAndType(name.value) : null
    if (name && split) {
      const raw = name.raw ?? name.value
      if (!type) type = { ...name, value: split.type, raw }
      name = { ...name, value: split.name, raw }
    }
    put('entityName', unlessWhole(name, organisationNameLooksWhole))
    put('entityType', tidyEntityType(unlessWhole(type, entityTypeLooksWhole)))
    put('legalRepresentative', interpretText(r('legalRepresentative'), 'person'))
    put('establishedOn', interpretDate(r('establishedOn')))
    term()
    put('address', unlessWhole(interpretText(r('address'), 'text', 4), addressLooksWhole))
    // A 15-digit 注册号 is proven by its check digit; a 13-digit older one by nothing.
    const regNos = r('registrationNumber').flatMap((x) => [...x.text.matchAll(/\d{13,15}/g)].map((m) => ({ ...x, text: m[0] })))
    const regNo = regNos.find((x) => x.text.length === 15 && isValidLegacyRegNo(x.text)) ?? regNos.find((x) => x.text.length === 13)
    if (regNo)
      put('registrationNumber', {
        value: regNo.text,
        confidence: regNo.text.length === 15 ? regNo.confidence : Math.min(regNo.confidence, UNSURE_CAP),
        box: regNo.box,
      })
    const licenceNumber = r('licenceNumber')
      .map((x) => ({ ...x, text: x.text.replace(/\D/g, '') }))
      .filter((x) => x.text.length >= 8)
    if (licenceNumber[0])
      // No check character proves a 证照编号: never sure.
      put('licenceNumber', {
        value: licenceNumber[0].text,
        confidence: Math.min(licenceNumber[0].confidence, UNSURE_CAP),
        box: licenceNumber[0].box,
      })
  } else if (kind === 'id-card') {
    put('personName', interpretText(r('personName'), 'person'))
    const sex = interpretSex([...r('sex'), ...r('ethnicity')])
    put('sex', sex)
    put('ethnicity', interpretEthnicity(r('ethnicity')))
    const birth = interpretDate(r('birthDate'))
    put('birthDate', birth)
    if (birth) idPrinted.birthDate = birth.value
    if (sex && sex.confidence >= 0.8) idPrinted.sex = sex.value
    put('address', unlessWhole(interpretText(r('address'), 'text', 4), addressLooksWhole))
    const hints: { birthDate?: IsoDate; sex?: Sex } = {}
    if (birth && !birth.uncertain) hints.birthDate = birth.value
    if (sex) hints.sex = sex.value as Sex
    code(out, 'idNumber', interpretResidentId(r('idNumber'), today, hints))
    put('issuer', interpretIssuer(r('issuer')))
    term()
    crossCheckId(out)
  } else if (kind === 'domain-certificate') {
    put('domain', interpretDomain(r('domain')))
    put('domainOwner', unlessWhole(interpretText(r('domainOwner'), 'organisation', 2), ownerLooksWhole))
    put('registeredOn', interpretDate(r('registeredOn')))
    put('expiresOn', interpretDate(r('expiresOn')))
  }
  // The one decision on what is sure (sureness.ts), by each field's proof (fields/*.ts).
  const sureness: Record<string, SurenessSpec> = Object.fromEntries(specsOf(kind).map((s) => [s.field, s]))
  const readingsOf = (field: string): Reading[] => {
    const region = specOf(kind, field)?.region ?? field
    return field === 'sex' ? [...r('sex'), ...r('ethnicity')] : r(region)
  }
  const regionOf = (field: string): string => specOf(kind, field)?.region ?? field
  settleSureness(out.fields, sureness, readingsOf, today, idPrinted, (field) => unlabelled.has(regionOf(field)))
  return out
}

/**
 * The ID number encodes the birth date and sex. When the number is proven (check character) and
 * the printed values disagree, the printed reading is the likelier mistake: it is marked uncertain,
 * a missing birth date is taken from the number, and the user is told.
 */
function crossCheckId(out: Assembled): void {
  const id = out.fields.idNumber
  if (!id || id.uncertain) return
  // The value comes from the number, but its place stays the printed one where it was read (the
  // review shows each row's own crop: 出生 showed the number's); only a value not read at all points at the number.
  const fromId = (value: string, printed: ExtractedField | undefined): ExtractedField => ({
    value,
    confidence: Math.min(id.confidence, 0.9),
    ...(printed?.box ? { box: printed.box } : id.box ? { box: id.box } : {}),
    ...(printed ? { raw: printed.raw ?? printed.value } : {}),
    source: 'idNumber',
  })
  const mismatches: Array<[string, string]> = []
  const birth = birthDateOf(id.value)
  const printed = out.fields.birthDate
  if (birth && (!printed || printed.value !== birth)) {
    // A confident printed reading that disagrees is worth a question; a shaky one is just a misread.
    if (printed && printed.confidence >= 0.8 && !printed.uncertain) {
      mismatches.push(['出生日期', 'birth date'])
      out.fields.birthDate = { ...printed, uncertain: true, confidence: Math.min(printed.confidence, 0.4) }
    } else out.fields.birthDate = fromId(birth, printed)
  }
  const sex = sexOf(id.value)
  const printedSex = out.fields.sex
  if (!printedSex || printedSex.value !== sex) {
    if (printedSex && printedSex.confidence >= 0.8) {
      mismatches.push(['性别', 'sex'])
      out.fields.sex = { ...printedSex, uncertain: true, confidence: Math.min(printedSex.confidence, 0.4) }
    } else out.fields.sex = fromId(sex, printedSex)
  }
  if (mismatches.length > 0)
    out.findings.push(
      scanFinding('scan-id-inconsistent', {
        what: mismatches.map((m) => m[0]).join('、'),
        whatEn: mismatches.map((m) => m[1]).join(' and '),
      }),
    )
}
