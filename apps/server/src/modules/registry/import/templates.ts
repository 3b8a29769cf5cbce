import ExcelJS from 'exceljs';
import { csvField } from './csv.js';
import { COLUMNS_OF, type ImportKind } from './columns.js';

const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };
const OPTIONAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF8' } };

export const TEMPLATE_NAMES: Readonly<Record<ImportKind, string>> = {
  households: '农户信息导入模板',
  persons: '家庭成员导入模板',
};

/** The import template as a workbook: headers (required ones shaded red), hints as notes, one example row. */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  const columns = COLUMNS_OF[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tongxin';
  const sheet = workbook.addWorksheet(TEMPLATE_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  // Every column is text, so that ID numbers and codes keep all their digits.
  sheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    style: { numFmt: '@' },
  }));
  columns.forEach((column, index) => {
    const cell = sheet.getRow(1).getCell(index + 1);
    cell.font = { bold: true };
    cell.fill = column.required ? REQUIRED_FILL : OPTIONAL_FILL;
    cell.note = `${column.required ? '必填。' : '选填。'}${column.hint}`;
  });
  sheet.addRow(Object.fromEntries(columns.map((column) => [column.key, column.example])));
  const guide = workbook.addWorksheet('填写说明');
  guide.columns = [
    { header: '列', key: 'header', width: 20 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '说明', key: 'hint', width: 90 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const column of columns)
    guide.addRow({ header: column.header, required: column.required ? '必填' : '选填', hint: column.hint });
  guide.addRow({});
  guide.addRow({
    header: '注意',
    hint: '第二行为示例，导入前请删除。红色表头为必填列。导入时可选择“全部正确才导入”或“只导入正确的行”。',
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same template as UTF-8 CSV with a BOM, which Excel opens without garbling Chinese. */
export function templateCsv(kind: ImportKind): string {
  const columns = COLUMNS_OF[kind];
  const lines = [columns.map((c) => csvField(c.header)).join(','), columns.map((c) => csvField(c.example)).join(',')];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
