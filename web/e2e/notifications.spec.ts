// The bell: another person routes an issue to the ministry, the ministry reviewer's bell shows an unread count, and
// opening the list marks it read (the count goes away and stays away).
import { expect, RUN, screenshot, signIn, test } from './support/fixtures';

const title = `알림 시험 과제 (${RUN})`;

test('the bell counts a routing made by someone else, and opening the list marks it read', async ({ page, browser, pageErrors, openSignedIn }) => {
  // The secretariat raises an issue for an operator and routes it to the MFDS, through the API in its own session.
  await openSignedIn('/issues', 'demo-secretariat');
  const { headerName, token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
  const raised = await page.request.post('/api/v1/regulatory-issues', {
    headers: { [headerName]: token },
    data: {
      titleKo: title,
      problemKo: '알림 시험을 위한 현행 문제 설명입니다.',
      proposalKo: '알림 시험을 위한 개선 제안입니다.',
      category: 'other',
      clusterCodes: ['osong'],
      raisedByCode: 'kbiohealth',
    },
  });
  expect(raised.status(), await raised.text()).toBe(201);
  const id = (await raised.json()).id as number;
  const routed = await page.request.post(`/api/v1/regulatory-issues/${id}/transitions`, {
    headers: { [headerName]: token, 'If-Match': raised.headers()['etag'] },
    data: { to: 'under_review', leadMinistryCode: 'mfds', comment: '알림 시험 배정' },
  });
  expect(routed.status(), await routed.text()).toBe(200);

  // The ministry reviewer, in a browser of their own.
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.goto('/clusters');
  await signIn(reviewer, 'demo-ministry');
  const bell = reviewer.getByTestId('notification-bell');
  await expect(bell).toBeVisible();
  await expect(reviewer.getByTestId('notification-count')).toBeVisible();
  expect(Number(await reviewer.getByTestId('notification-count').textContent())).toBeGreaterThan(0);
  await expect(bell).toHaveAttribute('aria-label', /알림, 읽지 않음 \d+건/);
  await screenshot(reviewer, 'notifications-bell');

  await bell.click();
  await expect(reviewer).toHaveURL(/\/notifications$/);
  const item = reviewer.locator('[data-testid="notification"][data-kind="issue_routed"]', { hasText: title });
  await expect(item).toBeVisible();
  await expect(item).toContainText('규제 개선 과제가 배정되었습니다');
  await expect(reviewer.getByTestId('notification-count'), 'opening the list marks it read').toHaveCount(0);
  await screenshot(reviewer, 'notifications-list');

  await reviewer.reload();
  await expect(reviewer.getByTestId('notification-bell')).toBeVisible();
  await expect(reviewer.getByTestId('notification-count')).toHaveCount(0);
  await expect(reviewer.locator('[data-testid="notification"][data-unread="true"]')).toHaveCount(0);
  await item.getByRole('link').click();
  await expect(reviewer).toHaveURL(new RegExp(`/issues/${id}$`));
  await context.close();
  expect(pageErrors).toEqual([]);
});
