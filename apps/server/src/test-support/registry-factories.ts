import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idNumberCheckCharacter, type TOrganization } from '@tongxin/contracts';
import { createHousehold, createVillage } from '../modules/registry/index.js';
import { loadRegionFile } from '../modules/regions/index.js';
import { systemContext } from '../platform/context.js';
import type { Database } from '../platform/db/index.js';

/** Counties that get a test township with ten villages: 磴口, 乌拉特中旗, 四子王旗 (15) and 永安 (35). */
const COUNTIES = ['150822', '150824', '150929', '350481'];

/** Village region codes for tests, loaded from a small file instead of a province's 15,000. */
export async function loadTestVillages(db: Database): Promise<void> {
  const lines = ['code\tname\tlevel\tparent\tpinyin\tinitials'];
  for (const county of COUNTIES) {
    lines.push(`${county}990000\t测试镇\ttownship\t${county}\t\t`);
    for (let i = 1; i <= 10; i++)
      lines.push(`${county}990${String(i).padStart(3, '0')}\t测试${i}村\tvillage\t${county}990000\t\t`);
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'villages-')), 'test.tsv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  await loadRegionFile(systemContext(db.executor), file);
}

export function testVillageCode(county: string, n: number): string {
  return `${county}990${String(n).padStart(3, '0')}`;
}

let serial = 0;
const DAY = 86_400_000;
const DAYS = 20_000;

/**
 * A well-formed ID number, different at every call (up to ten million per process): the birth date walks
 * through 1950–2004, the sequence number moves on each time the dates come round, keeping the gender's
 * parity, and the check character is computed.
 */
export function makeIdNumber(
  options: { birthDate?: string; gender?: 'male' | 'female'; region?: string } = {},
): string {
  serial += 1;
  const birth = options.birthDate ?? new Date(Date.UTC(1950, 0, 1) + (serial % DAYS) * DAY).toISOString().slice(0, 10);
  const sequence = ((Math.floor(serial / DAYS) + process.pid) % 500) * 2 + (options.gender === 'female' ? 0 : 1);
  const first17 = `${options.region ?? '150822'}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

export async function makeVillage(db: Database, owner: TOrganization, regionCode: string) {
  return createVillage(systemContext(db.executor), { regionCode, organizationId: owner.id, isPoorVillage: true });
}

export async function makeHousehold(
  db: Database,
  villageId: string,
  overrides: { headName?: string; idNumber?: string } = {},
) {
  return createHousehold(systemContext(db.executor), {
    villageId,
    type: 'registered',
    identifiedYear: 2014,
    mainCause: 1,
    head: { name: overrides.headName ?? '王建国', idNumber: overrides.idNumber ?? makeIdNumber(), gender: 'male' },
    effectiveOn: '2014-06-01',
  });
}
