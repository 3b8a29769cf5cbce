import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openMenuPage, signIn } from './support/app.js';
import { launchBrowser, openSession, snapshot, snapshotOnFailure } from './support/browser.js';
import { beijingToday, openDrawer } from './support/projects.js';
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
  measures: { key: string; label: Localized; unit: 'fen' | 'count' }[];
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

  await pickYear(page, Number(YEAR));

  const summary = await apiGet<Summary>(
    page,
    `/statistics/summary?measures=projects.approved,projects.approved_budget&groupBy=category&year=${YEAR}`,
  );
  const labels = summary.rows.map((row) => row.labels['category']?.['zh-CN'] ?? '');
  const option = await chartOption(page, 'projects-by-category', labels);
  expect(option.series.map((series) => series.name)).toEqual(['立项项目数', '立项金额']);
  expect(option.series[0]?.data).toEqual(summary.rows.map((row) => row.values['projects.approved']));
  expect(option.series[1]?.data).toEqual(summary.rows.map((row) => row.values['projects.approved_budget']));
  // The demo approved projects of 金融扶贫 in 2025 (the Dengkou micro-loans among them).
  const finance = labels.indexOf('金融扶贫');
  expect(finance).toBeGreaterThanOrEqual(0);
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
      (row.values['projects.approved'] ?? 0).toLocaleString('en-US'),
      `${((row.shares['projects.approved'] ?? 0) / 10).toFixed(1)}%`,
      yuan(row.values['projects.approved_budget'] ?? 0),
      `${((row.shares['projects.approved_budget'] ?? 0) / 10).toFixed(1)}%`,
    ]);
  }
  const totals = await table.getByTestId('figure-totals').locator('td').allInnerTexts();
  expect(totals).toEqual([
    '合计',
    (summary.totals['projects.approved'] ?? 0).toLocaleString('en-US'),
    '100.0%',
    yuan(summary.totals['projects.approved_budget'] ?? 0),
    '100.0%',
  ]);

  // The numbers behind the chart as a workbook.
  const [workbook] = await Promise.all([page.waitForEvent('download'), card.getByTestId('chart-export').click()]);
  expect(workbook.suggestedFilename()).toMatch(/^统计-\d{4}-\d{2}-\d{2}\.xlsx$/);

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
  // Either bar of the category may be hit (projects or their budget): both list the same projects, whose
  // budgets add up to the bar's figure.
  expect(budgets.rows.map((row) => row.cells['name'])).toEqual(records.rows.map((row) => row.cells['name']));
  const budgetSum = budgets.rows.reduce((sum, row) => sum + Number(row.cells['budget']), 0);
  expect(option.series[1]?.data[finance]).toBe(budgetSum);
  const names = records.rows.map((row) => String(row.cells['name']));
  expect(names.some((name) => name.startsWith('磴口县扶贫小额贷款项目'))).toBe(true);
  await expect.poll(() => drawer.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(names.length);
  for (const name of names) await drawer.getByText(name, { exact: true }).waitFor();
  await snapshot(page, 'statistics-records');
  await drawer
    .locator('tr.ant-table-row')
    .filter({ hasText: '磴口县扶贫小额贷款项目' })
    .getByTestId('figure-record-link')
    .click();
  await page.waitForURL((url) => url.pathname.startsWith('/projects/'));
  await page.getByTestId('project-title').filter({ hasText: '磴口县扶贫小额贷款项目' }).waitFor();
});

type Pack = {
  organizationName: string;
  issuedAt: string | null;
  sections: (Summary & { key: string; title: Localized })[];
};

/** Picks an organization in the statistics organization picker by searching its name. */
async function pickOrganization(page: Page, name: string): Promise<void> {
  await page.getByTestId('stats-organization').click();
  await page.keyboard.type(name.slice(0, 3));
  await page.locator('.ant-select-tree-title').filter({ hasText: name }).first().click();
}

/** Picks a year in the statistics year picker by typing it. */
async function pickYear(page: Page, year: number): Promise<void> {
  await page.getByTestId('stats-year').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(String(year));
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('year') === String(year));
}

