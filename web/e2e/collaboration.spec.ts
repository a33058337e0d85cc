// A collaboration project between two clusters (issue 20 item 3): the council decides on an agenda item, the secretariat
// registers the project from that decision (Osong leads, Songdo takes part, the budget typed with separators), and the
// Osong operator finds it on its cluster's page and starts it.
import type { Page } from '@playwright/test';
import { expect, RUN, screenshot, test } from './support/fixtures';

const title = `오송·송도 바이오의약품 공동 생산 실증 (${RUN})`;
const itemTitle = `클러스터 간 공동 생산 협력 추진 (${RUN})`;

/** The request's answer as JSON and its ETag, failing the test with the body when the status is not the one expected. */
async function call(page: Page, method: 'get' | 'post' | 'put', path: string, data?: unknown, etag?: string, status = 200) {
  const { headerName, token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
  const headers: Record<string, string> = { [headerName]: token };
  if (etag) headers['If-Match'] = etag;
  const response = await page.request[method](path, { headers, data });
  expect(response.status(), await response.text()).toBe(status);
  return { body: await response.json(), etag: response.headers()['etag'] ?? '' };
}

/** A convened meeting whose one agenda item is decided, set up through the API as the signed-in secretariat. */
async function decidedMeeting(page: Page): Promise<{ meetingId: number; itemId: number }> {
  const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const created = await call(page, 'post', '/api/v1/meetings', { bodyCode: 'council', titleKo: `협력 안건 회의 (${RUN})`, kind: 'in_person', startsAt, venue: '세종' }, undefined, 201);
  const meetingId = created.body.id as number;
  const added = await call(page, 'post', `/api/v1/meetings/${meetingId}/agenda`, { titleKo: itemTitle, kind: 'deliberation' }, created.etag);
  let etag = added.etag;
  const itemId = (added.body.agenda as { id: number; titleKo: string }[]).find((a) => a.titleKo === itemTitle)!.id;
  etag = (await call(page, 'post', `/api/v1/meetings/${meetingId}/transitions`, { to: 'convened' }, etag)).etag;
  await call(page, 'put', `/api/v1/meetings/${meetingId}/agenda/${itemId}/decision`, { outcome: 'approved', text: '두 클러스터가 공동 생산 실증 사업을 추진한다.' }, etag);
  return { meetingId, itemId };
}

test.describe.configure({ mode: 'serial' });

test('1. the secretariat registers the project from the meeting’s decision', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn('/', 'demo-secretariat');
  const { meetingId, itemId } = await decidedMeeting(page);
  await page.goto(`/meetings/${meetingId}`);
  const section = page.getByTestId('meeting-collaborations');
  await expect(section).toBeVisible();
  await section.locator(`[data-testid="collaboration-from-decision"][data-item="${itemId}"]`).click();

  const form = page.getByTestId('collaboration-form');
  await expect(form.locator('[name="sourceAgendaItemId"]')).toHaveValue(String(itemId));
  await form.locator('[name="titleKo"]').fill(title);
  await form.locator('[name="summary"]').fill('두 클러스터의 생산 시설을 공동으로 활용해 바이오의약품 위탁 생산을 실증한다.');
  const rows = form.getByTestId('partner-row');
  await rows.nth(0).getByTestId('partner-row-choice').selectOption('cluster:osong');
  await rows.nth(0).getByTestId('partner-row-role').selectOption('lead');
  await rows.nth(1).getByTestId('partner-row-choice').selectOption('cluster:songdo');
  await form.locator('[name="budgetKrw"]').fill('1,200,000,000');
  await form.locator('[name="startsOn"]').fill('2027-01-01');
  await form.locator('[name="endsOn"]').fill('2028-12-31');
  await page.getByTestId('collaboration-submit').click();

  await expect(page.getByTestId('collaboration-title')).toHaveText(title);
  await expect(page.locator('[data-testid="collaboration-state"][data-state="planned"]')).toBeVisible();
  await expect(page.locator('[data-testid="collaboration-partner"][data-code="osong"]')).toContainText('주관');
  await expect(page.locator('[data-testid="collaboration-partner"][data-code="songdo"]')).toContainText('참여');
  await expect(page.getByText('1,200,000,000원')).toBeVisible();
  await expect(page.getByTestId('source-meeting')).toContainText(itemTitle);
  await screenshot(page, 'collaboration-created');

  // The meeting lists it under its decision, and the list page sits under "더보기".
  await page.getByTestId('source-meeting').click();
  await expect(page.getByTestId('meeting-collaboration').filter({ hasText: title })).toBeVisible();
  await page.getByTestId('nav-more').click();
  await page.getByTestId('nav-collaborations').click();
  await expect(page.getByTestId('collaboration-row').filter({ hasText: title })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('2. the Osong operator sees it on its cluster page and starts it', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn('/clusters/osong', 'demo-operator');
  const item = page.getByTestId('cluster-collaborations').getByTestId('cluster-collaboration').filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item).toContainText('송도');
  await item.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('collaboration-title')).toHaveText(title);
  await expect(page.getByTestId('collaboration-edit')).toBeVisible();
  await page.locator('[data-testid="move-button"][data-to="in_progress"]').click();
  await page.getByTestId('move-form').getByTestId('move-submit').click();
  await expect(page.locator('[data-testid="collaboration-state"][data-state="in_progress"]')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('3. the secretariat keeps a cluster’s site projects and actor profiles from its page', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn('/clusters/gwanggyo', 'demo-secretariat');
  const siteName = `광교 시험 연구동 (${RUN})`;
  await page.getByTestId('site-project-add').click();
  const form = page.getByTestId('site-project-form');
  await form.locator('[name="nameKo"]').fill(siteName);
  await form.locator('[name="state"]').selectOption('design');
  await form.locator('[name="landAreaM2"]').fill('12,500');
  await form.getByTestId('stage-add').click();
  await form.getByTestId('stage-name').fill('설계');
  await form.getByTestId('stage-plannedStart').fill('2027-01-01');
  await form.getByTestId('stage-plannedEnd').fill('2027-06-30');
  await page.getByTestId('site-project-submit').click();
  const project = page.getByTestId('site-project').filter({ hasText: siteName });
  await expect(project).toBeVisible();
  await expect(project).toContainText('12,500');
  await expect(project.getByTestId('site-project-stage')).toHaveCount(1);

  await page.locator('[data-testid="cluster-actor"][data-code="kanc"]').getByTestId('actor-profile-edit').click();
  const profile = page.getByTestId('actor-profile-form');
  await profile.locator('[name="specializations"]').fill(`나노 공정, 바이오 센서 ${RUN}`);
  await page.getByTestId('actor-profile-submit').click();
  await expect(profile).toBeHidden();
  await page.goto(`/partners?q=${encodeURIComponent(RUN)}`);
  await expect(page.getByTestId('partner-results')).toContainText('나노');
  expect(pageErrors).toEqual([]);
});
