import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { confirmDialog, fieldError, signIn, uniqueSuffix } from './support/app.js';
import { launchBrowser, openSession, snapshot, snapshotOnFailure } from './support/browser.js';
import {
  householdTotal,
  openRegistryPage,
  randomIdNumber,
  tableRows,
  withWrongCheckDigit,
} from './support/registry.js';
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

test('a household card: members, dated history, an ID number revealed with a reason, a member added after the check-digit message', async () => {
  const { page, context } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'registry-card');
  await signIn(page, 'dengkou_admin', DEMO_PASSWORD);
  await page.goto('/registry/households?q=150822100201001');
  await page.getByTestId('household-total').filter({ hasText: '共 1 户' }).waitFor();
  await page.getByTestId('household-link').first().click();
  await page.getByTestId('household-title').waitFor();

  // History: registered on 2014-10-17 as 建档立卡户, later 脱贫户.
  const versions = page.getByTestId('household-version');
  const first = versions.filter({ has: page.getByTestId('version-period').filter({ hasText: /^2014-10-17 至/ }) });
  await expect(first.innerText()).resolves.toContain('建档立卡户');
  await versions.filter({ hasText: '脱贫户' }).first().waitFor();
  await expect(versions.count()).resolves.toBeGreaterThanOrEqual(2);

  // Members: ID numbers masked; one revealed with a reason, in full, in the dialog.
  const members = page.getByTestId('members');
  const rows = await tableRows(members);
  expect(rows.length).toBeGreaterThanOrEqual(2);
  const member = members.locator('.ant-table-tbody tr.ant-table-row').nth(1);
  const masked = await member.getByTestId('masked-id-number').innerText();
  expect(masked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  await member.getByRole('button', { name: `查看${rows[1]?.[0] ?? ''}的完整身份证号` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('查看原因').waitFor();
  await dialog.getByRole('button', { name: /查\s*看/ }).click();
  await dialog.locator('.ant-form-item-explain-error').waitFor();
  await dialog.getByLabel('查看原因').fill('核对医保报销材料');
  await dialog.getByLabel('查看原因').press('Enter');
  const revealed = await dialog.getByTestId('revealed-value').innerText();
  expect(revealed).toMatch(/^\d{17}[\dX]$/);
  expect(`${revealed.slice(0, 4)}**********${revealed.slice(-4)}`).toBe(masked);
  await snapshot(page, 'registry-card-reveal');
  await confirmDialog(dialog, dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }));

  // A member with a mistyped ID number: the field says so in Chinese; corrected, the member is added.
  await page.getByRole('button', { name: '添加成员' }).click();
  const drawer = page.locator('.ant-drawer-open');
  const name = `测试成员${uniqueSuffix()}`;
  await drawer.getByLabel('姓名', { exact: true }).fill(name);
  const idNumber = randomIdNumber('female');
  const input = drawer.getByLabel('身份证号', { exact: true });
  await input.fill(withWrongCheckDigit(idNumber));
  await input.blur();
  await expect(fieldError(page, 'idNumber').innerText()).resolves.toBe('身份证号校验位不正确，请核对是否抄错');
  await snapshot(page, 'registry-card-id-check');
  await input.fill(idNumber);
  await fieldError(page, 'idNumber').waitFor({ state: 'detached' });
  await expect(drawer.getByRole('radio', { name: '女' }).isChecked()).resolves.toBe(true);
  await drawer.getByRole('button', { name: /添\s*加/ }).click();
  await page.getByText(`已添加“${name}”`).waitFor();
  await drawer.waitFor({ state: 'hidden' });
  await members.getByRole('cell', { name, exact: true }).waitFor();
  await expect(members.innerText()).resolves.toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
  await context.close();
});

test('a village cadre sees only the households assigned to them; another county sees none of 磴口', async () => {
  const { page, context } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'registry-scope');
  await signIn(page, 'dengkou_cadre', DEMO_PASSWORD);
  await openRegistryPage(page, '农户');
  await page.getByTestId('household-total').waitFor();
  expect(await householdTotal(page)).toBe(4);
  const rows = await tableRows(page.locator('.ant-table'));
  expect(rows).toHaveLength(4);
  for (const row of rows) expect(row.join(' ')).toContain('北粮台村委会');
  await snapshot(page, 'registry-scope-cadre');
  await context.close();

  const other = await openSession(browser, server.url);
  snapshotOnFailure(other.page, 'registry-scope');
  await signIn(other.page, 'wltzq_admin', DEMO_PASSWORD);
  await other.page.goto('/registry/households?pageSize=200');
  await other.page.getByTestId('household-total').waitFor();
  const seen = await tableRows(other.page.locator('.ant-table'));
  expect(seen.length).toBe(await householdTotal(other.page));
  expect(seen.length).toBeGreaterThan(0);
  for (const row of seen) {
    const text = row.join(' ');
    expect(text).not.toMatch(/150822\d{9}/);
    for (const village of ['北粮台村委会', '北滩村委会', '旧地村委会']) expect(text).not.toContain(village);
  }
  // Asked by household number, 磴口's households are not there.
  await other.page.goto('/registry/households?q=150822');
  await other.page.getByText('没有符合条件的农户').waitFor();
  await other.context.close();
});

test('the monitored list filtered by a risk shows only households with that risk', async () => {
  const { page, context } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'registry-monitored');
  await signIn(page, 'dengkou_admin', DEMO_PASSWORD);
  await openRegistryPage(page, '监测对象');
  const chip = page.getByTestId('risk-chip-illness');
  await chip.filter({ hasText: /因病\s*\d+/ }).waitFor();
  const expected = Number(/(\d+)$/.exec((await chip.innerText()).trim())?.[1]);
  expect(expected).toBeGreaterThan(0);
  const filtered = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return (
      url.pathname === '/api/v1/households' &&
      url.searchParams.get('risk') === 'illness' &&
      url.searchParams.get('pageSize') !== '1'
    );
  });
  await chip.click();
  await filtered;
  await page.locator('.ant-table-wrapper:not(:has(.ant-spin-spinning))').waitFor();
  await page
    .getByTestId('household-total')
    .filter({ hasText: `共 ${expected} 户` })
    .waitFor();
  await expect(chip.getAttribute('aria-pressed')).resolves.toBe('true');
  const tags = page.locator('.ant-table-tbody tr.ant-table-row').getByTestId('risk-tags');
  await expect(tags.count()).resolves.toBe(Math.min(expected, 20));
  for (const text of await tags.allInnerTexts()) expect(text.split(/\s+/)).toContain('因病');
  await snapshot(page, 'registry-monitored-illness');
  await context.close();
});
