import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { confirmDialog, signIn, uniqueSuffix } from './support/app.js';
import { launchBrowser, openSession, snapshot, snapshotOnFailure } from './support/browser.js';
import { createPledge, dialog, messagesGone, openFundsPage, registerDonor } from './support/funds.js';
import { beijingDate } from './support/projects.js';
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

const COUNTY = 'dengkou_admin';

test('a pledge falls overdue, a gift against it catches up, its receipt gets the official bill number, and the journal shows the gift balanced', async () => {
  const county = await openSession(browser, server.url);
  const { page } = county;
  snapshotOnFailure(page, 'pledges');
  await signIn(page, COUNTY, DEMO_PASSWORD);
  const donor = `王德厚${uniqueSuffix()}`;
  const title = `认捐村小学图书室${uniqueSuffix()}`;
  await registerDonor(page, donor);

  // Two instalments, the first due ten days ago: the pledge is overdue by it.
  await openFundsPage(page, '认捐管理');
  await createPledge(page, {
    donor,
    title,
    instalments: [
      { dueOn: beijingDate(-10), amount: '3000' },
      { dueOn: beijingDate(60), amount: '2000' },
    ],
  });
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByTestId('pledge-total').filter({ hasText: '2 期，合计¥5,000.00' }).waitFor();
  await messagesGone(page);
  await snapshot(page, 'pledges-new');
  await drawer.getByRole('button', { name: '保存认捐' }).click();
  await page.getByTestId('pledge-title').filter({ hasText: title }).waitFor();
  await expect(page.getByTestId('pledge-overdue').innerText()).resolves.toBe('逾期 ¥3,000.00');
  await expect(page.getByTestId('instalment-status').allInnerTexts()).resolves.toEqual(['逾期', '未到期']);

  // 只看逾期 lists it.
  await openFundsPage(page, '认捐管理');
  await page.getByTestId('overdue-only').click();
  const row = page.getByTestId('pledges').locator('.ant-table-row').filter({ hasText: title });
  await row.getByTestId('pledge-overdue').waitFor();
  await messagesGone(page);
  await snapshot(page, 'pledges-list');

  // The gift against it, entered from the pledge: donor, pledge and designation are filled in.
  await row.getByTestId('pledge-link').click();
  await page.getByTestId('fulfil-pledge').click();
  await page.getByRole('heading', { name: '捐赠登记', level: 1 }).waitFor();
  await page.getByTestId('pledge-select').filter({ hasText: title }).waitFor();
  await page.getByLabel('金额（元）', { exact: true }).fill('3000');
  await snapshot(page, 'pledges-entry');
  await page.getByLabel('金额（元）', { exact: true }).press('Enter');
  await page.getByTestId('entry-booked').filter({ hasText: donor }).waitFor();

  // No longer overdue: the first instalment is fulfilled, the list of overdue pledges leaves it out.
  await openFundsPage(page, '认捐管理');
  await page.getByTestId('overdue-only').click();
  // The list may first show what it held before the gift; it settles without the pledge.
  await page.getByTestId('pledges').locator('.ant-table-row').filter({ hasText: title }).waitFor({ state: 'detached' });
  await page.getByTestId('overdue-only').click();
  await page
    .getByTestId('pledges')
    .locator('.ant-table-row')
    .filter({ hasText: title })
    .getByTestId('pledge-link')
    .click();
  await page.getByTestId('pledge-title').filter({ hasText: title }).waitFor();
  // The page may first show the pledge as it was cached before the gift; it settles once refetched.
  await page.getByTestId('pledge-fulfilled').filter({ hasText: '¥3,000.00' }).waitFor();
  await expect(page.getByTestId('pledge-overdue').count()).resolves.toBe(0);
  await expect(page.getByTestId('instalment-status').allInnerTexts()).resolves.toEqual(['已兑现', '未到期']);
  await expect(page.getByTestId('pledge-fulfilled').innerText()).resolves.toBe('¥3,000.00');
  await messagesGone(page);
  await snapshot(page, 'pledges-page');

  // The gift's receipt: the official bill number written in, and the PDF fetched as the browser would.
  await openFundsPage(page, '捐赠记录');
  const gift = page.getByTestId('donations').locator('.ant-table-row').filter({ hasText: donor });
  const receiptNumber = await gift.getByTestId('donation-receipt').innerText();
  await gift.getByTestId('donation-link').click();
  const receipts = page.getByTestId('receipts');
  await receipts.getByTestId('receipt-row').first().waitFor();
  await expect(receipts.getByTestId('receipt-number').first().innerText()).resolves.toBe(receiptNumber);
  await receipts.getByTestId('edit-bill').click();
  const bill = dialog(page, '公益事业捐赠票据号');
  await bill.getByLabel('公益事业捐赠票据号', { exact: true }).fill('No.15012345');
  await confirmDialog(bill, bill.getByRole('button', { name: /保\s*存/ }));
  await receipts.getByTestId('receipt-bill').filter({ hasText: 'No.15012345' }).waitFor();
  const href = await receipts.getByTestId('print-receipt').getAttribute('href');
  expect(href).toMatch(/^\/api\/v1\/receipts\/.+\/pdf$/);
  const pdf = await page.request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  await messagesGone(page);
  await receipts.scrollIntoViewIfNeeded();
  await snapshot(page, 'donation-receipts');

  // The journal lists the gift's entry; its drawer shows the lines, debits equal to credits.
  await openFundsPage(page, '日记账');
  const entry = page
    .getByTestId('journal')
    .locator('.ant-table-row')
    .filter({ hasText: `${donor} 捐赠` });
  await entry.first().waitFor();
  await expect(entry.first().getByTestId('entry-kind').innerText()).resolves.toBe('接收捐赠');
  await snapshot(page, 'journal');
  await entry.first().getByTestId('entry-open').click();
  const entryDrawer = page.getByTestId('entry-drawer');
  await entryDrawer.waitFor();
  await expect(entryDrawer.getByTestId('entry-balance').innerText()).resolves.toBe('借贷平衡');
  await expect(entryDrawer.getByTestId('debit-total').innerText()).resolves.toBe('¥3,000.00');
  await expect(entryDrawer.getByTestId('credit-total').innerText()).resolves.toBe('¥3,000.00');
  // A trial click waits until the drawer has stopped moving in, so that the snapshot shows it.
  await page.getByTestId('entry-reverse').click({ trial: true });
  await snapshot(page, 'journal-entry');
  await page.locator('.ant-drawer-close').click();

  // Closing a year asks first and says what it means; cancelled here.
  await openFundsPage(page, '资金账户');
  await page.getByTestId('close-period').first().click();
  const close = dialog(page, '关闭账期');
  await close.getByText('不能再记账').first().waitFor();
  await close.getByRole('button', { name: '关闭账期' }).click({ trial: true });
  await snapshot(page, 'funds-close-period');
  await confirmDialog(close, close.getByRole('button', { name: /取\s*消/ }));
  await county.context.close();
}, 180_000);
