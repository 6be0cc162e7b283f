import { defineConfig } from 'vitest/config'

// Node-side tests: shared/ (pure), services with real files, the CLI in-process.
// Browser tests of the renderer run under Playwright (playwright.config.ts), not here.
export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/services/**/*.test.ts',
      'test/cli/**/*.test.ts',
      'test/app/**/*.test.ts',
      'test/corpus/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
})
