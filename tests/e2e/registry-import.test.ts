import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signIn } from './support/app.js';
import { launchBrowser, openSession, snapshot, snapshotOnFailure } from './support/browser.js';
import { maskedIdNumber, openRegistryPage, tableRows } from './support/registry.js';
import { loadRegistryFiles } from './support/registry-files.js';
import { DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  [server, browser, dir] = await Promise.all([
    startServer(),
    launchBrowser(),
    mkdtemp(path.join(tmpdir(), 'tongxin-e2e-import-')),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const VILLAGES = ['150822100201', '150822100202', '150822100203'];

test('a county imports 1,000 households: the 20 mistakes are reported, nothing is imported, then the corrected file goes in', async () => {
  // Unique per run, so that the test passes against a database that keeps data between runs.
  const { householdRows, plantHouseholdErrors, writeHouseholdWorkbook, makeIdNumber } = await loadRegistryFiles();
  const codePrefix = `E${Date.now().toString(36)}`;
  const rows = householdRows({ rows: 1000, villages: VILLAGES, codePrefix });
  // ID numbers of this run only: a region part no earlier run used (numbers are unique across households).
  const region = `15${String(1000 + Math.floor(Math.random() * 9000))}`;
  for (const row of rows) row.headIdNumber = makeIdNumber({ gender: 'male', region });
  const corrected = rows.map((row) => ({ ...row }));
  const planted = plantHouseholdErrors(rows);
  expect(planted).toHaveLength(20);
  const badFile = path.join(dir, `农户-有误-${codePrefix}.xlsx`);
  const goodFile = path.join(dir, `农户-已改正-${codePrefix}.xlsx`);
  await Promise.all([writeHouseholdWorkbook(badFile, rows), writeHouseholdWorkbook(goodFile, corrected)]);

  const { page, context } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'registry-import');
  await signIn(page, 'dengkou_admin', DEMO_PASSWORD);
  await openRegistryPage(page, '数据导入');

  // 1 — households, with the template at hand.
  await page.getByRole('radio', { name: '农户' }).check();
  await page.getByRole('button', { name: '下载 Excel 模板' }).waitFor();
  await page.getByRole('button', { name: '下一步' }).click();

  // 2 — the file, all or nothing.
  await page.locator('input[type=file]').setInputFiles(badFile);
  await page.locator('.ant-upload-list').getByText(path.basename(badFile)).waitFor();
  await page.getByRole('radio', { name: '全部正确才导入' }).check();
  await page.getByRole('button', { name: '开始导入' }).click();

  // 3, 4 — the check finds exactly the planted mistakes, and nothing goes in.
  await page.getByTestId('import-outcome').filter({ hasText: '发现 20 行有错误，没有导入任何数据' }).waitFor();
  const counts = await page.getByTestId('import-counts').innerText();
  expect(counts.replace(/\s+/g, ' ')).toContain('总行数 1,000 正确 980 有错误 20 已导入 0');
  const problems = page.getByTestId('import-problems');
  await problems.getByText('共 20 处错误').waitFor();
  await expect.poll(async () => (await tableRows(problems)).length).toBe(20);
  const shown = (await tableRows(problems)).map(([row, column, reason]) => ({ row: Number(row), column, reason }));
  expect(shown).toEqual(planted);
  await page.getByRole('button', { name: '下载错误报告' }).waitFor();
  await snapshot(page, 'registry-import-report');

  // Fixed, the same 1,000 rows go in.
  await page.getByRole('button', { name: '修改后重新导入' }).click();
  await page.locator('input[type=file]').setInputFiles(goodFile);
  await page.locator('.ant-upload-list').getByText(path.basename(goodFile)).waitFor();
  await expect(page.getByRole('radio', { name: '全部正确才导入' }).isChecked()).resolves.toBe(true);
  await page.getByRole('button', { name: '开始导入' }).click();
  await page.getByTestId('import-outcome').filter({ hasText: '导入完成：已导入 1000 行' }).waitFor();
  await snapshot(page, 'registry-import-done');

  // A household of the file, found by its number, with its head's ID masked and its village.
  const row = corrected[42];
  if (!row?.code || !row.headIdNumber) throw new Error('row 42 is missing');
  await openRegistryPage(page, '农户');
  const search = page.getByLabel('户主姓名或户编号', { exact: true });
  await search.fill(row.code);
  await search.press('Enter');
  await page.getByTestId('household-total').filter({ hasText: '共 1 户' }).waitFor();
  await page
    .getByTestId('household-link')
    .filter({ hasText: row.headName ?? '' })
    .click();
  await page
    .getByTestId('household-title')
    .filter({ hasText: row.headName ?? '' })
    .waitFor();
  await expect(page.getByTestId('head-id-number').innerText()).resolves.toBe(maskedIdNumber(row.headIdNumber));
  await expect(page.getByTestId('household-village').innerText()).resolves.toContain('北粮台村委会');
  await expect(page.locator('body').innerText()).resolves.not.toContain(row.headIdNumber);
  await snapshot(page, 'registry-import-household');
  await context.close();
});
