/**
 * The changes a case's documents go through, as pure functions from a case to the changed case:
 * added, read, given a role, a value marked as misread, removed. Services apply them through the
 * workspace's `update` (load, apply, validate, save unless the file changed meanwhile), so each
 * change is written in one place and the "proposed" mark has one owner.
 */
import documentRoles from '../data/document-roles.json' with { type: 'json' }
import type { Case, CaseDocument } from './case'
import type { ExtractedDocument } from './extracted'
import { sameValue } from './scan-fields'

/** A role proposed for a scan from what it turned out to be. */
export interface RoleProposal {
  readonly role: string
  readonly website?: number
}

const WEBSITE_ROLES = new Set(documentRoles.roles.filter((r) => r.scope === 'website').map((r) => r.role))

/** True for roles that belong to one website (a manager's ID, a domain certificate …). */
export function isWebsiteRole(role: string): boolean {
  return WEBSITE_ROLES.has(role)
}

function withDocuments(c: Case, documents: CaseDocument[]): Case {
  return { ...c, documents }
}

/**
 * Appends scans. Without a role they wait for one to be proposed from their reading (其他材料 and the
 * proposed mark); with one (a drop on the signed-letter zone) they take it at once, chosen by a person.
 */
export function addDocuments(
  c: Case,
  files: readonly string[],
  options: { role?: string; website?: number; proposed?: (file: string) => { role: string; website?: number } | null } = {},
): Case {
  const added = files.map((file): CaseDocument => {
    const doc: CaseDocument = { file, role: 'other', roleProposed: true }
    if (options.role !== undefined) return withRole(doc, options.role, options.website ?? 0)
    // A proposal (from the file name) stays marked as proposed: the reading may still replace it.
    const named = options.proposed?.(file) ?? null
    if (named === null) return doc
    return { ...doc, role: named.role, ...(named.website !== undefined ? { website: named.website } : {}) }
  })
  return withDocuments(c, [...c.documents, ...added])
}

/**
 * Stores a document's reading. A role still proposed (no person chose it) follows the reading's
 * proposal and stays marked as proposed, so the scans column shows it as a suggestion until the
 * person picks a role by hand.
 */
export function applyReading(doc: CaseDocument, extracted: ExtractedDocument, proposal: RoleProposal | null): CaseDocument {
  const next: CaseDocument = { ...doc, extracted }
  if (doc.roleProposed !== true || proposal === null) return next
  next.role = proposal.role
  if (proposal.website !== undefined) next.website = proposal.website
  else delete next.website
  return next
}

/** The readings applied to the documents they were made from, matched by file (the case may have changed while OCR ran). */
export function applyReadings(
  c: Case,
  results: ReadonlyMap<string, { extracted: ExtractedDocument; proposal: RoleProposal | null }>,
): Case {
  return withDocuments(
    c,
    c.documents.map((doc) => {
      const r = results.get(doc.file)
      return r ? applyReading(doc, r.extracted, r.proposal) : doc
    }),
  )
}

/** A role chosen by hand: no longer a proposal; a website role keeps (or gets) a website, any other loses it. */
export function withRole(doc: CaseDocument, role: string, website: number): CaseDocument {
  const next: CaseDocument = { ...doc, role }
  delete next.roleProposed
  if (isWebsiteRole(role)) next.website = website
  else delete next.website
  return next
}

/**
 * The website a scan's reading points at, when exactly one does: the domain it shows (a domain
 * certificate), else the manager whose ID number or name it shows. Null when none or several do.
 */
export function websiteFromReading(c: Case, doc: CaseDocument): number | null {
  const fields = doc.extracted?.fields
  if (!fields) return null
  const unique = (hits: number[]): number | null => (hits.length === 1 ? (hits[0] as number) : null)
  const indexes = (test: (w: Case['websites'][number]) => boolean): number[] => c.websites.flatMap((w, i) => (test(w) ? [i] : []))
  const domain = fields.domain?.value
  if (domain) return unique(indexes((w) => sameValue('domain', w.domain, domain)))
  const id = fields.idNumber?.value
  const byId = indexes((w) => sameValue('resident-id', w.manager.idNumber, id))
  if (byId.length > 0) return unique(byId)
  const name = fields.personName?.value
  return unique(indexes((w) => sameValue('name', w.manager.name, name)))
}

/**
 * Sets the role of document `index` by hand; a website beyond the case's goes to the last one. A
 * website role without a website takes the one the reading points at, or the only one; else it
 * stays without one (the card then asks 请选择网站). Null when there is no such document.
 */
export function setRole(c: Case, index: number, role: string, website: number | null): Case | null {
  const doc = c.documents[index]
  if (!doc) return null
  const documents = [...c.documents]
  const chosen = isWebsiteRole(role) ? (website ?? websiteFromReading(c, doc) ?? (c.websites.length === 1 ? 0 : null)) : 0
  const next = withRole(doc, role, Math.min(chosen ?? 0, Math.max(0, c.websites.length - 1)))
  if (chosen === null) delete next.website
  documents[index] = next
  return withDocuments(c, documents)
}

/** Keeps (or no longer keeps) document `index` in the package while its role is 其他材料. Null when there is no such document. */
export function setKeep(c: Case, index: number, keep: boolean): Case | null {
  const doc = c.documents[index]
  if (!doc) return null
  const next: CaseDocument = { ...doc }
  if (keep) next.keep = true
  else delete next.keep
  const documents = [...c.documents]
  documents[index] = next
  return withDocuments(c, documents)
}

/** True when a scan goes into the package: any role but 其他材料, and 其他材料 only when a person kept it. */
export function isExported(doc: CaseDocument): boolean {
  return doc.role !== 'other' || doc.keep === true
}

/**
 * Marks one value read from document `index` as misread (or clears the mark): the person checked the
 * scan and the form is right. The reading itself stays as read. Null when there is no such value.
 */
export function markMisread(c: Case, index: number, field: string, misread: boolean): Case | null {
  const doc = c.documents[index]
  const extracted = doc?.extracted
  const value = extracted && Object.hasOwn(extracted.fields, field) ? extracted.fields[field] : undefined
  if (!doc || !extracted || !value) return null
  const marked = { ...value }
  if (misread) marked.misread = true
  else delete marked.misread
  const documents = [...c.documents]
  documents[index] = { ...doc, extracted: { ...extracted, fields: { ...extracted.fields, [field]: marked } } }
  return withDocuments(c, documents)
}

/** Takes document `index` out of the case (its file is the caller's business). Null when there is no such document. */
export function removeDocument(c: Case, index: number): Case | null {
  if (!c.documents[index]) return null
  return withDocuments(
    c,
    c.documents.filter((_, i) => i !== index),
  )
}
