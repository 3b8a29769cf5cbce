import { describe, expect, it, type TestContext } from 'vitest';
import { pdfText } from '../../../test-support/pdf-text.js';
import { renderReceiptPdf, type ReceiptDocument } from './receipt-pdf.js';

async function textOf(ctx: TestContext, receipt: ReceiptDocument): Promise<string> {
  return pdfText(ctx, await renderReceiptPdf(receipt), receipt.receiptNumber);
}

const gift: ReceiptDocument = {
  organizationName: '同心乡村振兴基金会',
  receiptNumber: 'JZ2026-000123',
  verificationCode: '7KQ2M9XD',
  donorDisplay: '张先生',
  amountFen: 1_000_000,
  form: 'money',
  items: [],
  designationText: '定向：平安村安全饮水工程',
  businessDate: '2026-11-20',
  officialBillNumber: null,
  issuedAt: '2026-11-20T06:03:00.000Z',
};

const goods: ReceiptDocument = {
  ...gift,
  receiptNumber: 'JZ2026-000124',
  donorDisplay: '某某农业科技有限公司',
  amountFen: 1_905_500,
  form: 'goods',
  items: [
    { name: '东北大米', quantity: 200, unit: '袋', unitValueFen: 4_500, valuationBasis: '购货发票' },
    { name: '食用油', quantity: 100, unit: '桶', unitValueFen: 10_055, valuationBasis: '市场价格' },
  ],
  designationText: '非定向',
  officialBillNumber: '31010226-0001234',
};

describe('renderReceiptPdf', () => {
  it('prints a ¥10,000 gift in capitals and figures, with the number, the organization and the donor', async (ctx) => {
    const text = await textOf(ctx, gift);
    expect(text).toContain('人民币壹万元整');
    expect(text).toContain('¥10,000.00');
    expect(text).toContain('JZ2026-000123');
    expect(text).toContain('同心乡村振兴基金会');
    expect(text).toContain('张先生');
    expect(text).toContain('定向：平安村安全饮水工程');
    expect(text).toContain('2026-11-20 14:03'); // 06:03 UTC in Beijing
    expect(text).toMatch(/输入收据编号 JZ2026-000123 和查验码\s*7KQ2M9XD/);
    expect(text).not.toContain('作废');
  });

  it('lists the goods of a gift in kind with their values and valuation', async (ctx) => {
    const text = await textOf(ctx, goods);
    expect(text).toContain('物资明细');
    expect(text).toContain('折合金额');
    expect(text).toContain('人民币壹万玖仟零伍拾伍元整');
    expect(text).toContain('¥19,055.00');
    for (const expected of ['东北大米', '200', '袋', '45.00', '9,000.00', '购货发票']) expect(text).toContain(expected);
    for (const expected of ['食用油', '100', '桶', '100.55', '10,055.00', '市场价格']) expect(text).toContain(expected);
    expect(text).toContain('31010226-0001234');
  });

  it('marks a voided receipt 作废, with the date and the reason', async (ctx) => {
    const text = await textOf(ctx, { ...gift, voided: { on: '2026-12-01', reason: '捐赠人全额退款' } });
    expect(text).toContain('作废');
    expect(text).toContain('2026-12-01');
    expect(text).toContain('捐赠人全额退款');
  });

  it('names the receipt it replaces after a partial refund', async (ctx) => {
    const text = await textOf(ctx, { ...gift, amountFen: 800_000, replacesNumber: 'JZ2026-000100' });
    expect(text).toContain('本收据替代收据 JZ2026-000100');
    expect(text).toContain('人民币捌仟元整');
  });

  it('continues a long list of goods on further pages, numbered', async (ctx) => {
    const items = Array.from({ length: 30 }, (_, i) => ({
      name: `物资${i + 1}号`,
      quantity: 1,
      unit: '箱',
      unitValueFen: 10_000,
      valuationBasis: '购货发票',
    }));
    const text = await textOf(ctx, { ...goods, amountFen: 3_000_000, items });
    expect(text).toContain('物资1号');
    expect(text).toContain('物资30号');
    expect(text).toMatch(/第 1 页，共 [2-9] 页/);
    expect(text).toContain('JZ2026-000124（续）');
  });

  it('is a small PDF with the font embedded as a subset', async () => {
    const pdf = await renderReceiptPdf(gift);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(pdf.length).toBeLessThan(100_000);
  });

  it('refuses amounts and goods not in whole fen, and an issuedAt that is not an instant', async () => {
    await expect(renderReceiptPdf({ ...gift, amountFen: 10.5 })).rejects.toThrow(RangeError);
    await expect(renderReceiptPdf({ ...gift, amountFen: -1 })).rejects.toThrow(RangeError);
    await expect(renderReceiptPdf({ ...gift, issuedAt: 'yesterday' })).rejects.toThrow(RangeError);
    const halfABag = { name: '大米', quantity: 0.5, unit: '袋', unitValueFen: 4_500, valuationBasis: '购货发票' };
    await expect(renderReceiptPdf({ ...goods, items: [halfABag] })).rejects.toThrow(RangeError);
  });
});
