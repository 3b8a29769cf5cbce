import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { confirmDialog, signIn, uniqueSuffix } from './support/app.js';
import { launchBrowser, openSession, snapshotOnFailure } from './support/browser.js';
import { label, openDrawer, pickOption } from './support/projects.js';
import { DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PROJECT = '乌拉特中旗牧区移动通信基站建设';

/** The printed number and code of the demo gift of 高玉梅, who gave anonymously: read as her county's staff. */
async function anonymousGiftReceipt(): Promise<{ number: string; verificationCode: string }> {
  const staff = await openSession(browser, server.url);
  await signIn(staff.page, 'wltzq_admin', DEMO_PASSWORD);
  const gifts = (await (await staff.page.request.get('/api/v1/donations?pageSize=100')).json()) as {
    items: { id: string; donorName: string }[];
  };
  const gift = gifts.items.find((item) => item.donorName === '高玉梅');
  if (!gift) throw new Error('the demo gift of 高玉梅 is missing');
  const receipts = (await (await staff.page.request.get(`/api/v1/donations/${gift.id}/receipts`)).json()) as {
    items: { number: string; verificationCode: string }[];
  };
  await staff.context.close();
  const [receipt] = receipts.items;
  if (!receipt) throw new Error('the demo gift of 高玉梅 has no receipt');
  return receipt;
}

test('anyone, without signing in, sees a project’s progress, money and donors, and traces a gift by its receipt', async () => {
  const receipt = await anonymousGiftReceipt();
  const visitor = await openSession(browser, server.url);
  // A tablet held upright: the portal is read on one as well as on a desk.
  await visitor.page.setViewportSize({ width: 820, height: 1180 });
  const { page } = visitor;
  snapshotOnFailure(page, 'portal');

  // From the sign-in page to the portal, no account needed.
  await page.goto('/login');
  await page.getByTestId('portal-link').click();
  await page.getByRole('heading', { name: '每一笔善款，都看得见去向' }).waitFor();
  await page.getByTestId('portal-organization-link').first().waitFor();

  // The public projects, searched by name.
  await page.getByRole('menuitem', { name: '公开项目' }).click();
  await page.getByPlaceholder('按项目名称或编号查找').fill('基站');
  await page.getByTestId('portal-project-link').filter({ hasText: PROJECT }).click();
  await page.getByTestId('portal-project-name').filter({ hasText: PROJECT }).waitFor();

  // Its money from the ledger: ¥525,000 given to it, ¥300,000 paid to the builder.
  await expect(page.getByTestId('portal-figure-received').innerText()).resolves.toContain('¥525,000.00');
  await expect(page.getByTestId('portal-figure-spent').innerText()).resolves.toContain('¥300,000.00');
  await expect(page.getByTestId('portal-figure-held').innerText()).resolves.toContain('¥225,000.00');

  // Its public progress reports, the newest with the site photo, which loads.
  const reports = page.getByTestId('portal-report');
  await expect(reports.first().innerText()).resolves.toContain('累计建成 173 个');
  await expect(reports.count()).resolves.toBe(3);
  const photo = reports.first().locator('img');
  await photo.waitFor();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);

  // Donors as each chose: the full name, the surname only, anonymous; never the hidden names.
  const donors = await page.getByTestId('portal-donor').allInnerTexts();
  expect(donors).toEqual(expect.arrayContaining(['巴彦淖尔市草原通信设备有限公司', '刘先生', '匿名']));
  const text = await page.locator('main').innerText();
  expect(text).not.toContain('刘振华');
  expect(text).not.toContain('高玉梅');

  // The same page in English.
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByTestId('portal-figure-received').innerText()).resolves.toContain('Received');
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: '中文' }).click();
  await page.getByTestId('portal-figure-received').filter({ hasText: '已收到资金' }).waitFor();

  // The receipt look-up: a wrong code is refused with what to check; the right one shows the gift's trace.
  await page.getByRole('menuitem', { name: '收据查验' }).click();
  await page.getByLabel('收据编号', { exact: true }).fill(receipt.number);
  await page.getByLabel('查验码', { exact: true }).fill('WRONG234');
  await page.getByRole('button', { name: '查验' }).click();
  await page.getByRole('alert').filter({ hasText: '收据编号与查验码不匹配' }).waitFor();
  await page.getByLabel('查验码', { exact: true }).fill(receipt.verificationCode.toLowerCase());
  await page.getByRole('button', { name: '查验' }).click();
  const result = page.getByTestId('portal-receipt-result');
  await result.waitFor();
  await expect(result.innerText()).resolves.toContain('匿名');
  await expect(page.getByTestId('trace-amount').innerText()).resolves.toContain('¥5,000.00');
  const steps = await page.getByTestId('trace-step-what').allInnerTexts();
  expect(steps.slice(0, 2)).toEqual(['收到捐赠，记入基金', '拨付项目']);
  await expect(page.getByTestId('trace-step').nth(1).innerText()).resolves.toContain(PROJECT);

  // No session was ever made: the portal asked for none.
  const cookies = await visitor.context.cookies();
  expect(cookies.map((cookie) => cookie.name)).not.toContain('tongxin_session');
  await visitor.context.close();
});

