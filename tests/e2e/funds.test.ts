import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { confirmDialog, signIn, uniqueSuffix } from './support/app.js';
import { launchBrowser, openSession, snapshot, snapshotOnFailure, type Session } from './support/browser.js';
import {
  confirmSettlement,
  createPaymentBatch,
  designate,
  dialog,
  donorField,
  enterGift,
  fieldErrorOf,
  fundRow,
  messagesGone,
  openFundsPage,
  payeeRow,
} from './support/funds.js';
import { beijingDate, createProject, openProjectsPage, takeStep } from './support/projects.js';
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
const CITY = 'bayannur_admin';

/** A project of the county in progress: registered and started by the county, approved by the city. */
async function projectInProgress(county: Session, name: string): Promise<string> {
  await openProjectsPage(county.page, '项目列表');
  await createProject(county.page, {
    name,
    category: '产业发展',
    budget: '80000',
    plannedStart: beijingDate(-30),
    plannedEnd: beijingDate(300),
    region: { search: '磴口', fullName: '内蒙古自治区 巴彦淖尔市 磴口县' },
  });
  const path = new URL(county.page.url()).pathname;
  await takeStep(county.page, '申报', '已申报');
  const city = await openSession(browser, server.url);
  await signIn(city.page, CITY, DEMO_PASSWORD);
  await city.page.goto(path);
  await takeStep(city.page, '立项', '已立项');
  await city.context.close();
  await county.page.reload();
  await takeStep(county.page, '开始实施', '实施中');
  return path;
}

