/**
 * The SHA-256 of a file's bytes: how a stored reading knows its scan changed, and how a dropped
 * scan is known to be in the case already. One helper, so every caller hashes the same bytes.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'

/** Hex SHA-256 of the file at `file` (a path, or the raw bytes of a name that is not UTF-8). */
export async function sha256File(file: string | Buffer): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex')
}
