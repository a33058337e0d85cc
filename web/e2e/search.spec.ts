// The search box: "/" focuses it, a 2-syllable and a longer Korean query find the seeded council records, grouped by
// kind with the match marked, and a hit opens its record. (Who may read what is covered by the API's search tests.)
import { expect, screenshot, test } from './support/fixtures';

test('a secretariat member searches 2-syllable and longer Korean terms and opens a hit', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn('/clusters', 'demo-secretariat');
  // "/" is a shortcut only outside text fields (in one it types a slash): start from the page, not a field.
  await expect(page.getByTestId('cluster-row').first()).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  await expect(page.getByTestId('header-search')).toBeFocused();
  await page.keyboard.type('오송');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === '/search' && url.searchParams.get('q') === '오송');
  const cluster = page.getByTestId('search-hit-cluster').filter({ hasText: '오송' }).first();
  await expect(cluster).toBeVisible();
  await expect(cluster.locator('mark').first()).toHaveText('오송');
  await expect(page.getByRole('heading', { level: 2, name: '클러스터' })).toBeVisible();

  await page.getByTestId('search-q').fill('바이오 클러스터 협의체');
  await page.getByTestId('search-q').press('Enter');
  const meeting = page.getByTestId('search-hit-meeting').first();
  await expect(meeting).toBeVisible();
  await expect(meeting.locator('mark').first()).toHaveText('바이오 클러스터 협의체');
  await screenshot(page, 'search-results');
  await meeting.getByRole('link').click();
  await expect(page).toHaveURL((url) => /^\/meetings\/\d+$/.test(url.pathname));
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});