test('a county writes a brief, attaches its PDF, publishes it to the portal and withdraws it with a reason', async () => {
  const title = `磴口县扶贫简报（门户测试${uniqueSuffix()}）`;
  const staff = await openSession(browser, server.url);
  const { page } = staff;
  snapshotOnFailure(page, 'publications-admin');
  await signIn(page, 'dengkou_admin', DEMO_PASSWORD);
  await page.getByRole('menuitem', { name: '出版物' }).click();
  await page.getByRole('heading', { name: '出版物', level: 1 }).waitFor();

  await page.getByRole('button', { name: '新建出版物' }).first().click();
  const drawer = openDrawer(page);
  await drawer.getByLabel('类型', { exact: true }).click();
  await pickOption(page, '简报');
  await drawer.getByLabel('标题', { exact: true }).fill(title);
  await drawer.getByLabel('摘要', { exact: true }).fill('扶贫日募集情况');
  await drawer.getByRole('button', { name: '新建出版物' }).click();
  await drawer.waitFor({ state: 'hidden' });

  // The draft gets its PDF in the edit drawer, then is published after a confirmation.
  const row = page.locator('.ant-table-row').filter({ hasText: title });
  await row.getByRole('button', { name: label('编辑') }).click();
  await openDrawer(page).getByTestId('publication-files').waitFor();
  await openDrawer(page)
    .locator('input[type=file]')
    .setInputFiles({ name: '简报.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await openDrawer(page).getByText('简报.pdf').waitFor();
  await openDrawer(page)
    .getByRole('button', { name: label('取消') })
    .click();
  await row.getByRole('button', { name: label('发布') }).click();
  const publishing = page.getByRole('dialog').filter({ hasText: title });
  await confirmDialog(publishing, publishing.getByRole('button', { name: label('发布') }));
  await row.getByTestId('publication-status').filter({ hasText: '已发布' }).waitFor();

  // Anyone sees it on the portal; once withdrawn, no more.
  const visitor = await openSession(browser, server.url);
  await visitor.page.goto('/portal/publications');
  await visitor.page.getByRole('link', { name: title }).click();
  await visitor.page.getByTestId('portal-publication-title').filter({ hasText: title }).waitFor();
  await visitor.page.getByRole('link', { name: /简报\.pdf/ }).waitFor();

  await row.getByRole('button', { name: label('撤回') }).click();
  const box = page.getByRole('dialog').filter({ hasText: '撤回原因' });
  await box.getByLabel('撤回原因', { exact: true }).fill('数据待核实');
  await confirmDialog(box, box.getByRole('button', { name: label('撤回') }));
  await row.getByTestId('publication-status').filter({ hasText: '已撤回' }).waitFor();
  await visitor.page.reload();
  await visitor.page.getByText('找不到该出版物').waitFor();
  await visitor.context.close();
  await staff.context.close();
});
