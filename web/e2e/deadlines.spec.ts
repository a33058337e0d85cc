// Deadline management end to end, each act by its own person in a browser of their own: the secretariat routes an issue
// to the MFDS; the MFDS reviewer asks to be relieved, proposing the MSIT; the secretariat grants it with a reason (a
// re-route); the MSIT reviewer finds it in their queue and home with its new deadline, and their bell counts the routing;
// the MSIT asks for more time; the secretariat grants it and the new date is what everyone sees.
import type { Browser, Page } from '@playwright/test';
import { expect, RUN, screenshot, signIn, test, type DemoUser } from './support/fixtures';

const title = `기한 관리 여정 과제 (${RUN})`;
/** A KST calendar day, offsetDays from today. */
const day = (offsetDays: number) => new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const MSIT_PASSWORD = 'Msit-Reviewer-Passw0rd-2026!';

/** A person in a browser of their own, signed in. */
async function person(browser: Browser, username: string, password?: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, username as DemoUser, password);
  return page;
}

async function antiforgery(page: Page): Promise<Record<string, string>> {
  const { headerName, token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
  return { [headerName]: token };
}

/** Opens the move's form on the issue page, fills its fields (a select when the value starts with "select:") and submits. */
async function move(page: Page, kind: string, fields: Record<string, string>): Promise<void> {
  await page.locator(`[data-testid="move-button"][data-move="${kind}"]`).click();
  const form = page.getByTestId('move-form');
  await expect(form).toBeVisible();
  for (const [name, value] of Object.entries(fields)) {
    const control = form.locator(`[name="${name}"]`);
    if (value.startsWith('select:')) await control.selectOption(value.slice('select:'.length));
    else await control.fill(value);
  }
  await form.getByTestId('move-submit').click();
  await expect(form).toHaveCount(0);
}

/** A day as the dashboard writes it (Korean, medium style). */
const shown = (page: Page, iso: string) =>
  page.evaluate((d) => new Intl.DateTimeFormat('ko-KR', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)), iso);

