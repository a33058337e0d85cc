// Browser tests of the BioCluster dashboard against the REAL API (fresh SQLite data, seeded at start-up).
// Needs `dotnet build BioCluster.sln` (the API dll) and `npm run build` (web/dist) first, and Debian's
// Chromium (/usr/bin/chromium, or CHROMIUM_PATH). See README.md, "Browser tests".
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * A dashboard already running (e.g. `vite preview` in front of a Development API) instead of the API
 * started here; its demo users must exist, and what the tests create stays there.
 */
const externalUrl = process.env.BIOCLUSTER_E2E_URL?.replace(/\/+$/, '');

/** A port nobody listens on. The config is read again in each worker: they inherit the first choice. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
if (!externalUrl) {
  process.env.BIOCLUSTER_E2E_PORT ||= String(await freePort());
  // A second API on the same data, its clock moved forward (Testing:ClockOffset, ADR 0015): where a journey looks at
  // what a later day shows (a follow-up overdue). Only the tests that ask for it use it; every other test, and
  // everything a journey writes, goes through the first API on today's clock.
  let later = await freePort();
  while (String(later) === process.env.BIOCLUSTER_E2E_PORT) later = await freePort();
  process.env.BIOCLUSTER_E2E_LATER_PORT ||= String(later);
  process.env.BIOCLUSTER_E2E_DATA ||= mkdtempSync(path.join(tmpdir(), 'biocluster-e2e-'));
}
/** How far the second API's clock is ahead of today (a TimeSpan, days.hh:mm:ss). */
process.env.BIOCLUSTER_E2E_LATER_OFFSET ||= '40.00:00:00';
/** Makes what a run writes distinct, so a rerun against the same server (BIOCLUSTER_E2E_URL) still holds. */
process.env.BIOCLUSTER_E2E_RUN ||= Date.now().toString(36);

const baseURL = externalUrl ?? `http://127.0.0.1:${process.env.BIOCLUSTER_E2E_PORT}`;
/** The API with the moved clock (BIOCLUSTER_E2E_LATER_URL when the dashboard is external and runs one). */
process.env.BIOCLUSTER_E2E_LATER_URL ||= externalUrl ? '' : `http://127.0.0.1:${process.env.BIOCLUSTER_E2E_LATER_PORT}`;
const STEP_TIMEOUT_MS = 15_000;

export default defineConfig({
  testDir: 'e2e',
  // One API for the whole run on a small machine; the journeys write to it.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: STEP_TIMEOUT_MS },
  outputDir: '../test-output/browser/artifacts',
  reporter: [['list'], ['json', { outputFile: '../test-output/browser.json' }]],
  globalSetup: './e2e/support/global-setup.ts',
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    locale: 'ko-KR',
    actionTimeout: STEP_TIMEOUT_MS,
    navigationTimeout: STEP_TIMEOUT_MS,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', // Chromium refuses to start as root without it
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: externalUrl
    ? undefined
    : [
        {
          // Started first and alone: it makes the database (migrations, seed) the second one then shares.
          command: `node e2e/support/serve-api.mjs ${baseURL}`,
          url: `${baseURL}/health/ready`,
          timeout: 120_000,
          reuseExistingServer: !process.env.CI,
          gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
          stdout: 'ignore',
          stderr: 'pipe',
        },
        {
          command: `node e2e/support/serve-api.mjs ${process.env.BIOCLUSTER_E2E_LATER_URL} --clock-offset ${process.env.BIOCLUSTER_E2E_LATER_OFFSET} --keep-data`,
          url: `${process.env.BIOCLUSTER_E2E_LATER_URL}/health/ready`,
          timeout: 120_000,
          reuseExistingServer: !process.env.CI,
          gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
          stdout: 'ignore',
          stderr: 'pipe',
        },
      ],
});
