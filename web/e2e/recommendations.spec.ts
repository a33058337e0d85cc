// A policy recommendation from a meeting to an answer (issue 20, item 9): the operator raises it from an agenda item of
// the council's first meeting and corrects it before it is routed, the secretariat routes it to the MFDS, the ministry
// accepts it in part, the secretariat turns the remainder into a regulatory issue that links back, and the cluster's
// timeline shows all three.
import type { Page } from '@playwright/test';
import { expect, RUN, screenshot, test } from './support/fixtures';

const raisedTheme = `공동 IRB 인정 제도화 (${RUN})`;
const theme = `공동 IRB 심의 결과 인정 제도화 (${RUN})`;
/** A KST calendar day, offsetDays from today. */
const day = (offsetDays: number) => new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function move(page: Page, key: string, fill: Record<string, string> = {}): Promise<void> {
  const button = key === 'conversion' ? '[data-testid="move-button"][data-move="conversion"]' : `[data-testid="move-button"][data-to="${key}"]:not([data-move])`;
  await page.locator(button).click();
  const form = page.getByTestId('move-form');
  for (const [name, value] of Object.entries(fill)) {
    const field = form.locator(`[name="${name}"]`);
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await form.getByTestId('move-submit').click();
  await expect(page.getByTestId('moved-notice')).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

let url = '';
let issuePath = '';

test('1. the operator raises it at a meeting, from one of its agenda items', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn('/recommendations', 'demo-operator');
  const meetings = (await (await page.request.get('/api/v1/meetings?limit=200')).json()) as { items: { id: number; startsAt: string }[] };
  const first = meetings.items.find((m) => m.startsAt.startsWith('2024-05-29')) ?? meetings.items[0];
  await page.goto(`/meetings/${first.id}`);
  const fromItem = page.getByTestId('recommendation-from-item').first();
  const itemId = await fromItem.getAttribute('data-item');
  await fromItem.click();
  const form = page.getByTestId('recommendation-form');
  await expect(form.locator('[name="sourceMeetingId"]')).toHaveValue(String(first.id));
  await expect(form.locator('[name="sourceAgendaItemId"]')).toHaveValue(itemId!);
  await form.locator('[name="themeKo"]').fill(raisedTheme);
  await form.locator('[name="text"]').fill('다기관 임상시험에서 공동 IRB 심의 결과를 모든 참여 기관이 인정하도록 제도화해 주십시오.');
  await form.locator('[name="leadMinistryCode"]').selectOption('mfds');
  await form.locator('[name="clusterCodes"]').selectOption(['osong']);
  await page.getByTestId('recommendation-submit').click();
  await expect(page.getByTestId('recommendation-theme')).toHaveText(raisedTheme);
  await expect(page.locator('[data-testid="recommendation-state"][data-state="submitted"]')).toBeVisible();
  await expect(page.getByTestId('source-meeting')).toHaveAttribute('href', `/meetings/${first.id}`);
  url = new URL(page.url()).pathname;
  expect(pageErrors).toEqual([]);
});

test('1b. the operator corrects its theme and adds a ministry while it waits to be routed', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn(url, 'demo-operator');
  await page.getByTestId('edit-recommendation').click();
  const form = page.getByTestId('recommendation-form');
  await expect(form.locator('[name="themeKo"]')).toHaveValue(raisedTheme);
  await expect(form.locator('[name="leadMinistryCode"]')).toHaveValue('mfds');
  await form.locator('[name="themeKo"]').fill(theme);
  await form.locator('[name="otherMinistryCodes"]').selectOption(['mohw']);
  await page.getByTestId('recommendation-submit').click();
  await expect(page.getByTestId('saved-notice')).toBeVisible();
  await expect(page.getByTestId('recommendation-theme')).toHaveText(theme);
  expect(pageErrors).toEqual([]);
});

test('2. the secretariat routes it to the MFDS', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn(url, 'demo-secretariat');
  await move(page, 'routed');
  await expect(page.locator('[data-testid="recommendation-state"][data-state="routed"]')).toBeVisible();
  await expect(page.getByTestId('edit-recommendation')).toHaveCount(0); // routed: no longer edited
  expect(pageErrors).toEqual([]);
});

test('3. the ministry accepts it in part', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn(url, 'demo-ministry');
  await move(page, 'partially_accepted', {
    answer: '공동 IRB 인정은 고시 개정으로 수용하고 나머지는 별도로 검토합니다.',
    acceptedPart: '공동 IRB 심의 결과 인정',
    plannedCompletionOn: day(120),
  });
  await expect(page.locator('[data-testid="recommendation-state"][data-state="partially_accepted"]')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('4. the secretariat turns the remainder into a regulatory issue that links back', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn(url, 'demo-secretariat');
  await move(page, 'conversion', { category: 'clinical_trials', proposalKo: '클러스터 임상 인프라를 공동 활용하도록 관련 규정을 정비합니다.' });
  await expect(page.getByTestId('linked-issue')).toBeVisible();
  await screenshot(page, 'recommendation-converted');
  await page.getByTestId('linked-issue').click();
  await expect(page).toHaveURL(/\/issues\/\d+$/);
  issuePath = new URL(page.url()).pathname;
  await expect(page.getByTestId('source-recommendation')).toHaveText(theme);
  expect(pageErrors).toEqual([]);
});

test('5. the cluster\'s timeline shows the recommendation raised, its answer and the issue it became', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn('/clusters/osong', 'demo-secretariat');
  const timeline = page.getByTestId('timeline');
  const entry = (kind: string) => timeline.locator(`[data-testid="timeline-entry"][data-kind="${kind}"]`);
  await expect(entry('recommendation_raised').filter({ hasText: theme })).toBeVisible();
  await expect(entry('recommendation_answered').filter({ hasText: theme })).toBeVisible();
  await expect(entry('issue_raised').locator(`a[href="${issuePath}"]`)).toBeVisible();
  await entry('recommendation_answered').filter({ hasText: theme }).scrollIntoViewIfNeeded();
  await screenshot(page, 'recommendation-journey-timeline');
  expect(pageErrors).toEqual([]);
});
