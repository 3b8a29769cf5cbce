import ExcelJS from 'exceljs';
import { formatFen, type Lang, type TAnnualPack } from '@tongxin/contracts';
import { formatShare } from '../../platform/figures/index.js';

/**
 * The pack as one printable sheet: a heading, then each section as a small table (grouping, each
 * measure's value and share) with its total. Money in yuan with two decimals, as the summary writes it.
 */
export async function annualWorkbook(pack: TAnnualPack, lang: Lang): Promise<Buffer> {
  const zh = lang === 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(zh ? `${pack.year}年度数据` : `Figures ${pack.year}`, {
    pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 24 }, ...Array.from({ length: 12 }, () => ({ width: 16 }))];
  const heading = sheet.addRow([
    zh ? `${pack.organizationName} ${pack.year} 年度数据` : `${pack.organizationName}: figures of ${pack.year}`,
  ]);
  heading.font = { bold: true, size: 14 };
  sheet.addRow([
    pack.issuedAt
      ? zh
        ? `已签发：${pack.issuedAt.slice(0, 10)}（${pack.issuedBy ?? ''}）`
        : `Issued ${pack.issuedAt.slice(0, 10)} by ${pack.issuedBy ?? ''}`
      : zh
        ? '未签发：数字可能仍会变化'
        : 'Not issued: the figures may still change',
  ]);
  for (const section of pack.sections) {
    sheet.addRow([]);
    sheet.addRow([section.title[lang]]).font = { bold: true };
    const headers = [
      section.groupingLabel?.[lang] ?? '',
      ...section.measures.flatMap((m) => [
        `${m.label[lang]}${m.unit === 'fen' ? (zh ? '（元）' : ' (yuan)') : ''}`,
        zh ? '占比' : 'Share',
      ]),
    ];
    sheet.addRow(headers).font = { bold: true };
    const figure = (unit: 'fen' | 'count', value: number) => (unit === 'fen' ? formatFen(value) : value);
    for (const row of section.rows) {
      const label = section.groupBy ? (row.labels[section.groupBy]?.[lang] ?? '') : zh ? '全部' : 'All';
      sheet.addRow([
        label,
        ...section.measures.flatMap((m) => [
          figure(m.unit, row.values[m.key] ?? 0),
          formatShare(row.shares[m.key] ?? 0),
        ]),
      ]);
    }
    sheet.addRow([
      zh ? '合计' : 'Total',
      ...section.measures.flatMap((m) => [figure(m.unit, section.totals[m.key] ?? 0), '']),
    ]).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
