import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openMenuPage, signIn } from './support/app.js';
import { launchBrowser, openSession, snapshot, snapshotOnFailure } from './support/browser.js';
import { openDrawer } from './support/projects.js';
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

type Localized = { 'zh-CN': string; en: string };
type Summary = {
  measures: { key: string; label: Localized }[];
  rows: {
    key: Record<string, string>;
    labels: Record<string, Localized>;
    values: Record<string, number>;
    shares: Record<string, number>;
  }[];
  totals: Record<string, number>;
};
type ChartOption = {
  xAxis: { data?: string[] }[];
  series: { name: string; data: number[] }[];
};

/** The demo's 2025: approvals in four categories, and money received, allocated and spent. */
const YEAR = '2025';

/** An API answer through the page's own session (its cookie), as the page itself would ask. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }, `/api/v1${path}`);
}

/** What the chart itself holds (EChart puts `getOption()` on its container), once it shows `labels`. */
async function chartOption(page: Page, name: string, labels: readonly string[]): Promise<ChartOption> {
  const chart = page.locator(`[data-chart="${name}"]`);
  const read = () => chart.evaluate((el: HTMLElement) => el.dataset['option'] ?? 'null');
  await expect.poll(async () => (JSON.parse(await read()) as ChartOption | null)?.xAxis[0]?.data).toEqual(labels);
  return JSON.parse(await read()) as ChartOption;
}

/** ¥1,234.50, as the pages write money. */
const yuan = (fen: number) =>
  `¥${Math.trunc(fen / 100).toLocaleString('en-US')}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;

/**
 * Moves the mouse along the bottom of a bar chart until the tooltip names `category` over a bar (the
 * pointer turns into a hand), then clicks there: a click on the bar, as a person makes it.
 */
async function clickBar(page: Page, chart: Locator, category: string): Promise<void> {
  const box = await chart.boundingBox();
  if (!box) throw new Error('the chart is not shown');
  const y = box.y + box.height - 48;
  for (let x = box.x + 40; x < box.x + box.width - 40; x += 5) {
    await page.mouse.move(x, y);
    const onBar = await chart.evaluate((el: HTMLElement, name: string) => {
      const tooltip = Array.from(el.querySelectorAll('div')).find(
        (div) => div.style.position === 'absolute' && div.innerText.includes(name),
      );
      const hand = Array.from(el.querySelectorAll('div')).some((div) => div.style.cursor === 'pointer');
      return Boolean(tooltip) && hand;
    }, category);
    if (onBar) {
      await page.mouse.click(x, y);
      return;
    }
  }
  throw new Error(`no bar of ${category} found`);
}

test('the dashboard: the bar chart carries the API figures by category, its table shows the same, and a bar opens the projects behind it', async () => {
  const { page } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'statistics-dashboard');
  await signIn(page, 'nmg_admin', DEMO_PASSWORD);
  await openMenuPage(page, '统计', '数据看板');

  // The year is picked as a person picks it.
  await page.getByTestId('stats-year').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(YEAR);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('year') === YEAR);

  const summary = await apiGet<Summary>(
    page,
    `/statistics/summary?measures=projects.approved,projects.approved_budget&groupBy=category&year=${YEAR}`,
  );
  const labels = summary.rows.map((row) => row.labels['category']?.['zh-CN'] ?? '');
  const option = await chartOption(page, 'projects-by-category', labels);
  expect(option.series.map((series) => series.name)).toEqual(['立项项目数', '立项金额']);
  expect(option.series[0]?.data).toEqual(summary.rows.map((row) => row.values['projects.approved']));
  expect(option.series[1]?.data).toEqual(summary.rows.map((row) => row.values['projects.approved_budget']));
  // The demo approved the Dengkou micro-loan project (¥20,000,000.00, 金融扶贫) in 2025.
  const finance = labels.indexOf('金融扶贫');
  expect(finance).toBeGreaterThanOrEqual(0);
  expect(option.series[1]?.data[finance]).toBe(2_000_000_000);
  await snapshot(page, 'statistics-dashboard');

  // 立项金额 beside the money the ledger saw: each bar is its own measure, with the API's totals.
  const money = await apiGet<Summary>(
    page,
    `/statistics/summary?measures=projects.approved_budget,funds.received,funds.allocated,funds.spent&year=${YEAR}`,
  );
  const moneyOption = await chartOption(
    page,
    'money',
    money.measures.map((measure) => measure.label['zh-CN']),
  );
  expect(moneyOption.series[0]?.data).toEqual(money.measures.map((measure) => money.totals[measure.key]));

  // The same figures as a table: labels, money in yuan, shares to one decimal.
  const card = page.getByTestId('chart-card-projects-by-category');
  await card.getByText('表格', { exact: true }).click();
  const table = card.getByTestId('chart-table-projects-by-category');
  await expect.poll(() => table.getByTestId('figure-label').allInnerTexts()).toEqual(labels);
  const rows = table.locator('.ant-table-tbody tr.ant-table-row');
  for (const [index, row] of summary.rows.entries()) {
    const cells = await rows.nth(index).locator('td').allInnerTexts();
    expect(cells).toEqual([
      labels[index],
      String(row.values['projects.approved']),
      `${((row.shares['projects.approved'] ?? 0) / 10).toFixed(1)}%`,
      yuan(row.values['projects.approved_budget'] ?? 0),
      `${((row.shares['projects.approved_budget'] ?? 0) / 10).toFixed(1)}%`,
    ]);
  }
  const totals = await table.getByTestId('figure-totals').locator('td').allInnerTexts();
  expect(totals).toEqual([
    '合计',
    String(summary.totals['projects.approved']),
    '100.0%',
    yuan(summary.totals['projects.approved_budget'] ?? 0),
    '100.0%',
  ]);

  // Back to the chart: a click on the 金融扶贫 bar lists the projects behind it, each leading to its page.
  await card.getByText('图表', { exact: true }).click();
  await chartOption(page, 'projects-by-category', labels);
  await clickBar(page, card.locator('[data-chart="projects-by-category"]'), '金融扶贫');
  const drawer = openDrawer(page);
  await drawer.getByTestId('figure-records').waitFor();
  const records = await apiGet<{ rows: { cells: Record<string, unknown>; link: string | null }[] }>(
    page,
    `/statistics/records?measure=projects.approved&year=${YEAR}&category=finance`,
  );
  const budgets = await apiGet<{ rows: { cells: Record<string, unknown> }[] }>(
    page,
    `/statistics/records?measure=projects.approved_budget&year=${YEAR}&category=finance`,
  );
  // Either bar of the category may be hit (projects or their budget): both list the same projects.
  expect(budgets.rows.map((row) => row.cells['name'])).toEqual(records.rows.map((row) => row.cells['name']));
  const names = records.rows.map((row) => String(row.cells['name']));
  expect(names.some((name) => name.startsWith('磴口县扶贫小额贷款项目'))).toBe(true);
  await expect.poll(() => drawer.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(names.length);
  for (const name of names) await drawer.getByText(name, { exact: true }).waitFor();
  await snapshot(page, 'statistics-records');
  await drawer.getByTestId('figure-record-link').first().click();
  await page.waitForURL((url) => url.pathname.startsWith('/projects/'));
  await page.getByTestId('project-title').filter({ hasText: '磴口县扶贫小额贷款项目' }).waitFor();
});
