import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fieldError, openOrganization, signIn } from './support/app.js';
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

test('a mistyped credit code is caught at the field, in Chinese, before anything is sent', async () => {
  const { page, context } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'validation');
  await signIn(page, 'nmg_admin', DEMO_PASSWORD);
  await openOrganization(page, '巴彦淖尔市社会扶贫工作促进会');
  await page.getByRole('button', { name: '新建下级组织' }).first().click();
  const drawer = page.locator('.ant-drawer-open');

  const creditCode = drawer.getByLabel('统一社会信用代码', { exact: true });
  await creditCode.fill('51150000MJ0000000X');
  await creditCode.blur();
  await expect(fieldError(page, 'creditCode').innerText()).resolves.toBe(
    '统一社会信用代码校验位不正确，请核对是否抄错',
  );
  await snapshot(page, 'validation-credit-code');

  // Corrected, the message goes away.
  await creditCode.fill('51150000MJ0000000N');
  await fieldError(page, 'creditCode').waitFor({ state: 'detached' });
  await context.close();
});

test('a rule the server checks is shown at its field too', async () => {
  const { page, context } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'validation');
  await signIn(page, 'nmg_admin', DEMO_PASSWORD);
  await openOrganization(page, '巴彦淖尔市社会扶贫工作促进会');
  await page.getByRole('button', { name: '新建下级组织' }).first().click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByLabel('名称', { exact: true }).fill('巴彦淖尔测试基金会');
  // A provincial organization cannot sit under a prefecture one.
  await drawer.getByLabel('层级', { exact: true }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '省级' }).click();
  await drawer.getByRole('button', { name: /创\s*建/ }).click();
  await expect(fieldError(page, 'level').innerText()).resolves.toContain('层级不能高于上级单位');
  await drawer.getByRole('alert').filter({ hasText: '提交的内容有误' }).waitFor();
  await context.close();
});
