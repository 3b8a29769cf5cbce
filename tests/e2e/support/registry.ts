import { idNumberCheckCharacter } from '@tongxin/contracts';
import type { Locator, Page } from 'playwright-core';
import { openMenuPage } from './app.js';

/** The rows of an antd table (not its placeholder row), each as the trimmed texts of its cells. */
export async function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator('.ant-table-tbody tr.ant-table-row')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.innerText.trim())));
}

/** The household list's "共 N 户", once the list has answered. */
export async function householdTotal(page: Page): Promise<number> {
  const text = await page.getByTestId('household-total').innerText();
  const match = /共\s*(\d+)\s*户/.exec(text);
  if (!match?.[1]) throw new Error(`no total in “${text}”`);
  return Number(match[1]);
}

/**
 * A well-formed ID number that no other run is likely to have used: a random birth date in 1960–2004 and a
 * random sequence number of the gender's parity, with its check character.
 */
export function randomIdNumber(gender: 'male' | 'female' = 'female', region = '150822'): string {
  const day = new Date(Date.UTC(1960, 0, 1) + Math.floor(Math.random() * 16_000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replaceAll('-', '');
  const sequence = Math.floor(Math.random() * 500) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

/** The same number with a wrong check character. */
export function withWrongCheckDigit(idNumber: string): string {
  const last = idNumber.charAt(17);
  return `${idNumber.slice(0, 17)}${last === '1' ? '2' : '1'}`;
}

/** Masked as the server shows it: the first four and last four characters. */
export function maskedIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`;
}

/** Opens a page of 农户档案 from the menu, unfolding the menu entry first when it is folded. */
export async function openRegistryPage(page: Page, name: '村' | '农户' | '监测对象' | '数据导入'): Promise<void> {
  await openMenuPage(page, '农户档案', name);
}
