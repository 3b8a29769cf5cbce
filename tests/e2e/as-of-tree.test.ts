import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signIn, treeNode } from './support/app.js';
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

const WLTZQ = '乌拉特中旗社会扶贫工作促进会';

test('the tree as of a past date shows who was under whom then', async () => {
  const { page, context } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'as-of-tree');
  await signIn(page, 'nmg_admin', DEMO_PASSWORD);
  const node = treeNode(page, WLTZQ);
  await node.waitFor();
  await expect(node.getAttribute('title')).resolves.toBe(
    `内蒙古社会扶贫工作促进会 / 巴彦淖尔市社会扶贫工作促进会 / ${WLTZQ}`,
  );

  const date = page.getByPlaceholder('今天（当前）');
  await date.click();
  await date.fill('2019-06-30');
  await date.press('Enter');
  await page.getByText('正在查看 2019-06-30 时的隶属关系').waitFor();
  await page.waitForURL(/asOf=2019-06-30/);
  await treeNode(page, WLTZQ)
    .and(page.locator(`[title="内蒙古社会扶贫工作促进会 / ${WLTZQ}"]`))
    .waitFor();
  await snapshot(page, 'as-of-2019-06-30');

  await page.getByRole('button', { name: '回到今天' }).click();
  await page.locator(`[title="内蒙古社会扶贫工作促进会 / 巴彦淖尔市社会扶贫工作促进会 / ${WLTZQ}"]`).waitFor();
  await expect(page.getByText('正在查看 2019-06-30').count()).resolves.toBe(0);
  await context.close();
});
