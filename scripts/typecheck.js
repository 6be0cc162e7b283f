// Typechecks each layer with its own tsconfig, so a layer cannot silently see another
// layer's globals (DOM in shared/, Node in renderer/).
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const layers = ['shared', 'electron', 'renderer', 'bin', 'test']
let failed = false
for (const layer of layers) {
  const started = Date.now()
  const run = spawnSync(process.execPath, [tsc, '-p', `${layer}/tsconfig.json`], { stdio: 'inherit' })
  console.log(`typecheck ${layer}: ${run.status === 0 ? 'ok' : 'FAILED'} (${Date.now() - started} ms)`)
  if (run.status !== 0) failed = true
}
process.exit(failed ? 1 : 0)
