// Phones and a crowded header (issue 19, item 9): the menu folds behind a button below 768 px, the header stays one line
// at 1280 px, an issue's moves are on the first screen, and a saved view goes out and comes back.
import type { Page } from '@playwright/test';
import { expect, RUN, screenshot, test } from './support/fixtures';

/** A write through the API with the page's session (antiforgery header). */
async function post(page: Page, path: string, data: object) {
  const { headerName, token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
  const response = await page.request.post(path, { headers: { [headerName]: token }, data });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return response;
}

/** The boxes of the header's items; one line when every item's vertical span overlaps every other's. */
async function headerBoxes(page: Page) {
  const items = page.locator('.header__inner > *');
  const boxes = [];
  for (let n = 0; n < (await items.count()); n++) {
    const box = await items.nth(n).boundingBox();
    if (box && box.width > 0) boxes.push(box);
  }
  return boxes;
}

for (const user of ['demo-admin', 'demo-secretariat'] as const) {
  test(`at 1280 px the header is one line for ${user}; at 1024 px it still works`, async ({ page, pageErrors, openSignedIn }) => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await openSignedIn('/issues', user);
    await expect(page.getByTestId('nav-toggle')).toBeHidden();
    await expect(page.getByTestId('nav-issues')).toBeVisible();
    const boxes = await headerBoxes(page);
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    const lowestTop = Math.max(...boxes.map((b) => b.y));
    const highestBottom = Math.min(...boxes.map((b) => b.y + b.height));
    expect(lowestTop, `header items on one line: ${JSON.stringify(boxes)}`).toBeLessThan(highestBottom);
    const header = await page.locator('.header').boundingBox();
    expect(header!.height).toBeLessThan(80);
    await screenshot(page, `small-screens-header-1280-${user}`);

    // The secretariat's tools sit behind 더보기: it opens, Escape closes it and gives focus back.
    const more = page.getByTestId('nav-more');
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('nav-holidays')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toBeFocused();
    await expect(page.getByTestId('nav-holidays')).toBeHidden();

    // At 1024 px (and down to 768) the menu has a row of its own: its entries on one line, under the brand, the search,
    // the language and the person, which share the first line; the search box reads as a search box on the navy header.
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect(page.getByTestId('nav-issues')).toBeVisible();
    const entries = page.locator('[data-testid="main-nav"] > *');
    const entryBoxes = [];
    for (let n = 0; n < (await entries.count()); n++) entryBoxes.push((await entries.nth(n).boundingBox())!);
    expect(new Set(entryBoxes.map((b) => Math.round(b.y))).size, `menu entries on one line: ${JSON.stringify(entryBoxes)}`).toBe(1);
    const firstRow = [page.locator('.brand'), page.getByTestId('header-search'), page.getByTestId('lang-toggle')];
    const rowBoxes = await Promise.all(firstRow.map(async (l) => (await l.boundingBox())!));
    const menuTop = Math.min(...entryBoxes.map((b) => b.y));
    for (const box of rowBoxes) expect(box.y + box.height, 'brand, search and language above the menu').toBeLessThanOrEqual(menuTop + 1);
    const search = await page.getByTestId('header-search').evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, placeholder: getComputedStyle(el, '::placeholder').color };
    });
    expect(search.background, 'the idle search box is not a white field').not.toBe('rgb(255, 255, 255)');
    expect(search.placeholder).not.toBe(search.background);
    await screenshot(page, `small-screens-header-1024-${user}`);
    expect(pageErrors).toEqual([]);
  });
}

test('at 390 px the menu folds behind its button, opens, closes on Escape and on navigating', async ({ page, pageErrors, openSignedIn }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSignedIn('/issues', 'demo-secretariat');
  const toggle = page.getByTestId('nav-toggle');
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('nav-issues')).toBeHidden();
  const controls = await toggle.getAttribute('aria-controls');
  expect(await page.locator(`[id="${controls}"]`).getAttribute('data-testid')).toBe('main-nav');
  await screenshot(page, 'small-screens-390-closed');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('nav-council')).toBeVisible();
  await expect(page.getByTestId('nav-holidays'), 'the secretariat keeps the holiday calendar').toBeVisible();
  await screenshot(page, 'small-screens-390-open');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await expect(page.getByTestId('nav-council')).toBeHidden();

  await toggle.click();
  await page.getByTestId('nav-holidays').click();
  await expect(page).toHaveURL(/\/holidays$/);
  await expect(page.getByTestId('holiday-table')).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('nav-council')).toBeHidden();
  expect(pageErrors).toEqual([]);
});

test('on a phone an issue\'s moves are on the first screen, above its long texts', async ({ page, pageErrors, openSignedIn }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSignedIn('/', 'demo-operator');
  const raised = await post(page, '/api/v1/regulatory-issues', {
    titleKo: `작은 화면 확인 과제 ${RUN}`,
    problemKo: '클러스터 입주 기업의 공장 증설에 용도지역 변경이 필요해 1년 이상 걸립니다. '.repeat(12),
    proposalKo: '첨단의료복합단지 안에서는 용도지역 변경 절차를 간소화합니다. '.repeat(12),
    category: 'land_site',
    clusterCodes: ['osong'],
  });
  const id = (await raised.json()).id as number;
  await page.goto(`/issues/${id}`);
  const moves = page.getByTestId('issue-moves');
  await expect(moves).toBeVisible();
  await expect(moves.getByTestId('move-button').first()).toBeInViewport();
  const movesBox = await moves.boundingBox();
  const content = await page.locator('[aria-labelledby="issue-content"]').boundingBox();
  expect(movesBox!.y).toBeLessThan(content!.y);
  await screenshot(page, 'small-screens-390-issue');
  expect(pageErrors).toEqual([]);
});

test('a saved view goes out with the filters and comes back on another visit', async ({ page, pageErrors, openSignedIn }) => {
  const name = `이의신청 확인 ${RUN}`;
  await openSignedIn('/issues', 'demo-ministry');
  // The ministry reviewer has an agency: "my agency" is offered and lists what the ministry leads or co-handles.
  await page.getByTestId('chip-my-agency').click();
  await expect(page).toHaveURL(/ministryCode=/);
  await expect(page.getByTestId('chip-my-agency')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('chip-challenge-open').click();
  await expect(page).toHaveURL(/challengeOpen=true/);

  await page.getByTestId('saved-views-toggle').click();
  await page.getByTestId('saved-view-name').fill(name);
  await page.getByTestId('saved-view-save').click();
  await expect(page.getByTestId('saved-view').filter({ hasText: name })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('saved-views-toggle')).toBeFocused();

  // Another visit with no filters: the view opens them again.
  await page.goto('/issues');
  await expect(page.getByTestId('chip-challenge-open')).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('saved-views-toggle').click();
  await page.getByTestId('saved-view').filter({ hasText: name }).getByTestId('saved-view-open').click();
  await expect(page).toHaveURL(/challengeOpen=true/);
  await expect(page).toHaveURL(/ministryCode=/);
  await expect(page.getByTestId('chip-challenge-open')).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'small-screens-saved-view');

  // And it can be deleted.
  await page.getByTestId('saved-views-toggle').click();
  await page.getByTestId('saved-view').filter({ hasText: name }).getByTestId('saved-view-delete').click();
  await expect(page.getByTestId('saved-view').filter({ hasText: name })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
