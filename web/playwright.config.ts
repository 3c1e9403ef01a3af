/**
 * Browser end-to-end tests (e2e/*.spec.ts) in Debian's headless Chromium, against a running
 * platform: `MK_INSTANCE=e2e scripts/dev up` serves the built shop and its API on
 * MK_BASE_URL (http://127.0.0.1:18080). See e2e/README.md.
 */
import { defineConfig } from '@playwright/test';
import { BASE_URL } from './e2e/support/env';

export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  outputDir: './e2e/.results',
  fullyParallel: true,
  // Two cores: the platform runs on the same machine.
  workers: 2,
  // A flaky test is a bug to fix, not to retry.
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Playwright's own browser builds cannot be downloaded here: Debian's Chromium instead.
      executablePath: process.env.MK_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { viewport: { width: 1280, height: 900 } },
      testIgnore: ['responsive.spec.ts', 'delivery.spec.ts'],
    },
    {
      // A phone of 390x844 CSS pixels (iPhone 12 to 15), with touch and the mobile viewport.
      name: 'phone',
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
      testMatch: ['pages.spec.ts', 'responsive.spec.ts', 'checkout-errors.spec.ts'],
    },
    {
      // Once the shop offers delivery methods every order must name one: this spec runs after
      // the others, alone, and hides its methods again.
      name: 'delivery',
      use: { viewport: { width: 1280, height: 900 } },
      testMatch: 'delivery.spec.ts',
      dependencies: ['desktop', 'phone'],
    },
  ],
});
