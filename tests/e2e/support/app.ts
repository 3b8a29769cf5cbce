import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Signs in through the login page and waits until the app (or the forced password change) is shown. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Opens a page of a menu group, unfolding the group first when it is folded. A click on an item while the
 * submenu is still sliding open can be lost on a loaded machine, so the click is repeated until the page's
 * heading shows.
 */
export async function openMenuPage(page: Page, group: string, name: string): Promise<void> {
  const item = page.getByRole('menuitem', { name, exact: true });
  const heading = page.getByRole('heading', { name, level: 1 });
  if (!(await item.isVisible())) await page.getByRole('menuitem', { name: group }).click();
  await expect
    .poll(
      async () => {
        if (await heading.isVisible()) return true;
        if (!(await item.isVisible())) await page.getByRole('menuitem', { name: group }).click();
        await item.click({ timeout: 3000 }).catch(() => undefined);
        return heading.isVisible();
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe(true);
}

export async function signOut(page: Page): Promise<void> {
  const atLogin = (url: URL) => url.pathname.startsWith('/login');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  // On a loaded machine a click on the menu while its dropdown is still opening can be lost: open it again.
  for (let attempt = 1; attempt < 3; attempt += 1) {
    const left = await page.waitForURL(atLogin, { timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (left) return;
    await page
      .getByTestId('user-menu')
      .click({ timeout: 3_000 })
      .catch(() => undefined);
    await page
      .getByRole('menuitem', { name: '退出登录' })
      .click({ timeout: 3_000 })
      .catch(() => undefined);
  }
  await page.waitForURL(atLogin);
}

/** The organization tree on the network page. */
export function tree(page: Page): Locator {
  return page.getByRole('tree');
}

/** A node of the tree by its name; its title attribute holds the path from the root, e.g. "A / B / C". */
export function treeNode(page: Page, name: string): Locator {
  return tree(page).locator('.tx-tree-title').filter({ hasText: name });
}

/** The names shown in the tree, top to bottom. */
export async function treeNames(page: Page): Promise<string[]> {
  await tree(page).locator('.tx-tree-title').first().waitFor();
  return tree(page).locator('.tx-tree-title-text').allInnerTexts();
}

/** Clicks an organization in the tree and waits until its detail is shown. */
export async function openOrganization(page: Page, name: string): Promise<void> {
  await treeNode(page, name).first().click();
  await page.getByTestId('org-title').filter({ hasText: name }).waitFor();
}

/** The error text antd shows under a form field. */
export function fieldError(page: Page, fieldId: string): Locator {
  return page.locator(`.ant-form-item:has(#${fieldId}) .ant-form-item-explain-error`);
}

/** A short unique suffix, so that tests also pass against a database that keeps data between runs. */
export function uniqueSuffix(): string {
  return Date.now().toString(36).slice(-5);
}

/**
 * Clicks a dialog's confirming button until the dialog closes. A click while the dialog is still zooming in
 * can be lost on a loaded machine: it is clicked again while the dialog stands and the button is not busy
 * with the first click's request.
 */
export async function confirmDialog(dialog: Locator, confirm: Locator): Promise<void> {
  await confirm.click();
  for (let attempt = 1; attempt < 4; attempt += 1) {
    const closed = await dialog.waitFor({ state: 'hidden', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (closed) return;
    const busy = await confirm.evaluate((button) => button.classList.contains('ant-btn-loading')).catch(() => true);
    if (!busy) await confirm.click({ timeout: 3_000 }).catch(() => undefined);
  }
  await dialog.waitFor({ state: 'hidden' });
}
