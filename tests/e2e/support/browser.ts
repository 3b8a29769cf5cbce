import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { REPO_ROOT } from './server.js';

/** Debian's Chromium; never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['TONGXIN_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Session = { context: BrowserContext; page: Page };

/** A fresh browser profile (no cookies) on a 1280×800 screen, as a county office's laptop. */
export async function openSession(browser: Browser, baseURL: string): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // `npm test` runs this suite beside the PostgreSQL server tests: a step may wait longer than it would alone.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  return { context, page };
}

/** Keeps what the page looked like, for a person to look at when a test fails. */
export async function snapshot(page: Page, name: string): Promise<string> {
  const dir = path.join(REPO_ROOT, 'test-results', 'e2e');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** On failure, a screenshot of the page in test-results/e2e, named after the test. */
export function snapshotOnFailure(page: Page, name: string): void {
  onTestFailed(async () => {
    await snapshot(page, `failed-${name}`).catch(() => undefined);
  });
}
