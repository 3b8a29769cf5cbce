import type { TGrant } from '@tongxin/contracts';
import { describe, expect, it } from 'vitest';
import { grantsCsv } from './giving.js';
import { yuanText } from './money.js';
import { escapeXml } from './xml.js';

describe('open-data formats', () => {
  it('write fen as yuan to the fen, without floating point', () => {
    expect(yuanText(0)).toBe('0.00');
    expect(yuanText(5)).toBe('0.05');
    expect(yuanText(-1)).toBe('-0.01');
    expect(yuanText(-100_000)).toBe('-1000.00');
    expect(yuanText(123_456_789)).toBe('1234567.89');
    expect(yuanText(900_719_925_474_099)).toBe('9007199254740.99');
  });

  it('keep a spreadsheet from taking text for a formula, and XML well-formed whatever the text', () => {
    const grant: TGrant = {
      id: '360G-TONGXIN-1',
      title: '=HYPERLINK("http://example.invalid")',
      description: '第一行\n第二行',
      currency: 'CNY',
      amountAwarded: 0.1,
      awardDate: '2026-01-01',
      recipientOrganization: [{ id: 'XI-TONGXIN-a', name: '+甲' }],
      fundingOrganization: [{ id: 'XI-TONGXIN-b', name: '乙' }],
      beneficiaryLocation: [{ name: '中国', countryCode: 'CN' }],
    };
    const [, row] = grantsCsv([{ grant, fen: 10 }]).split('\r\n');
    expect(row).toBe(
      `360G-TONGXIN-1,"'=HYPERLINK(""http://example.invalid"")","第一行\n第二行",CNY,0.10,2026-01-01,` +
        `XI-TONGXIN-a,'+甲,XI-TONGXIN-b,乙,中国,CN`,
    );
    expect(escapeXml('a<b & "c"\u0001\u000b')).toBe('a&lt;b &amp; &quot;c&quot;');
  });
});
