import { existsSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';

/**
 * Runs once, after the web server is up: says at once, and clearly, when no test could work
 * (no Chromium, or a dashboard shell that does not load for a visitor without a session).
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const { baseURL, launchOptions } = config.projects[0].use;
  const chromium = launchOptions?.executablePath;
  if (chromium && !existsSync(chromium)) {
    throw new Error(`cannot run the browser tests: no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  }
  // Every test needs the sign-in page, which needs config.js without a session.
  const response = await fetch(`${baseURL}/config.js`);
  if (response.status !== 200) {
    throw new Error(`${baseURL}/config.js answered ${response.status} to a visitor without a session: the dashboard cannot load`);
  }
}
