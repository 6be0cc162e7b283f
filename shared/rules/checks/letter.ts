/**
 * The signed Guangdong commitment letter, judged from what was read off its scan: the OCR text
 * (`extracted.text`) compared with the *current* case, and the image analysis
 * (`extracted.letter`: ink in the signature box, a red seal, a fingerprint).
 *
 * A scan not yet read has neither, and these rules stay quiet; gd-letter-missing (materials)
 * covers a letter not added at all.
 */
import { compareLetterContent, type LetterDifference } from '../../letter/content-match'
import { maskId, matchLetterText, type LetterExpectation } from '../../letter/match'
import { sealKind } from '../../letter/seal'
import { readLetterScan, readScanText, type LetterTextMatch } from '../../letter/scan-result'
import { variantForSponsorType } from '../../letter/template'
import type { CaseDocument } from '../../model/case'
import { present, type Check, type Hit, type RuleContext } from '../context'

const ROLE = 'commitment-letter'

function letterDocuments(ctx: RuleContext): Array<{ doc: CaseDocument; index: number }> {
  return ctx.case.documents.flatMap((doc, index) => (doc.role === ROLE ? [{ doc, index }] : []))
}

function expectation(ctx: RuleContext): LetterExpectation {
  const individual = variantForSponsorType(ctx.case.sponsor.type) === 'individual'
  const certType = present(ctx.case.sponsor.certificateType)
  const codeKind = individual ? (certType === null || certType === '居民身份证' ? 'resident-id' : 'other') : 'uscc'
  return { name: present(ctx.case.sponsor.name), code: present(ctx.case.sponsor.certificateNumber), codeKind, today: ctx.date }
}

const VARIANT = { unit: ['单位', 'unit'], individual: ['个人', 'personal'] } as const

const letterMismatch: Check = (ctx) => {
  const hits: Hit[] = []
  const expected = expectation(ctx)
  const variant = variantForSponsorType(ctx.case.sponsor.type)
  for (const { doc, index } of letterDocuments(ctx)) {
    const text = readScanText(doc.extracted)
    let match: LetterTextMatch | undefined
    if (text !== null) match = matchLetterText(text, expected)
    else match = readLetterScan(doc.extracted)?.match
    if (!match) continue
    const base = { field: `documents[${index}]`, document: index }
    const code = expected.code === null ? '' : expected.codeKind === 'resident-id' ? maskId(expected.code.toUpperCase()) : expected.code
    const params = { file: doc.file, name: expected.name ?? '', code }
    if (match.empty) {
      hits.push({ ...base, variant: 'unreadable', params })
      continue
    }
    if (match.variant !== null && match.variant !== variant) {
      const [scanVariant, scanVariantEn] = VARIANT[match.variant]
      const [v, vEn] = VARIANT[variant]
      hits.push({
        ...base,
        variant: 'variant',
        params: { ...params, scanVariant, scanVariantEn, variant: v, variantEn: vEn, type: ctx.case.sponsor.type ?? '' },
      })
      continue
    }
    const nameMissing = expected.name !== null && match.name === 'missing'
    const codeMissing = expected.code !== null && match.code === 'missing'
    const codeOther = expected.code !== null && match.code === 'other'
    if (nameMissing && codeMissing) {
      hits.push({ ...base, params })
      continue
    }
    if (nameMissing) hits.push({ ...base, variant: 'name', params })
    if (codeMissing || codeOther) {
      const found = codeOther && match.codeRead ? `，扫描件上是 ${match.codeRead}` : ''
      const foundEn = codeOther && match.codeRead ? `; the scan shows ${match.codeRead}` : ''
      hits.push({ ...base, variant: 'code', params: { ...params, found, foundEn } })
    }
    if (text !== null) hits.push(...contentHits(compareLetterContent(text, ctx.case, ctx.date), base, doc.file))
  }
  return hits
}

/** A letter that lists other websites (or another count, or a later date) than the case: one error each. */
function contentHits(differences: readonly LetterDifference[], base: { field: string; document: number }, file: string): Hit[] {
  return differences.map((d): Hit => {
    switch (d.kind) {
      case 'count':
        return { ...base, variant: 'count', params: { file, read: String(d.read), expected: String(d.expected) } }
      case 'website-name':
        return { ...base, variant: 'website-name', params: { file, n: String(d.website + 1), name: d.name } }
      case 'domain':
        return { ...base, variant: 'domain', params: { file, n: String(d.website + 1), domain: d.domain } }
      case 'date-future':
        return { ...base, variant: 'date', params: { file, read: d.read, date: d.date } }
    }
  })
}

const letterUnsigned: Check = (ctx) => {
  const hits: Hit[] = []
  const [signer, signerEn] = ctx.isUnit ? ['法定代表人', 'the legal representative'] : ['主办人本人', 'the sponsor in person']
  for (const { doc, index } of letterDocuments(ctx)) {
    const scan = readLetterScan(doc.extracted)
    if (!scan) continue
    const base = { field: `documents[${index}]`, document: index }
    for (const box of scan.boxes) {
      const params = { file: doc.file, box: box.id, boxEn: box.id, signer: signer ?? '', signerEn: signerEn ?? '' }
      if (box.kind === 'signature' && box.state === 'empty') hits.push({ ...base, params })
      else if (box.kind === 'signature' && box.state === 'unknown') hits.push({ ...base, variant: 'uncertain', params })
      else if (box.kind === 'fingerprint' && box.state === 'empty' && !ctx.isUnit) hits.push({ ...base, variant: 'no-fingerprint', params })
    }
  }
  return hits
}

const letterNoSeal: Check = (ctx) => {
  if (!ctx.isUnit) return []
  return letterDocuments(ctx).flatMap(({ doc, index }) => {
    const scan = readLetterScan(doc.extracted)
    return scan && !scan.seal.found ? [{ field: `documents[${index}]`, document: index, params: { file: doc.file } }] : []
  })
}

const SEAL_EN: Record<string, string> = {
  合同专用章: 'contract seal (合同专用章)',
  财务专用章: 'finance seal (财务专用章)',
  发票专用章: 'invoice seal (发票专用章)',
  人事专用章: 'HR seal (人事专用章)',
}

/** The seal found must be the unit's 公章: a special-purpose seal is refused, an unread one is a warning. */
const letterSealType: Check = (ctx) => {
  if (!ctx.isUnit) return []
  return letterDocuments(ctx).flatMap(({ doc, index }): Hit[] => {
    const scan = readLetterScan(doc.extracted)
    const text = scan?.seal.text
    if (!scan || !scan.seal.found || !text) return []
    const base = { field: `documents[${index}]`, document: index }
    const kind = sealKind(text, present(ctx.case.sponsor.name))
    if (kind.kind === 'special') return [{ ...base, params: { file: doc.file, seal: kind.name, sealEn: SEAL_EN[kind.name] ?? kind.name } }]
    if (kind.kind === 'unreadable') return [{ ...base, variant: 'unreadable', params: { file: doc.file } }]
    return []
  })
}

export const letterChecks: Record<string, Check> = {
  'gd-letter-mismatch': letterMismatch,
  'gd-letter-unsigned': letterUnsigned,
  'gd-letter-no-seal': letterNoSeal,
  'gd-letter-seal-type': letterSealType,
}
