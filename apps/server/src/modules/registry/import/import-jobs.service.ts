import fs from 'node:fs';
import type { Lang, Localized, TImportJob } from '@tongxin/contracts';
import path from 'node:path';
import { scopeOf, writeScopeOf } from '../../../platform/access/index.js';
import type { ServiceContext as BaseContext } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/index.js';

/** Import jobs answer in the reader's language, so the context carries it. */
type ServiceContext = BaseContext & { lang: Lang };
import { keyring } from '../../../platform/crypto/index.js';
import { newId } from '../../../platform/ids.js';
import { startWorker } from '../../../platform/workers.js';
import { requireWritableOrganization } from '../../organizations/index.js';
import type { ImportJobRow } from '../tables.js';
import type { ImportKind } from './columns.js';
import { importErrors } from './errors.js';
import {
  failInterruptedJobs,
  findImportJob,
  insertImportJob,
  listImportJobs,
  updateImportJob,
} from './import-job.repository.js';
import type { WorkerInput, WorkerMessage } from './import.worker.js';
import type { ImportMode, RowProblem } from './run-import.js';

export type ImportJobView = TImportJob;

const IMPORT_CRASHED: Localized = {
  'zh-CN': '导入意外中止，登记数据未改变；请重试，如仍失败请联系管理员',
  en: 'The import stopped unexpectedly and changed nothing; try again, and tell the administrator if it fails again',
};

const IMPORT_INTERRUPTED: Localized = {
  'zh-CN': '服务器重启，导入被中断，登记数据未改变；请重新导入',
  en: 'The server restarted and interrupted the import, which changed nothing; import the file again',
};

/** Progress of the imports this process is running; the database keeps how they ended. */
const running = new Map<string, { phase: TImportJob['phase']; percent: number; done: Promise<void> }>();

function jobDir(ctx: { dataDir: string }, id: string): string {
  return path.join(ctx.dataDir, 'imports', id);
}

function view(row: ImportJobRow, lang: Lang): ImportJobView {
  const live = running.get(row.id);
  return {
    id: row.id,
    kind: row.kind,
    mode: row.mode,
    fileName: row.file_name,
    status: row.status,
    phase: live?.phase ?? (row.status === 'running' ? 'counting' : 'done'),
    percent: live?.percent ?? (row.status === 'running' ? 0 : 100),
    totalRows: row.total_rows,
    validRows: row.valid_rows,
    errorRows: row.error_rows,
    committedRows: row.committed_rows,
    committed: row.committed === 1,
    problemCount: row.problem_count,
    hasErrorReport: row.has_error_report === 1,
    message: row.message ? (JSON.parse(row.message) as Localized)[lang] : null,
    actorUsername: row.actor_username,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export type StartImport = {
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  /** The uploaded bytes, already saved to this temporary path. */
  upload: string;
  dataDir: string;
  databaseUrl: string | null;
};

/**
 * Starts an import in a worker thread and answers at once; the job's progress is read with getImportJob.
 * The file is kept under the data directory with the job, beside its error report.
 */
export async function startImport(ctx: ServiceContext, start: StartImport): Promise<ImportJobView> {
  const extension = path.extname(start.fileName).toLowerCase();
  if (extension !== '.xlsx' && extension !== '.csv') throw importErrors.badFile();
  await requireWritableOrganization(ctx, ctx.actor.organizationId);
  const id = newId();
  const dir = jobDir(start, id);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `source${extension}`);
  fs.renameSync(start.upload, file);
  const row: ImportJobRow = {
    id,
    kind: start.kind,
    mode: start.mode,
    file_name: start.fileName,
    file_sha256: null,
    status: 'running',
    organization_id: ctx.actor.organizationId,
    actor_id: ctx.actor.userId,
    actor_username: ctx.actor.username,
    total_rows: null,
    valid_rows: null,
    error_rows: null,
    committed_rows: null,
    committed: 0,
    problem_count: null,
    problems: null,
    has_error_report: 0,
    message: null,
    created_at: new Date().toISOString(),
    finished_at: null,
  };
  await insertImportJob(ctx.db, row);
  const input: WorkerInput = {
    jobId: id,
    actor: ctx.actor,
    requestId: ctx.requestId,
    options: {
      kind: start.kind,
      mode: start.mode,
      file,
      format: extension === '.csv' ? 'csv' : 'xlsx',
      fileName: start.fileName,
    },
    errorReportFile: path.join(dir, 'errors.xlsx'),
    database: { url: start.databaseUrl, dataDir: start.dataDir },
    master: new Uint8Array(keyring().master),
  };
  const worker = startWorker(import.meta.url, 'import.worker', input);
  const state: { phase: TImportJob['phase']; percent: number; done: Promise<void> } = {
    phase: 'counting',
    percent: 0,
    done: Promise.resolve(),
  };
  state.done = new Promise<void>((resolve) => {
    let finished = false;
    const finish = async (changes: Partial<ImportJobRow>) => {
      if (finished) return;
      finished = true;
      // The upload holds ID numbers (encrypted at rest) and is needed no longer: it goes when the import is over.
      fs.rmSync(file, { force: true });
      await updateImportJob(ctx.db, id, { ...changes, finished_at: new Date().toISOString() }).catch(() => undefined);
      running.delete(id);
      resolve();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        state.phase = message.phase;
        state.percent = message.percent;
      } else if (message.type === 'done') {
        const { report } = message;
        void finish({
          status: 'done',
          file_sha256: report.sha256,
          total_rows: report.totalRows,
          valid_rows: report.validRows,
          error_rows: report.errorRows,
          committed_rows: report.committedRows,
          committed: report.committed ? 1 : 0,
          problem_count: report.problemCount,
          problems: JSON.stringify(report.problems),
          has_error_report: message.hasErrorReport ? 1 : 0,
        });
      } else {
        void finish({ status: 'failed', message: JSON.stringify(message.message) });
      }
    });
    worker.on('error', () => void finish({ status: 'failed', message: JSON.stringify(IMPORT_CRASHED) }));
    worker.on('exit', () => void finish({ status: 'failed', message: JSON.stringify(IMPORT_CRASHED) }));
  });
  running.set(id, state);
  return view(row, ctx.lang);
}

