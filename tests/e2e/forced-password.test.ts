import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signIn, signOut, uniqueSuffix } from './support/app.js';
import { launchBrowser, openSession, snapshot, snapshotOnFailure } from './support/browser.js';
import { ADMIN_PASSWORD, startServer, type TestServer } from './support/server.js';

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

test('a new user gets a temporary password and must change it at first sign-in', async () => {
  const { page, context } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'forced-password');
  await signIn(page, 'admin', ADMIN_PASSWORD);

  // The administrator opens an account without a password.
  await page.getByRole('menu', { name: '功能菜单' }).getByText('用户管理').click();
  await page.getByRole('heading', { name: '用户管理' }).waitFor();
  await page.getByRole('button', { name: '新建用户' }).click();
  const drawer = page.locator('.ant-drawer-open');
  const username = `e2e_${uniqueSuffix()}`;
  await drawer.getByLabel('用户名', { exact: true }).fill(username);
  await drawer.getByLabel('姓名', { exact: true }).fill('测试干事');
  await drawer.getByLabel('所属单位', { exact: true }).click();
  await page.keyboard.type('磴口县社会');
  await page.locator('.ant-select-item-option').filter({ hasText: '磴口县社会扶贫工作促进会' }).click();
  await drawer.getByRole('button', { name: '新建用户' }).click();

  // The temporary password is shown once.
  const shown = page.getByTestId('temporary-password');
  await shown.waitFor();
  const temporary = (await shown.innerText()).trim();
  expect(temporary.length).toBeGreaterThanOrEqual(8);
  await page.getByRole('button', { name: '我已记下' }).click();
  await page.getByRole('cell', { name: username, exact: true }).waitFor();
  await signOut(page);

  // The new user signs in and must set a password before anything else.
  await signIn(page, username, temporary);
  await page.getByRole('heading', { name: '请设置新密码' }).waitFor();
  await expect(page.getByRole('menu', { name: '功能菜单' }).count()).resolves.toBe(0);
  await snapshot(page, 'forced-password');
  await page.getByLabel('临时密码', { exact: true }).fill(temporary);
  await page.getByLabel('新密码', { exact: true }).fill('Dengkou2026');
  await page.getByLabel('确认新密码', { exact: true }).fill('Dengkou2026');
  await page.getByLabel('确认新密码', { exact: true }).press('Enter');

  // …and then lands in the app, on their own organization.
  await page.getByTestId('org-title').filter({ hasText: '磴口县社会扶贫工作促进会' }).waitFor();
  await page.getByRole('menu', { name: '功能菜单' }).getByText('组织网络').waitFor();
  await context.close();
});
