import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { THousehold, TPage } from '@tongxin/contracts';
import ExcelJS from 'exceljs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loggerOptions } from '../../../platform/logging.js';
import { makeNetwork, type Network } from '../../../test-support/factories.js';
import { rawExecute } from '../../../test-support/raw-sql.js';
import { loadTestVillages, makeIdNumber, testVillageCode } from '../../../test-support/registry-factories.js';
import {
  householdRows,
  writeHouseholdCsv,
  writeHouseholdWorkbook,
  writePersonCsv,
} from '../../../test-support/registry-files.js';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test-support/test-app.js';
import { testDialect } from '../../../test-support/test-database.js';
import { importFinished, tidyImports } from './import-jobs.service.js';

let server: TestServer;
let net: Network;
let client: Client;
let dir: string;
let logs = '';

beforeAll(async () => {
  // Every log line at every level, as the server would write it, kept to search for personal data.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs += chunk.toString();
      callback();
    },
  });
  server = await startTestServer(undefined, pino(loggerOptions('trace'), sink));
  net = await makeNetwork(server.database.db);
  await loadTestVillages(server.database.db);
  client = await signIn(server.app, net.users.dengkouAdmin.username);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'http-import-'));
});
afterAll(() => server.close());

async function tinyFile() {
  const file = path.join(dir, `tiny-${Date.now()}.xlsx`);
  await writeHouseholdWorkbook(
    file,
    householdRows({ rows: 1, villages: [testVillageCode('150822', 3)], codePrefix: `T${Date.now()}` }),
  );
  return file;
}

/** Uploads as a browser form does: the fields first, then the file. */
async function upload(file: string, kind: 'households' | 'persons', mode: 'all' | 'valid') {
  const boundary = '----tongxin-test-boundary';
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.concat([
    Buffer.from(part('kind', kind) + part('mode', mode)),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    fs.readFileSync(file),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const started = await server.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: body,
  });
  expect(started.statusCode, started.body).toBe(202);
  const job = started.json<{ id: string; status: string }>();
  await importFinished(job.id);
  return (await client.get(`/api/v1/imports/${job.id}`)).json<{
    id: string;
    status: string;
    committed: boolean;
    committedRows: number;
    problemCount: number;
    hasErrorReport: boolean;
  }>();
}

