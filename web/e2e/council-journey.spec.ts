// Issue 18's browser journey, by the secretariat from invitation to published minutes, then by the MFDS on a later
// day: meeting 2 with an agenda that links two regulatory issues, attendance with its quorum, a decision that gives the
// MFDS a follow-up and one that moves an issue (whose page then lists the meeting), the minutes through their states,
// the minutes PDF and the iCalendar feed, and the MFDS's board showing that follow-up overdue under a moved clock.
//
// The moved clock is a second API process on the same data whose TimeProvider runs ahead (Testing:ClockOffset,
// ADR 0015; playwright.config.ts starts it): "overdue" is derived on the server, so the server's clock must move; the
// browser's clock (page.clock) is moved to the same day, so nothing the dashboard shows mixes the two days.
import type { Browser, Page } from '@playwright/test';
import { expect, RUN, screenshot, signIn, test } from './support/fixtures';

const meetingTitle = `바이오 클러스터 협의체 정기회의 (여정 ${RUN})`;
const venue = '정부세종청사 6동 대회의실';
const itemTrial = `임상시험 승인 기간 단축안 심의 (여정 ${RUN})`;
const itemData = `보건의료 데이터 활용 규제 개선 심의 (여정 ${RUN})`;
// Titles of their own: council.spec.ts runs in the same run (same RUN) and has its own MFDS follow-up.
const followUp = `임상시험 승인 기간 고시 개정 (여정 ${RUN})`;
const DAY_MS = 86_400_000;
/** How far the second API's clock runs ahead (playwright.config.ts: BIOCLUSTER_E2E_LATER_OFFSET, "40.00:00:00"). */
const laterDays = Number((process.env.BIOCLUSTER_E2E_LATER_OFFSET ?? '40.00:00:00').split('.')[0]);
const laterUrl = process.env.BIOCLUSTER_E2E_LATER_URL ?? '';
/** A KST calendar day, offsetDays from today. */
const day = (offsetDays: number) => new Date(Date.now() + 9 * 3_600_000 + offsetDays * DAY_MS).toISOString().slice(0, 10);

