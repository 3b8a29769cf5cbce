import ExcelJS from 'exceljs';
import { createDecryptedReadStream } from '../../../platform/files/index.js';
import { readCsvRows } from './csv.js';
import { normalizeHeader, type ColumnSpec } from './columns.js';

export type FileFormat = 'xlsx' | 'csv';

export type SourceRow = {
  /** The row number a person sees in the spreadsheet (the header is row 1). */
  row: number;
  /** Cell text by column key; empty cells are ''. */
  cells: Record<string, string>;
  /** Keys whose cell held a number too long for a spreadsheet to keep exactly (an ID number typed as a number). */
  lossyNumbers: ReadonlySet<string>;
};

const NONE: ReadonlySet<string> = new Set();

export class HeaderError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(`Missing columns: ${missing.join(', ')}`);
  }
}

function cellText(value: ExcelJS.CellValue): { text: string; lossy: boolean } {
  if (value === null || value === undefined) return { text: '', lossy: false };
  if (typeof value === 'string') return { text: value.trim(), lossy: false };
  if (typeof value === 'number') {
    // Excel keeps 15 significant digits: an 18-digit number arrives already rounded.
    const lossy = Math.abs(value) >= 1e15;
    return { text: lossy ? BigInt(Math.round(value)).toString() : String(value), lossy };
  }
  if (typeof value === 'boolean') return { text: value ? '是' : '否', lossy: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), lossy: false };
  if (typeof value === 'object') {
    if ('richText' in value)
      return {
        text: value.richText
          .map((part) => part.text)
          .join('')
          .trim(),
        lossy: false,
      };
    if ('text' in value && typeof value.text === 'string') return { text: value.text.trim(), lossy: false };
    if ('result' in value) return cellText(value.result);
  }
  return { text: '', lossy: false };
}

/** How far a CSV has been read, in bytes, for progress without counting rows first. */
export type ReadTracker = { bytesRead: number };

async function* rawRows(
  file: string,
  format: FileFormat,
  tracker?: ReadTracker,
): AsyncGenerator<{ values: string[]; lossy: boolean[] }> {
  // The server's uploads are encrypted at rest; a file given to the CLI (or an older upload) is plain.
  if (format === 'csv') {
    const stream = createDecryptedReadStream(file, {
      highWaterMark: 256 * 1024,
      onRead: (bytesRead) => {
        if (tracker) tracker.bytesRead = bytesRead;
      },
    });
    for await (const values of readCsvRows(stream)) yield { values: values.map((v) => v.trim()), lossy: [] };
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createDecryptedReadStream(file), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
  });
  for await (const sheet of reader) {
    let expected = 1;
    for await (const row of sheet) {
      // Blank rows are not emitted; keep the numbering a person sees.
      while (expected < row.number) {
        yield { values: [], lossy: [] };
        expected += 1;
      }
      const values: string[] = [];
      const lossy: boolean[] = [];
      const cells = row.values as ExcelJS.CellValue[];
      for (let i = 1; i < cells.length; i++) {
        const { text, lossy: isLossy } = cellText(cells[i]);
        values[i - 1] = text;
        lossy[i - 1] = isLossy;
      }
      yield { values, lossy };
      expected = row.number + 1;
    }
    return;
  }
}

/**
 * The data rows of the first sheet (or the CSV), keyed by the template's columns. Columns are found by
 * header, in any order; unknown columns (such as those an error report adds) are ignored; missing
 * required ones fail the whole file.
 */
export async function* readSourceRows(
  file: string,
  format: FileFormat,
  columns: readonly ColumnSpec[],
  tracker?: ReadTracker,
): AsyncGenerator<SourceRow> {
  let positions: { key: string; index: number }[] | null = null;
  let rowNumber = 0;
  for await (const { values, lossy } of rawRows(file, format, tracker)) {
    rowNumber += 1;
    if (!positions) {
      const headers = values.map((value) => normalizeHeader(value));
      positions = columns.flatMap((column) => {
        const index = headers.indexOf(normalizeHeader(column.header));
        return index >= 0 ? [{ key: column.key, index }] : [];
      });
      const found = new Set(positions.map((p) => p.key));
      const missing = columns.filter((c) => c.required && !found.has(c.key)).map((c) => c.header);
      if (missing.length > 0) throw new HeaderError(missing);
      continue;
    }
    if (values.every((value) => !value)) continue;
    const cells: Record<string, string> = {};
    let lossyNumbers: Set<string> | null = null;
    for (const { key, index } of positions) {
      cells[key] = values[index] ?? '';
      if (lossy[index]) (lossyNumbers ??= new Set()).add(key);
    }
    yield { row: rowNumber, cells, lossyNumbers: lossyNumbers ?? NONE };
  }
  if (!positions) throw new HeaderError(columns.filter((c) => c.required).map((c) => c.header));
}

/** Counts data rows without interpreting them, for the progress bar's total. */
export async function countSourceRows(
  file: string,
  format: FileFormat,
  columns: readonly ColumnSpec[],
): Promise<number> {
  let count = 0;
  for await (const _row of readSourceRows(file, format, columns)) count += 1;
  return count;
}
