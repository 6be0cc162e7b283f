// Browser and Electron tests (the Node tests run under vitest). The renderer runs in Debian's
// Chromium with the preload replaced by a bridge to the same handlers and dispatch the app uses;
// the Electron smoke tests run where the Electron binary exists and are skipped elsewhere.
import { defineConfig } from '@playwright/test'

const chromium = process.env.ICP_PREP_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'test',
  globalSetup: './test/ui/support/global-setup.ts',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    {
      name: 'ui',
      testMatch: 'ui/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
        viewport: { width: 1360, height: 860 },
        deviceScaleFactor: 1,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        screenshot: 'only-on-failure',
        trace: 'retain-on-failure',
      },
    },
    { name: 'electron', testMatch: 'e2e/**/*.spec.ts' },
  ],
})