describe('imports over HTTP, in a worker', () => {
  const plantedIds: string[] = [];

  it('imports households and members, reports problems, and serves the error workbook', async () => {
    const rows = householdRows({
      rows: 50,
      villages: [1, 2].map((n) => testVillageCode('150822', n)),
      codePrefix: 'H',
    });
    rows[7] = { ...rows[7], type: '贫困户' };
    for (const row of rows) plantedIds.push(row.headIdNumber ?? '');
    const households = path.join(dir, '农户.xlsx');
    await writeHouseholdWorkbook(households, rows);
    const job = await upload(households, 'households', 'valid');
    expect(job).toMatchObject({
      status: 'done',
      committed: true,
      committedRows: 49,
      problemCount: 1,
      hasErrorReport: true,
    });

    // The upload held ID numbers in clear: it is gone; the error report stays for a week.
    const jobDir = path.join(server.database.dataDir, 'imports', job.id);
    expect(fs.readdirSync(jobDir)).toEqual(['errors.xlsx']);
    const problems = (await client.get(`/api/v1/imports/${job.id}/problems`)).json<{
      items: { row: number; column: string }[];
    }>();
    expect(problems.items).toEqual([expect.objectContaining({ row: 9, column: '户类型' })]);
    const report = await client.get(`/api/v1/imports/${job.id}/error-report`);
    expect(report.headers['content-type']).toContain('spreadsheetml');
    expect(String(report.headers['content-disposition'])).toContain(encodeURIComponent('农户-错误报告.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(report.rawPayload) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('有误的行')?.rowCount).toBe(2);

    const members = rows
      .filter((_row, i) => i !== 7)
      .slice(0, 20)
      .map((row, i) => {
        const idNumber = makeIdNumber({ gender: 'female' });
        plantedIds.push(idNumber);
        return { householdCode: row.code ?? '', relation: '配偶', name: `配偶${i}`, idNumber, gender: '女' };
      });
    const membersFile = path.join(dir, '成员.csv');
    writePersonCsv(membersFile, members);
    expect(await upload(membersFile, 'persons', 'all')).toMatchObject({
      status: 'done',
      committed: true,
      committedRows: 20,
    });
    const listed = (await client.get('/api/v1/households?q=H000001')).json<TPage<THousehold>>();
    expect(listed.items[0]?.memberCount).toBe(2);
  });

  it('leaves no planted ID number in the database files, a dump, the audit table or the logs', async () => {
    expect(plantedIds.length).toBe(70);
    // An exact search puts a full number in the URL; the logged URL must not keep it.
    const searched = (await client.get(`/api/v1/households?idNumber=${plantedIds[1] ?? ''}`)).json<TPage<THousehold>>();
    expect(searched.total).toBe(1);
    const audit = JSON.stringify(await rawExecute(server.database.db, 'select * from audit_events'));
    const haystacks: [string, string][] = [
      ['audit table', audit],
      ['logs', logs],
    ];
    if (testDialect() === 'sqlite') {
      await rawExecute(server.database.db, 'select 1');
      const file = path.join(server.database.dataDir, 'tongxin.db');
      haystacks.push(['SQLite file', fs.readFileSync(file).toString('latin1')]);
      if (fs.existsSync(`${file}-wal`))
        haystacks.push(['SQLite WAL', fs.readFileSync(`${file}-wal`).toString('latin1')]);
    } else {
      const url = new URL(server.database.url ?? '');
      const schema = (url.searchParams.get('options') ?? '').replace('-c search_path=', '');
      url.searchParams.delete('options');
      haystacks.push([
        'pg_dump',
        execFileSync('pg_dump', ['--schema', schema, url.toString()], { maxBuffer: 256 * 1024 * 1024 }).toString(),
      ]);
    }
    expect(logs.length).toBeGreaterThan(1000);
    const found = haystacks.flatMap(([where, text]) =>
      plantedIds.filter((id) => text.includes(id)).map((id) => `${id} in ${where}`),
    );
    expect(found).toEqual([]);
    // The numbers are there, encrypted: the registry can still find each one exactly.
    const found0 = (await client.get(`/api/v1/households?idNumber=${plantedIds[0] ?? ''}`)).json<TPage<THousehold>>();
    expect(found0.total).toBe(1);
  });

  it('deletes error reports after a week and marks imports a stopped server left running as failed', async () => {
    const root = path.join(server.database.dataDir, 'imports');
    const recent = fs.readdirSync(root).sort();
    const stale = path.join(root, 'stale-job');
    fs.mkdirSync(stale);
    const old = new Date(Date.now() - 8 * 86_400_000);
    fs.utimesSync(stale, old, old);
    const leftRunning = await upload(await tinyFile(), 'households', 'valid');
    await rawExecute(server.database.db, "update import_jobs set status = 'running', finished_at = null where id = ?", [
      leftRunning.id,
    ]);
    await tidyImports(server.database.db.executor, server.database.dataDir);
    expect(fs.readdirSync(root).sort()).toEqual([...recent, leftRunning.id].sort());
    const after = (await client.get(`/api/v1/imports/${leftRunning.id}`)).json<{ status: string; message: string }>();
    expect(after.status).toBe('failed');
  });

  it('exports the filtered list as a workbook with masked numbers, and audits the export', async () => {
    const response = await client.get('/api/v1/households/export?q=H00001');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(response.rawPayload) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('农户');
    expect(sheet?.rowCount).toBe(11);
    expect(sheet?.getRow(2).getCell(4).text).toMatch(/^1508\*{10}\d{3}[\dX]$/);
    expect(response.rawPayload.toString('latin1')).not.toContain(plantedIds[0]);
    // The export is audited once its last row is written, which may be just after the answer has ended.
    const audited = async () =>
      (await client.get('/api/v1/audit-events?action=registry.export_households')).json<{ items: unknown[] }>().items
        .length;
    await expect.poll(audited).toBe(1);
  });
});

describe('import files at rest', () => {
  const isZip = (bytes: Buffer) => bytes.subarray(0, 2).toString('latin1') === 'PK';
  let jobId = '';
  let encrypted = Buffer.alloc(0);
  let served = Buffer.alloc(0);
  const errorsFile = () => path.join(server.database.dataDir, 'imports', jobId, 'errors.xlsx');
  const download = () => client.get(`/api/v1/imports/${jobId}/error-report`);

  it('keeps the upload and the error workbook encrypted on disk, and serves the workbook as it was', async () => {
    const rows = householdRows({ rows: 4, villages: [testVillageCode('150822', 4)], codePrefix: `R${Date.now()}` });
    rows[2] = { ...rows[2], type: '贫困户' };
    const idNumber = rows[2]?.headIdNumber ?? '';
    const phone = rows[2]?.phone ?? '';
    const file = path.join(dir, '加密.csv');
    writeHouseholdCsv(file, rows);
    expect(fs.readFileSync(file).includes(Buffer.from(idNumber))).toBe(true);

    // The upload as it lies in the job's directory while the worker reads it.
    const kept: Buffer[] = [];
    const rename = fs.renameSync.bind(fs);
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      rename(from, to);
      kept.push(fs.readFileSync(to));
    });
    let job: Awaited<ReturnType<typeof upload>>;
    try {
      job = await upload(file, 'households', 'valid');
    } finally {
      spy.mockRestore();
    }
    expect(job).toMatchObject({ status: 'done', committedRows: 3, problemCount: 1, hasErrorReport: true });
    jobId = job.id;
    expect(kept).toHaveLength(1);
    encrypted = fs.readFileSync(errorsFile());
    for (const [what, bytes] of [
      ['upload', kept[0] ?? Buffer.alloc(0)],
      ['error workbook', encrypted],
    ] as const) {
      expect(bytes.length, what).toBeGreaterThan(100);
      expect(isZip(bytes), what).toBe(false);
      expect(bytes.includes(Buffer.from(idNumber)), `${what}: ID number`).toBe(false);
      expect(bytes.includes(Buffer.from(phone)), `${what}: phone`).toBe(false);
    }

    const response = await download();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    served = Buffer.from(response.rawPayload);
    expect(isZip(served)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(served as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('有误的行');
    expect(sheet?.rowCount).toBe(2);
    const failed: string[] = [];
    sheet?.getRow(2).eachCell((cell) => failed.push(cell.text));
    expect(failed).toEqual(expect.arrayContaining(['4', idNumber, phone, '贫困户']));
  });

  it('still serves an error workbook written before encryption (plain), so an upgrade breaks no job', async () => {
    fs.writeFileSync(errorsFile(), served);
    const response = await download();
    expect(response.statusCode).toBe(200);
    expect(Buffer.from(response.rawPayload).equals(served)).toBe(true);
  });

  it('refuses an error workbook altered on disk with a clear error instead of serving it', async () => {
    const altered = Buffer.from(encrypted);
    const at = Math.floor(altered.length / 2);
    altered[at] = (altered[at] ?? 0) ^ 0x01;
    fs.writeFileSync(errorsFile(), altered);
    const response = await download();
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toBeUndefined();
    const body = response.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('FILE_DAMAGED');
    expect(body.error.message).toContain('已损坏或在服务器上被改动过');

    // Cut short (the last chunk gone) is refused alike; the intact file is served again.
    fs.writeFileSync(errorsFile(), encrypted.subarray(0, encrypted.length - 10));
    expect((await download()).json<{ error: { code: string } }>().error.code).toBe('FILE_DAMAGED');
    fs.writeFileSync(errorsFile(), encrypted);
    expect(Buffer.from((await download()).rawPayload).equals(served)).toBe(true);
  });
});
