// Who sees what: the five demo roles' menus and actions, and an administrator's API keys.
import type { Page } from '@playwright/test';
import { type DemoUser, expect, RUN, screenshot, test } from './support/fixtures';

/** The menu, as the nav-<item> test ids in order. */
function navItems(page: Page): Promise<(string | undefined)[]> {
  return page.locator('nav.nav a').evaluateAll((links) => links.map((a) => (a as HTMLElement).dataset.testid?.replace(/^nav-/, '')));
}

// What each demo role may see: the menu, and the Edit action on osong (operated by kbiohealth,
// demo-operator's agency) and songdo (operated by ifez).
/** Everyone signed in reads the council: policy recommendations, its seats, meetings and follow-ups. */
const COUNCIL = ['recommendations', 'council', 'meetings', 'followUps'];
/** …and the network (under 더보기): collaboration projects and the partner search. */
const NETWORK = ['collaborations', 'partners'];

const ROLES: { user: DemoUser; role: string; nav: string[]; editOsong: boolean; editSongdo: boolean }[] = [
  { user: 'demo-admin', role: 'admin', nav: ['home', 'clusters', 'agencies', 'issues', ...COUNCIL, ...NETWORK, 'users', 'apiKeys', 'audit', 'imports', 'holidays'], editOsong: true, editSongdo: true },
  { user: 'demo-secretariat', role: 'secretariat', nav: ['home', 'clusters', 'agencies', 'issues', ...COUNCIL, ...NETWORK, 'audit', 'imports', 'holidays'], editOsong: true, editSongdo: true },
  { user: 'demo-ministry', role: 'ministry_reviewer', nav: ['home', 'clusters', 'agencies', 'issues', ...COUNCIL, ...NETWORK, 'apiKeys'], editOsong: false, editSongdo: false },
  { user: 'demo-operator', role: 'cluster_operator', nav: ['home', 'clusters', 'agencies', 'issues', ...COUNCIL, ...NETWORK, 'apiKeys'], editOsong: true, editSongdo: false },
  { user: 'demo-viewer', role: 'viewer', nav: ['home', 'clusters', 'agencies', 'issues', ...COUNCIL, ...NETWORK], editOsong: false, editSongdo: false },
];

for (const expected of ROLES) {
  test(`${expected.user} (${expected.role}) sees only what the role may use`, async ({ page, pageErrors, openSignedIn }) => {
    await openSignedIn('/clusters/osong', expected.user);
    await expect(page.getByTestId('cluster-detail')).toBeVisible();
    await expect.poll(() => navItems(page), 'menu').toEqual(expected.nav);
    await expect(page.getByTestId('user-role'), 'role in the user menu').toHaveAttribute('data-role', expected.role);
    // The detail is loaded, so an absent Edit action is absent, not late.
    await expect(page.getByTestId('cluster-edit'), 'Edit on osong').toHaveCount(expected.editOsong ? 1 : 0);
    await screenshot(page, `role-${expected.role}`);

    await page.getByTestId('nav-clusters').click();
    await page.getByRole('link', { name: '송도 바이오 클러스터', exact: true }).click();
    await expect(page.getByTestId('cluster-detail')).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === '/clusters/songdo');
    await expect(page.getByTestId('cluster-edit'), 'Edit on songdo').toHaveCount(expected.editSongdo ? 1 : 0);

    if (!expected.nav.includes('users')) {
      // Typing the address of a page the role may not use: a clear refusal, not an empty page.
      await page.goto('/users');
      await expect(page.getByTestId('problem-view'), '/users refused').toHaveAttribute('data-status', '403');
    }
    expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
  });
}

test('an administrator creates an API key and sees its secret exactly once', async ({ page, request, pageErrors, openSignedIn }) => {
  await openSignedIn('/api-keys', 'demo-admin');
  await page.getByTestId('api-key-create').click();
  const create = page.getByTestId('api-key-create-dialog');
  await expect(create).toBeVisible();
  await create.getByTestId('api-key-agency').selectOption('kbiohealth');
  const keyName = `오송 연계 시스템 ${RUN}`;
  await create.locator('input[name="name"]').fill(keyName);
  await create.getByTestId('scope-write').check();
  await page.getByTestId('api-key-create-submit').click();

  const dialog = page.getByTestId('api-key-secret-dialog');
  const secretField = dialog.getByTestId('api-key-secret');
  await expect(secretField).toBeVisible();
  const secret = await secretField.inputValue();
  expect(secret.length, 'a long secret is shown').toBeGreaterThanOrEqual(20);
  await expect(dialog.getByTestId('api-key-secret-warning')).toBeVisible();
  await screenshot(page, 'api-key-secret');

  // Escape does not lose it by accident; the explicit button does close it.
  await page.keyboard.press('Escape');
  await expect(secretField, 'Escape leaves the secret on screen').toBeVisible();
  await dialog.getByTestId('secret-done').click();
  await expect(dialog).toBeHidden();

  const row = page.locator(`[data-testid="api-key-row"][data-name="${keyName}"]`);
  await expect(row.getByTestId('api-key-status')).toHaveAttribute('data-status', 'active');
  expect((await page.content()).includes(secret), 'the secret is gone from the page once the dialog is closed').toBe(false);

  // The key works until it is revoked (with confirmation). `request` carries no session cookie.
  const withKey = () => request.get('/api/v1/clusters', { headers: { 'X-Api-Key': secret } });
  expect((await withKey()).status(), 'the new key reads the registry').toBe(200);

  await row.getByTestId('api-key-revoke').click();
  await expect(page.getByTestId('api-key-revoke-dialog')).toBeVisible();
  await page.getByTestId('api-key-revoke-confirm').click();
  await expect(page.getByTestId('api-key-notice')).toBeVisible();
  await expect(row.locator('[data-status="revoked"]')).toBeVisible();
  expect((await withKey()).status(), 'a revoked key stops working').toBe(401);
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});
