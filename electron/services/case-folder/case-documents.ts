/**
 * The case-level scan service the app and the packaging step call: add scans to a case folder,
 * read every document of the case (storing what was read in documents[i].extracted, so `check`
 * never needs OCR), and propose each new scan's role from what it turned out to be.
 */
import { sha256File } from '../file-hash'
import { constants } from 'node:fs'
import { copyFile, lstat, mkdir, realpath, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import scanLimits from '../../../shared/data/scan-quality.json' with { type: 'json' }
import type { IsoDate } from '../../../shared/dates/iso-date'
import { scanFinding } from '../../../shared/extraction/findings'
import { CASE_LIMITS, type Case, type CaseDocument } from '../../../shared/model/case'
import { addDocuments, applyReadings, type RoleProposal } from '../../../shared/model/documents'
import type { ExtractedDocument } from '../../../shared/model/extracted'
import { sameValue } from '../../../shared/model/scan-fields'
import { resolveDocumentFile } from './case-files'
import { loadCase, saveCase } from './case-store'
import { todayIso } from '../clock'
import { extractFile, type FileExtraction } from '../extract/extract-files'
import { CancelledError } from '../ocr/engine'
import { OcrPool } from '../ocr/pool'
import { roleFromFileName } from '../../../shared/review/file-name-roles'
import { analyseLetterScan } from '../letter/letter-scan'
import type { PixelPool } from '../pixel-work/pool'
import { readSealText } from '../letter/seal-text'

export const SCANS_DIR = 'scans'
const MAX_NAME = 80

/** A file name safe on every platform: letters, digits, CJK, - _ . ; no leading dot; bounded length. */
export function safeFileName(original: string): string {
  const base = path.basename(original.replace(/\\/g, '/'))
  const ext = path
    .extname(base)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
    .slice(0, 6)
  let stem = base.slice(0, base.length - path.extname(base).length)
  stem = stem
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .replace(/^[_.-]+|_+$/g, '')
    .slice(0, MAX_NAME)
  return `${stem || 'scan'}${ext}`
}

export interface AddedScan {
  readonly source: string
  /** Relative path in case.json, e.g. scans/licence.jpg. */
  readonly file: string
}

/** A source that was not added, and why (Chinese and English). */
export interface SkippedScan {
  readonly source: string
  readonly reason: string
  readonly reasonEn: string
}

/** Scans larger than intake's limit are not scans; copying them would only fill the disk. */
const MAX_SCAN_BYTES = scanLimits.limits.maxFileBytes.value

/** Why a source cannot be added (not a regular file, empty, too large, unreadable), or null. */
async function unusableSource(source: string): Promise<Omit<SkippedScan, 'source'> | null> {
  try {
    const s = await stat(source)
    if (!s.isFile()) return { reason: '不是普通文件（文件夹、管道或设备）', reasonEn: 'not a regular file (a folder, pipe or device)' }
    if (s.size === 0) return { reason: '文件为空（0 字节）', reasonEn: 'the file is empty (0 bytes)' }
    if (s.size > MAX_SCAN_BYTES)
      return {
        reason: `文件过大（${Math.round(s.size / 1048576)} MB）`,
        reasonEn: `the file is too large (${Math.round(s.size / 1048576)} MB)`,
      }
    return null
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    return { reason: `文件不存在或无法访问（${code}）`, reasonEn: `the file does not exist or cannot be accessed (${code})` }
  }
}

/**
 * Copies files into the case's scans/ folder under safe, unique names (never overwriting, never
 * writing outside the folder) and adds each as a document whose role is to be proposed. A source
 * that cannot be a scan (a folder, a pipe, an empty or huge file, one that vanished) is skipped with
 * its reason and the others are still added: one bad file never costs the rest of the batch.
 */
export async function addScansReport(
  caseFolder: string,
  sources: readonly string[],
  options: { readonly commit?: Commit; readonly role?: string; readonly website?: number } = {},
): Promise<{ added: AddedScan[]; skipped: SkippedScan[] }> {
  const loaded = await loadCase(caseFolder)
  if (!loaded.ok) throw new Error(`${loaded.message} ${loaded.messageEn}`)
  const folder = await realpath(loaded.folder)
  const scans = path.join(folder, SCANS_DIR)
  await mkdir(scans, { recursive: true })
  // scans/ must be a real folder inside the case, not a link to somewhere else.
  const info = await lstat(scans)
  if (!info.isDirectory() || info.isSymbolicLink()) throw new Error(`${SCANS_DIR}/ 不是文件夹 is not a folder`)
  if (!(await realpath(scans)).startsWith(folder + path.sep)) throw new Error(`${SCANS_DIR}/ 指向案件文件夹之外 points outside the case`)

  const added: AddedScan[] = []
  const skipped: SkippedScan[] = []
  // The schema's cap: a scan past it is refused here, because a case.json past it no longer opens.
  const room = CASE_LIMITS.documents - loaded.case.documents.length
  for (const source of sources) {
    const unusable = await unusableSource(source)
    if (unusable) {
      skipped.push({ source, ...unusable })
      continue
    }
    if (added.length >= room) {
      skipped.push({
        source,
        reason: `案件已有 ${CASE_LIMITS.documents} 个扫描件的上限，未添加`,
        reasonEn: `the case already holds the limit of ${CASE_LIMITS.documents} scans; not added`,
      })
      continue
    }
    const name = safeFileName(source)
    const ext = path.extname(name)
    const stem = name.slice(0, name.length - ext.length)
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? name : `${stem}-${n}${ext}`
      try {
        // COPYFILE_EXCL: fails instead of overwriting, even if another copy races us to the name.
        await copyFile(source, path.join(scans, candidate), constants.COPYFILE_EXCL)
        added.push({ source, file: `${SCANS_DIR}/${candidate}` })
        break
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EEXIST' && n <= 9999) continue
        skipped.push({ source, reason: `无法复制（${code ?? 'error'}）`, reasonEn: `cannot be copied (${code ?? 'error'})` })
        break
      }
    }
  }
  if (added.length > 0) {
    const files = added.map((a) => a.file)
    const place = {
      ...(options.role !== undefined ? { role: options.role } : {}),
      ...(options.website !== undefined ? { website: options.website } : {}),
    }
    try {
      // Without a chosen role the file name proposes one at once (营业执照.jpg); the reading may replace it.
      await (options.commit ?? ((apply) => defaultCommit(caseFolder, apply)))((fresh) =>
        addDocuments(fresh, files, { ...place, proposed: (file) => roleFromFileName(file, fresh) }),
      )
    } catch (error) {
      // Not in the case, so not kept: copies nobody lists would only hold personal data.
      for (const a of added) await rm(path.join(folder, ...a.file.split('/')), { force: true }).catch(() => undefined)
      throw error
    }
  }
  return { added, skipped }
}

