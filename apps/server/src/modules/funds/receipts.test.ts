import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../platform/context.js';
import { makeNetwork, type Network } from '../../test-support/factories.js';
import { donate } from '../../test-support/funds-factories.js';
import { pdfText } from '../../test-support/pdf-text.js';
import { contextOf, signIn, startTestServer, type TestServer } from '../../test-support/test-app.js';
import { donationTrace, receiptsOfDonation, refundDonation, reverseEntry, updateOfficialBillNumber } from './index.js';

let server: TestServer;
let net: Network;
let county: ServiceContext;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  county = await contextOf(server.database.db, net.users.wltzqAdmin.username);
});
afterAll(() => server.close());

describe('donation receipts', () => {
  it('numbers receipts in sequence per organization and year, each with its own verification code', async () => {
    const first = await donate(server.database.db, net.orgs.wltzq, 10_000, { receivedOn: '2026-02-01' });
    const second = await donate(server.database.db, net.orgs.wltzq, 20_000, { receivedOn: '2026-02-02' });
    const older = await donate(server.database.db, net.orgs.wltzq, 30_000, { receivedOn: '2025-12-30' });
    const seq = (number: string | null) => Number(number?.slice(-6));
    expect(first.receiptNumber).toMatch(/^JZ2026-\d{6}$/);
    expect(seq(second.receiptNumber)).toBe(seq(first.receiptNumber) + 1);
    expect(older.receiptNumber).toMatch(/^JZ2025-/);
    const [a] = await receiptsOfDonation(county, first.id);
    const [b] = await receiptsOfDonation(county, second.id);
    expect(a?.verificationCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(a?.verificationCode).not.toBe(b?.verificationCode);
  });

  it('a partial refund voids the receipt and issues one for what remains; reversing the refund restores the whole', async () => {
    const gift = await donate(server.database.db, net.orgs.wltzq, 100_000, { receivedOn: '2026-03-01' });
    await refundDonation(county, randomUUID(), gift.id, { amount: 25_000, refundedOn: '2026-03-05', reason: '多汇' });
    let receipts = await receiptsOfDonation(county, gift.id);
    expect(receipts.map((r) => [r.status, r.amount])).toEqual([
      ['void', 100_000],
      ['valid', 75_000],
    ]);
    expect(receipts[1]?.replacesNumber).toBe(receipts[0]?.number);
    expect(receipts[0]?.voidReason).toBe('部分退款 ¥250.00');

    const refund = (await donationTrace(county, gift.id)).steps.find((s) => s.kind === 'refund');
    await reverseEntry(county, randomUUID(), refund?.entryId ?? '', { reversedOn: '2026-03-06', reason: '退款被退回' });
    receipts = await receiptsOfDonation(county, gift.id);
    expect(receipts.filter((r) => r.status === 'valid').map((r) => r.amount)).toEqual([100_000]);

    await refundDonation(county, randomUUID(), gift.id, {
      amount: 100_000,
      refundedOn: '2026-03-07',
      reason: '捐赠人撤回',
    });
    receipts = await receiptsOfDonation(county, gift.id);
    expect(receipts.filter((r) => r.status === 'valid')).toEqual([]);
  });

  it('prints 壹万元整 on the receipt of a ¥10,000 gift, with the official bill number once written in', async (ctx) => {
    const gift = await donate(server.database.db, net.orgs.wltzq, 1_000_000, { receivedOn: '2026-04-01' });
    const [receipt] = await receiptsOfDonation(county, gift.id);
    const updated = await updateOfficialBillNumber(county, receipt?.id ?? '', { officialBillNumber: '财0012345678' });
    expect(updated.officialBillNumber).toBe('财0012345678');
    const client = await signIn(server.app, net.users.wltzqAdmin.username);
    const response = await client.get(`/api/v1/receipts/${receipt?.id ?? ''}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(ctx, response.rawPayload, receipt?.number ?? 'receipt');
    expect(text).toContain('壹万元整');
    expect(text).toContain('¥10,000.00');
    expect(text).toContain(receipt?.number ?? '-');
    expect(text).toContain('财0012345678');
    const stranger = await signIn(server.app, net.users.dengkouAdmin.username);
    expect((await stranger.get(`/api/v1/receipts/${receipt?.id ?? ''}/pdf`)).statusCode).toBe(404);
  });
});