test('a county enters gifts at the keyboard, allocates the designated one to its project, pays it out, and traces it', async () => {
  const project = `磴口县庭院经济扶贫项目${uniqueSuffix()}`;
  const county = await openSession(browser, server.url);
  const { page } = county;
  snapshotOnFailure(page, 'funds-county');
  await signIn(page, COUNTY, DEMO_PASSWORD);
  await projectInProgress(county, project);

  // Three gifts in a row: the first designated to the project, shown by surname; the next two unrestricted.
  await openFundsPage(page, '捐赠登记');
  // Nothing filled in: each missing field says so.
  await page.getByTestId('entry-submit').click();
  await page.getByText('请选择捐赠人，或输入姓名新建').waitFor();
  await page.getByText('请输入金额').waitFor();
  await designate(page, { project });
  await page.getByText('仅公开姓氏', { exact: true }).click();
  await donorField(page).click();
  await enterGift(page, { donor: '张建国', newDonor: { salutation: '先生', phone: '13804781234' }, amount: '5000' });
  // The designation stays for the next gift; the donor and amount are cleared.
  await expect(page.locator('.ant-form-item').filter({ hasText: '定向项目' }).last().innerText()).resolves.toContain(
    project,
  );
  await expect(page.getByLabel('金额（元）', { exact: true }).inputValue()).resolves.toBe('');
  await designate(page, 'unrestricted');
  await donorField(page).click();
  await enterGift(page, { donor: '李秀梅', newDonor: { salutation: '女士' }, amount: '200.5' });
  await enterGift(page, { donor: '张建国', amount: '100' });

  const session = page.getByTestId('session-gifts');
  await expect(session.getByTestId('session-count').innerText()).resolves.toBe('3');
  await expect(session.getByTestId('session-total').innerText()).resolves.toBe('¥5,300.50');
  await expect(session.getByTestId('session-amount').allInnerTexts()).resolves.toEqual([
    '¥100.00',
    '¥200.50',
    '¥5,000.00',
  ]);
  await expect(session.getByTestId('session-gift').last().innerText()).resolves.toContain('公开为 张先生');
  await snapshot(page, 'funds-entry');

  // The designated money goes to the project; more than the fund holds is refused in the server's words.
  await openFundsPage(page, '资金账户');
  const fund = fundRow(page, `定向项目：${project}`);
  await expect(fund.getByTestId('fund-row-balance').innerText()).resolves.toBe('¥5,000.00');
  await fund.getByRole('button', { name: '拨付项目' }).click();
  const allocate = dialog(page, '拨付项目');
  await allocate.getByText(project).first().waitFor();
  await allocate.getByLabel('金额（元）', { exact: true }).fill('3000');
  await confirmDialog(allocate, allocate.getByRole('button', { name: '确认拨付' }));
  await fund.getByTestId('fund-row-balance').filter({ hasText: '¥2,000.00' }).waitFor();

  await fund.getByRole('button', { name: '拨付项目' }).click();
  await allocate.getByLabel('金额（元）', { exact: true }).fill('99999');
  await allocate.getByRole('button', { name: '确认拨付' }).click();
  const refused = fieldErrorOf(allocate, '金额（元）');
  await refused.waitFor();
  await expect(refused.innerText()).resolves.toMatch(/可用余额为 ¥2,000\.00，不足 ¥99,999\.00/);
  await snapshot(page, 'funds-allocation-refused');
  await confirmDialog(allocate, allocate.getByRole('button', { name: /取\s*消/ }));

  // On the project's 资金 tab: a batch of two payees; one is paid, the other's payment fails.
  await page.getByTestId('project-funds-table').getByRole('link', { name: project }).click();
  await page.getByTestId('project-funds').waitFor();
  await expect(page.getByTestId('funding-received').innerText()).resolves.toContain('¥3,000.00');
  await createPaymentBatch(page, '第一批庭院种植补贴', [
    { name: '王秀英', amount: '1200' },
    { kind: '个人', name: '刘德明', amount: '800' },
  ]);
  const batch = page.getByTestId('payment-batch').filter({ hasText: '第一批庭院种植补贴' });
  await expect(batch.getByTestId('batch-total').innerText()).resolves.toContain('¥2,000.00');
  await payeeRow(batch, '王秀英').getByRole('button', { name: '标记已支付' }).click();
  await confirmSettlement(page, '已支付');
  await payeeRow(batch, '王秀英').getByTestId('payment-status').filter({ hasText: '已支付' }).waitFor();
  // Select-all ticks the payees still pending: 刘德明.
  await batch.locator('.ant-table-thead .ant-checkbox-input').check();
  await batch.getByTestId('bulk-failed').click();
  await confirmSettlement(page, '支付失败');
  await payeeRow(batch, '刘德明').getByTestId('payment-status').filter({ hasText: '支付失败' }).waitFor();
  await expect(batch.getByTestId('batch-paid').innerText()).resolves.toContain('¥1,200.00');
  await expect(batch.getByTestId('batch-failed').innerText()).resolves.toContain('¥800.00');
  await page.getByTestId('funding-spent').filter({ hasText: '¥1,200.00' }).waitFor();
  await expect(page.getByTestId('funding-held').innerText()).resolves.toContain('¥1,800.00');
  await messagesGone(page);
  await snapshot(page, 'funds-project-tab');

  // The first gift's trace: into the fund, allocated, set aside in the batch, paid to 王*, 刘*'s part back.
  await page.getByTestId('project-gifts').getByRole('link', { name: '张先生' }).click();
  await page.getByTestId('trace').waitFor();
  await expect(page.getByTestId('public-name').innerText()).resolves.toBe('张先生');
  const steps = page.getByTestId('trace-step');
  const step = (kind: string) => steps.and(page.locator(`[data-kind="${kind}"]`));
  await expect(step('donation').getByTestId('trace-step-amount').innerText()).resolves.toBe('¥5,000.00');
  await expect(step('allocation').innerText()).resolves.toContain(project);
  await expect(step('allocation').getByTestId('trace-step-amount').innerText()).resolves.toBe('¥3,000.00');
  await expect(step('disbursement').getByTestId('trace-step-amount').innerText()).resolves.toBe('¥2,000.00');
  const payments = await step('payment').allInnerTexts();
  expect(payments.some((text) => text.includes('支付给 王*') && text.includes('¥1,200.00'))).toBe(true);
  expect(payments.some((text) => text.includes('支付失败') && text.includes('¥800.00'))).toBe(true);
  await expect(page.getByTestId('trace-spent').innerText()).resolves.toContain('¥1,200.00');
  await expect(page.getByTestId('trace-legend').innerText()).resolves.toMatch(/项目资金：.*¥1,800\.00/s);
  await messagesGone(page);
  await page.getByTestId('trace').scrollIntoViewIfNeeded();
  await snapshot(page, 'funds-trace');
  await county.context.close();
}, 240_000);

