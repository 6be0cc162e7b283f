#!/usr/bin/env node
// Launcher for the icp-prep CLI: runs the TypeScript sources through tsx, so the CLI and the app
// use the very same service code with no separate build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('./cli/main.ts')
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
})