/** addScansReport for callers that only need what was added (skipped sources are left out). */
export async function addScans(caseFolder: string, sources: readonly string[]): Promise<AddedScan[]> {
  return (await addScansReport(caseFolder, sources)).added
}

export type { RoleProposal }

/**
 * The role a scan most likely fills, from its kind and, for ID cards and domain certificates, from
 * matching what was read against every person and website of the form (the ID number, else the
 * name, else the validity printed on the emblem side). `self` is the scan's own index: when the ID
 * matches two slots (the principal is also a website's manager), the one no other scan fills yet
 * is proposed, so a second card of the same person goes to the manager's slot.
 */
export function proposeRole(c: Case, read: ExtractedDocument, self?: number): RoleProposal | null {
  switch (read.kind) {
    case 'business-licence':
      return { role: 'sponsor-certificate' }
    case 'commitment-letter':
      return { role: 'commitment-letter' }
    case 'domain-certificate': {
      const domain = read.fields.domain?.value
      const i = domain ? c.websites.findIndex((w) => sameValue('domain', w.domain, domain)) : -1
      if (i >= 0) return { role: 'domain-certificate', website: i }
      return c.websites.length === 1 ? { role: 'domain-certificate', website: 0 } : { role: 'domain-certificate' }
    }
    case 'id-card': {
      const id = read.fields.idNumber?.value
      const name = read.fields.personName?.value
      const people: Array<{ person: Case['principal']; proposal: RoleProposal }> = [
        { person: c.principal, proposal: { role: 'principal-id' } },
        ...c.websites.map((w, i) => ({ person: w.manager, proposal: { role: 'manager-id', website: i } })),
      ]
      const byId = people.filter((p) => sameValue('resident-id', p.person.idNumber, id))
      const byName = people.filter((p) => sameValue('name', p.person.name, name))
      // The emblem side alone: the validity printed on it.
      const byValidity = people.filter(
        (p) =>
          sameValue('date', p.person.idValidTo, read.fields.validTo?.value) &&
          (sameValue('date', p.person.idValidFrom, read.fields.validFrom?.value) || (!p.person.idValidFrom && !read.fields.validFrom)),
      )
      const matches = byId.length > 0 ? byId : byName.length > 0 ? byName : byValidity
      const sides = new Set(read.sides ?? [])
      const filled = (p: RoleProposal): boolean =>
        c.documents.some(
          (d, i) =>
            i !== self &&
            d.role === p.role &&
            d.website === p.website &&
            // Another scan of the same side (or of unknown sides) already fills the slot.
            (sides.size === 0 || (d.extracted?.sides ?? []).length === 0 || (d.extracted?.sides ?? []).some((s) => sides.has(s))),
        )
      const match = matches.find((p) => !filled(p.proposal)) ?? matches[0]
      return match ? match.proposal : null
    }
    default:
      return null
  }
}

