// Before and after a session: the shell for visitors, sign-in refusals, a session that ends, sign-out.
import { expect, screenshot, test } from './support/fixtures';

test('the API serves the dashboard and its assets to a visitor who has not signed in', async ({ request }) => {
  const shell = await request.get('/clusters/osong');
  expect(shell.status(), 'index.html for a client route').toBe(200);
  const html = await shell.text();
  const assets = ['/config.js', ...[...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])];
  expect(assets.length, `config.js, the bundle and the stylesheet are referenced: ${assets.join(', ')}`).toBeGreaterThanOrEqual(3);
  for (const asset of assets) {
    const response = await request.get(asset);
    expect(response.status(), `${asset} is served without a session (the sign-in page needs it)`).toBe(200);
  }
  const api = await request.get('/api/v1/clusters');
  expect(api.status(), 'the API itself needs a session').toBe(401);
});

test('a wrong password shows an error in place and no session starts', async ({ page, pageErrors }) => {
  await page.goto('/clusters');
  const form = page.getByTestId('sign-in-form');
  await expect(form).toBeVisible();
  // Empty fields: the dashboard's own message at each field, no request.
  await page.getByTestId('sign-in-submit').click();
  await expect(form.getByTestId('field-error'), 'both fields say they are required').toHaveCount(2);

  await form.locator('input[name="username"]').fill('demo-viewer');
  await form.locator('input[name="password"]').fill('not-the-password');
  await page.getByTestId('sign-in-submit').click();
  const error = page.getByTestId('sign-in-error');
  await expect(error).toHaveAttribute('data-status', '401');
  await expect(error).toHaveText('아이디 또는 비밀번호가 올바르지 않습니다.');
  await expect(form.locator('input[name="password"]'), 'the wrong password is cleared').toHaveValue('');
  await expect(page).toHaveURL((url) => url.pathname === '/sign-in');
  await screenshot(page, 'sign-in-wrong-password');

  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status(), 'no session after a failed sign-in').toBe(401);
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});

test('a session that ends while working leads to sign-in, then back to the same page', async ({ page, context, pageErrors, openSignedIn, signIn }) => {
  // The bell asks for its count once its lazy chunk has loaded, which may be after the rows show: the page has settled
  // only when it has asked, else its first question would find the session gone before the click below does.
  const bellAsked = page.waitForResponse((r) => r.url().includes('/api/v1/notifications/unread-count'));
  await openSignedIn('/clusters', 'demo-viewer');
  await expect(page.getByTestId('cluster-row').first()).toBeVisible();
  await bellAsked;
  await context.clearCookies(); // as if the session timed out

  await page.getByTestId('nav-agencies').click();
  await expect(page.getByTestId('session-expired')).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/sign-in');
  await expect(page).toHaveURL((url) => url.searchParams.get('next') === '/agencies');

  await signIn('demo-viewer');
  await expect(page).toHaveURL((url) => url.pathname === '/agencies');
  await expect(page.getByTestId('agency-row').first()).toBeVisible();
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});

test('sign-out ends the session on the server: reloading a protected page asks to sign in', async ({ page, context, pageErrors, openSignedIn }) => {
  await openSignedIn('/clusters/osong', 'demo-viewer');
  await expect(page.getByTestId('cluster-detail')).toBeVisible();
  const sessionCookies = await context.cookies();
  expect(sessionCookies.some((c) => c.name === 'bc_session' && c.httpOnly), 'an HttpOnly session cookie').toBe(true);

  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('signed-out')).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/sign-in');

  await page.goto('/clusters/osong');
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  await expect(page, 'a protected page now asks to sign in').toHaveURL((url) => url.pathname === '/sign-in');
  await expect(page, 'and remembers where we were going').toHaveURL((url) => url.searchParams.get('next') === '/clusters/osong');

  // Even the old cookie, replayed, no longer opens anything: the session ended server-side.
  await context.addCookies(sessionCookies);
  const replayed = await page.request.get('/api/v1/auth/me');
  expect(replayed.status(), 'the old session cookie is refused').toBe(401);
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});