test('a relief granted re-routes the issue to the proposed ministry, who is told and sees it with its deadline; an extension granted moves that deadline', async ({
  page,
  browser,
  pageErrors,
  openSignedIn,
}) => {
  // An MSIT reviewer's account, made by the administrator.
  const admin = await person(browser, 'demo-admin');
  const msitUser = `msit-${RUN}`.slice(0, 30);
  const made = await admin.request.post('/api/v1/users', {
    headers: await antiforgery(admin),
    data: { username: msitUser, displayName: '과기정통부 검토자', role: 'ministry_reviewer', password: MSIT_PASSWORD, agencyCode: 'msit' },
  });
  expect(made.status(), await made.text()).toBe(201);
  await admin.context().close();

  // The secretariat raises an issue for an operator (through the API) and routes it to the MFDS on the issue page.
  await openSignedIn('/issues', 'demo-secretariat');
  const raised = await page.request.post('/api/v1/regulatory-issues', {
    headers: await antiforgery(page),
    data: {
      titleKo: title,
      problemKo: '기한 관리 여정을 위한 현행 문제 설명입니다.',
      proposalKo: '기한 관리 여정을 위한 개선 제안입니다.',
      category: 'data_privacy',
      clusterCodes: ['osong'],
      raisedByCode: 'kbiohealth',
    },
  });
  expect(raised.status(), await raised.text()).toBe(201);
  const id = (await raised.json()).id as number;
  await page.goto(`/issues/${id}`);
  await move(page, 'assign', { leadMinistryCode: 'select:mfds' });
  await expect(page.locator(`[data-testid="issue-detail"][data-status="under_review"]`)).toBeVisible();
  await expect(page.getByTestId('issue-handling')).toContainText('식품의약품안전처');

  // The MFDS reviewer asks to be relieved: the rule is the MSIT's.
  const mfds = await person(browser, 'demo-ministry');
  await mfds.goto(`/issues/${id}`);
  await move(mfds, 'askRelief', { reason: '개인정보 관련 규정은 과학기술정보통신부 소관입니다.', proposedMinistryCode: 'select:msit' });
  await expect(mfds.getByTestId('issue-pending-request')).toHaveAttribute('data-kind', 'relief');
  await expect(mfds.getByTestId('issue-pending-request')).toContainText('과학기술정보통신부');
  await expect(mfds.locator('[data-testid="move-button"][data-move="askExtension"]'), 'one request at a time').toHaveCount(0);

  // The secretariat grants it, giving the reason: the issue is re-routed to the MSIT with a fresh deadline.
  await page.reload();
  await expect(page.getByTestId('issue-pending-request')).toHaveAttribute('data-kind', 'relief');
  await move(page, 'grantRequest', { comment: '소관 법령 확인 결과 과기정통부로 재지정합니다.' });
  await expect(page.getByTestId('issue-pending-request')).toHaveCount(0);
  await expect(page.getByTestId('issue-handling')).toContainText('과학기술정보통신부');
  const rerouted = await (await page.request.get(`/api/v1/regulatory-issues/${id}`)).json();
  expect(rerouted.leadMinistry.code).toBe('msit');
  await screenshot(page, 'deadlines-relief-granted');

  // The MSIT reviewer: the bell counts the routing, the queue and home list the issue with its deadline.
  const msit = await person(browser, msitUser, MSIT_PASSWORD);
  const count = msit.getByTestId('notification-count');
  await expect(count).toBeVisible();
  expect(Number(await count.textContent())).toBeGreaterThanOrEqual(1);
  const firstDue = await shown(msit, new Date(new Date(rerouted.responseDueAt).getTime() + 9 * 3_600_000).toISOString().slice(0, 10));
  await msit.goto('/issues/ministry');
  const row = msit.locator(`[data-testid="owed-row"][data-id="${id}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('owed-role')).toHaveAttribute('data-role', 'lead');
  await expect(row.getByTestId('issue-deadline')).toContainText(firstDue);
  await msit.goto('/');
  await expect(msit.getByTestId('home-ministry')).toContainText(title);
  await screenshot(msit, 'deadlines-new-ministry-home');
  await msit.getByTestId('notification-bell').click();
  await expect(msit.locator('[data-testid="notification"][data-kind="issue_routed"]', { hasText: title })).toBeVisible();
  await expect(count, 'opening the list marks it read').toHaveCount(0);

  // The MSIT asks for more time; the secretariat grants it.
  const proposed = day(40);
  await msit.goto(`/issues/${id}`);
  await move(msit, 'askExtension', { reason: '관계 부처 협의와 의견 수렴이 필요합니다.', proposedDueOn: proposed });
  await expect(msit.getByTestId('issue-pending-request')).toHaveAttribute('data-kind', 'extension');
  await page.reload();
  await move(page, 'grantRequest', { comment: '의견 수렴 기간을 고려해 연장합니다.' });
  await expect(page.getByTestId('issue-extensions')).toHaveAttribute('data-count', '1');
  const extended = await (await page.request.get(`/api/v1/regulatory-issues/${id}`)).json();
  expect(new Date(new Date(extended.responseDueAt).getTime() + 9 * 3_600_000).toISOString().slice(0, 10)).toBe(proposed);

  // The MSIT's queue shows the new date; the bell tells of the extension, which did not say "routed" again.
  await msit.goto('/issues/ministry');
  await expect(row.getByTestId('issue-deadline')).toContainText(await shown(msit, proposed));
  await expect(msit.getByTestId('notification-count')).toBeVisible();
  await screenshot(msit, 'deadlines-extended');
  await msit.getByTestId('notification-bell').click();
  await expect(msit.locator('[data-testid="notification"][data-kind="issue_moved"]', { hasText: title })).toHaveCount(1);
  await expect(msit.locator('[data-testid="notification"][data-kind="issue_routed"]', { hasText: title })).toHaveCount(1);

  for (const p of [mfds, msit]) await p.context().close();
  expect(pageErrors).toEqual([]);
});
