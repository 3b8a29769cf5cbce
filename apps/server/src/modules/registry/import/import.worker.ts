/**
 * Runs one import off the server's request thread: its own database connection, the same data key, and
 * progress messages back to the server. The result (or the failure) is the last message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_LANG, type Localized } from '@tongxin/contracts';
import type { Actor } from '../../../platform/access/index.js';
import { isAppError } from '../../../platform/errors/index.js';
import { installKeyring, keyringFromMaster } from '../../../platform/crypto/index.js';
import { openDatabase } from '../../../platform/db/index.js';
import { writeErrorWorkbook } from './error-report.js';
import { runImport, type ImportOptions, type ImportProgress, type ImportReport } from './run-import.js';

export type WorkerInput = {
  jobId: string;
  actor: Actor;
  requestId: string | null;
  options: Omit<ImportOptions, 'onProgress'>;
  errorReportFile: string;
  database: { url: string | null; dataDir: string };
  master: Uint8Array;
};

export type WorkerMessage =
  | { type: 'progress'; phase: ImportProgress['phase']; percent: number }
  | { type: 'done'; report: ImportReport; hasErrorReport: boolean }
  | { type: 'failed'; message: Localized };

const input = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

installKeyring(keyringFromMaster(Buffer.from(input.master)));
const db = openDatabase({ url: input.database.url, dataDir: input.database.dataDir, poolSize: 2 });
try {
  const report = await runImport(
    { db: db.executor, actor: input.actor, requestId: input.requestId, lang: DEFAULT_LANG },
    {
      ...input.options,
      onProgress: (progress) => post({ type: 'progress', phase: progress.phase, percent: progress.percent }),
    },
  );
  if (report.problemCount > 0) {
    await writeErrorWorkbook({
      kind: input.options.kind,
      file: input.options.file,
      format: input.options.format,
      problems: report.problems,
      target: input.errorReportFile,
      encryptAtRest: true,
    });
  }
  post({ type: 'done', report, hasErrorReport: report.problemCount > 0 });
} catch (error) {
  post({
    type: 'failed',
    message: isAppError(error)
      ? { 'zh-CN': error.messageIn('zh-CN'), en: error.messageIn('en') }
      : {
          'zh-CN': `导入失败，登记数据未改变：${error instanceof Error ? error.message : String(error)}`,
          en: `The import failed and changed nothing: ${error instanceof Error ? error.message : String(error)}`,
        },
  });
} finally {
  await db.close();
}
