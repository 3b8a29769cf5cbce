import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExecute } from '../../test-support/raw-sql.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { systemContext } from '../context.js';
import { withTransaction } from '../db/index.js';
import { recordAudit, verifyAuditChains } from './index.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

let chains = 0;

/** A chain of five events, as an organization's creation and four later changes would make. */
async function chainOfFive() {
  chains += 1;
  const chainId = `chain-${chains}`;
  for (let seq = 1; seq <= 5; seq++) {
    await recordAudit(database.db.executor, {
      chainId,
      action: seq === 1 ? 'organization.create' : 'organization.update',
      entityType: 'organization',
      entityId: chainId,
      changes: { description: { before: seq === 1 ? null : `第${seq - 1}次`, after: `第${seq}次` } },
      actor: { id: 'u1', username: 'tester' },
    });
  }
  return chainId;
}

const breakOf = async (chainId: string) =>
  (await verifyAuditChains(database.db.executor)).breaks.find((b) => b.chainId === chainId);

describe('audit chains', () => {
  it('keeps one chain per organization, numbered from 1, that verifies', async () => {
    const chain = await chainOfFive();
    const rows = await rawExecute(database.db, 'select seq, action from audit_events where chain_id = ? order by seq', [
      chain,
    ]);
    expect(rows.map((r) => [Number(r.seq), r.action])).toEqual([
      [1, 'organization.create'],
      [2, 'organization.update'],
      [3, 'organization.update'],
      [4, 'organization.update'],
      [5, 'organization.update'],
    ]);
    expect(await breakOf(chain)).toBeUndefined();
  });

  it('detects an edited row and names it', async () => {
    const chain = await chainOfFive();
    await rawExecute(
      database.db,
      `update audit_events set changes = '{"description":{"before":null,"after":"篡改"}}' where chain_id = ? and seq = 3`,
      [chain],
    );
    expect(await breakOf(chain)).toMatchObject({ seq: 3, problem: 'edited' });
  });

  it('detects a deleted row in the middle', async () => {
    const chain = await chainOfFive();
    await rawExecute(database.db, 'delete from audit_events where chain_id = ? and seq = 2', [chain]);
    expect(await breakOf(chain)).toMatchObject({ seq: 2, problem: 'missing_event' });
  });

  it('detects a cut-off tail through the stored head', async () => {
    const chain = await chainOfFive();
    await rawExecute(database.db, 'delete from audit_events where chain_id = ? and seq >= 4', [chain]);
    expect(await breakOf(chain)).toMatchObject({ seq: 4, problem: 'tail_cut' });
  });

  it('detects a stored head that no longer matches the chain’s last link', async () => {
    const chain = await chainOfFive();
    await rawExecute(database.db, 'update audit_chain_heads set hash = ? where chain_id = ?', ['f'.repeat(64), chain]);
    expect(await breakOf(chain)).toMatchObject({ seq: 5, problem: 'head_mismatch' });
  });

  it('masks personal data before it is stored', async () => {
    const ctx = systemContext(database.db.executor);
    await withTransaction(database.db.executor, (tx) =>
      recordAudit(tx, {
        chainId: 'privacy-test',
        action: 'person.update',
        entityType: 'person',
        entityId: 'p1',
        changes: {
          idNumber: { before: null, after: '150102199001011234' },
          phone: { before: '13800138000', after: '13912345678' },
          address: { before: null, after: '内蒙古自治区呼和浩特市新城区某街道 12 号' },
          password: { before: 'a', after: 'b' },
          name: { before: '张三', after: '张小三' },
        },
        actor: { id: ctx.actor.userId, username: ctx.actor.username },
      }),
    );
    const [row] = await rawExecute(database.db, "select changes from audit_events where chain_id = 'privacy-test'");
    const stored = String(row?.changes);
    expect(stored).not.toContain('150102199001011234');
    expect(stored).not.toContain('13912345678');
    expect(stored).not.toContain('新城区某街道');
    expect(JSON.parse(stored)).toMatchObject({
      idNumber: { after: '1501**********1234' },
      phone: { before: '138****8000', after: '139****5678' },
      password: { before: '[redacted]', after: '[redacted]' },
    });
  });

  it('rolls back with the change it records', async () => {
    const chain = await chainOfFive();
    await expect(
      withTransaction(database.db.executor, async (tx) => {
        await recordAudit(tx, {
          chainId: chain,
          action: 'organization.update',
          entityType: 'organization',
          entityId: chain,
          changes: {},
          actor: null,
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const after = await rawExecute(database.db, 'select count(*) as n from audit_events where chain_id = ?', [chain]);
    expect(Number(after[0]?.n)).toBe(5);
    expect(await breakOf(chain)).toBeUndefined();
  });
});
