// Imports and exports: the secretariat loads clusters from a spreadsheet, and lists export with their filters.
import type { Locator } from '@playwright/test';
import { expect, RUN, screenshot, test } from './support/fixtures';

const good = `e2e-${RUN}-ok`;
const bad = `e2e-${RUN}-bad`;
const fileName = `clusters-${RUN}.csv`;
// Korean headers, as the template has them; row 3 (the header is row 1) names a region that does not exist.
const csv = `코드,국문명,지역,운영기관코드\r\n${good},브라우저 시험 클러스터 ${RUN},충북,kbiohealth\r\n${bad},잘못된 지역 클러스터,아틀란티스,kbiohealth\r\n`;

// Archive the imported cluster afterwards, so the other journeys still see the six seeded clusters.
test.afterEach(async ({ page }) => {
  const imported = await page.request.get(`/api/v1/clusters/by-code/${good}`);
  if (imported.status() !== 200) return;
  const { headerName, token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
  const archived = await page.request.delete(`/api/v1/clusters/${(await imported.json()).id}`, {
    headers: { 'If-Match': imported.headers().etag, [headerName]: token },
  });
  expect(archived.status(), 'the imported cluster is archived again').toBe(204);
});

test('the secretariat imports clusters: a dry run names the bad row and column, the import skips it, the history links the rejected rows', async ({ page, pageErrors, openSignedIn }) => {
  const total = (report: Locator, kind: string) => report.locator(`[data-testid="import-total"][data-kind="${kind}"]`);

  await test.step('the imports page, from the menu', async () => {
    await openSignedIn('/clusters', 'demo-secretariat');
    await page.getByTestId('nav-more').click(); // the secretariat's tools are behind 더보기 (More)
    await page.getByTestId('nav-imports').click();
    await expect(page.getByTestId('import-form')).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === '/imports');
    await expect(page.getByTestId('import-template')).toHaveAttribute('href', '/api/v1/imports/templates/clusters.csv');
  });

  await test.step('a dry run names the bad row and its column, and writes nothing', async () => {
    await page.getByTestId('import-entity').selectOption('clusters');
    await page.getByTestId('import-file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('import-check').click();

    const dryRun = page.locator('[data-testid="import-report"][data-dry-run="true"]');
    await expect(total(dryRun, 'rows')).toHaveText('2');
    await expect(total(dryRun, 'created')).toHaveText('1');
    await expect(total(dryRun, 'rejected')).toHaveText('1');
    const problem = dryRun.getByTestId('import-problem-row');
    await expect(problem, 'one problem: the bad row').toHaveCount(1);
    await expect(problem, 'the spreadsheet row').toHaveAttribute('data-row', '3');
    await expect(problem, 'the column').toHaveAttribute('data-column', 'region');
    await expect(problem.getByTestId('import-problem-column'), 'named as the Korean file names it').toHaveText('지역');
    await expect(problem, 'the first problem is emphasised').toHaveAttribute('data-emphasised', 'true');
    await expect(problem).toContainText(bad);
    await screenshot(page, 'import-dry-run');

    expect((await page.request.get(`/api/v1/clusters/by-code/${good}`)).status(), 'the dry run wrote nothing').toBe(404);
  });

  await test.step('confirmed, skipping the bad row; a double click imports once (the button waits, and the key is the same)', async () => {
    await page.getByTestId('import-skip').check();
    await page.getByTestId('import-confirm').dblclick();
    const run = page.locator('[data-testid="import-report"][data-dry-run="false"]');
    await expect(run).toHaveAttribute('data-outcome', 'imported');
    await expect(total(run, 'created')).toHaveText('1');
    await expect(total(run, 'rejected')).toHaveText('1');
    expect((await page.request.get(`/api/v1/clusters/by-code/${good}`)).status(), 'the good row was imported').toBe(200);
    expect((await page.request.get(`/api/v1/clusters/by-code/${bad}`)).status(), 'the bad row was not').toBe(404);
  });

  await test.step('the history: the dry run and exactly one real run of this file, which links its rejected rows', async () => {
    const history = page.getByTestId('import-history');
    const realRow = history.locator('[data-testid="import-run-row"][data-dry-run="false"]', { hasText: fileName });
    await expect(realRow, 'one real run, even after a double click').toHaveCount(1);
    await expect(realRow).toHaveAttribute('data-outcome', 'imported');
    await expect(realRow).toContainText('demo-secretariat');
    await expect(history.locator('[data-testid="import-run-row"][data-dry-run="true"]', { hasText: fileName })).toHaveCount(1);
    const link = realRow.getByTestId('import-rejected-rows');
    await expect(link).toHaveAttribute('href', /^\/api\/v1\/imports\/\d+\/rejected-rows\.csv$/);
    const rejected = await page.request.get((await link.getAttribute('href'))!);
    expect(rejected.status()).toBe(200);
    const rejectedText = await rejected.text();
    expect(rejectedText.includes(bad) && !rejectedText.includes(good), 'the rejected rows file holds the bad row only').toBe(true);
    await screenshot(page, 'import-done');
  });

  await test.step('the clusters list offers its exports with its filters', async () => {
    await page.goto('/clusters?region=chungbuk');
    await expect(page.getByTestId('cluster-row').first()).toBeVisible();
    // The file is written in the language on screen (a link cannot send Accept-Language).
    await expect(page.getByTestId('clusters-export-xlsx')).toHaveAttribute('href', '/api/v1/clusters/export.xlsx?region=chungbuk&lang=ko');
    const csvHref = await page.getByTestId('clusters-export-csv').getAttribute('href');
    const exported = await page.request.get(csvHref!);
    expect(exported.status()).toBe(200);
    expect((await exported.text()).includes(good), 'the export holds the imported cluster').toBe(true);
  });
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});
