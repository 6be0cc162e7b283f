/**
 * 批量导入 (issue 17): the plan of an import — which files go into which new case, under which name —
 * as plain data the preview edits before anything is created. Pure: the service fills it (folders
 * listed, loose scans read) and applies it; the window edits it with the same functions.
 *
 * Loose scans are grouped by what their reading proves, never by a guess: a credit code whose check
 * character holds, a sponsor name printed on a licence (and as owner on a domain certificate), a
 * resident ID number whose check character holds (one person's cards together; a card whose name is
 * a licence's legal representative joins that sponsor, a card whose name owns a domain certificate
 * is that 个人 customer). What proves nothing — a card's back, a person linked to no customer —
 * stays ungrouped for the person to place.
 */
import limits from '../data/batch-import.json' with { type: 'json' }
import { hasValidUsccCheck, normaliseUscc } from '../ids/uscc'
import { isSelfConsistentResidentId, normaliseResidentId } from '../ids/resident-id'
import type { DocumentKind, ExtractedDocument } from '../model/extracted'

export const BATCH_LIMITS = {
  cases: limits.maxCases.value,
  files: limits.maxFiles.value,
  name: limits.maxCaseName.value,
} as const

/** How a group was made: a customer folder, or what OCR proved, or by hand in the preview. */
export type GroupReason = 'folder' | 'credit-code' | 'sponsor-name' | 'id-number' | 'manual'

/** One file of the import, by an id the window uses (it never sees or sends a path). */
export interface PlanFile {
  readonly id: string
  /** Its path under the imported folder, with '/' (for display). */
  readonly name: string
  readonly size: number
  /** What its reading found (loose scans only). */
  readonly kind?: DocumentKind
  /** What proved its group, shown beside it (a credit code, a name, an ID number's last four digits). */
  readonly proof?: string
}

export interface PlanGroup {
  readonly key: string
  /** The new case's name: its folder is named after it (then a short id). */
  readonly name: string
  readonly reason: GroupReason
  /** File ids, in order. */
  readonly files: readonly string[]
}

export interface ImportPlan {
  readonly version: 1
  readonly planId: string
  /** The imported folder's own name (its path stays in the main process). */
  readonly source: string
  /** A folder of customer folders, or one folder of loose scans. */
  readonly mode: 'folders' | 'loose'
  readonly files: readonly PlanFile[]
  readonly groups: readonly PlanGroup[]
  /** Files no group claims: not imported unless the person moves them into one. */
  readonly ungrouped: readonly string[]
  /** Files taken out in the preview. */
  readonly dropped: readonly string[]
  /** What was refused while listing (not a scan, empty, too large), by name with the reason. */
  readonly refused: ReadonlyArray<{ readonly name: string; readonly message: string; readonly messageEn: string }>
}

/** One loose scan and its reading (null when it could not be read). */
export interface ReadFile {
  readonly id: string
  readonly reading: ExtractedDocument | null
}

/** A name compared across documents: spaces gone, full-width brackets as ASCII. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')')
}

function value(reading: ExtractedDocument, field: string): string | null {
  const f = reading.fields[field]
  const v = f?.value.trim()
  return v ? v : null
}

/** A credit code the reading proves: eighteen characters whose check character holds. */
export function provenCode(reading: ExtractedDocument): string | null {
  const raw = value(reading, 'creditCode')
  if (!raw) return null
  const code = normaliseUscc(raw)
  return code.length === 18 && hasValidUsccCheck(code) ? code : null
}

/** A resident ID number the reading proves (its check character holds). */
export function provenIdNumber(reading: ExtractedDocument): string | null {
  const raw = value(reading, 'idNumber')
  if (!raw) return null
  const id = normaliseResidentId(raw)
  return id.length === 18 && isSelfConsistentResidentId(id) ? id : null
}

