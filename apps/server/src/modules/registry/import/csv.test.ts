import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsvRows } from './csv.js';

const rowsOf = async (bytes: Buffer, chunk = 65_536) => {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  const rows: string[][] = [];
  for await (const row of readCsvRows(Readable.from(chunks))) rows.push(row);
  return rows;
};

describe('CSV', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside fields, and CRLF', async () => {
    const rows = await rowsOf(Buffer.from('户编号,家庭住址\r\n"A1","某村,三组 ""老屋""\n12号"\r\nA2,\r\n'));
    expect(rows).toEqual([
      ['户编号', '家庭住址'],
      ['A1', '某村,三组 "老屋"\n12号'],
      ['A2', ''],
    ]);
  });

  it('reads UTF-8 even when a chunk boundary cuts a Chinese character', async () => {
    const text = `姓名\n${'张三丰\n'.repeat(40_000)}`;
    const rows = await rowsOf(Buffer.from(text, 'utf8'), 65_537);
    expect(rows).toHaveLength(40_001);
    expect(rows.every((row, i) => row[0] === (i === 0 ? '姓名' : '张三丰'))).toBe(true);
  });

  it('reads GB18030, as Excel in China saves CSV, and a UTF-8 BOM', async () => {
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]); // 姓名\n张三\n
    expect(await rowsOf(gbk)).toEqual([['姓名'], ['张三']]);
    expect(await rowsOf(Buffer.from('\uFEFF姓名\n李四\n'))).toEqual([['姓名'], ['李四']]);
  });
});