/** A regulatory issue raised through the API as the signed-in secretariat (on behalf of the Osong operator). */
async function raiseIssue(page: Page, title: string): Promise<number> {
  const { headerName, token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
  const response = await page.request.post('/api/v1/regulatory-issues', {
    headers: { [headerName]: token, 'Idempotency-Key': `journey-${RUN}-${title.length}-${Math.random()}` },
    data: {
      titleKo: title,
      problemKo: '승인 절차가 길어 클러스터 입주 기업의 개발 일정이 늦어집니다.',
      proposalKo: '검토 기간을 줄이고 사전 상담 절차를 마련해 주십시오.',
      category: 'clinical_trials',
      clusterCodes: ['osong'],
      raisedByCode: 'kbiohealth',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id as number;
}

async function meetingMove(page: Page, to: string): Promise<void> {
  await page.getByTestId('meeting-moves').locator(`[data-testid="move-button"][data-to="${to}"]`).click();
  await page.locator(`[data-testid="move-form"][data-to="${to}"]`).getByTestId('move-submit').click();
  await expect(page.locator(`[data-testid="meeting-detail"][data-state="${to}"]`)).toBeVisible();
}

async function minutesMove(page: Page, to: string, fields: Record<string, string> = {}): Promise<void> {
  const minutes = page.getByTestId('minutes');
  await minutes.locator(`[data-testid="move-button"][data-to="${to}"]`).click();
  const form = minutes.locator(`[data-testid="move-form"][data-to="${to}"]`);
  for (const [name, value] of Object.entries(fields)) await form.locator(`[name="${name}"]`).selectOption(value);
  await form.getByTestId('move-submit').click();
  await expect(minutes.locator(`[data-testid="minutes-view"][data-state="${to}"]`)).toBeVisible();
}

async function addItem(page: Page, title: string, issueId: number): Promise<void> {
  await page.getByTestId('agenda-add').click();
  const form = page.getByTestId('agenda-form');
  await form.locator('[name="titleKo"]').fill(title);
  await form.locator('[name="kind"]').selectOption('deliberation');
  await form.locator('[name="durationMinutes"]').fill('30');
  await form.locator('[name="issueIds"]').fill(String(issueId));
  await form.getByTestId('agenda-save').click();
  await expect(page.getByTestId('agenda-item').filter({ hasText: title })).toBeVisible();
}

async function decide(page: Page, title: string, text: string, followUpFor?: { owner: string; due: string }): Promise<void> {
  const item = page.getByTestId('agenda-item').filter({ hasText: title });
  await item.getByTestId('decision-open').click();
  const form = item.getByTestId('decision-form');
  await form.locator('[name="outcome"]').selectOption('approved');
  await form.locator('[name="text"]').fill(text);
  if (followUpFor) {
    await form.getByTestId('follow-up-add').click();
    await form.locator('[name="fuTitle"]').fill(followUp);
    await form.locator('[name="fuOwner"]').selectOption(followUpFor.owner);
    await form.locator('[name="fuDue"]').fill(followUpFor.due);
  }
  await form.getByTestId('decision-submit').click();
  await expect(item.locator('[data-testid="decision"][data-decided="true"]')).toBeVisible();
}

/** A page on the API whose clock runs `laterDays` ahead, the browser's clock moved with it. */
async function laterPage(browser: Browser): Promise<Page> {
  expect(laterUrl, 'BIOCLUSTER_E2E_LATER_URL: an API on the same data with Testing:ClockOffset (see playwright.config.ts)').not.toBe('');
  const context = await browser.newContext({ baseURL: laterUrl, locale: 'ko-KR', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(Date.now() + laterDays * DAY_MS));
  return page;
}

test('meeting 2 from invitation to published minutes, and the MFDS follow-up overdue on a later day', async ({ page, browser, pageErrors, openSignedIn }) => {
  test.setTimeout(240_000);
  await openSignedIn('/meetings', 'demo-secretariat');
  const issueTrial = await raiseIssue(page, `임상시험 승인 기간 단축 (${RUN})`);
  const issueData = await raiseIssue(page, `보건의료 데이터 2차 활용 절차 간소화 (${RUN})`);
  let meetingId = 0;

  await test.step('plan it in KST, then correct its details on its page', async () => {
    await page.getByTestId('meeting-plan').click();
    const form = page.getByTestId('meeting-form');
    await form.locator('[name="titleKo"]').fill(meetingTitle);
    await form.locator('[name="startsAt"]').fill(`${day(7)}T14:00`);
    await form.locator('[name="venue"]').fill('미정');
    await page.getByTestId('save').click();
    await expect(page.getByTestId('created-notice')).toBeVisible();
    meetingId = Number(await page.getByTestId('meeting-detail').getAttribute('data-id'));

    await page.getByTestId('meeting-edit').click();
    const edit = page.getByTestId('meeting-edit-form');
    await expect(edit.locator('[name="startsAt"]'), 'the form shows the time as entered, in KST').toHaveValue(`${day(7)}T14:00`);
    await edit.locator('[name="kind"]').selectOption('hybrid');
    await edit.locator('[name="venue"]').fill(venue);
    await edit.locator('[name="endsAt"]').fill(`${day(7)}T16:00`);
    await edit.getByTestId('meeting-edit-save').click();
    await expect(edit.locator('[data-field="onlineUrl"] [data-testid="field-error"]'), 'a hybrid meeting needs its link').toBeVisible();
    await edit.locator('[name="onlineUrl"]').fill('https://meet.example.go.kr/biocluster-2');
    await edit.getByTestId('meeting-edit-save').click();
    await expect(page.getByTestId('meeting-edited-notice')).toBeVisible();
    const summary = page.getByTestId('meeting-detail');
    await expect(summary).toContainText(venue);
    await expect(summary).toContainText('오후 2:00 KST');
    await expect(summary).toContainText('오후 4:00 KST');
  });

  await test.step('its agenda links two regulatory issues; convened, it is numbered', async () => {
    await addItem(page, itemTrial, issueTrial);
    await addItem(page, itemData, issueData);
    await meetingMove(page, 'convened');
    await expect(page.getByTestId('meeting-number')).toHaveText(/^제\d+차$/);
  });

  await test.step('attendance: the quorum indicator shows it met', async () => {
    await expect(page.getByTestId('quorum-live')).toHaveAttribute('data-met', 'false');
    await page.getByTestId('attendance-all-present').click();
    await expect(page.getByTestId('quorum-live')).toHaveAttribute('data-met', 'true');
    await page.getByTestId('attendance-save').click();
    await expect(page.getByTestId('attendance-saved-notice')).toBeVisible();
    await expect(page.getByTestId('quorum-saved')).toHaveAttribute('data-met', 'true');
  });

  await test.step('decisions: a follow-up owned by the MFDS, and one that moves an issue', async () => {
    await decide(page, itemTrial, '개선안을 의결하고 식품의약품안전처가 고시 개정을 추진한다.', { owner: 'mfds', due: day(90) });
    await decide(page, itemData, '데이터 활용 개선을 식품의약품안전처 소관으로 검토하기로 의결함.');
    await expect(page.getByTestId('meeting-follow-up').filter({ hasText: followUp })).toHaveAttribute('data-owner', 'mfds');
  });

  await test.step('the decided issue is routed to the MFDS as the decision says; its page lists the meeting', async () => {
    await page.goto(`/issues/${issueData}`);
    const listed = page.locator(`[data-testid="issue-meeting"][data-meeting-id="${meetingId}"]`);
    await expect(listed).toHaveAttribute('data-outcome', 'approved');
    await page.locator('[data-testid="move-button"][data-move="assign"]').click();
    const form = page.getByTestId('move-form');
    await form.locator('[name="leadMinistryCode"]').selectOption('mfds');
    await form.locator('[name="agendaItemId"]').selectOption({ index: 1 });
    await form.getByTestId('move-submit').click();
    await expect(page.locator('[data-testid="issue-detail"][data-status="under_review"]')).toBeVisible();
    await expect(page.getByTestId('timeline').getByTestId('timeline-entry').filter({ hasText: meetingTitle })).toHaveCount(1);
    await listed.getByRole('link').click();
    await expect(page.locator(`[data-testid="meeting-detail"][data-id="${meetingId}"]`)).toBeVisible();
  });

  await test.step('held and closed', async () => {
    await meetingMove(page, 'held');
    await meetingMove(page, 'closed');
  });

  await test.step('minutes: draft → circulated → approved → published', async () => {
    await page.getByTestId('minutes-create').click();
    const minutes = page.getByTestId('minutes');
    await expect(minutes.locator('[data-testid="minutes-view"][data-state="draft"]')).toBeVisible();
    await minutes.locator('[name="summary"]').fill('임상시험 승인 기간 단축안과 보건의료 데이터 활용 개선안을 심의·의결함.');
    await minutes.getByTestId('minutes-save').click();
    await expect(minutes.getByTestId('minutes-notice')).toBeVisible();
    await minutesMove(page, 'circulated');
    await expect(minutes.getByTestId('minutes-summary'), 'circulated minutes are read, not edited').toContainText('임상시험 승인 기간 단축안');
    await minutesMove(page, 'approved', { approvedBy: 'chair' });
    await minutesMove(page, 'published');
    await screenshot(page, 'journey-minutes-published');
  });

  await test.step('the minutes PDF is a PDF with content', async () => {
    const href = await page.getByTestId('minutes-pdf').getAttribute('href');
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.length, 'a page of minutes in an embedded Korean font').toBeGreaterThan(5_000);
  });

  await test.step('the iCalendar feed carries the meeting', async () => {
    await page.goto('/account');
    await page.getByTestId('calendar-scope-body').check();
    await page.getByTestId('calendar-feed-create').click();
    const url = await page.getByTestId('calendar-feed-url').inputValue();
    await page.getByTestId('calendar-feed-url-done').click();
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    const text = (await feed.text()).replace(/\r\n[ \t]/g, ''); // unfolded
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain(`UID:meeting-${meetingId}@biocluster`);
    const own = text.split('BEGIN:VEVENT').find((event) => event.includes(`UID:meeting-${meetingId}@biocluster`)) ?? '';
    // Planned, edited, convened, held, closed: every one a new sequence for calendars that hold the event.
    expect(own).toMatch(/\nSEQUENCE:[1-9]\d*\r?\n/);
    expect(own).toContain(meetingTitle);
    expect(own).toContain('STATUS:CONFIRMED');
  });

  await test.step('the secretariat brings the due date forward and attaches the draft rule on the board', async () => {
    await page.goto(`/follow-ups?meetingId=${meetingId}`);
    const row = page.getByTestId('follow-up-row').filter({ hasText: followUp });
    await expect(row).toHaveAttribute('data-overdue', 'false');
    await row.getByTestId('follow-up-act').click();
    const panel = page.getByTestId('follow-up-panel');
    await panel.getByTestId('follow-up-edit').click();
    const edit = panel.getByTestId('follow-up-edit-form');
    await edit.locator('[name="ownerPerson"]').fill('의약품정책과 담당 사무관');
    await edit.locator('[name="dueOn"]').fill(day(20));
    await edit.getByTestId('follow-up-edit-save').click();
    await expect(panel.getByTestId('follow-up-saved')).toBeVisible();
    await expect(row).toContainText('의약품정책과 담당 사무관');
    await panel.locator('input[type="file"]').setInputFiles({ name: '고시개정안.txt', mimeType: 'text/plain', buffer: Buffer.from('임상시험 승인 고시 개정안 (초안)\n') });
    await panel.getByTestId('document-submit').click();
    await expect(panel.getByTestId('document')).toHaveCount(1);
  });
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);

  await test.step(`${laterDays} days later, the MFDS sees it overdue on its board`, async () => {
    const later = await laterPage(browser);
    const laterErrors: string[] = [];
    later.on('pageerror', (error) => laterErrors.push(error.message));
    await later.goto('/follow-ups');
    await signIn(later, 'demo-ministry');
    const mfds = later.locator('[data-testid="owner-group"][data-owner="mfds"]');
    const row = mfds.getByTestId('follow-up-row').filter({ hasText: followUp });
    await expect(row).toHaveAttribute('data-overdue', 'true');
    await expect(row.getByTestId('days-late')).toHaveText(new RegExp(`${laterDays - 20}일 지연`));
    await row.getByTestId('follow-up-act').click();
    await expect(later.getByTestId('follow-up-panel').getByTestId('document')).toHaveCount(1);
    await screenshot(later, 'journey-mfds-overdue');
    expect(laterErrors).toEqual([]);
    await later.context().close();
  });

  await test.step('on today\u2019s clock the same follow-up is not overdue', async () => {
    await page.goto(`/follow-ups?meetingId=${meetingId}`);
    await expect(page.getByTestId('follow-up-row').filter({ hasText: followUp })).toHaveAttribute('data-overdue', 'false');
  });
});

test('the secretariat adds a seat, appoints its holder without a vote, and ends the term', async ({ page, pageErrors, openSignedIn }) => {
  const label = `민간위원 (병원) ${RUN}`;
  const person = `이병원 (${RUN})`;
  await openSignedIn('/council', 'demo-secretariat');
  await page.getByTestId('seat-add').click();
  const form = page.getByTestId('seat-form');
  await form.locator('[name="group"]').selectOption('private_expert');
  await form.locator('[name="labelKo"]').fill(label);
  await form.getByTestId('seat-submit').click();
  await expect(form.locator('[data-field="sector"] [data-testid="field-error"]'), 'a private expert’s seat names its sector').toBeVisible();
  await form.locator('[name="sector"]').selectOption('hospital');
  await form.getByTestId('seat-submit').click();
  await expect(page.getByTestId('council-notice')).toContainText(label);

  const row = page.getByTestId('seat-row').filter({ hasText: label });
  await expect(row).toHaveAttribute('data-vacant', 'true');
  await row.getByTestId('appoint').click();
  const appoint = page.getByTestId('appoint-form');
  await appoint.locator('[name="personName"]').fill(person);
  await appoint.locator('[name="startsOn"]').fill(day(-30));
  await appoint.locator('[name="voting"]').uncheck();
  await appoint.getByTestId('appoint-submit').click();
  await expect(page.getByTestId('appointed-notice')).toContainText(person);
  await expect(row).toContainText(person);

  await row.getByTestId('end-term').click();
  const end = page.getByTestId('end-term-form');
  await end.locator('[name="endsOn"]').fill(day(-31));
  await end.getByTestId('end-term-submit').click();
  await expect(end.locator('[data-field="endsOn"] [data-testid="field-error"]'), 'not before the term started').toBeVisible();
  await end.locator('[name="endsOn"]').fill(day(20));
  await end.getByTestId('end-term-submit').click();
  await expect(page.getByTestId('council-notice')).toContainText(person);
  await expect(page.getByTestId('terms-ending').getByTestId('term-ending').filter({ hasText: person })).toBeVisible();
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});