/** Union-find over the facts that tie files together. */
class Links {
  readonly #parent = new Map<string, string>()
  find(a: string): string {
    let root = a
    while (this.#parent.has(root) && this.#parent.get(root) !== root) root = this.#parent.get(root) as string
    if (!this.#parent.has(a)) this.#parent.set(a, a)
    return root
  }
  join(a: string, b: string): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.#parent.set(rb, ra)
  }
}

interface Facts {
  codes: Set<string>
  names: string[]
  people: string[]
  ids: Set<string>
}

/**
 * Groups loose scans by what their readings prove. Each licence is a sponsor (its proven code, its
 * printed name); a domain certificate joins the sponsor its owner names; an ID card joins the cards
 * with the same proven number and, when its name is exactly one licence's legal representative, that
 * sponsor; a commitment letter joins the sponsor whose name it prints. Cards linked to no customer
 * and everything else stay ungrouped.
 */
export function groupReadings(files: readonly ReadFile[]): { groups: PlanGroup[]; ungrouped: string[]; proofs: Map<string, string> } {
  const links = new Links()
  const node = new Map<string, string>() // file id → fact key
  const proofs = new Map<string, string>()
  const sponsorByName = new Map<string, string>() // name key → fact key
  const sponsorsByRep = new Map<string, Set<string>>() // legal representative → fact keys
  const displayName = new Map<string, string>() // fact key → a readable name

  // Licences first: they are the sponsors everything else joins.
  for (const f of files) {
    const r = f.reading
    if (!r || r.kind !== 'business-licence') continue
    const code = provenCode(r)
    const name = value(r, 'entityName')
    const key = code ? `code:${code}` : name ? `name:${nameKey(name)}` : null
    if (!key) continue
    links.find(key)
    if (code && name) links.join(key, `name:${nameKey(name)}`)
    if (name) {
      sponsorByName.set(nameKey(name), key)
      displayName.set(key, name)
      displayName.set(`name:${nameKey(name)}`, name)
    }
    const rep = value(r, 'legalRepresentative')
    if (rep) sponsorsByRep.set(nameKey(rep), new Set([...(sponsorsByRep.get(nameKey(rep)) ?? []), links.find(key)]))
    node.set(f.id, key)
    proofs.set(f.id, code ?? name ?? '')
  }
  for (const f of files) {
    const r = f.reading
    if (!r || node.has(f.id)) continue
    if (r.kind === 'domain-certificate') {
      const owner = value(r, 'domainOwner')
      if (!owner) continue
      const key = `name:${nameKey(owner)}`
      links.find(key)
      if (!displayName.has(key)) displayName.set(key, owner)
      node.set(f.id, key)
      proofs.set(f.id, owner)
    } else if (r.kind === 'id-card') {
      const id = provenIdNumber(r)
      if (!id) continue
      const key = `id:${id}`
      links.find(key)
      const person = value(r, 'personName')
      if (person) {
        if (!displayName.has(key)) displayName.set(key, person)
        const sponsors = sponsorsByRep.get(nameKey(person))
        const roots = new Set([...(sponsors ?? [])].map((k) => links.find(k)))
        if (roots.size === 1) links.join([...roots][0] as string, key)
        // A 个人 filing: a domain certificate in the person's own name.
        links.join(key, `name:${nameKey(person)}`)
      }
      node.set(f.id, key)
      proofs.set(f.id, `…${id.slice(-4)}`)
    } else if (r.kind === 'commitment-letter') {
      const text = nameKey((r.text ?? []).join(''))
      const named = [...sponsorByName.entries()].filter(([name]) => name.length >= 4 && text.includes(name))
      if (named.length !== 1) continue
      const [name, key] = named[0] as [string, string]
      node.set(f.id, key)
      proofs.set(f.id, displayName.get(key) ?? name)
    }
  }
  // A name node that only a person's cards reach stays theirs; a name nobody else shares joins nothing.
  const byRoot = new Map<string, string[]>()
  const order: string[] = []
  for (const f of files) {
    const key = node.get(f.id)
    if (!key) continue
    const root = links.find(key)
    if (!byRoot.has(root)) {
      byRoot.set(root, [])
      order.push(root)
    }
    byRoot.get(root)?.push(f.id)
  }
  const facts = (root: string): Facts => {
    const out: Facts = { codes: new Set(), names: [], people: [], ids: new Set() }
    for (const f of byRoot.get(root) ?? []) {
      const key = node.get(f) as string
      if (key.startsWith('code:')) out.codes.add(key.slice(5))
      if (key.startsWith('id:')) {
        out.ids.add(key.slice(3))
        const p = displayName.get(key)
        if (p) out.people.push(p)
      } else {
        const n = displayName.get(key)
        if (n) out.names.push(n)
      }
    }
    return out
  }
  const groups: PlanGroup[] = []
  for (const root of order) {
    const f = facts(root)
    // A person's cards alone prove a person, not a customer: they wait for the person to place them.
    if (f.codes.size === 0 && f.names.length === 0) continue
    const reason: GroupReason = f.codes.size > 0 ? 'credit-code' : f.ids.size > 0 ? 'id-number' : 'sponsor-name'
    const name = f.names[0] ?? [...f.codes][0] ?? `客户 ${groups.length + 1}`
    groups.push({ key: `g${groups.length + 1}`, name: name.slice(0, BATCH_LIMITS.name), reason, files: byRoot.get(root) ?? [] })
  }
  const grouped = new Set(groups.flatMap((g) => g.files))
  return { groups, ungrouped: files.filter((f) => !grouped.has(f.id)).map((f) => f.id), proofs }
}

// --- edits of the preview (the window and the service apply the same ones) ---

function without(plan: ImportPlan, fileId: string): Pick<ImportPlan, 'groups' | 'ungrouped' | 'dropped'> {
  return {
    groups: plan.groups.map((g) => (g.files.includes(fileId) ? { ...g, files: g.files.filter((f) => f !== fileId) } : g)),
    ungrouped: plan.ungrouped.filter((f) => f !== fileId),
    dropped: plan.dropped.filter((f) => f !== fileId),
  }
}

/** Moves a file into a group, or back to the ungrouped files (`to` null). */
export function moveFile(plan: ImportPlan, fileId: string, to: string | null): ImportPlan {
  if (!plan.files.some((f) => f.id === fileId)) return plan
  if (to !== null && !plan.groups.some((g) => g.key === to)) return plan
  const rest = without(plan, fileId)
  if (to === null) return { ...plan, ...rest, ungrouped: [...rest.ungrouped, fileId] }
  return { ...plan, ...rest, groups: rest.groups.map((g) => (g.key === to ? { ...g, files: [...g.files, fileId] } : g)) }
}

/** Takes a file out of the import (it can be moved back). */
export function dropFile(plan: ImportPlan, fileId: string): ImportPlan {
  if (!plan.files.some((f) => f.id === fileId)) return plan
  const rest = without(plan, fileId)
  return { ...plan, ...rest, dropped: [...rest.dropped, fileId] }
}

/** Renames a group's case. */
export function renameGroup(plan: ImportPlan, key: string, name: string): ImportPlan {
  return { ...plan, groups: plan.groups.map((g) => (g.key === key ? { ...g, name: name.slice(0, BATCH_LIMITS.name) } : g)) }
}

/** Adds an empty group (a case made by hand), named `name`. */
export function addGroup(plan: ImportPlan, name: string): ImportPlan {
  let n = plan.groups.length + 1
  while (plan.groups.some((g) => g.key === `m${n}`)) n += 1
  return { ...plan, groups: [...plan.groups, { key: `m${n}`, name: name.slice(0, BATCH_LIMITS.name), reason: 'manual', files: [] }] }
}

/** What is wrong with a plan before it is applied (bilingual), or nothing. */
export function planProblems(plan: ImportPlan): Array<{ message: string; messageEn: string }> {
  const problems: Array<{ message: string; messageEn: string }> = []
  const used = plan.groups.filter((g) => g.files.length > 0)
  if (used.length === 0) problems.push({ message: '没有要创建的案件', messageEn: 'There are no cases to create' })
  if (used.length > BATCH_LIMITS.cases)
    problems.push({
      message: `一次最多导入 ${BATCH_LIMITS.cases} 个案件`,
      messageEn: `At most ${BATCH_LIMITS.cases} cases per import`,
    })
  for (const g of used) if (g.name.trim() === '') problems.push({ message: '有案件没有名称', messageEn: 'A case has no name' })
  const seen = new Set<string>()
  for (const id of plan.groups.flatMap((g) => g.files)) {
    if (seen.has(id)) problems.push({ message: '同一文件在两个案件中', messageEn: 'A file is in two cases' })
    seen.add(id)
  }
  return problems
}
