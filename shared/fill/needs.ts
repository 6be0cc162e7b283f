/**
 * Which materials a filing needs, and which of them the case already holds: the requirements of
 * materials.json for this sponsor type and province, a 前置审批 file per declared content of each
 * website, the province's own letter (province-letters.json), and what the rules ask for beyond
 * those (居住证, 授权书, 金融许可证 or 情况说明书, 金融类承诺书). The 填报 view shows the missing
 * upload boxes from it, the 材料清单 prints it. Pure.
 */
import type { IsoDate } from '../dates/iso-date'
import { provinceLetter } from '../letter/province-letters'
import { normaliseResidentId } from '../ids/resident-id'
import type { Case, Person } from '../model/case'
import { samePerson } from '../model/people'
import type { Catalogue, Requirement } from '../rules/catalogue'
import { buildContext } from '../rules/context'
import { checkCase, type Finding } from '../rules/engine'
import { requirementApplies } from '../rules/checks/materials'

/** One material to collect. */
export interface MaterialNeed {
  readonly role: string
  /** 0-based website for a website's material, else null. */
  readonly website: number | null
  /** 「网站1的域名证书」, 「前置审批文件（药品和医疗器械）」. */
  readonly label: string
  readonly labelEn: string
  /** Why it is needed, in a few words (所有备案, 单位主办者, 广东省备案, the rule's message). */
  readonly why: string
  readonly whyEn: string
  /** Case-relative files that provide it (empty: missing). */
  readonly files: readonly string[]
}

/** Rules that ask for a material beyond materials.json, with the role its scan is added under. */
const RULE_MATERIALS: Readonly<Record<string, string>> = {
  'residence-permit-missing': 'residence-permit',
  'manager-authorisation-missing': 'authorisation-letter',
  'finance-keyword': 'finance-licence',
  'gd-finance-letter-missing': 'finance-commitment',
}

function whyOf(req: Requirement): { why: string; whyEn: string } {
  const when = req.when
  if (when?.provinces) return { why: `${when.provinces.join('、')}备案`, whyEn: `filings in ${when.provinces.join(', ')}` }
  if (when?.sponsorTypes) return { why: when.sponsorTypes.join('、'), whyEn: when.sponsorTypes.join(', ') }
  if (when?.unit) return { why: '单位主办者', whyEn: 'units' }
  return req.scope === 'website' ? { why: '每个网站', whyEn: 'every website' } : { why: '所有备案', whyEn: 'every filing' }
}

/** 「网站1（example.cn）」: how a website is named in a need. */
export function siteName(c: Case, i: number): { zh: string; en: string } {
  const w = c.websites[i]
  const name = w?.name?.trim() || w?.domain?.trim() || ''
  return { zh: name ? `网站${i + 1}（${name}）` : `网站${i + 1}`, en: name ? `Website ${i + 1} (${name})` : `Website ${i + 1}` }
}

/** Scans of the same person as website `site`'s manager, added as the principal's or another website's manager's. */
function sameManagerFiles(c: Case, site: number): string[] {
  const manager = c.websites[site]?.manager
  if (!manager) return []
  const id = manager.idNumber?.trim() ? normaliseResidentId(manager.idNumber) : null
  const same = (p: Person | undefined) =>
    p !== undefined && (samePerson(p, manager) || (id !== null && p.idNumber?.trim() ? normaliseResidentId(p.idNumber) === id : false))
  return c.documents
    .filter((d) =>
      d.role === 'principal-id'
        ? same(c.principal)
        : d.role === 'manager-id' && d.website !== undefined && same(c.websites[d.website]?.manager),
    )
    .map((d) => d.file)
}

/**
 * The materials of a case, in upload-form order of roles (document-roles.json), each with the files
 * that provide it. `findings` are the case's findings when the caller has them (else checked here).
 */