test('an enterprise gives goods, a person gives money and is partly refunded, and a gift booked in error is reversed', async () => {
  const county = await openSession(browser, server.url);
  const { page } = county;
  snapshotOnFailure(page, 'funds-goods-refund');
  await signIn(page, COUNTY, DEMO_PASSWORD);
  const company = `巴彦淖尔市斯达克助听器有限公司${uniqueSuffix()}`;

  // An enterprise is registered under 捐赠人; its phone is kept masked.
  await openFundsPage(page, '捐赠人');
  await page.getByRole('button', { name: '新建捐赠人' }).first().click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByText('企业', { exact: true }).click();
  await drawer.getByLabel('姓名或名称', { exact: true }).fill(company);
  await drawer.getByLabel('联系电话（选填）', { exact: true }).fill('0478-8123456');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByTestId('donor-title').filter({ hasText: company }).waitFor();
  await expect(page.locator('.tx-facts').innerText()).resolves.toMatch(/联系电话\s*\S*\*+\S*/);

  // 30 hearing aids at ¥7,000: the form adds the total up before booking.
  await openFundsPage(page, '捐赠登记');
  await page.getByTestId('entry-mode').getByText('物资捐赠').click();
  await donorField(page).click();
  await page.keyboard.type(company);
  await page.getByTestId('donor-option').first().waitFor();
  await page.keyboard.press('Enter');
  const row = page.getByTestId('goods-row').first();
  await row.getByLabel('物资名称', { exact: true }).fill('助听器');
  await row.getByLabel('数量', { exact: true }).fill('30');
  await row.getByLabel('单位', { exact: true }).fill('台');
  await row.getByLabel('单价（元）', { exact: true }).fill('7000');
  await row.getByLabel('作价依据', { exact: true }).fill('发票价格');
  await expect(page.getByTestId('goods-total').innerText()).resolves.toContain('¥210,000.00');
  await page.getByTestId('entry-submit').click();
  await page.getByTestId('entry-booked').filter({ hasText: company }).waitFor();
  await expect(page.getByTestId('session-total').innerText()).resolves.toBe('¥210,000.00');

  // A person gives ¥1,000 and asks for ¥300 back.
  await page.getByTestId('entry-mode').getByText('资金捐赠').click();
  await donorField(page).click();
  await enterGift(page, { donor: '赵文华', newDonor: {}, amount: '1000' });
  await page.getByTestId('session-gift').first().getByTestId('session-donor').click();
  await page.getByTestId('donation-title').filter({ hasText: '¥1,000.00' }).waitFor();
  await page.getByTestId('refund-button').click();
  const refund = dialog(page, '最多可退 ¥1,000.00');
  await refund.getByLabel('金额（元）', { exact: true }).fill('300');
  await refund.getByLabel('退款原因', { exact: true }).fill('捐赠人重复转账，退回多转部分');
  await refund.getByRole('button', { name: '确认退款' }).click();
  const confirmRefund = page.locator('.ant-modal-confirm').filter({ hasText: '确认退还 赵文华 ¥300.00？' });
  await confirmDialog(confirmRefund, confirmRefund.getByRole('button', { name: '确认退款' }));
  await page.getByTestId('donation-status').filter({ hasText: '部分退款' }).waitFor();
  // The trace is its own request: it shows the refund once it is fetched again.
  await page.getByTestId('trace-refunded').filter({ hasText: '¥300.00' }).waitFor();

  // The goods were booked twice by mistake: the gift is reversed, after a warning that it cannot be undone.
  await openFundsPage(page, '捐赠记录');
  await page.getByTestId('donation-link').filter({ hasText: company }).first().click();
  await page.getByTestId('reversal-button').click();
  const reversal = dialog(page, '冲销不可撤销');
  await reversal.getByLabel('冲销原因', { exact: true }).fill('同一批助听器重复登记');
  await reversal.getByRole('button', { name: /冲\s*销/ }).click();
  const confirmReversal = page.locator('.ant-modal-confirm').filter({ hasText: '此操作不可撤销' });
  // A trial click waits until the dialog has stopped moving in, so that the snapshot shows it.
  await confirmReversal.getByRole('button', { name: /冲\s*销/ }).click({ trial: true });
  await snapshot(page, 'funds-reversal-confirm');
  await confirmDialog(confirmReversal, confirmReversal.getByRole('button', { name: /冲\s*销/ }));
  await page.getByTestId('donation-status').filter({ hasText: '已冲销' }).waitFor();
  await expect(page.getByTestId('donation-actions').count()).resolves.toBe(0);
  await county.context.close();
});

