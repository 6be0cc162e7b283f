/**
 * Writing the package zip so that the final name only ever holds a complete, verified zip: write to
 * a temporary file beside the target, re-open it with an independent reader (yauzl) and compare every
 * entry's name, size and SHA-256 with what was meant to go in, flush it to disk, then rename it into
 * place. An export killed at any moment leaves at most a hidden `.partial` file, which the next export
 * to the same place removes.
 *
 * Deterministic: fixed DOS timestamps from a local-time date (toolchain.md), fixed modes, entries in
 * the given order, so the same inputs give a byte-identical zip.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { open, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import yauzl from 'yauzl'
import yazl from 'yazl'
import { alive } from '../case-folder/atomic-file'

/** One file of the package, already in memory, with its final name. */
export interface ZipEntry {
  readonly name: string
  readonly data: Buffer
  /** Deflate text; store JPEG and PDF, which do not shrink. */
  readonly compress: boolean
}

/** The zip read back differs from what was meant to go in: the export is abandoned, not renamed. */
export class ZipVerifyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ZipVerifyError'
  }
}

const PARTIAL = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.partial$/

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Removes `.OUT.zip.<pid>.<hex>.partial` files left by exports to `output` whose process is gone. */
export async function removeStalePartials(output: string): Promise<number> {
  const dir = path.dirname(output)
  const base = path.basename(output)
  let removed = 0
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = PARTIAL.exec(name)
    if (!m || m[1] !== base || alive(Number(m[2]))) continue
    await rm(path.join(dir, name), { force: true })
    removed += 1
  }
  return removed
}

async function writeZip(temp: string, entries: readonly ZipEntry[], mtime: Date, signal: AbortSignal | undefined): Promise<void> {
  const zip = new yazl.ZipFile()
  for (const e of entries) {
    zip.addBuffer(e.data, e.name, { mtime, mode: 0o100644, compress: e.compress, forceDosTimestamp: true })
  }
  zip.end()
  // Private to the user like the case files (0600): the zip holds ID card images.
  await pipeline(zip.outputStream, createWriteStream(temp, { flags: 'wx', mode: 0o600 }), { signal })
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) reject(err ?? new Error('cannot open zip'))
      else resolve(zip)
    })
  })
}

/** Re-reads the zip and checks it holds exactly `entries`, byte for byte (by SHA-256). */
export async function verifyZip(file: string, entries: readonly ZipEntry[], signal?: AbortSignal): Promise<void> {
  const zip = await openZip(file)
  const expected = entries.map((e) => ({ name: e.name, size: e.data.length, sha256: sha256(e.data) }))
  let index = 0
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject)
      zip.on('end', () => resolve())
      zip.on('entry', (entry: yauzl.Entry) => {
        if (signal?.aborted) return reject(signal.reason)
        const want = expected[index]
        index += 1
        if (!want || entry.fileName !== want.name || entry.uncompressedSize !== want.size) {
          return reject(new ZipVerifyError(`entry ${index} is ${entry.fileName}, expected ${want?.name ?? 'nothing'}`))
        }
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no stream'))
          const hash = createHash('sha256')
          stream.on('data', (chunk: Buffer) => hash.update(chunk))
          stream.on('error', reject)
          stream.on('end', () => {
            if (hash.digest('hex') !== want.sha256) reject(new ZipVerifyError(`${want.name}: content differs after writing`))
            else zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  } finally {
    zip.close()
  }
  if (index !== expected.length) throw new ZipVerifyError(`the zip holds ${index} entries, expected ${expected.length}`)
}

async function fsyncPath(file: string, flags: string): Promise<void> {
  const handle = await open(file, flags)
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Writes, verifies and renames the zip into place; on any failure or abort the temporary file is
 * removed and the error rethrown, and whatever was under `output` before is left untouched.
 */
export async function writeVerifiedZip(
  output: string,
  entries: readonly ZipEntry[],
  options: { mtime: Date; signal?: AbortSignal; onStage?: (stage: 'zip' | 'verify') => void },
): Promise<{ bytes: number; sha256: string }> {
  const names = new Set(entries.map((e) => e.name))
  if (names.size !== entries.length) throw new Error('duplicate entry names')
  await removeStalePartials(output)
  const temp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`)
  try {
    options.onStage?.('zip')
    await writeZip(temp, entries, options.mtime, options.signal)
    options.signal?.throwIfAborted()
    options.onStage?.('verify')
    await verifyZip(temp, entries, options.signal)
    await fsyncPath(temp, 'r+')
    options.signal?.throwIfAborted()
    const handle = await open(temp, 'r')
    let digest: string
    let bytes: number
    try {
      const content = await handle.readFile()
      digest = sha256(content)
      bytes = content.length
    } finally {
      await handle.close()
    }
    await rename(temp, output)
    if (process.platform !== 'win32') await fsyncPath(path.dirname(output), 'r')
    return { bytes, sha256: digest }
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