/**
 * Writes a change to a case: given a pure function from the freshest case to the changed one,
 * saves the result. Default: load case.json, apply, save refusing a file changed meanwhile. The app
 * passes the workspace's update (its per-case queue).
 */
export type Commit = (apply: (fresh: Case) => Case) => Promise<unknown>

export interface ReadOptions {
  readonly onProgress?: (done: number, total: number, file: string) => void
  readonly signal?: AbortSignal
  readonly pool?: OcrPool
  /** The pixel pool (and budget) the scans' pixel work runs on; default: the process's. */
  readonly pixels?: PixelPool
  readonly today?: IsoDate
  /**
   * Writes the readings: given a function from the freshest case to the case with readings, saves
   * it. Default: load case.json, apply, saveCase. The app runs it in its per-case save queue.
   */
  readonly commit?: Commit
  /** Told each document's file once its reading is stored, so a window can show that scan at once. */
  readonly onRead?: (file: string) => void
}

export interface ReadSummary {
  readonly read: number
  /** Unchanged since they were last read (same SHA-256). */
  readonly skipped: number
  readonly failed: number
  readonly cancelled: boolean
  readonly proposals: ReadonlyArray<{ readonly document: number } & RoleProposal>
}

/** What is stored of one file's extraction (a failure as an unreadable reading), with its SHA-256. */
export function storedReading(r: FileExtraction, sha: string): ExtractedDocument {
  const readAt = new Date().toISOString()
  if (!r.ok) {
    return {
      version: 1,
      kind: 'other',
      colour: false,
      image: { width: 1, height: 1 },
      fields: {},
      findings: [scanFinding('scan-unreadable', { reason: r.error, reasonEn: r.errorEn })],
      sourceSha256: sha,
      readAt,
    }
  }
  const [first, ...rest] = r.pages
  if (!first) throw new Error('no pages')
  // A multi-page PDF: the first page is the document's reading; the others are kept beside it.
  return { ...first, sourceSha256: sha, ...(rest.length > 0 ? { pages: rest } : {}) }
}

async function defaultCommit(caseFolder: string, apply: (fresh: Case) => Case): Promise<void> {
  const fresh = await loadCase(caseFolder)
  if (!fresh.ok) throw new Error(`${fresh.message} ${fresh.messageEn}`)
  const next = apply(fresh.case)
  if (next.documents.length > CASE_LIMITS.documents)
    throw new Error(`扫描件超过 ${CASE_LIMITS.documents} 个 more than ${CASE_LIMITS.documents} scans`)
  await saveCase(fresh.folder, next, new Date(), { expected: fresh.revision })
}

