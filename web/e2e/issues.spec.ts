// The regulatory-issue pipeline end to end, each step by the role whose move it is. The steps share
// one issue, so they run in order and a failed step skips the ones after it.
import type { Page } from '@playwright/test';
import { expect, RUN, screenshot, test } from './support/fixtures';

const title = `임상시험 계획 승인 기간 단축 (${RUN})`;
const evidence = '식품의약품안전처 고시 개정 (임상시험 승인 기간 30일)';
/** A KST calendar day, offsetDays from today. */
const day = (offsetDays: number) => new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Opens the move's form, fills its fields (name → value; a select when the value starts with "select:") and submits. */
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
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await expect(page.locator(`[data-testid="issue-detail"][data-status="${status}"]`)).toBeVisible();
}

/** The move buttons on the page, as their data-move values. */
function moveButtons(page: Page): Promise<(string | undefined)[]> {
  return page.getByTestId('move-button').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.move));
}

test.describe.serial('a regulatory issue goes from raised to completed, each move by its own role, all in the timeline', () => {
  let id: number;

  test('1. the cluster operator raises it for its own agency, errors first in place', async ({ page, pageErrors, openSignedIn }) => {
    await openSignedIn('/issues', 'demo-operator');
    await expect(page.getByTestId('issue-stats')).toBeVisible();
    await page.getByTestId('issue-raise').click();
    const form = page.getByTestId('issue-form');
    await expect(form.getByTestId('raised-by-own')).toBeVisible();
    await expect(form.getByTestId('raised-by'), 'an operator does not choose the raising agency').toHaveCount(0);

    await test.step('the required fields say so', async () => {
      await page.getByTestId('save').click();
      for (const field of ['titleKo', 'problemKo', 'proposalKo', 'category', 'clusterCodes']) {
        await expect(form.locator(`[data-field="${field}"] [data-testid="field-error"]`), field).toBeVisible();
      }
    });

    await test.step('filled in, it is raised', async () => {
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
      await expect(page.getByTestId('created-notice')).toBeVisible();
      id = Number(new URL(page.url()).pathname.split('/').pop());
      expect(id, `the new issue's page: ${page.url()}`).toBeGreaterThan(0);
      await expectStatus(page, 'submitted');
    });

    // The raiser may withdraw it (and nothing else); editing stays possible until it is routed.
    await expect.poll(() => moveButtons(page)).toEqual(['withdraw']);
    await expect(page.getByTestId('issue-edit')).toBeVisible();
    expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
  });

  test('2. the secretariat routes it to the MFDS; the list then shows D-14', async ({ page, pageErrors, openSignedIn }) => {
    await openSignedIn(`/issues/${id}`, 'demo-secretariat');
    await expectStatus(page, 'submitted');
    await move(page, 'assign', { leadMinistryCode: 'select:mfds', comment: '식약처 소관으로 배정합니다.' });
    await expect(page.getByTestId('moved-notice')).toBeVisible();
    await expectStatus(page, 'under_review');

    await page.getByTestId('nav-issues').click();
    const row = page.locator(`[data-testid="issue-row"][data-id="${id}"]`);
    await expect(row).toHaveAttribute('data-status', 'under_review');
    await expect(row.getByTestId('issue-deadline').locator('.deadline__label')).toHaveText('D-14');
    expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
  });

  test('2b. the ministry asks for more time', async ({ page, pageErrors, openSignedIn }) => {
    await openSignedIn(`/issues/${id}`, 'demo-ministry');
    await expectStatus(page, 'under_review');
    await move(page, 'askExtension', { reason: '관계 부처 협의가 더 필요합니다.', proposedDueOn: day(40) });
    await expect(page.getByTestId('issue-pending-request')).toHaveAttribute('data-kind', 'extension');
    expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
  });

  test('2c. the secretariat grants the extension: the issue page shows the new deadline and the count', async ({ page, pageErrors, openSignedIn }) => {
    await openSignedIn(`/issues/${id}`, 'demo-secretariat');
    await expect(page.getByTestId('issue-pending-request')).toBeVisible();
    await move(page, 'grantRequest', {});
    await expect(page.getByTestId('issue-pending-request')).toHaveCount(0);
    await expect(page.getByTestId('issue-extensions')).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('issue-deadline')).toContainText('D-40');
    expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
  });

  test('3. the ministry reviewer finds what the MFDS owes, accepts, starts and completes it', async ({ page, pageErrors, openSignedIn }) => {
    await test.step('the issues menu opens on what the ministry owes', async () => {
      await openSignedIn('/clusters', 'demo-ministry');
      await page.getByTestId('nav-issues').click();
      await expect(page).toHaveURL((url) => url.pathname === '/issues/ministry');
      await page.getByTestId('owes-answer').locator(`[data-testid="owed-row"][data-id="${id}"]`).getByTestId('issue-title').click();
      await expectStatus(page, 'under_review');
      await expect.poll(async () => (await moveButtons(page)).sort()).toEqual(['accept', 'askExtension', 'askRelief', 'longTermReview', 'partiallyAccept', 'refuse']);
    });

    await test.step('accept: the form checks its fields in place before anything is sent', async () => {
      await move(page, 'accept', {});
      const form = page.getByTestId('move-form');
      for (const field of ['plannedChange', 'instrument', 'plannedCompletionOn']) {
        await expect(form.locator(`[data-field="${field}"] [data-testid="field-error"]`), field).toBeVisible();
      }
      await form.locator('[name="plannedChange"]').fill('「의약품 임상시험 계획 승인에 관한 규정」 고시를 개정해 검토 기간을 30일로 단축합니다.');
      await form.locator('[name="instrument"]').selectOption('notice');
      await form.locator('[name="plannedCompletionOn"]').fill(day(120));
      await form.getByTestId('move-submit').click();
      await expectStatus(page, 'accepted');
    });

    await test.step('start', async () => {
      await move(page, 'start', { progressPercent: '40', progressNote: '고시 개정안 행정예고를 마쳤습니다.' });
      await expectStatus(page, 'in_progress');
    });

    await test.step('complete: refused (412) after someone else reports progress, done after loading the latest', async () => {
      const etag = await page.getByTestId('issue-detail').getAttribute('data-etag');
      const { headerName, token } = await (await page.request.get('/api/v1/auth/antiforgery')).json();
      const elsewhere = await page.request.post(`/api/v1/regulatory-issues/${id}/transitions`, {
        headers: { 'If-Match': etag ?? '', [headerName]: token },
        data: { to: 'in_progress', progressPercent: 80, progressNote: '규제개혁위원회 심사를 마쳤습니다.' },
      });
      expect(elsewhere.status(), 'the concurrent progress report went through').toBe(200);
      // UTC today: the API judges "not in the future" by its UTC calendar day.
      await move(page, 'complete', { completedOn: day(0), evidence });
      await expect(page.getByTestId('stale-notice')).toBeVisible();
      await page.getByTestId('stale-notice').getByRole('button').click();
      await expect(page.locator('[data-testid="issue-progress"]', { hasText: '80' })).toBeVisible();
      await move(page, 'complete', { completedOn: day(0), evidence });
      await expectStatus(page, 'completed');
      await expect(page.getByTestId('move-button'), 'nothing left to do once completed').toHaveCount(0);
    });

    await test.step('the timeline has every step, in order, with who and what it set', async () => {
      const timeline = page.getByTestId('timeline');
      await expect(timeline.locator('[data-testid="timeline-entry"][data-to="completed"]')).toBeVisible();
      const steps = await timeline.getByTestId('timeline-entry').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.to));
      // The extension asked for and granted (2b, 2c) keep the issue under review: two more under_review entries.
      expect(steps).toEqual(['submitted', 'under_review', 'under_review', 'under_review', 'accepted', 'in_progress', 'in_progress', 'completed']);
      for (const expected of ['배정', '수용', '추진', '진행 상황 보고', '완료', '식약처 소관으로 배정합니다.', '고시', '데모 간사']) {
        await expect(timeline, `the timeline mentions ${expected}`).toContainText(expected);
      }
      const assigned = timeline.locator('[data-testid="timeline-entry"][data-to="under_review"] [data-field="leadMinistryCode"]').first();
      await expect(assigned).toContainText('식품의약품안전처');
      await screenshot(page, 'issue-detail');
    });
    expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
  });

  test('4. a viewer reads it, may comment, may not move it; the board, the table and the export show it', async ({ page, pageErrors, openSignedIn }) => {
    await test.step('read only, apart from comments', async () => {
      await openSignedIn(`/issues/${id}`, 'demo-viewer');
      await expectStatus(page, 'completed');
      await expect(page.getByTestId('timeline-entry').nth(5)).toBeVisible();
      await expect(page.getByTestId('move-button'), 'no move buttons for a viewer').toHaveCount(0);
      await expect(page.getByTestId('issue-moves'), 'no actions panel at all').toHaveCount(0);
      await expect(page.getByTestId('issue-edit'), 'no edit for a viewer').toHaveCount(0);
    });

    await test.step('each comment is sent with an Idempotency-Key, fresh after every answer', async () => {
      const commentKeys: (string | undefined)[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith(`/regulatory-issues/${id}/comments`)) commentKeys.push(r.headers()['idempotency-key']);
      });
      await page.getByTestId('comment-form').locator('textarea').fill(`좋은 결과입니다 (${RUN})`);
      await page.getByTestId('comment-submit').click();
      await expect(page.locator('[data-testid="comment"]', { hasText: RUN }).first()).toBeVisible();
      await page.getByTestId('comment-form').locator('textarea').fill(`후속 점검 예정 (${RUN}-2)`);
      await page.getByTestId('comment-submit').click();
      await expect(page.locator('[data-testid="comment"]', { hasText: `${RUN}-2` })).toBeVisible();
      expect(commentKeys, 'two comment posts').toHaveLength(2);
      for (const key of commentKeys) expect(key ?? '', 'a UUID key').toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(commentKeys[0], 'a fresh key after an answer').not.toBe(commentKeys[1]);
    });

    await test.step('the board shows it as completed, in one column only', async () => {
      await page.goto('/issues?view=board');
      const column = page.locator('[data-testid="board-column"][data-status="completed"]');
      await expect(column.locator(`[data-testid="issue-card"][data-id="${id}"]`)).toBeVisible();
      await expect(page.locator(`[data-testid="issue-card"][data-id="${id}"]`), 'in one column only').toHaveCount(1);
      expect(Number(await column.getByTestId('board-count').textContent())).toBeGreaterThanOrEqual(1);
      await screenshot(page, 'issue-board');
    });

    await test.step('the toggle goes back to the table (the default, so the address loses its view)', async () => {
      await page.getByTestId('view-table').click();
      await expect(page.locator(`[data-testid="issue-row"][data-id="${id}"]`)).toBeVisible();
      await expect(page).toHaveURL((url) => url.searchParams.get('view') === null);
    });

    await test.step('the CSV export follows the filters in force', async () => {
      await page.goto(`/issues?status=completed&q=${encodeURIComponent(RUN)}`);
      await expect(page.locator(`[data-testid="issue-row"][data-id="${id}"]`)).toBeVisible();
      const exportLink = page.getByTestId('issues-export');
      await expect(exportLink).toHaveAttribute('href', `/api/v1/regulatory-issues/export.csv?status=completed&q=${RUN}&lang=ko`);
      const csv = await page.request.get((await exportLink.getAttribute('href'))!);
      expect(csv.status()).toBe(200);
      expect((await csv.text()).includes(title), 'the export holds the issue').toBe(true);
    });
    expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
  });

  test('5. the secretariat prints it for approval (결재) and downloads the list as an Excel report', async ({ page, pageErrors, openSignedIn }) => {
    await test.step('the print view: approval boxes, the facts, who printed it; no dashboard chrome on paper', async () => {
      await openSignedIn(`/issues/${id}`, 'demo-secretariat');
      await page.getByTestId('issue-print-link').click();
      const sheet = page.getByTestId('issue-print');
      await expect(sheet).toBeVisible();
      await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.getByTestId('issue-print-approval').locator('th')).toHaveText(['담당', '팀장', '과장', '국장']);
      await expect(sheet).toContainText('식품의약품안전처');
      await expect(sheet).toContainText(evidence);
      await expect(page.getByTestId('issue-print-footer')).toContainText('출력자');
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('header.header'), 'no header on paper').toBeHidden();
      await expect(page.getByTestId('issue-print-button'), 'no buttons on paper').toBeHidden();
      await expect(sheet).toBeVisible();
      await screenshot(page, 'issue-print');
      await page.emulateMedia({ media: 'screen' });
    });

    await test.step('the Excel export is named for the reader and dated', async () => {
      await page.goto(`/issues?status=completed&q=${encodeURIComponent(RUN)}`);
      await expect(page.locator(`[data-testid="issue-row"][data-id="${id}"]`)).toBeVisible();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('issues-export-xlsx').click()]);
      expect(download.suggestedFilename()).toMatch(/^규제개선과제_\d{4}-\d{2}-\d{2}\.xlsx$/);
    });
    expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
  });
});
