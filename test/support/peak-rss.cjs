// Preloaded (NODE_OPTIONS=--require) into a CLI process under test: when it exits, writes its peak
// resident memory (getrusage maxRSS, every thread included: tesseract and HEIC workers too) in KB
// to $PEAK_RSS_FILE, so a test can hold each command to a memory bound without a platform tool.
'use strict'
const { isMainThread } = require('node:worker_threads')
const { writeFileSync } = require('node:fs')
const file = process.env.PEAK_RSS_FILE
if (file && isMainThread) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS))
    } catch {
      // The test reports a missing figure; never disturb the process under test.
    }
  })
}
