/**
 * Turning what the user dropped or picked into scan files to add: every path comes from the window
 * (through the preload) or a native picker, so each is checked here again — absolute, existing, a
 * regular file or a folder, not too large, an image or a PDF by its bytes (never by its name).
 * Folders are expanded (hidden entries and links skipped, depth and size bounded). What is refused
 * comes back with a reason a person can act on, named by the file's name only; nothing else is lost.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { translate, type MessageKey } from '../../../shared/i18n/messages'
import { sniffFormat } from '../intake/formats'
import { scanImport } from './import-limits'

/** A file that will not be added, and why, in both languages. */
export interface RefusedFile {
  readonly name: string
  readonly message: string
  readonly messageEn: string
}

/** The files to add (real paths, no duplicates, input order) and what was refused. */
export interface CollectedFiles {
  readonly files: string[]
  readonly refused: RefusedFile[]
}

/** A refusal whose reason comes from the message catalogue. */
export function refusal(name: string, key: MessageKey, params?: Readonly<Record<string, string | number>>): RefusedFile {
  return { name, message: translate('zh-CN', key, params), messageEn: translate('en', key, params) }
}

const extensions: ReadonlySet<string> = new Set(scanImport.extensions)

function looksLikeScan(name: string): boolean {
  return extensions.has(path.extname(name).slice(1).toLowerCase())
}

/** Reads the first bytes and says whether they are an image or PDF format intake knows. */
async function isScanContent(file: string): Promise<boolean | null> {
  try {
    const handle = await open(file, 'r')
    try {
      const head = Buffer.alloc(1024)
      const { bytesRead } = await handle.read(head, 0, head.length, 0)
      return sniffFormat(head.subarray(0, bytesRead)) !== 'unknown'
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
}

interface Walk {
  entries: number
  skipped: number
  truncated: boolean
}

/** The scan files under a folder, in name order; hidden entries and links are never followed. */
async function filesIn(folder: string, depth: number, walk: Walk): Promise<string[]> {
  let names
  try {
    names = await readdir(folder, { withFileTypes: true })
  } catch {
    return []
  }
  const out: string[] = []
  for (const entry of names.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
    if (walk.entries >= scanImport.maxFolderEntries) {
      walk.truncated = true
      break
    }
    walk.entries += 1
    if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) {
      if (depth < scanImport.maxFolderDepth) out.push(...(await filesIn(full, depth + 1, walk)))
    } else if (entry.isFile()) {
      if (looksLikeScan(entry.name)) out.push(full)
      else walk.skipped += 1
    }
  }
  return out
}

/** Checks one regular file; null when it may be added. */
async function fileProblem(file: string, name: string, size: number): Promise<RefusedFile | null> {
  if (size === 0) return refusal(name, 'scanImport.empty')
  if (size > scanImport.maxFileBytes) return refusal(name, 'scanImport.tooLarge', { mb: Math.round(scanImport.maxFileBytes / 1048576) })
  const content = await isScanContent(file)
  if (content === null) return refusal(name, 'scanImport.unreadable')
  return content ? null : refusal(name, 'scanImport.notScan')
}

/**
 * Validates and expands dropped or picked paths. `caseFolder` (a real path) refuses the case's own
 * files, so dropping a scan of the case back onto it does not copy it twice.
 */
export async function collectScanFiles(paths: readonly string[], caseFolder: string): Promise<CollectedFiles> {
  const files: string[] = []
  const refused: RefusedFile[] = []
  const seen = new Set<string>()
  const inside = (real: string) => real === caseFolder || real.startsWith(caseFolder + path.sep)

  const consider = async (candidate: string, name: string): Promise<void> => {
    let real: string
    let info
    try {
      real = await realpath(candidate)
      info = await stat(real)
    } catch {
      refused.push(refusal(name, 'scanImport.notFound'))
      return
    }
    if (seen.has(real)) return
    seen.add(real)
    if (inside(real)) {
      refused.push(refusal(name, 'scanImport.inCase'))
      return
    }
    if (info.isDirectory()) {
      const walk: Walk = { entries: 0, skipped: 0, truncated: false }
      for (const file of await filesIn(real, 1, walk)) await consider(file, path.basename(file))
      if (walk.skipped > 0) refused.push(refusal(name, 'scanImport.folderSkipped', { n: walk.skipped }))
      if (walk.truncated) refused.push(refusal(name, 'scanImport.folderTooBig', { max: scanImport.maxFolderEntries }))
      return
    }
    if (!info.isFile()) {
      refused.push(refusal(name, 'scanImport.notFile'))
      return
    }
    const problem = await fileProblem(real, name, info.size)
    if (problem) refused.push(problem)
    else files.push(real)
  }

  for (const raw of paths) {
    const name = path.basename(raw.replace(/[\\/]+$/, '')) || raw.slice(0, 40)
    if (raw.includes('\0') || !path.isAbsolute(raw)) {
      refused.push(refusal(name, 'scanImport.notAbsolute'))
      continue
    }
    await consider(path.normalize(raw), name)
  }
  const max = scanImport.maxFilesPerAdd
  if (files.length > max) {
    const extra = files.length - max
    files.length = max
    refused.push(refusal('…', 'scanImport.tooMany', { max, n: extra }))
  }
  return { files, refused }
}
