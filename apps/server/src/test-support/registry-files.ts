import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { idNumberCheckCharacter } from '@tongxin/contracts';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS } from '../modules/registry/index.js';
import { makeIdNumber } from './registry-factories.js';

export type PlantedError = { row: number; column: string };

/**
 * A household file of `rows` rows like those counties exchange, with errors planted at the rows and
 * columns the caller names, so that tests can check that the report finds exactly those.
 */
export function householdRows(options: {
  rows: number;
  villages: readonly string[];
  codePrefix: string;
}): Record<string, string>[] {
  return Array.from({ length: options.rows }, (_unused, i) => ({
    code: `${options.codePrefix}${String(i + 1).padStart(6, '0')}`,
    villageCode: options.villages[i % options.villages.length] ?? '',
    headName: `户主${i + 1}`,
    headIdNumber: makeIdNumber({ gender: 'male' }),
    headGender: '男',
    type: i % 5 === 0 ? '脱贫户' : '建档立卡户',
    identifiedYear: '2014',
    mainCause: ['因病', '因残', '因学', '缺技术'][i % 4] ?? '因病',
    otherCauses: '',
    incomePerCapita: `${6000 + (i % 500)}.50`,
    housingSafe: '是',
    drinkingWaterSafe: '是',
    exitYear: i % 5 === 0 ? '2019' : '',
    exitWay: i % 5 === 0 ? '产业帮扶' : '',
    monitoringCategory: '',
    risks: '',
    riskEliminated: '',
    phone: `139${String(10_000_000 + i).slice(-8)}`,
    address: `磴口县某镇某村${(i % 9) + 1}组${i + 1}号`,
  }));
}

export async function writeHouseholdWorkbook(file: string, rows: readonly Record<string, string>[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('农户');
  sheet.columns = HOUSEHOLD_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    style: { numFmt: '@' },
  }));
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

export function writeHouseholdCsv(file: string, rows: readonly Record<string, string>[]): void {
  const lines = [HOUSEHOLD_COLUMNS.map((c) => c.header).join(',')];
  for (const row of rows) lines.push(HOUSEHOLD_COLUMNS.map((c) => row[c.key] ?? '').join(','));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

export function writePersonCsv(file: string, rows: readonly Record<string, string>[]): void {
  const lines = [PERSON_COLUMNS.map((c) => c.header).join(',')];
  for (const row of rows) lines.push(PERSON_COLUMNS.map((c) => row[c.key] ?? '').join(','));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

export type PlantedTriple = { row: number; column: string; reason: string };

/**
 * Plants twenty mistakes of ten kinds, one per row, into household rows made by `householdRows`, and
 * returns the (row, column, reason) triples an import must report. Spreadsheet row = index + 2.
 */
export function plantHouseholdErrors(rows: Record<string, string>[]): PlantedTriple[] {
  const planted: PlantedTriple[] = [];
  const at = (index: number) => {
    const row = rows[index];
    if (!row) throw new Error(`no row ${index}`);
    return row;
  };
  const note = (index: number, column: string, reason: string) => planted.push({ row: index + 2, column, reason });
  for (const [k, base] of [0, 500].entries()) {
    const i = base + 3 + k;
    const id = at(i).headIdNumber ?? '';
    at(i).headIdNumber = `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`;
    note(i, '户主身份证号', '身份证号校验位不正确，请核对是否抄错');

    const birth = at(base + 40).headIdNumber ?? '';
    const impossible = `${birth.slice(0, 6)}19850230${birth.slice(14, 17)}`;
    at(base + 40).headIdNumber = `${impossible}${idNumberCheckCharacter(impossible)}`;
    note(base + 40, '户主身份证号', '身份证号中的出生日期（第 7–14 位）不是真实日期');

    at(base + 77).headGender = '女';
    note(base + 77, '户主身份证号', '身份证号第 17 位与性别不符（奇数为男，偶数为女）');

    at(base + 120).villageCode = '150822999999';
    note(base + 120, '村级区划代码', '没有行政区划代码 150822999999；请先加载该省的乡村区划（tongxin regions load）');

    at(base + 160).type = '贫困户';
    note(base + 160, '户类型', '“贫困户”不是可选值；可填：建档立卡户、脱贫户、监测对象、一般户');

    at(base + 201).headName = '';
    note(base + 201, '户主姓名', '必填项为空');

    at(base + 250).identifiedYear = '二〇一四';
    note(base + 250, '识别年度', '“二〇一四”不是有效年份（如 2014）');

    at(base + 300).headIdNumber = at(base + 299).headIdNumber ?? '';
    note(base + 300, '户主身份证号', `与第 ${base + 299 + 2} 行重复`);

    at(base + 350).incomePerCapita = '8千';
    note(base + 350, '人均纯收入（元）', '“8千”不是有效金额（元，最多两位小数）');

    at(base + 420).type = '监测对象';
    at(base + 420).monitoringCategory = '';
    note(base + 420, '监测类型', '监测对象须填写监测类型');
  }
  return planted.sort((a, b) => a.row - b.row);
}
