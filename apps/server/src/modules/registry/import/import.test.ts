import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { THousehold, TPage } from '@tongxin/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNetwork, type Network } from '../../../test-support/factories.js';
import { rawExecute } from '../../../test-support/raw-sql.js';
import { loadTestVillages, makeIdNumber, testVillageCode } from '../../../test-support/registry-factories.js';
import {
  householdRows,
  plantHouseholdErrors,
  writeHouseholdWorkbook,
  writePersonCsv,
} from '../../../test-support/registry-files.js';
import { contextOf, signIn, startTestServer, type TestServer } from '../../../test-support/test-app.js';
import { TEST_DATA_KEY } from '../../../test-support/test-database.js';
import { runImport, writeErrorWorkbook } from './index.js';

let server: TestServer;
let net: Network;
let dir: string;
const villages = [1, 2, 3].map((n) => testVillageCode('150822', n));

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  await loadTestVillages(server.database.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
});
afterAll(() => server.close());

const dengkouContext = () => contextOf(server.database.db, net.users.dengkouAdmin.username);

const count = async (table: string) =>
  Number((await rawExecute(server.database.db, `select count(*) as n from ${table}`))[0]?.n);

describe('importing households', () => {
  it('reports exactly the planted mistakes and, all or nothing, writes nothing', async () => {
    const rows = householdRows({ rows: 1000, villages, codePrefix: 'A' });
    const planted = plantHouseholdErrors(rows);
    const file = path.join(dir, 'planted.xlsx');
    await writeHouseholdWorkbook(file, rows);
    const before = await count('households');
    const progress: number[] = [];
    const report = await runImport(await dengkouContext(), {
      kind: 'households',
      mode: 'all',
      file,
      format: 'xlsx',
      fileName: 'planted.xlsx',
      onProgress: (p) => progress.push(p.percent),
    });
    expect(report.problems.map((p) => ({ row: p.row, column: p.column, reason: p.message['zh-CN'] }))).toEqual(planted);
    expect(report).toMatchObject({
      totalRows: 1000,
      errorRows: 20,
      validRows: 980,
      committed: false,
      committedRows: 0,
    });
    expect(await count('households')).toBe(before);
    expect(progress.at(-1)).toBe(100);

    const errors = path.join(dir, 'planted-errors.xlsx');
    await writeErrorWorkbook({ kind: 'households', file, format: 'xlsx', problems: report.problems, target: errors });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(errors);
    const sheet = workbook.getWorksheet('有误的行');
    expect(sheet?.rowCount).toBe(21);
    const header = (sheet?.getRow(1).values as string[]).slice(1);
    const firstBad = sheet?.getRow(2);
    const idColumn = header.indexOf('户主身份证号') + 1;
    expect(firstBad?.getCell(1).value).toBe(planted[0]?.row);
    expect(firstBad?.getCell(idColumn).note).toBe(planted[0]?.reason);
    expect(firstBad?.getCell(header.length).text).toContain('户主身份证号：身份证号校验位不正确');
    expect(workbook.getWorksheet('错误清单')?.rowCount).toBe(21);
  });

  it('writes only the valid rows when asked, and a corrected error report imports cleanly', async () => {
    const rows = householdRows({ rows: 200, villages, codePrefix: 'B' });
    rows[10] = { ...rows[10], type: '贫困户' };
    rows[20] = { ...rows[20], headIdNumber: rows[19]?.headIdNumber ?? '' };
    const file = path.join(dir, 'valid.xlsx');
    await writeHouseholdWorkbook(file, rows);
    const before = await count('households');
    const ctx = await dengkouContext();
    const report = await runImport(ctx, {
      kind: 'households',
      mode: 'valid',
      file,
      format: 'xlsx',
      fileName: 'valid.xlsx',
    });
    expect(report).toMatchObject({ committed: true, committedRows: 198, errorRows: 2 });
    expect(await count('households')).toBe(before + 198);

    const errors = path.join(dir, 'valid-errors.xlsx');
    await writeErrorWorkbook({ kind: 'households', file, format: 'xlsx', problems: report.problems, target: errors });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(errors);
    const sheet = workbook.getWorksheet('有误的行');
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(1).values as string[]).slice(1);
    sheet.getRow(2).getCell(header.indexOf('户类型') + 1).value = '建档立卡户';
    sheet.getRow(3).getCell(header.indexOf('户主身份证号') + 1).value = makeIdNumber();
    await workbook.xlsx.writeFile(errors);
    const again = await runImport(ctx, {
      kind: 'households',
      mode: 'all',
      file: errors,
      format: 'xlsx',
      fileName: 'fixed.xlsx',
    });
    expect(again).toMatchObject({ committed: true, committedRows: 2, problemCount: 0 });
    expect(await count('households')).toBe(before + 200);
  });

  it('refuses a file without the required columns, naming them', async () => {
    const file = path.join(dir, 'wrong.csv');
    fs.writeFileSync(file, '姓名,电话\n张三,1\n');
    await expect(
      runImport(await dengkouContext(), {
        kind: 'households',
        mode: 'all',
        file,
        format: 'csv',
        fileName: 'wrong.csv',
      }),
    ).rejects.toThrow(/村级区划代码/);
  });
});

