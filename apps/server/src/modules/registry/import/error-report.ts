import ExcelJS from 'exceljs';
import { createEncryptedWriteStream } from '../../../platform/files/index.js';
import { COLUMNS_OF, REPORT_COLUMNS, type ImportKind } from './columns.js';
import { readSourceRows, type FileFormat } from './read-rows.js';
import type { RowProblem } from './run-import.js';

const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF8' } };

/**
 * The rows that failed, as they were, with each bad cell filled red and its reason as the cell's note and
 * in a last column; a second sheet lists (row, column, reason). The first sheet keeps the template's
 * headers, so a corrected report can be imported again as it is.
 *
 * The server keeps the workbook in the data directory for a week with the failed rows as typed (ID
 * numbers, phones, names), so it writes it encrypted (`encryptAtRest`) and sends it through
 * `openStoredFile`; the CLI writes a plain workbook where its user asked.
 */
export async function writeErrorWorkbook(options: {
  kind: ImportKind;
  file: string;
  format: FileFormat;
  problems: readonly RowProblem[];
  target: string;
  encryptAtRest?: boolean;
}): Promise<void> {
  const columns = COLUMNS_OF[options.kind];
  const byRow = new Map<number, RowProblem[]>();
  for (const problem of options.problems) byRow.set(problem.row, [...(byRow.get(problem.row) ?? []), problem]);

  const encrypted = options.encryptAtRest ? createEncryptedWriteStream(options.target) : null;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(encrypted ? { stream: encrypted.stream } : { filename: options.target }),
    useStyles: true,
    useSharedStrings: true,
  });
  const rows = workbook.addWorksheet('有误的行', { views: [{ state: 'frozen', ySplit: 1 }] });
  rows.columns = [
    { header: REPORT_COLUMNS.row, key: '__row', width: 8 },
    ...columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: column.width,
      style: { numFmt: '@' },
    })),
    { header: REPORT_COLUMNS.reasons, key: '__reasons', width: 60 },
  ];
  rows.getRow(1).font = { bold: true };
  rows.getRow(1).fill = HEADER_FILL;
  rows.getRow(1).commit();
  for await (const source of readSourceRows(options.file, options.format, columns)) {
    const problems = byRow.get(source.row);
    if (!problems) continue;
    const row = rows.addRow({
      __row: source.row,
      ...source.cells,
      __reasons: problems.map((p) => `${p.column}：${p.message['zh-CN']}`).join('；'),
    });
    for (const problem of problems) {
      const index = columns.findIndex((column) => column.header === problem.column);
      if (index < 0) continue;
      const cell = row.getCell(index + 2);
      cell.fill = BAD_FILL;
      cell.note = problem.message['zh-CN'];
    }
    row.commit();
  }
  rows.commit();

  const list = workbook.addWorksheet('错误清单');
  list.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 18 },
    { header: '原因', key: 'reason', width: 70 },
  ];
  list.getRow(1).font = { bold: true };
  list.getRow(1).commit();
  for (const problem of options.problems)
    list.addRow({ row: problem.row, column: problem.column, reason: problem.message['zh-CN'] }).commit();
  list.commit();
  await workbook.commit();
  await encrypted?.finished;
}