/** Adds the signed-letter analysis (signature, seal, fingerprint) to a commitment letter's reading. */
async function withLetterAnalysis(
  c: Case,
  doc: CaseDocument,
  file: string | Buffer,
  reading: ExtractedDocument,
  pool: OcrPool,
): Promise<ExtractedDocument> {
  if (doc.role !== 'commitment-letter' && reading.kind !== 'commitment-letter') return reading
  try {
    const letter = await analyseLetterScan(c, file, reading, (page, box) => pool.run((engine) => readSealText(engine, page, box)))
    return letter ? { ...reading, letter } : reading
  } catch {
    return reading // an analysis failure leaves the reading; gd-letter-unsigned then says "unknown"
  }
}

/**
 * Reads every document of the case that changed since it was last read, stores the readings in
 * case.json (atomically, over the freshest version), and applies role proposals to scans added by
 * addScans.
 */
export async function readCaseDocuments(caseFolder: string, options: ReadOptions = {}): Promise<ReadSummary> {
  const loaded = await loadCase(caseFolder)
  if (!loaded.ok) throw new Error(`${loaded.message} ${loaded.messageEn}`)
  const c = loaded.case
  const pool = options.pool ?? new OcrPool()
  const today = options.today ?? todayIso()
  const proposals: Array<{ document: number } & RoleProposal> = []
  const commit = options.commit ?? ((apply) => defaultCommit(caseFolder, apply))
  // Each reading is stored as soon as it is made (the card shows it at once), one write at a time.
  let writes: Promise<unknown> = Promise.resolve()
  const store = (file: string, extracted: ExtractedDocument): Promise<unknown> => {
    const write = writes.then(() =>
      commit((fresh) => {
        // Proposed against the freshest case: the form as typed now, and the roles other scans took meanwhile.
        const index = fresh.documents.findIndex((d) => d.file === file)
        const doc = fresh.documents[index]
        const proposal = doc?.roleProposed === true ? proposeRole(fresh, extracted, index) : null
        if (proposal) proposals.push({ document: index, ...proposal })
        return applyReadings(fresh, new Map([[file, { extracted, proposal }]]))
      }),
    )
    writes = write.catch(() => undefined)
    return write
  }
  let read = 0
  let skipped = 0
  let failed = 0
  let done = 0
  let cancelled = false
  const total = c.documents.length
  try {
    await Promise.all(
      c.documents.map(async (doc: CaseDocument) => {
        try {
          // Links out of the case, pipes, devices and folders are never read (check reports them).
          const resolved = resolveDocumentFile(loaded.folder, doc.file)
          if (!resolved.ok) {
            failed += 1
            return
          }
          // fsPath: the bytes of a name that is not UTF-8 on disk (a GBK name from a Windows zip).
          const file = resolved.fsPath
          let sha: string
          try {
            sha = await sha256File(file)
          } catch {
            failed += 1
            return
          }
          if (doc.extracted?.sourceSha256 === sha) {
            skipped += 1
            return
          }
          const r = await extractFile(resolved.path, pool, {
            today,
            fsPath: file,
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.pixels ? { pixels: options.pixels } : {}),
          })
          if (!r.ok && r.cancelled) {
            cancelled = true
            return
          }
          const reading = r.ok ? await withLetterAnalysis(c, doc, file, storedReading(r, sha), pool) : storedReading(r, sha)
          if (r.ok) read += 1
          else failed += 1
          await store(doc.file, reading)
          options.onRead?.(doc.file)
        } finally {
          done += 1
          options.onProgress?.(done, total, doc.file)
        }
      }),
    )
  } catch (error) {
    if (!(error instanceof CancelledError)) throw error
    cancelled = true
  } finally {
    if (!options.pool) await pool.close()
  }
  // What was read before a cancellation is kept (each reading was stored as it came).
  await writes
  return { read, skipped, failed, cancelled, proposals }
}
