// Browser test of the dashboard against the REAL API (a fresh SQLite database, seeded at start-up).
// Needs `dotnet build` (the API dll) and `npm run build` (web/dist) first; Chromium at /usr/bin/chromium.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = path.resolve(webDir, '..');
const apiDir = path.join(repoDir, 'api');
const apiDll = process.env.BIOCLUSTER_API_DLL ?? path.join(apiDir, 'bin', 'Debug', 'net10.0', 'BioCluster.Api.dll');
const distDir = path.join(webDir, 'dist');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshotDir = path.join(repoDir, 'test-output', 'browser');
const READY_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 15_000;

let server; // { process, baseUrl, dataDir, log }
let browser;

function missingPrerequisites() {
  const missing = [];
  if (!existsSync(path.join(distDir, 'index.html'))) missing.push(`no built dashboard at ${distDir} (run: npm run build)`);
  if (!existsSync(apiDll)) missing.push(`no API build at ${apiDll} (run: dotnet build BioCluster.sln, or set BIOCLUSTER_API_DLL)`);
  if (!existsSync(chromiumPath)) missing.push(`no Chromium at ${chromiumPath} (apt-get install -y chromium)`);
  return missing;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startApi() {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'biocluster-e2e-'));
  const child = spawn('dotnet', [apiDll, '--urls', baseUrl], {
    cwd: apiDir,
    env: {
      ...process.env,
      Database__DataDirectory: dataDir,
      Web__Root: distDir,
      ASPNETCORE_ENVIRONMENT: process.env.ASPNETCORE_ENVIRONMENT ?? 'Development',
      DOTNET_NOLOGO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = { process: child, baseUrl, dataDir, log: '' };
  const keep = (chunk) => {
    started.log = (started.log + chunk.toString()).slice(-8_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // Never leave the API running if this test process ends early or is interrupted.
  const killChild = () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL');
  process.once('exit', killChild);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      killChild();
      process.exit(130);
    });
  }

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the API exited with code ${child.exitCode} before it was ready:\n${started.log}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopApi(started);
  throw new Error(`the API was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${started.log}`);
}

async function stopApi(started) {
  if (!started) return;
  const child = started.process;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(started.dataDir, { recursive: true, force: true });
}

async function newPage() {
  await ready();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'ko-KR' });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/**
 * Starts the API and the browser once, on first use. A failure here fails each test with the reason
 * (a failing `before` hook would only mark them cancelled, which TAP's "# fail" does not count).
 */
let setup;
function ready() {
  setup ??= (async () => {
    const missing = missingPrerequisites();
    if (missing.length > 0) throw new Error(`cannot run the browser test:\n  - ${missing.join('\n  - ')}`);
    server = await startApi();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  })();
  return setup;
}

describe('BioCluster dashboard in a real browser', () => {
  after(async () => {
    await browser?.close().catch(() => {});
    await stopApi(server);
  });

  test('clusters list in Korean, English sticks after reload, cluster detail shows the operator', async () => {
    const { context, page, pageErrors } = await newPage();
    try {
      await page.goto(`${server.baseUrl}/`);
      const rows = page.getByTestId('cluster-row');
      await rows.nth(5).waitFor();
      assert.equal(await rows.count(), 6, 'six seeded clusters');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ko', 'Korean is the default');
      await page.getByText('오송첨단의료복합단지', { exact: true }).waitFor({ state: 'visible' });

      await page.getByTestId('lang-toggle').click();
      await page.getByText('Osong Advanced Medical Complex', { exact: true }).waitFor({ state: 'visible' });
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');

      await page.reload();
      await page.getByTestId('cluster-row').nth(5).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'English sticks after a reload');
      await page.getByText('Osong Advanced Medical Complex', { exact: true }).waitFor({ state: 'visible' });

      await page.getByRole('link', { name: 'Osong Advanced Medical Complex', exact: true }).click();
      const detail = page.getByTestId('cluster-detail');
      await detail.waitFor();
      assert.equal(new URL(page.url()).pathname, '/clusters/osong');
      assert.equal((await page.getByTestId('cluster-name').textContent())?.trim(), 'Osong Advanced Medical Complex');
      await detail.getByText('KBIOHealth', { exact: true }).waitFor({ state: 'visible' });

      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, 'cluster-detail.png'), fullPage: true });
      assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await context.close();
    }
  });

  test('agencies filtered by kind cluster_operator show the six operators', async () => {
    const { context, page, pageErrors } = await newPage();
    try {
      await page.goto(`${server.baseUrl}/agencies?kind=cluster_operator`);
      const rows = page.getByTestId('agency-row');
      await rows.nth(5).waitFor();
      assert.equal(await rows.count(), 6, 'six cluster operators');
      assert.equal(await page.getByTestId('agency-kind-filter').inputValue(), 'cluster_operator');
      await page.getByRole('link', { name: '오송첨단의료복합단지', exact: true }).waitFor({ state: 'visible' });

      // Clearing the filter through the select lists every agency and keeps the URL in step.
      await page.getByTestId('agency-kind-filter').selectOption('');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="agency-row"]').length > 6);
      assert.equal(new URL(page.url()).search, '');
      assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await context.close();
    }
  });

  test('an unknown cluster code shows a friendly not-found problem', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${server.baseUrl}/clusters/no-such-cluster`);
      const problem = page.getByTestId('problem-view');
      await problem.waitFor();
      assert.equal(await problem.getAttribute('data-status'), '404');
      assert.match((await problem.textContent()) ?? '', /no-such-cluster/);
    } finally {
      await context.close();
    }
  });
});
