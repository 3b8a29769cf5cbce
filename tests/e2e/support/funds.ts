import type { Locator, Page } from 'playwright-core';
import { confirmDialog } from './app.js';
import { chooseOption, pickOption } from './projects.js';

export type FundsPageName = '捐赠登记' | '捐赠记录' | '捐赠人' | '认捐管理' | '资金账户' | '日记账';

/** Opens a page of 捐赠与资金 from the menu, unfolding the menu entry first when it is folded. */
export async function openFundsPage(page: Page, name: FundsPageName): Promise<void> {
  const item = page.getByRole('menuitem', { name, exact: true });
  if (!(await item.isVisible())) await page.getByRole('menuitem', { name: '捐赠与资金' }).click();
  await item.click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/** The donor field of 捐赠登记 (antd's search box inside the select). */
export function donorField(page: Page): Locator {
  return page.getByLabel('捐赠人', { exact: true });
}

/** A gift as typed at the entry desk. A new donor is registered with it; an existing one is picked. */
export type Gift = {
  donor: string;
  /** Register the donor: a person, with 先生 / 女士 and a phone when given. */
  newDonor?: { salutation?: '先生' | '女士'; phone?: string };
  /** Yuan, as typed. */
  amount: string;
};

/**
 * Enters one gift of money with the keyboard only, starting in the donor field: the name, ↑ Enter for
 * “新建捐赠人” (the last option) or Enter for the donor found, the salutation (Space or →), Tab, the phone,
 * Tab, the amount, Enter. Resolves once the page says the gift was booked and the donor field has the
 * focus again.
 */
export async function enterGift(page: Page, gift: Gift): Promise<void> {
  const booked = page.getByTestId('entry-booked');
  const before = (await booked.isVisible()) ? await booked.innerText() : '';
  await page.keyboard.type(gift.donor);
  if (gift.newDonor) {
    await page.getByTestId('donor-option-new').waitFor();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.getByTestId('new-donor').waitFor();
    if (gift.newDonor.salutation === '先生') await page.keyboard.press('Space');
    if (gift.newDonor.salutation === '女士') await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    if (gift.newDonor.phone) await page.keyboard.type(gift.newDonor.phone);
    await page.keyboard.press('Tab');
  } else {
    await page.getByTestId('donor-option').first().waitFor();
    await page.keyboard.press('Enter');
  }
  await page.getByLabel('金额（元）', { exact: true }).and(page.locator(':focus')).waitFor();
  await page.keyboard.type(gift.amount);
  await page.keyboard.press('Enter');
  await page
    .getByTestId('entry-booked')
    .filter({ hasText: gift.donor })
    .filter({ hasNotText: before || '\u0000' })
    .waitFor();
  await donorField(page).and(page.locator(':focus')).waitFor();
}

/** Chooses the designation of the next gifts: 非定向, or 定向项目 and the project (searched by name). */
export async function designate(page: Page, to: { project: string } | 'unrestricted'): Promise<void> {
  await chooseOption(
    page,
    page.getByRole('combobox', { name: '定向', exact: true }),
    to === 'unrestricted' ? '非定向' : '定向项目',
  );
  if (to === 'unrestricted') return;
  await page.getByRole('combobox', { name: '定向项目', exact: true }).click();
  await page.keyboard.type(to.project);
  await pickOption(page, to.project);
}

/** The row of a fund on 资金账户, by the words of its designation. */
export function fundRow(page: Page, designation: string): Locator {
  return page.getByTestId('funds-table').locator('.ant-table-row').filter({ hasText: designation });
}

/** The open dialog whose title (or text) says `text`. */
export function dialog(page: Page, text: string): Locator {
  return page.getByRole('dialog').filter({ hasText: text });
}

/** The error antd shows under a field of a dialog or drawer, by the field's label. */
export function fieldErrorOf(container: Locator, fieldLabel: string): Locator {
  return container
    .locator('.ant-form-item')
    .filter({ has: container.page().getByText(fieldLabel, { exact: true }) })
    .locator('.ant-form-item-explain-error');
}

export type Payee = { kind?: string; name: string; amount: string };

/** Fills 新建发放批次 on a project's 资金 tab and submits it. */
export async function createPaymentBatch(page: Page, title: string, payees: readonly Payee[]): Promise<void> {
  await page.getByTestId('new-batch').first().click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByLabel('批次名称', { exact: true }).fill(title);
  for (const [index, payee] of payees.entries()) {
    if (index > 0) await drawer.getByRole('button', { name: '添加收款人' }).click();
    const row = drawer.getByTestId('payee-row').nth(index);
    if (payee.kind) {
      await row.getByLabel('类型', { exact: true }).click();
      await pickOption(page, payee.kind);
    }
    await row.getByLabel('收款人', { exact: true }).fill(payee.name);
    await row.getByLabel('金额（元）', { exact: true }).fill(payee.amount);
  }
  await drawer.getByRole('button', { name: '提交发放批次' }).click();
  await drawer.waitFor({ state: 'hidden' });
}

/** The row of a payee in a payment batch. */
export function payeeRow(batch: Locator, name: string): Locator {
  return batch.locator('.ant-table-row').filter({ hasText: name });
}

/** Confirms the dialog of a settlement (标记已支付 / 标记支付失败) and waits until it is gone. */
export async function confirmSettlement(page: Page, outcome: '已支付' | '支付失败'): Promise<void> {
  // By its title: the batch's drawer, a dialog too, holds the same words on its payees' buttons.
  const box = page.getByRole('dialog', { name: `标记${outcome}`, exact: true });
  await confirmDialog(box, box.getByRole('button', { name: `确认${outcome}` }));
}

/** Waits until antd's passing messages are gone, so that a snapshot shows the page, not the toasts over it. */
export async function messagesGone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-message-notice').length === 0);
}

/** Registers a person under 捐赠人 and waits for their page. */
export async function registerDonor(page: Page, name: string): Promise<void> {
  await openFundsPage(page, '捐赠人');
  await page.getByRole('button', { name: '新建捐赠人' }).first().click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByLabel('姓名或名称', { exact: true }).fill(name);
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByTestId('donor-title').filter({ hasText: name }).waitFor();
}

export type Instalment = { dueOn: string; amount: string };

/** Fills 新建认捐 on 认捐管理 for a registered donor and saves it; resolves on the pledge's page. */
export async function createPledge(
  page: Page,
  pledge: { donor: string; title: string; instalments: readonly Instalment[] },
): Promise<void> {
  await page.getByTestId('new-pledge').first().click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByLabel('捐赠人', { exact: true }).click();
  await page.keyboard.type(pledge.donor);
  await page.getByTestId('donor-option').first().waitFor();
  await page.keyboard.press('Enter');
  await drawer.getByLabel('认捐事项', { exact: true }).fill(pledge.title);
  for (const [index, instalment] of pledge.instalments.entries()) {
    if (index > 0) await drawer.getByRole('button', { name: '添加一期' }).click();
    const row = drawer.getByTestId('instalment-row').nth(index);
    await row.getByLabel('应到日期', { exact: true }).click();
    await page.keyboard.type(instalment.dueOn);
    // Leaving the field keeps the typed date (Enter would send the form at once).
    await page.keyboard.press('Tab');
    await row.getByLabel('金额（元）', { exact: true }).fill(instalment.amount);
  }
  // Closes a date picker left open (Escape would close the drawer as well).
  await drawer.locator('.ant-drawer-title').click();
}
