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
/**
 * A dashboard already running (e.g. `vite preview` in front of a Development API) instead of the
 * API this test starts; its demo users must exist, and what the tests create stays there.
 */
const externalUrl = process.env.BIOCLUSTER_E2E_URL?.replace(/\/+$/, '');
const READY_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 15_000;

let server; // { process, baseUrl, dataDir, log }
let browser;

function missingPrerequisites() {
  const missing = [];
  if (!existsSync(path.join(distDir, 'index.html'))) missing.push(`no built dashboard at ${distDir} (run: npm run build)`);
  if (!externalUrl && !existsSync(apiDll)) missing.push(`no API build at ${apiDll} (run: dotnet build BioCluster.sln, or set BIOCLUSTER_API_DLL)`);
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
      // Development: the demo users (one per role) the tests sign in as, and cookies over plain http.
      ASPNETCORE_ENVIRONMENT: 'Development',
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
  if (!started?.process) return;
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

const DEMO_PASSWORD = 'BioCluster-Demo-2026!';
/** Makes what a run writes distinct, so a rerun against the same server (BIOCLUSTER_E2E_URL) still holds. */
const RUN = Date.now().toString(36);

async function newPage() {
  await ready();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'ko-KR' });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/** Fills the sign-in form (the page must show it) and waits until the signed-in shell is there. */
