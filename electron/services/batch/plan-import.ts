/**
 * 批量导入 (issue 17), the planning half: turns a folder into an editable plan of new cases before
 * anything is created. A folder of customer folders gives one case per sub-folder, named after it;
 * one folder of loose scans is read (OCR, through the one pool the caller gives) and grouped by what
 * the readings prove (shared/batch/plan.ts groupReadings). The readings are kept with the plan, so
 * applying it stores them and the queue never reads those scans twice.
 *
 * The plan names files by ids; their paths stay here. Applying creates each case through the
 * workspace (a folder named after the customer) and adds its scans through the case-document
 * service (copied in under safe names, roles proposed from file names, then from the readings).
 */
import { randomBytes } from 'node:crypto'
import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { BATCH_LIMITS, groupReadings, planProblems, type ImportPlan, type PlanFile, type ReadFile } from '../../../shared/batch/plan'
import type { IsoDate } from '../../../shared/dates/iso-date'
import { AppError } from '../../../shared/ipc/errors'
import { applyReadings } from '../../../shared/model/documents'
import type { ExtractedDocument } from '../../../shared/model/extracted'
import { addScansReport, proposeRole, storedReading } from '../case-folder/case-documents'
import { extractFile } from '../extract/extract-files'
import { sha256File } from '../file-hash'
import { OcrPool } from '../ocr/pool'
import { collectScanFiles, refusal, type RefusedFile } from '../scans/scan-paths'
import type { Workspace } from '../workspace/workspace'

/** A plan with what only the main process holds: each file's path and, for loose scans, its reading. */
export interface PlannedImport {
  readonly plan: ImportPlan
  readonly root: string
  readonly paths: ReadonlyMap<string, string>
  readonly readings: ReadonlyMap<string, ExtractedDocument>
}

export interface PlanOptions {
  /** The workspace folder: files already inside it are never imported again. */
  readonly workspaceRoot: string
  readonly today: IsoDate
  /** The OCR pool loose scans are read with (default: one made and closed here). */
  readonly pool?: OcrPool
  readonly signal?: AbortSignal
  /** Loose scans read so far, of how many. */
  readonly onProgress?: (done: number, total: number, name: string) => void
}

const slash = (p: string) => p.split(path.sep).join('/')

function tooMany(): AppError {
  return new AppError(
    'import-too-large',
    `一次最多导入 ${BATCH_LIMITS.files} 个文件、${BATCH_LIMITS.cases} 个案件`,
    `At most ${BATCH_LIMITS.files} files and ${BATCH_LIMITS.cases} cases per import`,
  )
}

/** Reads a folder and makes the plan: customer folders when it has sub-folders holding scans, else loose scans grouped by their readings. */
export async function planImport(dir: string, options: PlanOptions): Promise<PlannedImport> {
  let root: string
  try {
    root = await realpath(path.resolve(dir))
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder')
  } catch {
    throw new AppError(
      'import-folder',
      `无法打开要导入的文件夹：${path.basename(dir)}`,
      `The folder to import cannot be opened: ${path.basename(dir)}`,
    )
  }
  const workspace = await realpath(options.workspaceRoot).catch(() => path.resolve(options.workspaceRoot))
  if (root === workspace || root.startsWith(workspace + path.sep) || workspace.startsWith(root + path.sep))
    throw new AppError(
      'import-folder',
      '不能导入工作区本身或包含工作区的文件夹',
      'The workspace itself, or a folder holding it, cannot be imported',
    )
  const entries = (await readdir(root, { withFileTypes: true })).filter((e) => !e.name.startsWith('.') && !e.isSymbolicLink())
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN')
  const folders = entries.filter((e) => e.isDirectory()).sort(byName)
  const loose = entries.filter((e) => e.isFile()).map((e) => path.join(root, e.name))

  const files: PlanFile[] = []
  const paths = new Map<string, string>()
  const refused: RefusedFile[] = []
  const seen = new Map<string, string>() // sha → file id: the same scan twice is imported once
  const take = async (file: string): Promise<string | null> => {
    if (files.length >= BATCH_LIMITS.files) throw tooMany()
    const sha = await sha256File(file).catch(() => null)
    const name = slash(path.relative(root, file))
    if (sha === null) {
      refused.push(refusal(name, 'scanImport.unreadable'))
      return null
    }
    if (seen.has(sha)) {
      refused.push(refusal(name, 'scanImport.duplicate'))
      return null
    }
    const id = `f${files.length + 1}`
    seen.set(sha, id)
    files.push({ id, name, size: (await stat(file)).size })
    paths.set(id, file)
    return id
  }

  const groups: Array<ImportPlan['groups'][number]> = []
  for (const folder of folders) {
    const collected = await collectScanFiles([path.join(root, folder.name)], workspace)
    refused.push(...collected.refused.map((r) => ({ ...r, name: `${folder.name}/${r.name}` })))
    const ids: string[] = []
    for (const file of collected.files) {
      const id = await take(file)
      if (id) ids.push(id)
    }
    if (ids.length > 0)
      groups.push({ key: `g${groups.length + 1}`, name: folder.name.slice(0, BATCH_LIMITS.name), reason: 'folder', files: ids })
  }
  if (groups.length > BATCH_LIMITS.cases) throw tooMany()
  const looseCollected = await collectScanFiles(loose, workspace)
  refused.push(...looseCollected.refused)
  const looseIds: string[] = []
  for (const file of looseCollected.files) {
    const id = await take(file)
    if (id) looseIds.push(id)
  }

  const readings = new Map<string, ExtractedDocument>()
  let ungrouped = looseIds
  const mode: ImportPlan['mode'] = groups.length > 0 ? 'folders' : 'loose'
  let planned: PlanFile[] = files
  if (mode === 'loose' && looseIds.length > 0) {
    const read = await readLoose(looseIds, paths, options)
    for (const r of read) if (r.reading) readings.set(r.id, r.reading)
    const grouped = groupReadings(read)
    groups.push(...grouped.groups)
    ungrouped = grouped.ungrouped
    planned = files.map((f) => {
      const reading = readings.get(f.id)
      const proof = grouped.proofs.get(f.id)
      return { ...f, ...(reading ? { kind: reading.kind } : {}), ...(proof ? { proof } : {}) }
    })
  }
  const plan: ImportPlan = {
    version: 1,
    planId: `plan-${randomBytes(6).toString('hex')}`,
    source: path.basename(root),
    mode,
    files: planned,
    groups,
    ungrouped,
    dropped: [],
    refused,
  }
  return { plan, root, paths, readings }
}

