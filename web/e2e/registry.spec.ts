// The registry: clusters and agencies, in Korean and English, and a cluster operator's own edits.
import { expect, RUN, screenshot, test } from './support/fixtures';

test('clusters list in Korean, English sticks after reload, cluster detail shows the operator', async ({ page, pageErrors, signIn }) => {
  await page.goto('/clusters');
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  await expect(page, 'no session: the sign-in page').toHaveURL((url) => url.pathname === '/sign-in');
  await signIn('demo-viewer');
  await expect(page.getByTestId('cluster-row'), 'six seeded clusters').toHaveCount(6);
  await expect(page.locator('html'), 'Korean is the default').toHaveAttribute('lang', 'ko');
  await expect(page.getByText('오송첨단의료복합단지', { exact: true })).toBeVisible();

  await page.getByTestId('lang-toggle').click();
  await expect(page.getByText('Osong Advanced Medical Complex', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByTestId('cluster-row')).toHaveCount(6);
  await expect(page.locator('html'), 'English sticks after a reload').toHaveAttribute('lang', 'en');
  await expect(page.getByText('Osong Advanced Medical Complex', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Osong Advanced Medical Complex', exact: true }).click();
  const detail = page.getByTestId('cluster-detail');
  await expect(detail).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/clusters/osong');
  await expect(page.getByTestId('cluster-name')).toHaveText('Osong Advanced Medical Complex');
  await expect(detail.getByText('KBIOHealth', { exact: true })).toBeVisible();
  await expect(page.getByTestId('history')).toBeVisible();

  await screenshot(page, 'cluster-detail');
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});

test('agencies filtered by kind cluster_operator show the six operators (after signing in, back where we were going)', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn('/agencies?kind=cluster_operator', 'demo-secretariat');
  const rows = page.getByTestId('agency-row');
  await expect(rows, 'six cluster operators').toHaveCount(6);
  await expect(page.getByTestId('agency-kind-filter')).toHaveValue('cluster_operator');
  await expect(page.getByRole('link', { name: '오송첨단의료복합단지', exact: true })).toBeVisible();

  // Clearing the filter through the select lists every agency and keeps the URL in step.
  await page.getByTestId('agency-kind-filter').selectOption('');
  await expect.poll(() => rows.count(), 'every agency').toBeGreaterThan(6);
  await expect(page).toHaveURL((url) => url.search === '');
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});

test('an unknown cluster code shows a friendly not-found problem', async ({ page, openSignedIn }) => {
  await openSignedIn('/clusters/no-such-cluster', 'demo-viewer');
  const problem = page.getByTestId('problem-view');
  await expect(problem).toHaveAttribute('data-status', '404');
  await expect(problem).toContainText('no-such-cluster');
});

test('a cluster operator edits its own cluster; the change shows in the history', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn('/clusters/osong', 'demo-operator');
  await page.getByTestId('cluster-edit').click();
  const form = page.getByTestId('cluster-edit-form');
  await expect(form.locator('select[name="operatorCode"]'), 'an operator cannot hand the cluster over').toBeDisabled();

  // The API's field error appears at its field.
  await form.locator('input[name="website"]').fill('not-an-address');
  await page.getByTestId('save').click();
  await expect(form.locator('[data-field="website"] [data-testid="field-error"]')).toBeVisible();

  await form.locator('input[name="website"]').fill(`https://www.kbiohealth.kr/?run=${RUN}`);
  await form.locator('input[name="designation"]').fill(`첨단의료복합단지 (${RUN})`);
  await page.getByTestId('save').click();
  await expect(page.getByTestId('saved-notice')).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/clusters/osong');

  const entry = page.getByTestId('history-entry').first();
  await expect(entry).toContainText('demo-operator');
  const changed = entry.getByTestId('history-change');
  await expect.poll(async () => (await changed.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.field))).sort()).toEqual(['designation', 'website']);
  await screenshot(page, 'cluster-history');

  // Someone else saves first (here: the same account from outside the page): ours gets 412.
  await page.getByTestId('cluster-edit').click();
  await expect(form).toBeVisible();
  const current = await page.request.get('/api/v1/clusters/by-code/osong');
  const cluster = await current.json();
  const { token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
  const { id, code: _code, operator, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = cluster;
  const elsewhere = await page.request.put(`/api/v1/clusters/${id}`, {
    headers: { 'If-Match': current.headers().etag, 'X-XSRF-TOKEN': token },
    data: { ...fields, operatorCode: operator.code, designation: '다른 사람이 고친 값' },
  });
  expect(elsewhere.status(), 'the concurrent change went through').toBe(200);
  await form.locator('input[name="designation"]').fill('내 변경');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('stale-notice')).toBeVisible();
  await page.getByTestId('stale-notice').getByRole('button').click();
  await expect(page.locator('input[name="designation"]')).toHaveValue('다른 사람이 고친 값');
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});