async function signIn(page, username, password = DEMO_PASSWORD) {
  const form = page.getByTestId('sign-in-form');
  await form.waitFor();
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Opens `path` without a session: the dashboard sends us to sign in, then back to `path`. */
async function openSignedIn(page, path, username) {
  await page.goto(`${server.baseUrl}${path}`);
  await signIn(page, username);
  await page.waitForURL((url) => url.pathname + url.search === path);
}

async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

async function navItems(page) {
  return page.locator('nav.nav a').evaluateAll((links) => links.map((a) => a.dataset.testid?.replace(/^nav-/, '')));
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
    server = externalUrl ? { baseUrl: externalUrl } : await startApi();
    // Every test needs the sign-in page: say at once, and clearly, when the shell cannot load.
    const config = await fetch(`${server.baseUrl}/config.js`);
    if (config.status !== 200) {
      throw new Error(`${server.baseUrl}/config.js answered ${config.status} to a visitor without a session: the dashboard cannot load`);
    }
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

  test('the API serves the dashboard and its assets to a visitor who has not signed in', async () => {
    await ready();
    const shell = await fetch(`${server.baseUrl}/clusters/osong`);
    assert.equal(shell.status, 200, 'index.html for a client route');
    const html = await shell.text();
    const assets = ['/config.js', ...[...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])];
    assert.ok(assets.length >= 3, `config.js, the bundle and the stylesheet are referenced: ${assets.join(', ')}`);
    for (const asset of assets) {
      const response = await fetch(`${server.baseUrl}${asset}`);
      assert.equal(response.status, 200, `${asset} is served without a session (the sign-in page needs it)`);
    }
    const api = await fetch(`${server.baseUrl}/api/v1/clusters`);
    assert.equal(api.status, 401, 'the API itself needs a session');
  });

  test('clusters list in Korean, English sticks after reload, cluster detail shows the operator', async () => {
    const { context, page, pageErrors } = await newPage();
    try {
      await page.goto(`${server.baseUrl}/`);
      await page.getByTestId('sign-in-form').waitFor();
      assert.equal(new URL(page.url()).pathname, '/sign-in', 'no session: the sign-in page');
      await signIn(page, 'demo-viewer');
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
      await page.getByTestId('history').waitFor();

      await screenshot(page, 'cluster-detail');
      assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await context.close();
    }
  });

  test('agencies filtered by kind cluster_operator show the six operators (after signing in, back where we were going)', async () => {
    const { context, page, pageErrors } = await newPage();
    try {
      await openSignedIn(page, '/agencies?kind=cluster_operator', 'demo-secretariat');
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
      await openSignedIn(page, '/clusters/no-such-cluster', 'demo-viewer');
      const problem = page.getByTestId('problem-view');
      await problem.waitFor();
      assert.equal(await problem.getAttribute('data-status'), '404');
      assert.match((await problem.textContent()) ?? '', /no-such-cluster/);
    } finally {
      await context.close();
    }
  });

  test('a wrong password shows an error in place and no session starts', async () => {
    const { context, page, pageErrors } = await newPage();
    try {
      await page.goto(`${server.baseUrl}/clusters`);
      const form = page.getByTestId('sign-in-form');
      await form.waitFor();
      // Empty fields: the dashboard's own message at each field, no request.
      await page.getByTestId('sign-in-submit').click();
      assert.equal(await form.getByTestId('field-error').count(), 2, 'both fields say they are required');

      await form.locator('input[name="username"]').fill('demo-viewer');
      await form.locator('input[name="password"]').fill('not-the-password');
      await page.getByTestId('sign-in-submit').click();
      const error = page.getByTestId('sign-in-error');
      await error.waitFor();
      assert.equal(await error.getAttribute('data-status'), '401');
      assert.equal((await error.textContent())?.trim(), '아이디 또는 비밀번호가 올바르지 않습니다.');
      assert.equal(await form.locator('input[name="password"]').inputValue(), '', 'the wrong password is cleared');
      assert.equal(new URL(page.url()).pathname, '/sign-in');
      await screenshot(page, 'sign-in-wrong-password');

      const me = await page.request.get(`${server.baseUrl}/api/v1/auth/me`);
      assert.equal(me.status(), 401, 'no session after a failed sign-in');
      assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await context.close();
    }
  });

  // What each demo role may see: the menu, and the Edit action on osong (operated by kbiohealth,
  // demo-operator's agency) and songdo (operated by ifez).
  const ROLES = [
    { user: 'demo-admin', role: 'admin', nav: ['clusters', 'agencies', 'issues', 'users', 'apiKeys', 'audit', 'imports'], editOsong: true, editSongdo: true },
    { user: 'demo-secretariat', role: 'secretariat', nav: ['clusters', 'agencies', 'issues', 'audit', 'imports'], editOsong: true, editSongdo: true },
    { user: 'demo-ministry', role: 'ministry_reviewer', nav: ['clusters', 'agencies', 'issues', 'apiKeys'], editOsong: false, editSongdo: false },
    { user: 'demo-operator', role: 'cluster_operator', nav: ['clusters', 'agencies', 'issues', 'apiKeys'], editOsong: true, editSongdo: false },
    { user: 'demo-viewer', role: 'viewer', nav: ['clusters', 'agencies', 'issues'], editOsong: false, editSongdo: false },
  ];

  test('each of the five demo roles sees only what it may use', async () => {
    for (const expected of ROLES) {
      const { context, page, pageErrors } = await newPage();
      try {
        await openSignedIn(page, '/clusters/osong', expected.user);
        await page.getByTestId('cluster-detail').waitFor();
        assert.deepEqual(await navItems(page), expected.nav, `${expected.user}: menu`);
        assert.equal(await page.getByTestId('user-role').getAttribute('data-role'), expected.role, `${expected.user}: role in the user menu`);
        // The detail is loaded, so an absent Edit action is absent, not late.
        assert.equal(await page.getByTestId('cluster-edit').count(), expected.editOsong ? 1 : 0, `${expected.user}: Edit on osong`);
        await screenshot(page, `role-${expected.role}`);

        await page.getByTestId('nav-clusters').click();
        await page.getByRole('link', { name: '송도 바이오 클러스터', exact: true }).click();
        await page.getByTestId('cluster-detail').waitFor();
        assert.equal(new URL(page.url()).pathname, '/clusters/songdo');
        assert.equal(await page.getByTestId('cluster-edit').count(), expected.editSongdo ? 1 : 0, `${expected.user}: Edit on songdo`);

        if (!expected.nav.includes('users')) {
          // Typing the address of a page the role may not use: a clear refusal, not an empty page.
          await page.goto(`${server.baseUrl}/users`);
          const problem = page.getByTestId('problem-view');
          await problem.waitFor();
          assert.equal(await problem.getAttribute('data-status'), '403', `${expected.user}: /users refused`);
        }
        assert.deepEqual(pageErrors, [], `${expected.user}: no uncaught errors in the page`);
      } finally {
        await context.close();
      }
    }
  });

  test('a cluster operator edits its own cluster; the change shows in the history', async () => {
    const { context, page, pageErrors } = await newPage();
    try {
      await openSignedIn(page, '/clusters/osong', 'demo-operator');
      await page.getByTestId('cluster-edit').click();
      const form = page.getByTestId('cluster-edit-form');
      await form.waitFor();
      assert.equal(await form.locator('select[name="operatorCode"]').isDisabled(), true, 'an operator cannot hand the cluster over');

      // The API's field error appears at its field.
      await form.locator('input[name="website"]').fill('not-an-address');
      await page.getByTestId('save').click();
      await form.locator('[data-field="website"] [data-testid="field-error"]').waitFor();

      await form.locator('input[name="website"]').fill(`https://www.kbiohealth.kr/?run=${RUN}`);
      await form.locator('input[name="designation"]').fill(`첨단의료복합단지 (${RUN})`);
      await page.getByTestId('save').click();
      await page.getByTestId('saved-notice').waitFor();
      assert.equal(new URL(page.url()).pathname, '/clusters/osong');

      const entry = page.getByTestId('history-entry').first();
      await entry.waitFor();
      assert.match((await entry.textContent()) ?? '', /demo-operator/);
      const changed = await entry.getByTestId('history-change').evaluateAll((rows) => rows.map((r) => r.dataset.field));
      assert.deepEqual(changed.sort(), ['designation', 'website']);
      await screenshot(page, 'cluster-history');

      // Someone else saves first (here: the same account from outside the page): ours gets 412.
      await page.getByTestId('cluster-edit').click();
      await form.waitFor();
      const current = await page.request.get(`${server.baseUrl}/api/v1/clusters/by-code/osong`);
      const cluster = await current.json();
      const { token } = await (await page.request.get(`${server.baseUrl}/api/v1/auth/antiforgery`)).json();
      const { id, code, operator, createdAt, updatedAt, ...fields } = cluster;
      const elsewhere = await page.request.put(`${server.baseUrl}/api/v1/clusters/${id}`, {
        headers: { 'If-Match': current.headers().etag, 'X-XSRF-TOKEN': token },
        data: { ...fields, operatorCode: operator.code, designation: '다른 사람이 고친 값' },
      });
      assert.equal(elsewhere.status(), 200, 'the concurrent change went through');
      await form.locator('input[name="designation"]').fill('내 변경');
      await page.getByTestId('save').click();
      await page.getByTestId('stale-notice').waitFor();
      await page.getByTestId('stale-notice').getByRole('button').click();
      await page.waitForFunction(
        () => document.querySelector('input[name="designation"]')?.value === '다른 사람이 고친 값',
      );
      assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await context.close();
    }
  });

  test('an administrator creates an API key and sees its secret exactly once', async () => {
    const { context, page, pageErrors } = await newPage();
    try {
      await openSignedIn(page, '/api-keys', 'demo-admin');
      await page.getByTestId('api-key-create').click();
      const create = page.getByTestId('api-key-create-dialog');
      await create.waitFor();
      await create.getByTestId('api-key-agency').selectOption('kbiohealth');
      const keyName = `오송 연계 시스템 ${RUN}`;
      await create.locator('input[name="name"]').fill(keyName);
      await create.getByTestId('scope-write').check();
      await page.getByTestId('api-key-create-submit').click();

      const dialog = page.getByTestId('api-key-secret-dialog');
      const secretField = dialog.getByTestId('api-key-secret');
      await secretField.waitFor();
      const secret = await secretField.inputValue();
      assert.ok(secret.length >= 20, 'a long secret is shown');
      await dialog.getByTestId('api-key-secret-warning').waitFor();
      await screenshot(page, 'api-key-secret');

      // Escape does not lose it by accident; the explicit button does close it.
      await page.keyboard.press('Escape');
      assert.equal(await secretField.isVisible(), true, 'Escape leaves the secret on screen');
      await dialog.getByTestId('secret-done').click();
      await dialog.waitFor({ state: 'hidden' });

      const row = page.locator(`[data-testid="api-key-row"][data-name="${keyName}"]`);
      await row.waitFor();
      assert.equal(await row.getByTestId('api-key-status').getAttribute('data-status'), 'active');
      const html = await page.content();
      assert.equal(html.includes(secret), false, 'the secret is gone from the page once the dialog is closed');

      // The key works until it is revoked (with confirmation).
      const withKey = () => fetch(`${server.baseUrl}/api/v1/clusters`, { headers: { 'X-Api-Key': secret } });
      assert.equal((await withKey()).status, 200, 'the new key reads the registry');

      await row.getByTestId('api-key-revoke').click();
      await page.getByTestId('api-key-revoke-dialog').waitFor();
      await page.getByTestId('api-key-revoke-confirm').click();
      await page.getByTestId('api-key-notice').waitFor();
      await row.locator('[data-status="revoked"]').waitFor();
      assert.equal((await withKey()).status, 401, 'a revoked key stops working');
      assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await context.close();
    }
  });

  // The regulatory-issue pipeline end to end, each step by the role whose move it is.
  test('a regulatory issue goes from raised to completed, each move by its own role, all in the timeline', async () => {
    const title = `임상시험 계획 승인 기간 단축 (${RUN})`;
    const day = (offsetDays) => new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
    let id;

    /** Opens the move's form, fills its fields (name → value; a select when the value starts with "select:") and submits. */
    async function move(page, kind, fields) {
      await page.locator(`[data-testid="move-button"][data-move="${kind}"]`).click();
      const form = page.getByTestId('move-form');
      await form.waitFor();
      for (const [name, value] of Object.entries(fields)) {
        const control = form.locator(`[name="${name}"]`);
        if (value.startsWith('select:')) await control.selectOption(value.slice('select:'.length));
        else await control.fill(value);
      }
      await form.getByTestId('move-submit').click();
    }
    async function expectStatus(page, status) {
      await page.locator(`[data-testid="issue-detail"][data-status="${status}"]`).waitFor();
    }

    // 1. The cluster operator raises it (for its own agency), errors first in place.
    {
      const { context, page, pageErrors } = await newPage();
      try {
        await openSignedIn(page, '/issues', 'demo-operator');
        await page.getByTestId('issue-stats').waitFor();
        await page.getByTestId('issue-raise').click();
        const form = page.getByTestId('issue-form');
        await form.waitFor();
        await form.getByTestId('raised-by-own').waitFor();
        assert.equal(await form.getByTestId('raised-by').count(), 0, 'an operator does not choose the raising agency');
        await page.getByTestId('save').click();
        for (const field of ['titleKo', 'problemKo', 'proposalKo', 'category', 'clusterCodes']) {
          await form.locator(`[data-field="${field}"] [data-testid="field-error"]`).waitFor();
        }
        await form.locator('[name="titleKo"]').fill(title);
        await form.locator('[name="problemKo"]').fill('임상시험 계획 승인에 평균 90일이 걸려 클러스터 입주 기업의 개발 일정이 늦어집니다.');
        await form.locator('[name="proposalKo"]').fill('승인 검토 기간을 30일로 단축하고 사전 상담 절차를 마련해 주십시오.');
        await form.locator('[name="category"]').selectOption('clinical_trials');
        await form.locator('[name="priority"]').selectOption('high');
        await form.locator('input[name="clusterCodes"][value="osong"]').check();
        await form.locator('[name="lawName"]').fill('약사법');
        await form.locator('[name="lawArticle"]').fill('제34조');
        await form.locator('[name="tags"]').fill('임상, 승인');
        await page.getByTestId('save').click();
        await page.getByTestId('created-notice').waitFor();
        id = Number(new URL(page.url()).pathname.split('/').pop());
        assert.ok(id > 0, `the new issue's page: ${page.url()}`);
        await expectStatus(page, 'submitted');
        // The raiser may withdraw it (and nothing else); editing stays possible until it is routed.
        assert.deepEqual(await page.getByTestId('move-button').evaluateAll((b) => b.map((x) => x.dataset.move)), ['withdraw']);
        await page.getByTestId('issue-edit').waitFor();
        assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
      } finally {
        await context.close();
      }
    }

    // 2. The secretariat routes it to the MFDS; the list then shows "D-14".
    {
      const { context, page, pageErrors } = await newPage();
      try {
        await openSignedIn(page, `/issues/${id}`, 'demo-secretariat');
        await expectStatus(page, 'submitted');
        await move(page, 'assign', { leadMinistryCode: 'select:mfds', comment: '식약처 소관으로 배정합니다.' });
        await page.getByTestId('moved-notice').waitFor();
        await expectStatus(page, 'under_review');
        await page.getByTestId('nav-issues').click();
        const row = page.locator(`[data-testid="issue-row"][data-id="${id}"]`);
        await row.waitFor();
        assert.equal(await row.getAttribute('data-status'), 'under_review');
        assert.equal((await row.getByTestId('issue-deadline').locator('.deadline__label').textContent())?.trim(), 'D-14');
        assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
      } finally {
        await context.close();
      }
    }

    // 3. The ministry reviewer lands on what the MFDS owes, answers (accepts), starts and completes it.
    {
      const { context, page, pageErrors } = await newPage();
      try {
        await openSignedIn(page, '/clusters', 'demo-ministry');
        await page.getByTestId('nav-issues').click();
        await page.waitForURL((url) => url.pathname === '/issues/ministry');
        const owed = page.getByTestId('owes-answer').locator(`[data-testid="owed-row"][data-id="${id}"]`);
        await owed.waitFor();
        await owed.getByTestId('issue-title').click();
        await expectStatus(page, 'under_review');
        const moves = await page.getByTestId('move-button').evaluateAll((b) => b.map((x) => x.dataset.move).sort());
        assert.deepEqual(moves, ['accept', 'longTermReview', 'partiallyAccept', 'refuse']);

        // The form's own checks, in place, before anything is sent.
        await move(page, 'accept', {});
        const form = page.getByTestId('move-form');
        for (const field of ['plannedChange', 'instrument', 'plannedCompletionOn']) {
          await form.locator(`[data-field="${field}"] [data-testid="field-error"]`).waitFor();
        }
        await form.locator('[name="plannedChange"]').fill('「의약품 임상시험 계획 승인에 관한 규정」 고시를 개정해 검토 기간을 30일로 단축합니다.');
        await form.locator('[name="instrument"]').selectOption('notice');
        await form.locator('[name="plannedCompletionOn"]').fill(day(120));
        await form.getByTestId('move-submit').click();
        await expectStatus(page, 'accepted');

        await move(page, 'start', { progressPercent: '40', progressNote: '고시 개정안 행정예고를 마쳤습니다.' });
        await expectStatus(page, 'in_progress');

        // Someone else reports progress meanwhile: our completion is refused (412) until we load the latest.
        const etag = await page.getByTestId('issue-detail').getAttribute('data-etag');
        const { headerName, token } = await (await page.request.get(`${server.baseUrl}/api/v1/auth/antiforgery`)).json();
        const elsewhere = await page.request.post(`${server.baseUrl}/api/v1/regulatory-issues/${id}/transitions`, {
          headers: { 'If-Match': etag, [headerName]: token },
          data: { to: 'in_progress', progressPercent: 80, progressNote: '규제개혁위원회 심사를 마쳤습니다.' },
        });
        assert.equal(elsewhere.status(), 200, 'the concurrent progress report went through');
        // UTC today: the API judges "not in the future" by its UTC calendar day.
        await move(page, 'complete', { completedOn: day(0), evidence: '식품의약품안전처 고시 개정 (임상시험 승인 기간 30일)' });
        await page.getByTestId('stale-notice').waitFor();
        await page.getByTestId('stale-notice').getByRole('button').click();
        await page.locator('[data-testid="issue-progress"]', { hasText: '80' }).waitFor();
        await move(page, 'complete', { completedOn: day(0), evidence: '식품의약품안전처 고시 개정 (임상시험 승인 기간 30일)' });
        await expectStatus(page, 'completed');
        assert.equal(await page.getByTestId('move-button').count(), 0, 'nothing left to do once completed');

        // The timeline has every step, in order, with who and what it set.
        const timeline = page.getByTestId('timeline');
        await timeline.locator('[data-testid="timeline-entry"][data-to="completed"]').waitFor();
        const steps = await timeline.getByTestId('timeline-entry').evaluateAll((items) => items.map((li) => li.dataset.to));
        assert.deepEqual(steps, ['submitted', 'under_review', 'accepted', 'in_progress', 'in_progress', 'completed']);
        const text = (await timeline.textContent()) ?? '';
        for (const expected of ['배정', '수용', '추진', '진행 상황 보고', '완료', '식약처 소관으로 배정합니다.', '고시', '데모 간사']) {
          assert.ok(text.includes(expected), `the timeline mentions ${expected}`);
        }
        const assigned = timeline.locator('[data-testid="timeline-entry"][data-to="under_review"] [data-field="leadMinistryCode"]');
        assert.match((await assigned.textContent()) ?? '', /식품의약품안전처/);
        await screenshot(page, 'issue-detail');
        assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
      } finally {
        await context.close();
      }
    }

    // 4. A viewer reads it, may comment, may not move it; the board shows it as completed.
    {
      const { context, page, pageErrors } = await newPage();
      try {
        await openSignedIn(page, `/issues/${id}`, 'demo-viewer');
        await expectStatus(page, 'completed');
        await page.getByTestId('timeline-entry').nth(5).waitFor();
        assert.equal(await page.getByTestId('move-button').count(), 0, 'no move buttons for a viewer');
        assert.equal(await page.getByTestId('issue-moves').count(), 0, 'no actions panel at all');
        assert.equal(await page.getByTestId('issue-edit').count(), 0, 'no edit for a viewer');
        // Each comment is sent with an Idempotency-Key, fresh after every answer.
        const commentKeys = [];
        page.on('request', (r) => {
          if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith(`/regulatory-issues/${id}/comments`)) commentKeys.push(r.headers()['idempotency-key']);
        });
        await page.getByTestId('comment-form').locator('textarea').fill(`좋은 결과입니다 (${RUN})`);
        await page.getByTestId('comment-submit').click();
        await page.locator('[data-testid="comment"]', { hasText: RUN }).waitFor();
        await page.getByTestId('comment-form').locator('textarea').fill(`후속 점검 예정 (${RUN}-2)`);
        await page.getByTestId('comment-submit').click();
        await page.locator('[data-testid="comment"]', { hasText: `${RUN}-2` }).waitFor();
        assert.equal(commentKeys.length, 2, 'two comment posts');
        for (const key of commentKeys) assert.match(key ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a UUID key');
        assert.notEqual(commentKeys[0], commentKeys[1], 'a fresh key after an answer');

        await page.goto(`${server.baseUrl}/issues?view=board`);
        const column = page.locator('[data-testid="board-column"][data-status="completed"]');
        const card = column.locator(`[data-testid="issue-card"][data-id="${id}"]`);
        await card.waitFor();
        assert.equal(await page.locator(`[data-testid="issue-card"][data-id="${id}"]`).count(), 1, 'in one column only');
        assert.ok(Number(await column.getByTestId('board-count').textContent()) >= 1);
        await screenshot(page, 'issue-board');

        // The toggle goes back to the table (the default, so the address loses its view).
        await page.getByTestId('view-table').click();
        await page.locator(`[data-testid="issue-row"][data-id="${id}"]`).waitFor();
        assert.equal(new URL(page.url()).searchParams.get('view'), null);

        // The CSV export follows the filters in force.
        await page.goto(`${server.baseUrl}/issues?status=completed&q=${encodeURIComponent(RUN)}`);
        await page.locator(`[data-testid="issue-row"][data-id="${id}"]`).waitFor();
        const href = await page.getByTestId('issues-export').getAttribute('href');
        assert.equal(href, `/api/v1/regulatory-issues/export.csv?status=completed&q=${RUN}`);
        const csv = await page.request.get(`${server.baseUrl}${href}`);
        assert.equal(csv.status(), 200);
        assert.ok((await csv.text()).includes(title), 'the export holds the issue');
        assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
      } finally {
        await context.close();
      }
    }
  });

  test('the secretariat imports clusters: a dry run names the bad row and column, the import skips it, the history links the rejected rows', async () => {
    const { context, page, pageErrors } = await newPage();
    const good = `e2e-${RUN}-ok`;
    const bad = `e2e-${RUN}-bad`;
    const fileName = `clusters-${RUN}.csv`;
    // Korean headers, as the template has them; row 3 (the header is row 1) names a region that does not exist.
    const csv = `코드,국문명,지역,운영기관코드\r\n${good},브라우저 시험 클러스터 ${RUN},충북,kbiohealth\r\n${bad},잘못된 지역 클러스터,아틀란티스,kbiohealth\r\n`;
    try {
      await openSignedIn(page, '/clusters', 'demo-secretariat');
      await page.getByTestId('nav-imports').click();
      const form = page.getByTestId('import-form');
      await form.waitFor();
      assert.equal(new URL(page.url()).pathname, '/imports');
      assert.equal(await page.getByTestId('import-template').getAttribute('href'), '/api/v1/imports/templates/clusters.csv');

      await page.getByTestId('import-entity').selectOption('clusters');
      await page.getByTestId('import-file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page.getByTestId('import-check').click();

      const dryRun = page.locator('[data-testid="import-report"][data-dry-run="true"]');
      await dryRun.waitFor();
      const total = async (report, kind) => (await report.locator(`[data-testid="import-total"][data-kind="${kind}"]`).textContent())?.trim();
      assert.equal(await total(dryRun, 'rows'), '2');
      assert.equal(await total(dryRun, 'created'), '1');
      assert.equal(await total(dryRun, 'rejected'), '1');
      const problem = dryRun.getByTestId('import-problem-row');
      assert.equal(await problem.count(), 1, 'one problem: the bad row');
      assert.equal(await problem.getAttribute('data-row'), '3', 'the spreadsheet row');
      assert.equal(await problem.getAttribute('data-column'), 'region', 'the column');
      assert.equal((await problem.getByTestId('import-problem-column').textContent())?.trim(), '지역', 'named as the Korean file names it');
      assert.equal(await problem.getAttribute('data-emphasised'), 'true', 'the first problem is emphasised');
      assert.match((await problem.textContent()) ?? '', new RegExp(bad));
      await screenshot(page, 'import-dry-run');

      // The dry run wrote nothing.
      assert.equal((await page.request.get(`${server.baseUrl}/api/v1/clusters/by-code/${good}`)).status(), 404);

      // Confirm, skipping the bad row. A double click imports once (the button waits, and the key is the same).
      await page.getByTestId('import-skip').check();
      await page.getByTestId('import-confirm').dblclick();
      const run = page.locator('[data-testid="import-report"][data-dry-run="false"]');
      await run.waitFor();
      assert.equal(await run.getAttribute('data-outcome'), 'imported');
      assert.equal(await total(run, 'created'), '1');
      assert.equal(await total(run, 'rejected'), '1');
      assert.equal((await page.request.get(`${server.baseUrl}/api/v1/clusters/by-code/${good}`)).status(), 200, 'the good row was imported');
      assert.equal((await page.request.get(`${server.baseUrl}/api/v1/clusters/by-code/${bad}`)).status(), 404, 'the bad row was not');

      // The history: the dry run and exactly one real run of this file, which links its rejected rows.
      const history = page.getByTestId('import-history');
      const realRow = history.locator('[data-testid="import-run-row"][data-dry-run="false"]', { hasText: fileName });
      await realRow.waitFor();
      assert.equal(await realRow.count(), 1, 'one real run, even after a double click');
      assert.equal(await realRow.getAttribute('data-outcome'), 'imported');
      assert.match((await realRow.textContent()) ?? '', /demo-secretariat/);
      assert.equal(await history.locator('[data-testid="import-run-row"][data-dry-run="true"]', { hasText: fileName }).count(), 1);
      const link = realRow.getByTestId('import-rejected-rows');
      const href = await link.getAttribute('href');
      assert.match(href ?? '', /^\/api\/v1\/imports\/\d+\/rejected-rows\.csv$/);
      const rejected = await page.request.get(`${server.baseUrl}${href}`);
      assert.equal(rejected.status(), 200);
      const rejectedText = await rejected.text();
      assert.ok(rejectedText.includes(bad) && !rejectedText.includes(good), 'the rejected rows file holds the bad row only');
      await screenshot(page, 'import-done');

      // The clusters list offers its exports with its filters.
      await page.goto(`${server.baseUrl}/clusters?region=chungbuk`);
      await page.getByTestId('cluster-row').first().waitFor();
      const xlsxHref = await page.getByTestId('clusters-export-xlsx').getAttribute('href');
      assert.equal(xlsxHref, '/api/v1/clusters/export.xlsx?region=chungbuk');
      const csvHref = await page.getByTestId('clusters-export-csv').getAttribute('href');
      const exported = await page.request.get(`${server.baseUrl}${csvHref}`);
      assert.equal(exported.status(), 200);
      assert.ok((await exported.text()).includes(good), 'the export holds the imported cluster');
      assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await context.close();
    }
  });

  test('a session that ends while working leads to sign-in, then back to the same page', async () => {
    const { context, page, pageErrors } = await newPage();
    try {
      await openSignedIn(page, '/clusters', 'demo-viewer');
      await page.getByTestId('cluster-row').first().waitFor();
      await context.clearCookies(); // as if the session timed out

      await page.getByTestId('nav-agencies').click();
      await page.getByTestId('session-expired').waitFor();
      assert.equal(new URL(page.url()).pathname, '/sign-in');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/agencies');

      await signIn(page, 'demo-viewer');
      await page.waitForURL((url) => url.pathname === '/agencies');
      await page.getByTestId('agency-row').first().waitFor();
      assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await context.close();
    }
  });

  test('sign-out ends the session on the server: reloading a protected page asks to sign in', async () => {
    const { context, page, pageErrors } = await newPage();
    try {
      await openSignedIn(page, '/clusters/osong', 'demo-viewer');
      await page.getByTestId('cluster-detail').waitFor();
      const sessionCookies = await context.cookies();
      assert.ok(sessionCookies.some((c) => c.name === 'bc_session' && c.httpOnly), 'an HttpOnly session cookie');

      await page.getByTestId('user-menu').click();
      await page.getByTestId('sign-out').click();
      await page.getByTestId('signed-out').waitFor();
      assert.equal(new URL(page.url()).pathname, '/sign-in');

      await page.goto(`${server.baseUrl}/clusters/osong`);
      await page.getByTestId('sign-in-form').waitFor();
      assert.equal(new URL(page.url()).pathname, '/sign-in', 'a protected page now asks to sign in');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/clusters/osong', 'and remembers where we were going');

      // Even the old cookie, replayed, no longer opens anything: the session ended server-side.
      await context.addCookies(sessionCookies);
      const replayed = await page.request.get(`${server.baseUrl}/api/v1/auth/me`);
      assert.equal(replayed.status(), 401, 'the old session cookie is refused');
      assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await context.close();
    }
  });
});
