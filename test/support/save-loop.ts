/**
 * Child process for the kill test: saves two different versions of a case, alternately, as fast
 * as it can, until it is killed. Each version is large enough that a write takes a while.
 * Usage: tsx test/support/save-loop.ts CASE_FOLDER [once]
 * With `once`, saves one version and exits, printing the error if the save failed (the full-disk test).
 */
import { loadCase, saveCase } from '../../electron/services/case-folder/case-store'

const folder = process.argv[2]
if (!folder) throw new Error('usage: save-loop.ts CASE_FOLDER')
const loaded = await loadCase(folder)
if (!loaded.ok) throw new Error(loaded.message)
// The bulk rides in an unknown key (kept by the schema) so each write takes a while.
const versions = ['A', 'B'].map((tag) => ({ ...loaded.case, remark: tag, bulk: tag.repeat(2_000_000) }))
if (process.argv[3] === 'once') {
  try {
    await saveCase(folder, versions[0] as (typeof versions)[number])
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
  process.exit(0)
}
let i = 0
for (;;) {
  await saveCase(folder, versions[i % 2] as (typeof versions)[number], new Date(Date.now() + i * 61_000))
  if (i === 0) process.stdout.write('ready\n')
  i += 1
}