test('the annual pack: each section with the API totals, a total opens its records, and issuing says the books close', async () => {
  const { page } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'statistics-annual');
  await signIn(page, 'nmg_admin', DEMO_PASSWORD);
  await openMenuPage(page, '统计', '年度数据');

  // It opens on the user's own organization and last year.
  const { user } = await apiGet<{ user: { organizationId: string } }>(page, '/auth/session');
  const year = Number(beijingToday().slice(0, 4)) - 1;
  const pack = await apiGet<Pack>(page, `/statistics/annual?organizationId=${user.organizationId}&year=${year}`);
  await page
    .getByTestId('annual-heading')
    .filter({ hasText: `${pack.organizationName} ${year} 年度数据` })
    .waitFor();
  expect(pack.sections.length).toBeGreaterThan(0);
  for (const section of pack.sections) {
    const shown = page.getByTestId(`annual-section-${section.key}`);
    await shown.getByText(section.title['zh-CN'], { exact: true }).waitFor();
    const totals = await shown.getByTestId('figure-totals').locator('td').allInnerTexts();
    expect(totals).toEqual([
      '合计',
      ...section.measures.flatMap((measure) => {
        const total = section.totals[measure.key] ?? 0;
        const figure = measure.unit === 'fen' ? yuan(total) : total.toLocaleString('en-US');
        return [figure, total === 0 ? '' : '100.0%'];
      }),
    ]);
  }
  await snapshot(page, 'statistics-annual');

  const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByTestId('annual-export').click()]);
  expect(workbook.suggestedFilename()).toBe(`${pack.organizationName}-${year}年度数据.xlsx`);

  // The total of approved projects opens the projects behind it.
  const section = pack.sections.find((each) => each.measures.some((measure) => measure.key === 'projects.approved'));
  if (!section) throw new Error('no section with approved projects');
  const records = await apiGet<{ total: number }>(
    page,
    `/statistics/records?measure=projects.approved&organizationId=${user.organizationId}&year=${year}`,
  );
  await page
    .getByTestId(`annual-section-${section.key}`)
    .getByTestId('figure-totals')
    .getByTestId('figure-projects.approved')
    .click();
  const drawer = openDrawer(page);
  await drawer
    .getByTestId('figure-records-count')
    .filter({ hasText: `共 ${records.total} 条记录` })
    .waitFor();
  await drawer.locator('.ant-drawer-close').click();
  await drawer.waitFor({ state: 'hidden' });

  // Issuing Dengkou's 2024 asks first, saying the year's books will be closed; then who issued it shows.
  await pickOrganization(page, '磴口县社会扶贫工作促进会');
  await pickYear(page, 2024);
  await page.getByTestId('annual-heading').filter({ hasText: '磴口县社会扶贫工作促进会 2024 年度数据' }).waitFor();
  const issue = page.getByTestId('annual-issue');
  // A database kept between runs may hold the pack issued by an earlier run.
  if (await issue.isEnabled()) {
    await issue.click();
    const confirm = page.getByRole('dialog').filter({ hasText: '签发 磴口县社会扶贫工作促进会 2024 年度数据？' });
    await confirm.getByText('2024 年度账期', { exact: false }).waitFor();
    await confirm.getByText('签发不可撤销。', { exact: true }).waitFor();
    await snapshot(page, 'statistics-annual-issue');
    await confirm.getByRole('button', { name: '签发年度数据' }).click();
  }
  await page.getByTestId('annual-issued').filter({ hasText: 'nmg_admin' }).waitFor();
  await expect(issue.isDisabled()).resolves.toBe(true);
});

type Board = {
  items: { id: string; state: string; organizationId: string }[];
  organizations: { organizationId: string; organizationName: string; counts: Record<string, number> }[];
};

test('the disclosure board: counts by state per organization, and an organization’s overdue items listed in red', async () => {
  const { page } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'statistics-disclosures');
  await signIn(page, 'nmg_admin', DEMO_PASSWORD);
  // Other browser tests change the demo's records while this one runs: compare the page with the answers it
  // was itself given, not with a second request made a moment later.
  const boardAnswer = (filter: (url: URL) => boolean) =>
    page
      .waitForResponse((response) => {
        const url = new URL(response.url());
        return url.pathname === '/api/v1/disclosures/board' && filter(url);
      })
      .then((response) => response.json() as Promise<Board>);
  const unfiltered = boardAnswer((url) => !url.searchParams.has('state'));
  await openMenuPage(page, '统计', '信息公开');

  const board = await unfiltered;
  const table = page.getByTestId('disclosure-organizations');
  const states = ['upcoming', 'due', 'overdue', 'done', 'done_late'];
  for (const organization of board.organizations) {
    const row = table.locator('tr.ant-table-row').filter({ hasText: organization.organizationName }).first();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toEqual([
      organization.organizationName,
      ...states.map((state) => String(organization.counts[state] ?? 0)),
    ]);
  }
  await snapshot(page, 'statistics-disclosures');

  const dengkou = board.organizations.find(
    (organization) => organization.organizationName === '磴口县社会扶贫工作促进会',
  );
  if (!dengkou) throw new Error('磴口县 has no disclosures');
  expect(dengkou.counts['overdue'] ?? 0).toBeGreaterThan(0);
  const filtered = boardAnswer((url) => url.searchParams.get('state') === 'overdue');
  await table
    .locator('tr.ant-table-row')
    .filter({ hasText: dengkou.organizationName })
    .getByTestId('disclosure-count-overdue')
    .click();
  await page.waitForURL((url) => url.searchParams.get('state') === 'overdue');
  const overdue = (await filtered).items;
  expect(new Set(overdue.map((item) => [item.organizationId, item.state].join()))).toEqual(
    new Set([[dengkou.organizationId, 'overdue'].join()]),
  );
  const items = page.getByTestId('disclosure-items');
  // The pager under the list counts them all.
  await page.getByText(`共 ${overdue.length} 项`, { exact: true }).waitFor();
  const shown = Math.min(overdue.length, 20);
  await expect.poll(() => items.getByTestId('disclosure-state').allInnerTexts()).toEqual(Array(shown).fill('已逾期'));
  await expect(items.locator('.ant-typography-danger').count()).resolves.toBe(shown);
});
