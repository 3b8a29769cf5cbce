import type { Locator, Page } from 'playwright-core';
import { confirmDialog, openMenuPage } from './app.js';

/** Today in Beijing, as the server dates the steps it records. */
export function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** A Beijing calendar date `days` from today. */
export function beijingDate(days: number): string {
  const [year = 0, month = 1, day = 1] = beijingToday().split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Opens a page of 帮扶项目 from the menu, unfolding the menu entry first when it is folded. */
export async function openProjectsPage(page: Page, name: '项目列表' | '督导看板'): Promise<void> {
  await openMenuPage(page, '帮扶项目', name);
}

/** The open drawer (antd keeps closed ones in the page). */
export function openDrawer(page: Page): Locator {
  return page.locator('.ant-drawer-open');
}

/** Picks an option of the select that is open now. */
/**
 * Chooses an option of the select `field`, opening it again when the choice was lost — on a busy machine a
 * click can land while the dropdown is still opening, and the select stays empty.
 */
export async function chooseOption(page: Page, field: Locator, text: string): Promise<void> {
  const select = field.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  for (let attempt = 1; ; attempt += 1) {
    await field.click();
    await pickOption(page, text);
    // The chosen value shows inside the select itself (its options open in a layer of their own).
    const chosen = await select
      .filter({ hasText: text })
      .waitFor({ timeout: 3_000 })
      .then(
        () => true,
        () => false,
      );
    if (chosen || attempt === 3) return;
  }
}

export async function pickOption(page: Page, text: string): Promise<void> {
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

/** A two-character button label, whichever way antd spaces it (立项 → "立 项"). */
export function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

export type NewProject = {
  name: string;
  category: string;
  /** Yuan, as typed. */
  budget: string;
  plannedStart: string;
  plannedEnd: string;
  /** Searched for in the region picker and ticked (its full name). */
  region?: { search: string; fullName: string };
};

/** Fills 新建项目 and saves the draft; resolves with the new project's page open. */
export async function createProject(page: Page, project: NewProject): Promise<void> {
  await page.getByRole('button', { name: '新建项目' }).first().click();
  const drawer = openDrawer(page);
  await drawer.getByLabel('项目名称', { exact: true }).fill(project.name);
  await chooseOption(page, drawer.getByLabel('项目类别', { exact: true }), project.category);
  if (project.region) {
    await drawer.getByLabel('实施地区', { exact: true }).click();
    await page.keyboard.type(project.region.search);
    await page
      .locator('.ant-cascader-menu-item')
      .filter({ hasText: new RegExp(`^${project.region.fullName}$`) })
      .click();
    // Closes the picker (Escape would close the drawer as well).
    await drawer.locator('.ant-drawer-title').click();
  }
  await drawer.getByLabel('预算', { exact: true }).fill(project.budget);
  await drawer.locator('#planned').click();
  await page.keyboard.type(project.plannedStart);
  await page.keyboard.press('Enter');
  await page.keyboard.type(project.plannedEnd);
  // Leaving the field keeps the typed date (Enter would send the form at once).
  await page.keyboard.press('Tab');
  await drawer.getByRole('button', { name: '保存草稿' }).click();
  await page.getByTestId('project-title').filter({ hasText: project.name }).waitFor();
}

/** The status tag in the project's header. */
export function projectStatus(page: Page): Locator {
  return page.locator('.tx-detail-header').getByTestId('project-status');
}

/** The step buttons in the project's header, as their labels read (antd's spacing removed). */
export async function stepButtons(page: Page): Promise<string[]> {
  const texts = await page.getByTestId('project-actions').getByRole('button').allInnerTexts();
  return texts.map((text) => text.replace(/\s+/g, ''));
}

/**
 * Takes a step of the lifecycle from the header, confirms it in the dialog (with a reason when given), and
 * waits until the header shows the new status.
 */
export async function takeStep(page: Page, action: string, expectedStatus: string, reason?: string): Promise<void> {
  await page
    .getByTestId('project-actions')
    .getByRole('button', { name: label(action) })
    .click();
  const dialog = page.getByRole('dialog').filter({ hasText: `确认${action}？` });
  await dialog.getByTestId('transition-change').waitFor();
  if (reason) await dialog.getByLabel('原因', { exact: true }).fill(reason);
  await confirmDialog(dialog, dialog.getByTestId('transition-confirm'));
  await projectStatus(page).filter({ hasText: expectedStatus }).waitFor();
}

/** Opens a tab of the project page. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/**
 * A real photo as a phone writes it: a JPEG drawn by the browser's canvas, with an EXIF block that holds a GPS
 * position inserted after its start marker (the server must remove it).
 */
export async function photoWithLocation(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 160;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d canvas');
    const sky = g.createLinearGradient(0, 0, 0, 160);
    sky.addColorStop(0, '#8ec5ff');
    sky.addColorStop(1, '#e8f4ff');
    g.fillStyle = sky;
    g.fillRect(0, 0, 240, 160);
    g.fillStyle = '#5b8c3a';
    g.fillRect(0, 100, 240, 60);
    g.fillStyle = '#c8102e';
    g.fillRect(150, 60, 50, 40);
    return canvas.toDataURL('image/jpeg', 0.85);
  });
  const jpeg = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  const exif = Buffer.concat([
    Buffer.from('Exif\0\0MM\0*'),
    Buffer.from('GPSLatitude 40.3256N GPSLongitude 107.0312E'),
  ]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(exif.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, exif, jpeg.subarray(2)]);
}
