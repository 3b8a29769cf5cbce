import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { confirmDialog, signIn, uniqueSuffix } from './support/app.js';
import { launchBrowser, openSession, snapshot, snapshotOnFailure } from './support/browser.js';
import {
  beijingDate,
  beijingToday,
  createProject,
  label,
  openDrawer,
  openProjectsPage,
  openTab,
  photoWithLocation,
  projectStatus,
  stepButtons,
  takeStep,
} from './support/projects.js';
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

const COUNTY = { username: 'dengkou_admin', organization: '磴口县社会扶贫工作促进会' };
const CITY = { username: 'bayannur_admin', organization: '巴彦淖尔市社会扶贫工作促进会' };

test('a project from draft to closed: the county runs it, the city approves, inspects and accepts it, and the timeline shows every step', async () => {
  const today = beijingToday();
  const name = `磴口县设施农业扶贫项目${uniqueSuffix()}`;

  // The county registers the project and submits it.
  const county = await openSession(browser, server.url);
  snapshotOnFailure(county.page, 'projects-lifecycle-county');
  await signIn(county.page, COUNTY.username, DEMO_PASSWORD);
  await openProjectsPage(county.page, '项目列表');
  await createProject(county.page, {
    name,
    category: '产业发展',
    budget: '186000.50',
    plannedStart: beijingDate(-10),
    plannedEnd: beijingDate(400),
    region: { search: '磴口', fullName: '内蒙古自治区 巴彦淖尔市 磴口县' },
  });
  await projectStatus(county.page).filter({ hasText: '草稿' }).waitFor();
  await expect(county.page.getByTestId('project-budget').innerText()).resolves.toBe('¥186,000.50');
  await expect(county.page.getByTestId('project-overview').innerText()).resolves.toContain(
    '内蒙古自治区 巴彦淖尔市 磴口县',
  );
  await snapshot(county.page, 'projects-overview');
  const projectUrl = new URL(county.page.url()).pathname;
  await takeStep(county.page, '申报', '已申报');

  // The city finds it in its list and approves it.
  const city = await openSession(browser, server.url);
  snapshotOnFailure(city.page, 'projects-lifecycle-city');
  await signIn(city.page, CITY.username, DEMO_PASSWORD);
  await openProjectsPage(city.page, '项目列表');
  await city.page.getByLabel('项目名称或编号').fill(name);
  await city.page.getByLabel('项目名称或编号').press('Enter');
  await city.page.getByTestId('project-total').filter({ hasText: '共 1 个项目' }).waitFor();
  await snapshot(city.page, 'projects-list-filtered');
  await city.page.getByTestId('project-link').filter({ hasText: name }).click();
  await takeStep(city.page, '立项', '已立项');

  // The county starts the work, files a progress report with a photo, and completes it.
  await county.page.reload();
  await takeStep(county.page, '开始实施', '实施中');
  await openTab(county.page, '进展报告');
  await county.page.getByRole('button', { name: '填写报告' }).first().click();
  const report = openDrawer(county.page);
  await report.getByLabel('进展情况', { exact: true }).fill('大棚 12 座已建成，种苗发放到 120 户。');
  await report.getByRole('button', { name: '添加数据' }).click();
  await report.getByLabel('指标', { exact: true }).fill('种苗发放');
  await report.getByLabel('数值', { exact: true }).fill('120');
  await report.getByLabel('单位', { exact: true }).fill('户');
  const photo = await photoWithLocation(county.page);
  await report
    .locator('input[type=file]')
    .setInputFiles({ name: '大棚现场.jpg', mimeType: 'image/jpeg', buffer: photo });
  await report.locator('.ant-upload-list-item-done').waitFor();
  await snapshot(county.page, 'projects-report-drawer');
  await report.getByRole('button', { name: '提交报告' }).click();
  await report.waitFor({ state: 'hidden' });
  const filed = county.page.getByTestId('report').filter({ hasText: '大棚 12 座已建成' });
  await expect(filed.getByTestId('figures').innerText()).resolves.toMatch(/种苗发放\s*120\s*户/);
  const thumbnail = filed.getByTestId('photos').locator('img');
  await thumbnail.waitFor();
  // The photo is served to the signed-in user, and it decodes: the browser shows it.
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
  // The position the phone wrote is gone from what the server keeps.
  const served = await county.context.request.get((await thumbnail.getAttribute('src')) ?? '');
  expect(served.ok()).toBe(true);
  expect((await served.body()).includes('GPSLatitude')).toBe(false);
  await snapshot(county.page, 'projects-report');
  await takeStep(county.page, '完工', '已完工');

  // The city inspects it and checks acceptance: all items passed, so the project is accepted.
  await city.page.reload();
  await openTab(city.page, '督导检查');
  await city.page.getByRole('button', { name: '记录督导检查' }).first().click();
  const inspection = openDrawer(city.page);
  await inspection.getByLabel('检查人员', { exact: true }).fill('市促进会督导组 王明、李华');
  await inspection.locator('.ant-radio-button-wrapper').filter({ hasText: /^优$/ }).click();
  await expect(inspection.getByRole('radio', { name: '优' }).isChecked()).resolves.toBe(true);
  await inspection.getByLabel('检查发现', { exact: true }).fill('大棚建设质量良好，台账完整，受益户名单已公示。');
  await inspection.getByRole('button', { name: '保存检查记录' }).click();
  await inspection.waitFor({ state: 'hidden' });
  await expect(city.page.getByTestId('inspection').first().getByTestId('rating').innerText()).resolves.toBe('评级：优');
  expect(await stepButtons(city.page)).toEqual(expect.arrayContaining(['验收通过', '验收不通过']));
  await city.page.getByTestId('project-actions').getByRole('button', { name: '验收通过' }).click();
  const acceptance = openDrawer(city.page);
  await acceptance.getByRole('button', { name: '全部通过' }).click();
  await acceptance.getByTestId('acceptance-verdict').filter({ hasText: '全部 4 项通过' }).waitFor();
  await snapshot(city.page, 'projects-acceptance-drawer');
  await acceptance.getByRole('button', { name: '提交验收结论' }).click();
  const confirm = city.page.locator('.ant-modal-confirm');
  await confirm.getByText('提交后项目变为“验收通过”').waitFor();
  await confirmDialog(confirm, confirm.getByRole('button', { name: '提交验收结论' }));
  await projectStatus(city.page).filter({ hasText: '验收通过' }).waitFor();
  await expect(city.page.getByTestId('acceptance').first().getByTestId('verdict').innerText()).resolves.toBe(
    '验收通过',
  );

  // The county closes it.
  await county.page.reload();
  await takeStep(county.page, '结项', '已结项');
  expect(await stepButtons(county.page)).toEqual([]);

  // The timeline: every step, in order, with who took it and when.
  await openTab(county.page, '时间线');
  const steps = county.page.getByTestId('timeline-step');
  await steps.nth(5).waitFor();
  await expect(steps.getByTestId('step-action').allInnerTexts()).resolves.toEqual([
    '申报',
    '立项',
    '开始实施',
    '完工',
    '验收通过',
    '结项',
  ]);
  const by = (party: typeof COUNTY) => `${today} · ${party.username}（${party.organization}）`;
  await expect(steps.getByTestId('step-who').allInnerTexts()).resolves.toEqual([
    by(COUNTY),
    by(CITY),
    by(COUNTY),
    by(COUNTY),
    by(CITY),
    by(COUNTY),
  ]);
  for (const text of await steps.allInnerTexts()) expect(text).toMatch(/记录于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await snapshot(county.page, 'projects-timeline');
  expect(county.page.url()).toContain(projectUrl);
  await city.context.close();
  await county.context.close();
});

test('a step is offered only to the side that takes it: the county cannot approve its own submission, the city can', async () => {
  const name = `磴口县劳务技能培训项目${uniqueSuffix()}`;
  const county = await openSession(browser, server.url);
  snapshotOnFailure(county.page, 'projects-sides-county');
  await signIn(county.page, COUNTY.username, DEMO_PASSWORD);
  await openProjectsPage(county.page, '项目列表');
  await createProject(county.page, {
    name,
    category: '就业帮扶',
    budget: '24000',
    plannedStart: beijingDate(30),
    plannedEnd: beijingDate(120),
  });
  await takeStep(county.page, '申报', '已申报');
  const own = await stepButtons(county.page);
  expect(own).not.toContain('立项');
  expect(own).not.toContain('退回');
  expect(own).toContain('编辑');
  await snapshot(county.page, 'projects-submitted-county');

  const city = await openSession(browser, server.url);
  snapshotOnFailure(city.page, 'projects-sides-city');
  await signIn(city.page, CITY.username, DEMO_PASSWORD);
  await city.page.goto(new URL(county.page.url()).pathname);
  await projectStatus(city.page).filter({ hasText: '已申报' }).waitFor();
  const above = await stepButtons(city.page);
  expect(above).toContain('立项');
  expect(above).toContain('退回');
  expect(above).not.toContain('申报');
  expect(above).not.toContain('编辑');

  // Sending it back needs a reason: the dialog says so and nothing changes until one is given.
  await city.page
    .getByTestId('project-actions')
    .getByRole('button', { name: label('退回') })
    .click();
  const dialog = city.page.getByRole('dialog').filter({ hasText: '确认退回？' });
  await dialog.getByTestId('transition-confirm').click();
  await dialog.getByText('请填写退回的原因').waitFor();
  await snapshot(city.page, 'projects-reject-reason');
  await confirmDialog(dialog, dialog.getByRole('button', { name: label('取消') }));
  await projectStatus(city.page).filter({ hasText: '已申报' }).waitFor();
  await city.context.close();
  await county.context.close();
});

test('the supervision board lists the projects with overdue reports', async () => {
  const { page, context } = await openSession(browser, server.url);
  snapshotOnFailure(page, 'projects-supervision');
  await signIn(page, 'sanming_admin', DEMO_PASSWORD);
  await openProjectsPage(page, '督导看板');
  const row = page
    .locator('.ant-table-row')
    .filter({ has: page.getByTestId('supervision-project').filter({ hasText: '三明市“阳光1+1”社会组织结对老区村' }) });
  await row.waitFor();
  await expect(row.getByTestId('overdue-kinds').innerText()).resolves.toMatch(/进展报告\s*\d+/);
  // A short board shows each project's overdue items at once.
  const items = page.getByTestId('overdue-items');
  await items.waitFor();
  await expect(items.innerText()).resolves.toMatch(/进展报告\s+报告期 \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/);
  await snapshot(page, 'projects-supervision');

  // From the board to the project, where the banner says what is overdue.
  await row.getByTestId('supervision-project').click();
  await page
    .getByTestId('reporting-banner')
    .filter({ hasText: /有 \d+ 项逾期未办/ })
    .waitFor();
  await expect(page.getByTestId('reporting-banner').innerText()).resolves.toContain('进展报告：报告期');
  await context.close();
});
