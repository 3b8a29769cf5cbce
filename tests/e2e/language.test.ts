import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signIn } from './support/app.js';
import { launchBrowser, openSession, snapshot, snapshotOnFailure } from './support/browser.js';
import { DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function chooseLanguage(page: Page, label: string): Promise<void> {
  const item = page.getByRole('menuitem', { name: label });
  // The dropdown fades in, and on a loaded machine a click during that animation is lost: open it and
  // click the language until the dropdown has closed on the choice.
  await expect
    .poll(
      async () => {
        if (!(await item.isVisible())) await page.getByTestId('language-switch').click();
        await item.click({ timeout: 3000 }).catch(() => undefined);
        return page.getByTestId('language-switch').innerText();
      },
      { timeout: 20_000, interval: 500 },
    )
    .toContain(label === 'English' ? 'English' : '中文');
}

test('switching to English and back changes the menu, the labels and the server’s messages', async () => {
  const { page, context } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'language');
  await signIn(page, 'nmg_admin', DEMO_PASSWORD);
  const menu = page.getByRole('menu', { name: '功能菜单' });
  await menu.getByText('组织网络').waitFor();
  await page.getByRole('tab', { name: '概况' }).waitFor();

  await chooseLanguage(page, 'English');
  await page.getByRole('menu', { name: 'Menu' }).getByText('Organizations').waitFor();
  await page.getByRole('menu', { name: 'Menu' }).getByText('Users').waitFor();
  await page.getByRole('tab', { name: 'Overview' }).waitFor();
  await page.getByRole('button', { name: 'New sub-organization' }).waitFor();
  await expect(page.getByText('组织网络').count()).resolves.toBe(0);
  const cookies = await context.cookies();
  expect(cookies.find((cookie) => cookie.name === 'tongxin_lang')?.value).toBe('en');
  await snapshot(page, 'language-english');

  // The server answers in English too, and the choice survives a reload.
  await page.reload();
  await page.getByRole('tab', { name: 'Overview' }).waitFor();
  const answer = await page.evaluate(async () => {
    const response = await fetch('/api/v1/organizations/not-an-id');
    return (await response.json()) as { error: { message: string } };
  });
  expect(answer.error.message).toMatch(/[A-Za-z]/);
  expect(answer.error.message).not.toMatch(/[\u4e00-\u9fff]{2}/);

  await chooseLanguage(page, '中文');
  await page.getByRole('menu', { name: '功能菜单' }).getByText('组织网络').waitFor();
  await page.getByRole('tab', { name: '概况' }).waitFor();
  await expect(page.getByText('Organizations').count()).resolves.toBe(0);
  await context.close();
});