/** Reads the loose scans a few at a time (the pool's engines, plus one being decoded), in order. */
async function readLoose(ids: readonly string[], paths: ReadonlyMap<string, string>, options: PlanOptions): Promise<ReadFile[]> {
  const pool = options.pool ?? new OcrPool()
  const out: ReadFile[] = ids.map((id) => ({ id, reading: null }))
  let next = 0
  let done = 0
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const index = next
      next += 1
      const id = ids[index] as string
      const file = paths.get(id) as string
      options.signal?.throwIfAborted()
      const sha = await sha256File(file)
      const r = await extractFile(file, pool, { today: options.today, ...(options.signal ? { signal: options.signal } : {}) })
      if (!r.ok && r.cancelled) throw AppError.of('cancelled')
      out[index] = { id, reading: storedReading(r, sha) }
      done += 1
      options.onProgress?.(done, ids.length, path.basename(file))
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(ids.length, pool.size + 1) }, worker))
  } finally {
    if (!options.pool) await pool.close()
  }
  return out
}

/** One case made by apply: its id, name and how many scans went in. */
export interface CreatedCase {
  readonly caseId: string
  readonly name: string
  readonly added: number
  readonly refused: RefusedFile[]
}

/**
 * Checks an edited plan against the one made here: the same files (by id, nothing new), each in at
 * most one group. The window edits names and moves files; it can never bring in a path.
 */
export function checkedPlan(planned: PlannedImport, edited: ImportPlan): ImportPlan {
  if (edited.planId !== planned.plan.planId) throw AppError.of('import-plan-unknown')
  const known = new Set(planned.plan.files.map((f) => f.id))
  for (const g of edited.groups) for (const f of g.files) if (!known.has(f)) throw AppError.of('import-plan-unknown')
  const problems = planProblems(edited)
  const first = problems[0]
  if (first) throw new AppError('import-plan-invalid', first.message, first.messageEn)
  return { ...planned.plan, groups: edited.groups, ungrouped: edited.ungrouped, dropped: edited.dropped }
}

/**
 * Creates the plan's cases (empty groups skipped) and copies each group's scans in, storing the
 * readings loose scans already have. Returns the cases made, in the plan's order.
 */
export async function applyImport(workspace: Workspace, planned: PlannedImport, edited: ImportPlan): Promise<CreatedCase[]> {
  const plan = checkedPlan(planned, edited)
  const created: CreatedCase[] = []
  for (const group of plan.groups) {
    if (group.files.length === 0) continue
    const caseId = await workspace.createEmpty({ name: group.name.trim() })
    const sources = group.files.map((id) => planned.paths.get(id) as string)
    const report = await workspace.change(caseId, (folder, update) => addScansReport(folder, sources, { commit: update }))
    const bySource = new Map(group.files.map((id) => [planned.paths.get(id) as string, id]))
    const read = new Map<string, ExtractedDocument>()
    for (const a of report.added) {
      const reading = planned.readings.get(bySource.get(a.source) ?? '')
      if (reading) read.set(a.file, reading)
    }
    if (read.size > 0)
      await workspace.update(caseId, (fresh) =>
        applyReadings(
          fresh,
          new Map(
            [...read].map(([file, extracted]) => {
              const doc = fresh.documents.find((d) => d.file === file)
              return [file, { extracted, proposal: doc?.roleProposed === true ? proposeRole(fresh, extracted) : null }]
            }),
          ),
        ),
      )
    created.push({
      caseId,
      name: group.name,
      added: report.added.length,
      refused: report.skipped.map((s) => ({ name: path.basename(s.source), message: s.reason, messageEn: s.reasonEn })),
    })
  }
  return created
}
