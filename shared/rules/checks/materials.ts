/**
 * Electronic materials (电子材料): which scans the filing needs (materials.json), and whether
 * each document entry in the case is usable (known role, right website, a file that exists inside
 * the case folder).
 */
import { isSafeRelativePath } from '../../model/paths'
import { normaliseResidentId } from '../../ids/resident-id'
import { present, type Check, type Hit, type RuleContext } from '../context'
import type { Requirement } from '../catalogue'

/** Whether a material requirement applies to this case (unit or person, sponsor type, province). */
export function requirementApplies(ctx: RuleContext, req: Requirement): boolean {
  const when = req.when
  if (!when) return true
  if (when.unit !== undefined && when.unit !== ctx.isUnit) return false
  if (when.sponsorTypes && !when.sponsorTypes.includes(ctx.sponsorType?.name ?? '')) return false
  if (when.provinces && !when.provinces.includes(ctx.province?.short ?? '')) return false
  return true
}

function roleLabel(ctx: RuleContext, role: string): { material: string; materialEn: string } {
  const def = ctx.catalogue.documentRoles.find((r) => r.role === role)
  return { material: def?.label ?? role, materialEn: def?.labelEn ?? role }
}

/** The ID number of whoever a principal-id or manager-id scan shows. */
function idOfDocument(ctx: RuleContext, role: string, website: number | undefined): string | null {
  const person =
    role === 'principal-id'
      ? ctx.case.principal
      : role === 'manager-id' && website !== undefined
        ? ctx.case.websites[website]?.manager
        : undefined
  const id = present(person?.idNumber)
  return id === null ? null : normaliseResidentId(id)
}

/**
 * A website's manager ID is covered by any scan of the same person: the principal's, or the one
 * added for another website they also manage. One scan serves every place a person appears (the
 * app refuses the same file twice, so asking again per website could never be satisfied).
 */
function managerCovered(ctx: RuleContext, site: number): boolean {
  const raw = present(ctx.case.websites[site]?.manager.idNumber)
  if (raw === null) return false
  const id = normaliseResidentId(raw)
  return ctx.case.documents.some(
    (d) => (d.role === 'principal-id' || d.role === 'manager-id') && idOfDocument(ctx, d.role, d.website) === id,
  )
}

function has(ctx: RuleContext, role: string, site?: number): boolean {
  return ctx.case.documents.some((d) => d.role === role && (site === undefined || d.website === site))
}

function missing(rule: string): Check {
  return (ctx) => {
    if (ctx.filingType !== null && !ctx.filingType.needsMaterials) return []
    const variant = rule === 'material-missing' && ctx.filingType?.name === '变更备案' ? { variant: 'change' } : {}
    const hits: Hit[] = []
    for (const req of ctx.catalogue.requirements.filter((r) => r.rule === rule && requirementApplies(ctx, r))) {
      if (rule === 'gd-letter-missing' && ctx.date < ctx.catalogue.limits.gdLetterRequiredSince.value) continue
      const params = {
        ...roleLabel(ctx, req.role),
        type: ctx.sponsorType?.name ?? '',
        typeEn: ctx.sponsorType?.nameEn ?? '',
        signer: ctx.isUnit ? '法定代表人' : '主办人本人',
        signerEn: ctx.isUnit ? 'the legal representative' : 'the sponsor',
      }
      if (req.scope === 'case') {
        if (!has(ctx, req.role)) hits.push({ field: null, params, ...variant })
        continue
      }
      ctx.case.websites.forEach((_, i) => {
        if (has(ctx, req.role, i)) return
        if (req.role === 'manager-id' && managerCovered(ctx, i)) return
        const site = ctx.siteLabel(i)
        hits.push({
          field: `websites[${i}]`,
          params: { ...params, material: `${site.site}的${params.material}`, materialEn: `${params.materialEn} of ${site.siteEn}` },
          ...variant,
        })
      })
    }
    return hits
  }
}

const documentRoleUnknown: Check = (ctx) =>
  ctx.case.documents.flatMap((d, i) =>
    ctx.catalogue.documentRoles.some((r) => r.role === d.role)
      ? []
      : [{ field: `documents[${i}].role`, document: i, params: { file: d.file, role: d.role } }],
  )

const documentWebsiteInvalid: Check = (ctx) =>
  ctx.case.documents.flatMap((d, i) => {
    const role = ctx.catalogue.documentRoles.find((r) => r.role === d.role)
    if (role?.scope !== 'website') return []
    if (d.website !== undefined && d.website < ctx.case.websites.length) return []
    return [{ field: `documents[${i}].website`, document: i, params: { file: d.file, role: role.label, roleEn: role.labelEn } }]
  })

/** A path that leaves the case: written so (`..`, absolute) or through a link found on disk. */
const outsideCase = (ctx: RuleContext, file: string): boolean => !isSafeRelativePath(file) || ctx.files?.inside?.(file) === false

const documentPathUnsafe: Check = (ctx) =>
  ctx.case.documents.flatMap((d, i) =>
    outsideCase(ctx, d.file) ? [{ field: `documents[${i}].file`, document: i, params: { file: d.file } }] : [],
  )

const documentFileMissing: Check = (ctx) => {
  const files = ctx.files
  if (!files) return []
  return ctx.case.documents.flatMap((d, i) =>
    !outsideCase(ctx, d.file) && !files.exists(d.file) ? [{ field: `documents[${i}].file`, document: i, params: { file: d.file } }] : [],
  )
}

const documentFileUnreadable: Check = (ctx) => {
  const files = ctx.files
  if (!files?.readable) return []
  return ctx.case.documents.flatMap((d, i) =>
    !outsideCase(ctx, d.file) && files.exists(d.file) && !files.readable?.(d.file)
      ? [{ field: `documents[${i}].file`, document: i, params: { file: d.file } }]
      : [],
  )
}

export const materialChecks: Record<string, Check> = {
  'material-missing': missing('material-missing'),
  'gov-materials-missing': missing('gov-materials-missing'),
  'gd-letter-missing': missing('gd-letter-missing'),
  'document-role-unknown': documentRoleUnknown,
  'document-website-invalid': documentWebsiteInvalid,
  'document-path-unsafe': documentPathUnsafe,
  'document-file-missing': documentFileMissing,
  'document-file-unreadable': documentFileUnreadable,
}
