import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signIn, tree, treeNames, treeNode } from './support/app.js';
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

test('a county association sees only its own subtree', async () => {
  const { page, context } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'scope');
  await signIn(page, 'dengkou_admin', DEMO_PASSWORD);

  await page.getByTestId('org-title').filter({ hasText: '磴口县社会扶贫工作促进会' }).waitFor();
  const names = await treeNames(page);
  expect(names).toEqual(['磴口县社会扶贫工作促进会', '磴口县华莱士瓜果种植专业合作社']);
  await expect(treeNode(page, '磴口县华莱士瓜果种植专业合作社').getAttribute('title')).resolves.toBe(
    '磴口县社会扶贫工作促进会 / 磴口县华莱士瓜果种植专业合作社',
  );

  const treeText = await tree(page).innerText();
  for (const outside of ['乌拉特中旗', '巴彦淖尔', '内蒙古']) expect(treeText).not.toContain(outside);
  await expect(page.getByText('2 个组织').isVisible()).resolves.toBe(true);
  await snapshot(page, 'scope-dengkou');
  await context.close();
});
