/**
 * The case list's rows kept between runs (issue 17: opening the list of 500 cases in under 1 s).
 * Reading and checking every case.json takes seconds for hundreds of cases; a row only changes when
 * its case.json does (its modification time and size), the day, or the rules. So the rows are
 * written to one hidden file in the workspace, `.icp-prep-list.json`, and reused on the next start
 * while all of these match — the same rule the in-memory cache follows.
 *
 * The file holds what the list shows and the folded search values (names, phones, the last 4 digits
 * of ID numbers): nothing that is not already in the case folders beside it, and private to the
 * user (0600). A damaged or foreign file is ignored and replaced.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { CaseSummarySchema } from '../../../shared/ipc/schemas'
import { CASE_SCHEMA_VERSION } from '../../../shared/model/case'
import { defaultCatalogue } from '../../../shared/rules/catalogue'
import { writeFileAtomic } from '../case-folder/atomic-file'
import { incompleteRuleCodes } from './status'

export const LIST_CACHE_FILE = '.icp-prep-list.json'
/** Bumped whenever a row's shape or its derivation changes in code (not in data: the fingerprint covers that). */
const LIST_CACHE_VERSION = 2

const EntrySchema = z.object({
  mtimeMs: z.number(),
  size: z.number(),
  today: z.string(),
  /** The workspace snapshot's key the row was checked against (the rules across cases). */
  workspace: z.string(),
  summary: CaseSummarySchema,
  search: z.array(z.string()),
})
export type ListCacheEntry = z.infer<typeof EntrySchema>

const FileSchema = z.object({ version: z.literal(LIST_CACHE_VERSION), fingerprint: z.string(), entries: z.record(z.string(), EntrySchema) })

let fingerprint: string | undefined

/** What the rows were derived with: the rule catalogue, the status rules and the schema version. */
export function rulesFingerprint(): string {
  fingerprint ??= createHash('sha256')
    .update(
      JSON.stringify({
        v: LIST_CACHE_VERSION,
        schema: CASE_SCHEMA_VERSION,
        catalogue: defaultCatalogue(),
        incomplete: incompleteRuleCodes(),
      }),
    )
    .digest('hex')
  return fingerprint
}

/** The rows of the last run, or an empty map when there are none that still apply. */
export async function readListCache(root: string): Promise<Map<string, ListCacheEntry>> {
  try {
    const parsed = FileSchema.safeParse(JSON.parse(await readFile(path.join(root, LIST_CACHE_FILE), 'utf8')))
    if (!parsed.success || parsed.data.fingerprint !== rulesFingerprint()) return new Map()
    return new Map(Object.entries(parsed.data.entries))
  } catch {
    return new Map()
  }
}

/** Writes the rows for the next run; a workspace that cannot be written simply has no cache. */
export async function writeListCache(root: string, entries: ReadonlyMap<string, ListCacheEntry>): Promise<void> {
  const data = { version: LIST_CACHE_VERSION, fingerprint: rulesFingerprint(), entries: Object.fromEntries(entries) }
  await writeFileAtomic(path.join(root, LIST_CACHE_FILE), JSON.stringify(data)).catch(() => undefined)
}
