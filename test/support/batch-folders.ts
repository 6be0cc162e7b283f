/**
 * Folders to import in a batch (issue 17), made with the scan generator: customer folders (one
 * sub-folder of scans per synthetic sponsor) or one folder of loose scans of several sponsors mixed
 * together, with the truth of which sponsor each file belongs to. Every identity is synthetic.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { generateDocument, makeSponsorSet, type DocType, type DocumentSpec, type SponsorSet } from '../generator/index'

export interface BatchSponsor {
  readonly set: SponsorSet
  /** The file names written for it (relative to the imported folder). */
  readonly files: string[]
}

/** The documents of one customer; `small` keeps tests fast (the licence and domain certificate only). */
function specs(seed: string, kinds: readonly DocType[]): DocumentSpec[] {
  return kinds.map((type) => ({ type, seed, ...(type === 'id-front' || type === 'id-back' ? { person: 'manager' as const } : {}) }))
}

export const FULL_SET: readonly DocType[] = ['licence', 'id-both', 'id-front', 'id-back', 'domain-certificate']

/** Writes one sub-folder per sponsor under `dir`, named after the sponsor (or `folderName`). */
export async function writeCustomerFolders(
  dir: string,
  count: number,
  options: { seed?: string; kinds?: readonly DocType[]; folderName?: (set: SponsorSet, i: number) => string } = {},
): Promise<BatchSponsor[]> {
  const out: BatchSponsor[] = []
  for (let i = 0; i < count; i += 1) {
    const seed = `${options.seed ?? 'batch'}-${i}`
    const set = makeSponsorSet(seed)
    const folder = options.folderName?.(set, i) ?? `客户${String(i + 1).padStart(2, '0')}-${set.sponsor.entityName}`
    await mkdir(path.join(dir, folder), { recursive: true })
    const files: string[] = []
    for (const [k, spec] of specs(seed, options.kinds ?? FULL_SET).entries()) {
      const doc = await generateDocument(set, { ...spec, seed: `${seed}-${k}` })
      const name = `${folder}/${String(k + 1).padStart(2, '0')}-${doc.name}`
      await writeFile(path.join(dir, name), doc.data)
      files.push(name)
    }
    out.push({ set, files })
  }
  return out
}

/** Writes the scans of several sponsors into `dir` itself, interleaved, under names that say nothing (scan-001.jpg …). */
export async function writeLooseScans(
  dir: string,
  sponsors: ReadonlyArray<{ seed: string; kinds: readonly DocType[]; set?: SponsorSet }>,
): Promise<BatchSponsor[]> {
  await mkdir(dir, { recursive: true })
  const out: BatchSponsor[] = sponsors.map((s) => ({ set: s.set ?? makeSponsorSet(s.seed), files: [] }))
  let n = 0
  const longest = Math.max(...sponsors.map((s) => s.kinds.length))
  for (let k = 0; k < longest; k += 1)
    for (const [i, s] of sponsors.entries()) {
      const kind = s.kinds[k]
      if (!kind) continue
      const sponsor = out[i] as BatchSponsor
      const doc = await generateDocument(sponsor.set, { ...specs(s.seed, [kind])[0], type: kind, seed: `${s.seed}-${k}` })
      n += 1
      const name = `scan-${String(n).padStart(3, '0')}${path.extname(doc.name)}`
      await writeFile(path.join(dir, name), doc.data)
      sponsor.files.push(name)
    }
  return out
}
