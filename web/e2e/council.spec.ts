// A council meeting from planned to closed, by the administrator: agenda, convening, attendance with its quorum,
// decisions with a follow-up for the MFDS, and that follow-up on the board.
import type { Page } from '@playwright/test';
import { expect, RUN, screenshot, test } from './support/fixtures';

const meetingTitle = `제도 개선 점검 회의 (${RUN})`;
const first = `임상시험 승인 절차 개선안 심의 (${RUN})`;
const second = `클러스터 현황 보고 (${RUN})`;
const followUp = `임상시험 승인 고시 개정안 마련 (${RUN})`;
/** A KST calendar day, offsetDays from today. */
const day = (offsetDays: number) => new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function move(page: Page, to: string, state: string): Promise<void> {
  await page.locator(`[data-testid="move-button"][data-to="${to}"]`).click();
  await page.locator(`[data-testid="move-form"][data-to="${to}"]`).getByTestId('move-submit').click();
  await expect(page.locator(`[data-testid="meeting-detail"][data-state="${state}"]`)).toBeVisible();
}

async function addItem(page: Page, title: string, kind: string): Promise<void> {
  await page.getByTestId('agenda-add').click();
  const form = page.getByTestId('agenda-form');
  await form.locator('[name="titleKo"]').fill(title);
  await form.locator('[name="kind"]').selectOption(kind);
  await form.locator('[name="durationMinutes"]').fill('20');
  await form.getByTestId('agenda-save').click();
  await expect(page.getByTestId('agenda-item').filter({ hasText: title })).toBeVisible();
}

async function decide(page: Page, title: string, outcome: string, text: string, withFollowUp = false): Promise<void> {
  const item = page.getByTestId('agenda-item').filter({ hasText: title });
  await item.getByTestId('decision-open').click();
  const form = item.getByTestId('decision-form');
  await form.locator('[name="outcome"]').selectOption(outcome);
  await form.locator('[name="text"]').fill(text);
  if (withFollowUp) {
    await form.getByTestId('follow-up-add').click();
    await form.locator('[name="fuTitle"]').fill(followUp);
    await form.locator('[name="fuOwner"]').selectOption('mfds');
    await form.locator('[name="fuDue"]').fill(day(90));
  }
  await form.getByTestId('decision-submit').click();
  await expect(item.locator('[data-testid="decision"][data-decided="true"]')).toBeVisible();
}

test('a meeting is planned, convened, attended with quorum, decided with a follow-up for the MFDS, held and closed', async ({ page, pageErrors, openSignedIn }) => {
  await openSignedIn('/meetings', 'demo-admin');
  await expect(page.getByTestId('meeting-calendar')).toBeVisible();

  await test.step('plan it (time in KST) and set its agenda', async () => {
    await page.getByTestId('meeting-plan').click();
    const form = page.getByTestId('meeting-form');
    await form.locator('[name="titleKo"]').fill(meetingTitle);
    await form.locator('[name="startsAt"]').fill(`${day(7)}T14:00`);
    await form.locator('[name="venue"]').fill('정부세종청사 대회의실');
    await page.getByTestId('save').click();
    await expect(page.getByTestId('created-notice')).toBeVisible();
    await expect(page.locator('[data-testid="meeting-detail"][data-state="planned"]')).toBeVisible();
    await addItem(page, second, 'report');
    await addItem(page, first, 'deliberation');
    // Alt+↑ on the second item puts it first; the numbering follows.
    await page.getByTestId('agenda-item').filter({ hasText: first }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(page.locator('[data-testid="agenda-item"][data-numbering="1"]')).toContainText(first);
  });

  await test.step('convene it: it gets its number', async () => {
    await move(page, 'convened', 'convened');
    await expect(page.getByTestId('meeting-number')).toContainText(/제\d+차/);
  });

  await test.step('record attendance: the quorum is met before and after saving', async () => {
    await expect(page.getByTestId('quorum-live')).toHaveAttribute('data-met', 'false');
    await page.getByTestId('attendance-all-present').click();
    await expect(page.getByTestId('quorum-live')).toHaveAttribute('data-met', 'true');
    await expect(page.getByTestId('quorum-live')).toContainText('정족수 충족');
    await page.getByTestId('attendance-save').click();
    await expect(page.getByTestId('attendance-saved-notice')).toBeVisible();
    await expect(page.getByTestId('quorum-saved')).toHaveAttribute('data-met', 'true');
  });

  await test.step('decide the first item with a follow-up for the MFDS, mark it held, decide the other, close', async () => {
    await decide(page, first, 'approved', '개선안을 원안대로 의결하고 식품의약품안전처가 고시 개정을 추진한다.', true);
    await move(page, 'held', 'held');
    await expect(page.getByTestId('close-blocker')).toContainText([second]);
    await decide(page, second, 'noted', '보고를 접수함.');
    await screenshot(page, 'meeting-held');
    await move(page, 'closed', 'closed');
    await expect(page.getByTestId('meeting-follow-up').filter({ hasText: followUp })).toHaveAttribute('data-owner', 'mfds');
  });

  await test.step('the follow-up board shows what the MFDS owes', async () => {
    await page.getByTestId('nav-followUps').click();
    const mfds = page.locator('[data-testid="owner-group"][data-owner="mfds"]');
    await expect(mfds.getByTestId('follow-up-row').filter({ hasText: followUp })).toHaveAttribute('data-state', 'open');
    await screenshot(page, 'follow-up-board');
  });
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});
