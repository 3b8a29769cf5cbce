/**
 * Takes docs/screenshot.png for the README: the organization network as nmg_admin sees it, in Chinese, at
 * 1280×800. Run after `npm run build`:  npx tsx tests/e2e/take-screenshot.ts
 */
import path from 'node:path';
import { signIn } from './support/app.js';
import { launchBrowser, openSession } from './support/browser.js';
import { DEMO_PASSWORD, REPO_ROOT, startServer } from './support/server.js';

const server = await startServer();
const browser = await launchBrowser();
try {
  const { page } = await openSession(browser, server.url);
  await signIn(page, 'nmg_admin', DEMO_PASSWORD);
  await page.getByTestId('org-title').filter({ hasText: '内蒙古社会扶贫工作促进会' }).waitFor();
  await page.getByRole('tab', { name: /下级组织/ }).click();
  await page.locator('.ant-tabs-content-active .ant-table-row').first().waitFor();
  await page.mouse.move(1279, 799);
  // Let the tab's ink bar and the table settle, and the fonts load.
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  await page.waitForTimeout(400);
  const file = path.join(REPO_ROOT, 'docs', 'screenshot.png');
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
} finally {
  await browser.close();
  await server.stop();
}
