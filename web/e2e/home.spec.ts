// The home (오늘 할 일): the first page after sign-in, shaped by the role — the secretariat's routing queue and
// charts, and what the MFDS reviewer's ministry owes.
import type { Page } from '@playwright/test';
import { expect, RUN, screenshot, test } from './support/fixtures';

const title = `홈 화면 확인 과제 ${RUN}`;

/** A write through the API with the page's session: the antiforgery header, and If-Match when given. */
async function post(page: Page, path: string, data: object, etag?: string) {
  const { headerName, token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
  const response = await page.request.post(path, { headers: { [headerName]: token, ...(etag ? { 'If-Match': etag } : {}) }, data });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return response;
}

test.describe.serial('the home after sign-in', () => {
  let id = 0;

  test('1. the cluster operator raises an issue; its home shows its clusters', async ({ page, pageErrors, openSignedIn }) => {
    await openSignedIn('/', 'demo-operator');
    await expect(page.getByTestId('home-clusters')).toBeVisible();
    const raised = await post(page, '/api/v1/regulatory-issues', {
      titleKo: title,
      problemKo: '클러스터 입주 기업의 공장 증설에 용도지역 변경이 필요해 1년 이상 걸립니다.',
      proposalKo: '첨단의료복합단지 안에서는 용도지역 변경 절차를 간소화합니다.',
      category: 'land_site',
      clusterCodes: ['osong'],
      priority: 'high',
    });
    id = (await raised.json()).id;
    expect(pageErrors).toEqual([]);
  });

  test('2. the secretariat lands on the home and sees the routing queue and the charts', async ({ page, pageErrors, signIn }) => {
    await page.goto('/');
    await signIn('demo-secretariat');
    await expect(page, 'the home is the first page').toHaveURL((url) => url.pathname === '/');
    await expect(page.getByRole('heading', { level: 1, name: '오늘 할 일' })).toBeVisible();
    await expect(page.getByTestId('nav-home')).toHaveAttribute('aria-current', 'page');
    const queue = page.getByTestId('home-to-route');
    await expect(queue).toBeVisible();
    await expect(page.getByTestId('home-to-route-count')).toContainText(/\d/);
    await expect(page.getByTestId('home-due')).toBeVisible();
    await expect(page.getByTestId('home-meeting')).toBeVisible();
    // The charts arrive in their own chunk and draw on a canvas with a text alternative beside it.
    const moves = page.getByTestId('chart-moves');
    await expect(moves).toBeVisible();
    await expect(moves).toHaveAttribute('role', 'img');
    await expect.poll(() => moves.evaluate((c) => (c as HTMLCanvasElement).width), 'the chart has drawn').toBeGreaterThan(0);
    await expect(page.getByTestId('home-charts').locator('details summary').first()).toHaveText('표로 보기');
    await screenshot(page, 'home-secretariat');

    // Route the new issue to MFDS (a co-ministry too), through the API with this session.
    const issue = await page.request.get(`/api/v1/regulatory-issues/${id}`);
    await post(page, `/api/v1/regulatory-issues/${id}/transitions`,
      { to: 'under_review', leadMinistryCode: 'mfds', coMinistryCodes: ['motie'], comment: '식약처 주관으로 배정' }, issue.headers()['etag']);
    await page.reload();
    await expect(page.getByTestId('home-to-route')).toBeVisible();
    await expect(page.getByTestId('home-to-route').getByText(title), 'routed: no longer waiting').toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });

  test('3. the MFDS reviewer sees what the ministry owes, as lead', async ({ page, pageErrors, signIn }) => {
    await page.goto('/');
    await signIn('demo-ministry');
    const owed = page.getByTestId('home-ministry');
    await expect(owed).toBeVisible();
    await expect(owed.getByRole('heading')).toContainText('식품의약품안전처');
    await expect(page.getByTestId('home-to-route'), 'not the secretariat’s queue').toHaveCount(0);
    // The issue routed in step 2 is counted among what MFDS owes, and every item says whether MFDS leads or helps.
    await expect(page.getByTestId('home-ministry-count')).toHaveText(/[1-9]/);
    const parts = await owed.locator('[data-part]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.part));
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) expect(['lead', 'co_ministry']).toContain(part);
    await screenshot(page, 'home-ministry');
    expect(pageErrors).toEqual([]);
  });
});