test('a terminated project returns its leftover money to the fund it came from', async () => {
  const project = `磴口县光伏助农项目${uniqueSuffix()}`;
  const county = await openSession(browser, server.url);
  const { page } = county;
  snapshotOnFailure(page, 'funds-remainder');
  await signIn(page, COUNTY, DEMO_PASSWORD);
  const path = await projectInProgress(county, project);

  // A gift to the project, allocated to it.
  await openFundsPage(page, '捐赠登记');
  await designate(page, { project });
  await donorField(page).click();
  await enterGift(page, { donor: '孙志刚', newDonor: { salutation: '先生' }, amount: '1200' });
  await openFundsPage(page, '资金账户');
  const fund = fundRow(page, `定向项目：${project}`);
  await fund.getByRole('button', { name: '拨付项目' }).click();
  const allocate = dialog(page, '拨付项目');
  await allocate.getByText(project).first().waitFor();
  await allocate.getByLabel('金额（元）', { exact: true }).fill('1200');
  await confirmDialog(allocate, allocate.getByRole('button', { name: '确认拨付' }));

  // The city terminates the project; the county is offered to handle what is left.
  const city = await openSession(browser, server.url);
  await signIn(city.page, CITY, DEMO_PASSWORD);
  await city.page.goto(path);
  await takeStep(city.page, '终止', '已终止', '村集体决定改建其他项目');
  await city.context.close();
  await page.goto(`${path}?tab=funds`);
  const remainders = page.getByTestId('remainders');
  await remainders.getByText('项目已结束，尚有结余 ¥1,200.00').waitFor();
  await remainders.getByTestId('handle-remainder').click();
  const handle = dialog(page, '结余处理');
  await handle.getByText('退回原资金', { exact: true }).click();
  await handle.getByRole('button', { name: '确认处理' }).click();
  const confirm = page.locator('.ant-modal-confirm').filter({ hasText: '¥1,200.00 将退回原资金' });
  await confirmDialog(confirm, confirm.getByRole('button', { name: '确认处理' }));
  await remainders
    .locator('.ant-table-row')
    .filter({ hasText: '退回原资金' })
    .filter({ hasText: '¥1,200.00' })
    .waitFor();
  await page.getByTestId('funding-held').filter({ hasText: '¥0.00' }).waitFor();
  await messagesGone(page);
  await remainders.scrollIntoViewIfNeeded();
  await snapshot(page, 'funds-remainder');
  await county.context.close();
});
