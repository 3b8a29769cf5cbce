import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TStatisticsSummary } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { makeNetwork, type Network } from '../../test-support/factories.js';
import {
  loadTestVillages,
  makeHousehold,
  makeVillage,
  testVillageCode,
} from '../../test-support/registry-factories.js';
import { householdRows, writeHouseholdWorkbook } from '../../test-support/registry-files.js';
import { contextOf, startTestServer, type TestServer } from '../../test-support/test-app.js';
import { figureRecords, statisticsSummary } from '../statistics/index.js';
import { runImport } from './import/index.js';
import { updateHousehold } from './index.js';

let server: TestServer;
let net: Network;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  await loadTestVillages(server.database.db);
});
afterAll(() => server.close());

const households = async (to: string): Promise<Record<string, number>> => {
  const summary: TStatisticsSummary = await statisticsSummary(
    systemContext(server.database.db.executor),
    server.app.tongxin.figureSources,
    {
      measures: ['registry.households'],
      groupBy: ['household_type', 'monitoring'],
      organizationId: net.orgs.dengkou.id,
      to,
    },
  );
  return Object.fromEntries(
    summary.rows.map((row) => [
      `${row.key.household_type}/${row.key.monitoring}`,
      row.values['registry.households'] ?? 0,
    ]),
  );
};

describe('households as figures', () => {
  it('counts households by type and monitoring category as their history stood on a date', async () => {
    const village = await makeVillage(server.database.db, net.orgs.dengkou, testVillageCode('150822', 1));
    const first = await makeHousehold(server.database.db, village.id); // registered since 2014-06-01
    await makeHousehold(server.database.db, village.id);
    await updateHousehold(systemContext(server.database.db.executor), first.id, {
      type: 'monitored',
      monitoringCategory: 'marginal',
      effectiveOn: '2024-03-01',
    });
    expect(await households('2014-05-31')).toEqual({});
    expect(await households('2023-12-31')).toEqual({ 'registered/': 2 });
    expect(await households('2024-12-31')).toEqual({ 'registered/': 1, 'monitored/marginal': 1 });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'figures-import-'));
    const file = path.join(dir, 'households.xlsx');
    await writeHouseholdWorkbook(
      file,
      householdRows({ rows: 10, villages: [testVillageCode('150822', 2)], codePrefix: 'F' }),
    );
    const report = await runImport(await contextOf(server.database.db, net.users.dengkouAdmin.username), {
      kind: 'households',
      mode: 'all',
      file,
      format: 'xlsx',
      fileName: 'households.xlsx',
    });
    expect(report.committed).toBe(true);
    // householdRows: every fifth has exited poverty; all were identified in 2014.
    expect(await households('2024-12-31')).toEqual({ 'registered/': 9, 'exited/': 2, 'monitored/marginal': 1 });
  });

  it('the households behind each figure are as many as it counts, the not-monitored row included', async () => {
    const ctx = systemContext(server.database.db.executor);
    const sources = server.app.tongxin.figureSources;
    const village = await makeVillage(server.database.db, net.orgs.wltzq, testVillageCode('150824', 1));
    const [monitored, exited] = [
      await makeHousehold(server.database.db, village.id),
      await makeHousehold(server.database.db, village.id),
      await makeHousehold(server.database.db, village.id),
    ];
    await updateHousehold(ctx, monitored.id, {
      type: 'monitored',
      monitoringCategory: 'sudden_hardship',
      effectiveOn: '2023-06-01',
    });
    await updateHousehold(ctx, exited.id, { type: 'exited', exitYear: 2024, effectiveOn: '2024-12-01' });
    for (const to of ['2023-05-31', '2023-12-31', '2024-12-31']) {
      for (const groupBy of [['monitoring'], ['household_type'], ['household_type', 'monitoring']]) {
        const summary = await statisticsSummary(ctx, sources, {
          measures: ['registry.households'],
          groupBy,
          organizationId: net.orgs.wltzq.id,
          to,
        });
        expect(summary.rows.length).toBeGreaterThan(0);
        for (const row of summary.rows) {
          const records = await figureRecords(ctx, sources, {
            measure: 'registry.households',
            organizationId: net.orgs.wltzq.id,
            to,
            ...row.key,
          });
          expect([to, row.key, records.total]).toEqual([to, row.key, row.values['registry.households']]);
        }
      }
    }
  });
});
