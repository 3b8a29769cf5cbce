import fs from 'node:fs';
import path from 'node:path';
import { findOrganizations, getOrganization } from '../../modules/organizations/index.js';
import {
  runImport,
  templateCsv,
  writeErrorWorkbook,
  templateWorkbook,
  type ImportKind,
  type ImportMode,
} from '../../modules/registry/index.js';
import { systemContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/index.js';
import { progressBar } from '../progress.js';
import type { Output } from './admin.js';

export type ImportCommandOptions = {
  kind: string;
  file: string;
  mode: string | undefined;
  organization: string | undefined;
  errors: string | undefined;
};

function kindOf(value: string): ImportKind {
  if (value === 'households' || value === 'persons') return value;
  throw new Error(`Import what? "households" or "persons", not "${value}"`);
}

async function organizationId(db: Database, reference: string | undefined): Promise<string | undefined> {
  if (!reference) return undefined;
  const ctx = systemContext(db.executor);
  if (/^[0-9a-f-]{36}$/i.test(reference)) return (await getOrganization(ctx, reference)).id;
  const match = (await findOrganizations(ctx, { q: reference, pageSize: 5 })).items.find(
    (org) => org.id === reference || org.name === reference || org.creditCode === reference,
  );
  if (!match) throw new Error(`No organization matches "${reference}" (give its id, exact name or credit code)`);
  return match.id;
}

/**
 * `tongxin import households|persons <file>`: checks every row, writes all or only the valid ones, shows
 * a progress bar, and writes the error workbook beside the file. Exits 1 when nothing was written.
 */
export async function importCommand(db: Database, options: ImportCommandOptions, io: Output): Promise<number> {
  const kind = kindOf(options.kind);
  const mode: ImportMode = options.mode === 'valid' ? 'valid' : 'all';
  const format = options.file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  if (!fs.existsSync(options.file)) throw new Error(`No file at ${options.file}`);
  if (kind === 'households' && !options.organization) {
    throw new Error('Household imports need --organization: new villages are registered under it');
  }
  const ctx = systemContext(db.executor);
  const bar = progressBar(`Importing ${kind}`);
  const report = await runImport(ctx, {
    kind,
    mode,
    file: options.file,
    format,
    fileName: path.basename(options.file),
    organizationId: await organizationId(db, options.organization),
    onProgress: (progress) => bar.update(progress.percent, 100, progress.phase),
  });
  bar.done(
    report.committed
      ? `Imported ${report.committedRows} of ${report.totalRows} rows`
      : `Nothing imported: ${report.errorRows} of ${report.totalRows} rows have problems (mode: all or nothing)`,
  );
  if (report.problemCount > 0) {
    const target = options.errors ?? `${options.file.replace(/\.(xlsx|csv)$/i, '')}-errors.xlsx`;
    await writeErrorWorkbook({ kind, file: options.file, format, problems: report.problems, target });
    for (const problem of report.problems.slice(0, 20))
      io.out(`  row ${problem.row}, ${problem.column}: ${problem.message['zh-CN']}`);
    if (report.problemCount > 20) io.out(`  … ${report.problemCount - 20} more`);
    io.out(`Error workbook: ${target}`);
  }
  return report.committed ? 0 : 1;
}

export async function templateCommand(kindText: string, target: string, io: Output): Promise<void> {
  const kind = kindOf(kindText);
  if (target.toLowerCase().endsWith('.csv')) fs.writeFileSync(target, templateCsv(kind));
  else fs.writeFileSync(target, await templateWorkbook(kind));
  io.out(`Template written to ${target}`);
}
