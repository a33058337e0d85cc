// What every BioCluster browser test shares: signing in as a demo user, the page's uncaught errors,
// and the screenshots kept in test-output/browser/ for people to look at.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

/** The Development demo users' password (README: "Demo sign-ins"). */
export const DEMO_PASSWORD = 'BioCluster-Demo-2026!';

export type DemoUser = 'demo-admin' | 'demo-secretariat' | 'demo-ministry' | 'demo-operator' | 'demo-viewer';

/** Makes what a run writes distinct (set once per run by playwright.config.ts). */
export const RUN = process.env.BIOCLUSTER_E2E_RUN ?? Date.now().toString(36);

const screenshotDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test-output', 'browser');

/** Fills the sign-in form (the page must show it) and waits until the signed-in shell is there. */
export async function signIn(page: Page, username: DemoUser, password = DEMO_PASSWORD): Promise<void> {
  const form = page.getByTestId('sign-in-form');
  await expect(form).toBeVisible();
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** A full-page screenshot kept as test-output/browser/<name>.png, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

type Fixtures = {
  /** Messages of uncaught errors in the page, collected from the start of the test. */
  pageErrors: string[];
  /** Signs in on the sign-in form the page shows. */
  signIn: (username: DemoUser, password?: string) => Promise<void>;
  /** Opens `path` without a session: the dashboard sends us to sign in, then back to `path`. */
  openSignedIn: (path: string, username: DemoUser) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
  signIn: async ({ page }, use) => {
    await use((username, password) => signIn(page, username, password));
  },
  openSignedIn: async ({ page }, use) => {
    await use(async (target, username) => {
      await page.goto(target);
      await signIn(page, username);
      await expect(page).toHaveURL((url) => url.pathname + url.search === target);
    });
  },
});
