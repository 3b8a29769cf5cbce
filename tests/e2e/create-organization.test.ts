import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openOrganization, signIn, treeNode, uniqueSuffix } from './support/app.js';
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

test('a provincial administrator registers a county association under a prefecture one', async () => {
  const { page, context } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'create-organization');
  await signIn(page, 'nmg_admin', DEMO_PASSWORD);
  await openOrganization(page, '巴彦淖尔市社会扶贫工作促进会');

  await page.getByRole('button', { name: '新建下级组织' }).first().click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByText('上级单位：巴彦淖尔市社会扶贫工作促进会').waitFor();

  const name = `杭锦后旗社会扶贫工作促进会${uniqueSuffix()}`;
  await drawer.getByLabel('名称', { exact: true }).fill(name);
  await drawer.getByLabel('简称', { exact: true }).fill('杭锦后旗促进会');
  // The region: search by name in the cascader and pick the county.
  await drawer.getByLabel('所在地区', { exact: true }).click();
  await page.keyboard.type('杭锦后旗');
  await page.locator('.ant-cascader-menu-item').filter({ hasText: '内蒙古自治区 巴彦淖尔市 杭锦后旗' }).click();
  await expect(drawer.locator('.ant-form-item:has(#regionCode)').innerText()).resolves.toContain(
    '内蒙古自治区 巴彦淖尔市 杭锦后旗',
  );
  await drawer.getByRole('button', { name: /创\s*建/ }).click();

  // The new organization opens, and sits under 巴彦淖尔 in the tree.
  await page.getByTestId('org-title').filter({ hasText: name }).waitFor();
  await page.getByText(`已创建“${name}”`).waitFor();
  const node = treeNode(page, name);
  await node.waitFor();
  await expect(node.getAttribute('title')).resolves.toBe(
    `内蒙古社会扶贫工作促进会 / 巴彦淖尔市社会扶贫工作促进会 / ${name}`,
  );
  const overview = page.locator('.ant-descriptions');
  await expect(overview.innerText()).resolves.toContain('内蒙古自治区 巴彦淖尔市 杭锦后旗');
  await expect(overview.innerText()).resolves.toContain('150826');
  await snapshot(page, 'create-organization');
  await context.close();
});
