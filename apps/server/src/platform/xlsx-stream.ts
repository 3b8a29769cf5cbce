import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export type SheetColumn<Row, Context> = {
  header: string;
  width: number;
  value: (row: Row, context: Context) => string | number;
};

/**
 * Streams a one-sheet workbook page by page, so that memory stays flat however many rows a list has.
 * `pages` yields rows with whatever context a page needs (names looked up once per page); `onDone` runs
 * after the last row with the count (to audit the export).
 */
export function streamWorkbook<Row, Context>(options: {
  sheetName: string;
  columns: readonly SheetColumn<Row, Context>[];
  pages: AsyncIterable<{ rows: readonly Row[]; context: Context }>;
  onDone: (rows: number) => Promise<void>;
}): PassThrough {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const write = async () => {
    let count = 0;
    for await (const page of options.pages) {
      for (const row of page.rows)
        sheet.addRow(options.columns.map((column) => column.value(row, page.context))).commit();
      count += page.rows.length;
    }
    sheet.commit();
    await workbook.commit();
    await options.onDone(count);
  };
  write().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return stream;
}
