/**
 * Copies the real corpus's images from local snapshots of their repositories into test/real/.images/,
 * checking each against the SHA-256 in its truth entry.
 *
 *   npx tsx test/real/copy-images.ts [--mirror DIR]
 *
 * DIR holds one snapshot per repository as `<owner>+<name>/repo` (a bare git directory or a clone);
 * default: ICP_REAL_MIRROR, else `../.mirror` beside the project. A missing snapshot is reported and
 * its entries skipped; a hash mismatch fails the run.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { IMAGES_DIR, imagePath, loadTruth, REAL_DIR } from './corpus'

const { values } = parseArgs({ options: { mirror: { type: 'string' } } })
const mirror = path.resolve(values.mirror ?? process.env.ICP_REAL_MIRROR ?? path.join(REAL_DIR, '../../../.mirror'))

/** The git directory of a snapshot: a bare `repo` or the `.git` inside a clone. */
function gitDir(repo: string): string | null {
  const base = path.join(mirror, repo.replace('/', '+'), 'repo')
  if (existsSync(path.join(base, '.git'))) return path.join(base, '.git')
  return existsSync(path.join(base, 'HEAD')) ? base : null
}

mkdirSync(IMAGES_DIR, { recursive: true })
let copied = 0
let present = 0
let failed = 0
const missingRepos = new Set<string>()
for (const { entries } of loadTruth())
  for (const entry of entries) {
    const target = imagePath(entry)
    const hash = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
    if (existsSync(target) && hash(readFileSync(target)) === entry.source.sha256) {
      present += 1
      continue
    }
    const dir = gitDir(entry.source.repo)
    if (!dir) {
      missingRepos.add(entry.source.repo)
      continue
    }
    let bytes: Buffer
    try {
      bytes = execFileSync('git', ['--git-dir', dir, 'cat-file', 'blob', `${entry.source.commit}:${entry.source.path}`], {
        maxBuffer: 64 * 1024 * 1024,
      })
    } catch {
      console.error(`${entry.id}: ${entry.source.path} not found at ${entry.source.commit} in ${dir}`)
      failed += 1
      continue
    }
    if (hash(bytes) !== entry.source.sha256) {
      console.error(`${entry.id}: SHA-256 differs from the truth entry (${entry.source.repo}:${entry.source.path})`)
      failed += 1
      continue
    }
    writeFileSync(target, bytes)
    copied += 1
  }
for (const repo of missingRepos) console.error(`no snapshot of ${repo} under ${mirror} (its entries were skipped)`)
console.log(`copied ${copied}, already present ${present}, failed ${failed}, repositories missing ${missingRepos.size}`)
process.exit(failed > 0 ? 1 : 0)