async function requireJob(ctx: ServiceContext, id: string): Promise<ImportJobRow> {
  const row = await findImportJob(ctx.db, scopeOf(ctx.actor), ctx.actor.userId, id);
  if (!row) throw importErrors.notFound({ id });
  return row;
}

export async function getImportJob(ctx: ServiceContext, id: string): Promise<ImportJobView> {
  return view(await requireJob(ctx, id), ctx.lang);
}

export async function listImports(ctx: ServiceContext): Promise<ImportJobView[]> {
  return (await listImportJobs(ctx.db, writeScopeOf(ctx.actor), ctx.actor.userId, 50)).map((row) =>
    view(row, ctx.lang),
  );
}

export async function importProblems(
  ctx: ServiceContext,
  id: string,
  page: { offset: number; limit: number },
): Promise<{ items: RowProblem[]; total: number }> {
  const row = await requireJob(ctx, id);
  const problems = row.problems ? (JSON.parse(row.problems) as RowProblem[]) : [];
  return { items: problems.slice(page.offset, page.offset + page.limit), total: row.problem_count ?? problems.length };
}

export async function errorReportFile(
  ctx: ServiceContext,
  id: string,
  dataDir: string,
): Promise<{ file: string; name: string }> {
  const row = await requireJob(ctx, id);
  const file = path.join(jobDir({ dataDir }, id), 'errors.xlsx');
  if (row.has_error_report !== 1 || !fs.existsSync(file)) throw importErrors.noReport();
  return { file, name: `${row.file_name.replace(/\.(xlsx|csv)$/i, '')}-错误报告.xlsx` };
}

/** How long error reports (which hold the failed rows as they were) are kept. */
export const ERROR_REPORT_DAYS = 7;

/**
 * Start-up and housekeeping: jobs a stopped process left running are marked failed, uploads they left are
 * removed, and error reports older than a week are deleted.
 */
export async function tidyImports(db: Executor, dataDir: string, now: Date = new Date()): Promise<void> {
  await failInterruptedJobs(db, now.toISOString(), JSON.stringify(IMPORT_INTERRUPTED));
  const root = path.join(dataDir, 'imports');
  if (!fs.existsSync(root)) return;
  const cutoff = now.getTime() - ERROR_REPORT_DAYS * 86_400_000;
  for (const entry of fs.readdirSync(root)) {
    const dir = path.join(root, entry);
    if (running.has(entry)) continue;
    if (entry.startsWith('upload-') || fs.statSync(dir).mtimeMs < cutoff)
      fs.rmSync(dir, { recursive: true, force: true });
    else
      for (const name of fs.readdirSync(dir))
        if (name.startsWith('source')) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Waits until an import this process runs has finished (for tests and for a clean shutdown). */
export async function importFinished(id: string): Promise<void> {
  await running.get(id)?.done;
}
