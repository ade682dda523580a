import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. The web host under test is started per suite
// by e2e/fixtures.ts on a fresh database file and a free port.
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  // Sign-in and secret changes pay an OWASP-cost scrypt: give answers room on a 2-core machine.
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
