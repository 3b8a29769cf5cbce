import { insertMany, runWrittenSql, tablesOf, type Executor } from '../../platform/db/index.js';
import type { FundsTables, ReceiptRow } from './tables.js';

const db = (executor: Executor) => tablesOf<FundsTables>(executor);

/** The next receipt number of an organization's year; the counter row serializes concurrent issuers. */
export async function nextReceiptSeq(executor: Executor, organizationId: string, year: number): Promise<number> {
  const { rows } = await runWrittenSql(
    executor,
    'insert into receipt_counters (organization_id, year, last_seq) values (?, ?, 1) ' +
      'on conflict (organization_id, year) do update set last_seq = receipt_counters.last_seq + 1 returning last_seq',
    [organizationId, year],
  );
  const seq = rows[0]?.last_seq;
  if (typeof seq !== 'number') throw new Error(`no receipt counter for ${organizationId} ${year}`);
  return seq;
}

export async function insertReceipt(executor: Executor, row: ReceiptRow): Promise<void> {
  await insertMany(executor, 'receipts', [row]);
}

export async function receiptsOfDonations(executor: Executor, donationIds: readonly string[]): Promise<ReceiptRow[]> {
  if (donationIds.length === 0) return [];
  return db(executor)
    .selectFrom('receipts')
    .selectAll()
    .where('donation_id', 'in', [...new Set(donationIds)])
    .orderBy('issued_at')
    .orderBy('id')
    .execute();
}

export async function findReceipt(executor: Executor, id: string): Promise<ReceiptRow | undefined> {
  return db(executor).selectFrom('receipts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function voidReceipt(executor: Executor, id: string, at: string, reason: string): Promise<void> {
  await db(executor)
    .updateTable('receipts')
    .set({ status: 'void', voided_at: at, void_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'valid')
    .execute();
}

export async function setOfficialBillNumber(executor: Executor, id: string, number: string | null): Promise<void> {
  await db(executor).updateTable('receipts').set({ official_bill_number: number }).where('id', '=', id).execute();
}

/** A receipt by its printed number and verification code (the public look-up; numbers repeat across organizations). */
export async function findReceiptByCode(
  executor: Executor,
  number: string,
  code: string,
): Promise<ReceiptRow | undefined> {
  return db(executor)
    .selectFrom('receipts')
    .selectAll()
    .where('number', '=', number)
    .where('verification_code', '=', code)
    .executeTakeFirst();
}