export function materialNeeds(c: Case, catalogue: Catalogue, date: IsoDate, findings?: readonly Finding[]): MaterialNeed[] {
  const ctx = buildContext(c, date, catalogue)
  if (ctx.filingType !== null && !ctx.filingType.needsMaterials) return []
  const role = (r: string) => catalogue.documentRoles.find((d) => d.role === r)
  const filesOf = (r: string, site: number | null) =>
    c.documents.filter((d) => d.role === r && (site === null || d.website === site)).map((d) => d.file)
  const needs: MaterialNeed[] = []
  const add = (r: string, site: number | null, why: { why: string; whyEn: string }, files: readonly string[], label?: string) => {
    const def = role(r)
    const base = label ?? def?.label ?? r
    const baseEn = def?.labelEn ?? r
    const s = site === null ? null : siteName(c, site)
    needs.push({
      role: r,
      website: site,
      label: s ? `${s.zh}的${base}` : base,
      labelEn: s ? `${baseEn} of ${s.en}` : baseEn,
      ...why,
      files,
    })
  }

  for (const req of catalogue.requirements.filter((r) => requirementApplies(ctx, r))) {
    if (req.rule === 'gd-letter-missing' && date < catalogue.limits.gdLetterRequiredSince.value) continue
    if (req.scope === 'case') {
      add(req.role, null, whyOf(req), filesOf(req.role, null))
      continue
    }
    c.websites.forEach((site, i) => {
      let files = filesOf(req.role, i)
      // One scan serves every place a person appears: the principal's, or another website's manager's.
      if (files.length === 0 && req.role === 'manager-id') files = sameManagerFiles(c, i)
      add(req.role, i, whyOf(req), files)
    })
  }

  // A 前置审批 file for every content the site declares (or every certificate it lists).
  c.websites.forEach((site, i) => {
    const categories = [...new Set([...site.serviceContent, ...site.preApprovals.map((p) => p.category ?? '')].map((s) => s.trim()))]
    for (const category of categories.filter((s) => s !== '')) {
      const files = c.documents
        .filter((d) => d.role === 'pre-approval' && d.website === i)
        .filter((d) => d.preApproval === undefined || (site.preApprovals[d.preApproval]?.category ?? '').trim() === category)
        .map((d) => d.file)
      const certs = catalogue.preApprovals.find((p) => p.category === category)?.certificates ?? []
      add(
        'pre-approval',
        i,
        { why: `网站内容涉及${category}`, whyEn: `content: ${category}` },
        files,
        certs[0] ? `前置审批文件《${certs[0].replace(/[《》]/g, '')}》` : `前置审批文件（${category}）`,
      )
    }
  })

  const letter = provinceLetter(ctx.province?.short)
  if (letter && !needs.some((n) => n.role === letter.role))
    add(
      letter.role,
      null,
      { why: `${letter.province}备案`, whyEn: `filings in ${letter.province}` },
      filesOf(letter.role, null),
      letter.name,
    )

  const found = findings ?? checkCase(c, { today: date, catalogue })
  for (const f of found) {
    const r = RULE_MATERIALS[f.rule]
    if (!r || needs.some((n) => n.role === r)) continue
    // The finance rule accepts a 情况说明书 in place of the licence: the message says which.
    add(r, null, { why: f.message, whyEn: f.messageEn }, [
      ...filesOf(r, null),
      ...(r === 'finance-licence' ? filesOf('situation-statement', null) : []),
    ])
  }

  const order = (n: MaterialNeed) => catalogue.documentRoles.findIndex((d) => d.role === n.role)
  const firstSiteRole = catalogue.documentRoles.findIndex((d) => d.scope === 'website')
  const rank = (n: MaterialNeed): [number, number, number] =>
    n.website === null ? [order(n), -1, 0] : [firstSiteRole, n.website, order(n)]
  return needs
    .map((n, i) => ({ n, i, r: rank(n) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2] || a.i - b.i)
    .map((x) => x.n)
}
