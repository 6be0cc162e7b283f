/**
 * The other cases of a workspace, for the rules across cases (workspace-sponsor-in-flight: one filing
 * in flight per sponsor; workspace-person-conflict: one person per ID and phone number).
 *
 * A workspace is the folder holding the case folders: every sub-folder with a case.json that loads is
 * a case. The app passes its own workspace; `icp-prep check --workspace DIR` names one (a case folder's
 * parent is never taken for a workspace unasked: /tmp or Downloads hold unrelated cases). Cases are
 * cached by case.json's mtime and size, so a list of n cases reads each case.json once, not n times.
 */
import { createHash } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { isOpenCase } from '../../../shared/filing/status'
import { isSafeCaseId } from '../../../shared/ipc/schemas'
import type { Case } from '../../../shared/model/case'
import type { WorkspaceCase } from '../../../shared/rules/context'
import { CASE_FILE, loadCase } from '../case-folder/case-store'

/** Beyond this many sibling folders the folder is not a workspace of cases: the rules across cases are skipped. */
export const MAX_WORKSPACE_CASES = 2000

interface Entry {
  readonly mtimeMs: number
  readonly size: number
  readonly case: Case | null
}

export interface WorkspaceSnapshot {
  /** Every case of the workspace that loads, by id (folder name). */
  readonly cases: ReadonlyMap<string, Case>
  /** The case.json mtime each case was read at. */
  readonly mtimes: ReadonlyMap<string, number>
  /** The workspace's cases other than `id`, as the rules take them. */
  others(id: string): WorkspaceCase[]
  /**
   * Changes when what the rules across cases read changes in any case (one string for the whole
   * workspace, built once: a case's own change of those values changes its mtime anyway).
   */
  readonly key: string
}

/**
 * What the rules across cases read of a case: the sponsor's certificate number and each person's
 * name, ID number and mobile, and whether it is open. A summary is stale only when this changes in another case.
 */
export function crossCaseKey(c: Case): string {
  const people = [c.principal, ...c.websites.map((w) => w.manager)].map((p) => [p.name, p.idNumber, p.mobile])
  return JSON.stringify([c.sponsor.certificateNumber, people, isOpenCase(c)])
}

function snapshot(cases: ReadonlyMap<string, Case>, mtimes: ReadonlyMap<string, number> = new Map()): WorkspaceSnapshot {
  // Hashed: the list keeps it beside every row, and the rows are kept on disk (list-cache.ts).
  const key = createHash('sha256')
    .update(JSON.stringify([...cases].map(([id, c]) => `${id}\u0000${crossCaseKey(c)}`).sort()))
    .digest('hex')
  return {
    cases,
    mtimes,
    others: (id) => [...cases].filter(([other]) => other !== id).map(([other, c]) => ({ id: other, case: c, open: isOpenCase(c) })),
    key,
  }
}

/** Reads the cases of one workspace folder, re-reading only the case.json files that changed. */
export class WorkspaceCases {
  readonly root: string
  readonly #entries = new Map<string, Entry>()

  constructor(root: string) {
    this.root = path.resolve(root)
  }

  async snapshot(): Promise<WorkspaceSnapshot> {
    let names: string[]
    try {
      const entries = await readdir(this.root, { withFileTypes: true })
      names = entries.filter((e) => e.isDirectory() && isSafeCaseId(e.name)).map((e) => e.name)
    } catch {
      return snapshot(new Map())
    }
    if (names.length > MAX_WORKSPACE_CASES) return snapshot(new Map())
    const seen = new Set(names)
    for (const id of [...this.#entries.keys()]) if (!seen.has(id)) this.#entries.delete(id)
    const loaded = await Promise.all(names.map(async (id) => [id, await this.#read(id)] as const))
    const cases = new Map(loaded.flatMap(([id, c]) => (c ? [[id, c] as const] : [])))
    return snapshot(cases, new Map([...cases.keys()].map((id) => [id, this.#entries.get(id)?.mtimeMs ?? -1])))
  }

  /** Forgets a case, so the next snapshot reads it again (after a write whose mtime may not change). */
  forget(id: string): void {
    this.#entries.delete(id)
  }

  async #read(id: string): Promise<Case | null> {
    const folder = path.join(this.root, id)
    let info
    try {
      info = await stat(path.join(folder, CASE_FILE))
    } catch {
      this.#entries.delete(id)
      return null
    }
    const cached = this.#entries.get(id)
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.case
    const loaded = await loadCase(folder)
    const c = loaded.ok ? loaded.case : null
    this.#entries.set(id, { mtimeMs: info.mtimeMs, size: info.size, case: c })
    return c
  }
}

/**
 * The cases of the workspace folder `root` other than the case in `caseFolder` (which may lie in
 * `root` or elsewhere), for the CLI, which is handed one case and, with --workspace, its workspace.
 */
export async function otherCasesIn(root: string, caseFolder: string): Promise<WorkspaceCase[]> {
  const folder = path.resolve(caseFolder)
  const all = await new WorkspaceCases(root).snapshot()
  return all.others(path.dirname(folder) === path.resolve(root) ? path.basename(folder) : '')
}