describe('importing members', () => {
  it('adds members to existing households and catches a person already registered elsewhere', async () => {
    const rows = householdRows({ rows: 3, villages, codePrefix: 'C' });
    const file = path.join(dir, 'heads.xlsx');
    await writeHouseholdWorkbook(file, rows);
    const ctx = await dengkouContext();
    await runImport(ctx, { kind: 'households', mode: 'all', file, format: 'xlsx', fileName: 'heads.xlsx' });
    const members = path.join(dir, 'members.csv');
    writePersonCsv(members, [
      {
        householdCode: 'C000001',
        relation: '配偶',
        name: '张秀英',
        idNumber: makeIdNumber({ gender: 'female' }),
        gender: '女',
        health: '长期慢性病',
      },
      {
        householdCode: 'C000001',
        relation: '子女',
        name: '王小明',
        idNumber: makeIdNumber({ gender: 'male', birthDate: '2010-05-06' }),
        gender: '男',
        schoolStatus: '初中',
      },
      {
        householdCode: 'C000002',
        relation: '父母',
        name: '户主本人又一次',
        idNumber: rows[0]?.headIdNumber ?? '',
        gender: '男',
      },
      { householdCode: 'NO-SUCH', relation: '子女', name: '无此户', idNumber: makeIdNumber(), gender: '男' },
    ]);
    const report = await runImport(ctx, {
      kind: 'persons',
      mode: 'valid',
      file: members,
      format: 'csv',
      fileName: 'members.csv',
    });
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [4, '身份证号'],
      [5, '户编号'],
    ]);
    expect(report.committedRows).toBe(2);
    const client = await signIn(server.app, net.users.dengkouAdmin.username);
    const found = (await client.get('/api/v1/households?q=C000001')).json<TPage<THousehold>>().items[0];
    expect(found?.memberCount).toBe(3);
  });
});

describe('a killed import', () => {
  it('leaves the registry unchanged when the process dies after passing 50%', async () => {
    const rows = householdRows({ rows: 30_000, villages, codePrefix: 'K' });
    const file = path.join(dir, 'big.csv');
    const headers = (await import('./columns.js')).HOUSEHOLD_COLUMNS;
    fs.writeFileSync(
      file,
      `${headers.map((c) => c.header).join(',')}\n${rows.map((r) => headers.map((c) => r[c.key] ?? '').join(',')).join('\n')}\n`,
    );
    const before = {
      households: await count('households'),
      persons: await count('persons'),
      audit: await count('audit_events'),
    };
    const child = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        'src/cli/main.ts',
        'import',
        'households',
        file,
        '--organization',
        net.orgs.dengkou.id,
      ],
      {
        cwd: fileURLToPath(new URL('../../../../', import.meta.url)),
        env: {
          ...process.env,
          TONGXIN_DATA_DIR: server.database.dataDir,
          DATABASE_URL: server.database.url ?? '',
          TONGXIN_DATA_KEY: TEST_DATA_KEY.toString('hex'),
          LOG_LEVEL: 'warn',
        },
      },
    );
    const killedAt = await new Promise<number>((resolve, reject) => {
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const percents = [...output.matchAll(/Importing households (\d+)% \(importing\)/g)].map((m) => Number(m[1]));
        const last = percents.at(-1);
        if (last !== undefined && last >= 60 && last < 100) {
          child.kill('SIGKILL');
          resolve(last);
        }
      });
      child.on('exit', () => reject(new Error(`the import ended before it could be killed:\n${output}`)));
    });
    expect(killedAt).toBeGreaterThan(50);
    await new Promise((resolve) => child.once('close', resolve));
    expect({
      households: await count('households'),
      persons: await count('persons'),
      audit: await count('audit_events'),
    }).toEqual(before);
  }, 120_000);
});
