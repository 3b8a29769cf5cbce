import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { formatFen } from '@tongxin/contracts';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { fenToChineseCapitals } from './chinese-capitals.js';
// Teaches @types/pdfkit that a font parsed by fontkit may be registered (a type-only augmentation).
import './pdfkit-fonts.js';

/** One line of a gift in kind, valued in fen per unit. */
export type ReceiptItem = {
  name: string;
  quantity: number;
  /** 箱, 袋, 台 …; null when the name says it. */
  unit: string | null;
  unitValueFen: number;
  /** How the value was fixed: invoice, market price, appraisal … */
  valuationBasis: string;
};

/** Everything a donation receipt (捐赠收据) prints, already in the form it is printed in. */
export type ReceiptDocument = {
  organizationName: string;
  /** JZ2026-000123 */
  receiptNumber: string;
  verificationCode: string;
  /** The donor as chosen for the public: 张三, 张先生 or 匿名. */
  donorDisplay: string;
  amountFen: number;
  form: 'money' | 'goods';
  /** Goods only; empty for money. */
  items: readonly ReceiptItem[];
  designationText: string;
  /** The Beijing calendar date of the gift, 'YYYY-MM-DD'. */
  businessDate: string;
  /** 公益事业捐赠票据号; null prints a blank line to write it on by hand. */
  officialBillNumber: string | null;
  /** ISO instant; printed in Beijing time. */
  issuedAt: string;
  voided?: { on: string; reason: string };
  /** The receipt this one replaces (re-issued after a partial refund). */
  replacesNumber?: string;
  /** Where donors check receipts; without it the text points to the platform's portal. */
  verificationUrl?: string;
};

// A5 landscape (210 × 148 mm): a receipt fits on one sheet; a long list of goods flows onto more.
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 419.53;
const MARGIN = 30;
const LEFT = MARGIN;
const WIDTH = PAGE_WIDTH - 2 * MARGIN;
const HALF = WIDTH / 2;
const BOTTOM = PAGE_HEIGHT - MARGIN;
const PAD_X = 5;
const PAD_Y = 4;
const BODY_SIZE = 9.5;
const SMALL_SIZE = 8;
const LEFT_LABEL = 90;
const RIGHT_LABEL = 104;
const STAMP_WIDTH = 170;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#555555';
const LABEL_FILL = '#f1f1f1';
const VOID_RED = '#c0392b';

type Fonts = { regular: fontkit.Font; bold: fontkit.Font };

// Noto Sans SC as TrueType, not CFF: fontkit subsets TrueType without carrying the CFF's tens of thousands of
// subroutines, so a receipt is a few tens of KB and renders in a few ms (docs/decisions/0002-receipt-pdf.md).
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

let fontsOnce: Promise<Fonts> | null = null;

async function parseFont(specifier: string): Promise<fontkit.Font> {
  const path = createRequire(import.meta.url).resolve(specifier);
  const parsed = fontkit.create(await readFile(path));
  if ('fonts' in parsed) throw new Error(`${path} is a font collection, not a single font`);
  return parsed;
}

/** Parsed once per process: pdfkit subsets per document from the same parsed font. */
function receiptFonts(): Promise<Fonts> {
  fontsOnce ??= Promise.all([parseFont(FONT_FILES.regular), parseFont(FONT_FILES.bold)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      fontsOnce = null;
      throw error;
    },
  );
  return fontsOnce;
}

// China keeps no daylight saving time: Beijing is UTC+8 all year (as platform/time.ts assumes too).
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 2026-11-20T06:03:00Z → 2026-11-20 14:03 */
function beijingDateTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`issuedAt is not an instant: ${iso}`);
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function isFen(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** Quantities are whole units and values whole fen, so every line's value is exact. */
function checkItems(items: readonly ReceiptItem[]): void {
  for (const item of items) {
    if (!isFen(item.quantity) || !isFen(item.unitValueFen) || !isFen(item.quantity * item.unitValueFen)) {
      throw new RangeError(
        `Goods need a whole quantity and a whole number of fen per unit: ${item.name} ${String(item.quantity)} × ${String(item.unitValueFen)}`,
      );
    }
  }
}

function yuan(fen: number): string {
  return `¥${formatFen(fen)}`;
}

type Doc = PDFKit.PDFDocument;
type Cell = { text: string; width: number; isLabel?: boolean; isBold?: boolean; align?: 'left' | 'center' | 'right' };

function cellTextHeight(doc: Doc, cell: Cell): number {
  doc.font(cell.isBold ? 'bold' : 'regular').fontSize(BODY_SIZE);
  return doc.heightOfString(cell.text === '' ? ' ' : cell.text, { width: cell.width - 2 * PAD_X });
}

/** Lays the receipt out top to bottom, starting a new page when the next block would not fit. */
class Layout {
  y = MARGIN;

  constructor(
    readonly doc: Doc,
    private readonly continuation: string,
  ) {}

  ensure(height: number, onNewPage?: () => void): void {
    if (this.y + height <= BOTTOM) return;
    this.doc.addPage();
    this.y = MARGIN;
    this.doc
      .font('regular')
      .fontSize(SMALL_SIZE)
      .fillColor(MUTED)
      .text(this.continuation, LEFT, this.y, { width: WIDTH });
    this.y += 16;
    onNewPage?.();
  }

  /** A ruled row of cells, as high as its tallest text; label cells are shaded. */
  row(cells: readonly Cell[], onNewPage?: () => void): void {
    const height = Math.max(...cells.map((c) => cellTextHeight(this.doc, c))) + 2 * PAD_Y;
    this.ensure(height, onNewPage);
    let x = LEFT;
    for (const cell of cells) {
      this.doc.lineWidth(0.6).strokeColor(RULE);
      if (cell.isLabel) this.doc.rect(x, this.y, cell.width, height).fillAndStroke(LABEL_FILL, RULE);
      else this.doc.rect(x, this.y, cell.width, height).stroke();
      const textHeight = cellTextHeight(this.doc, cell);
      this.doc.fillColor(INK).text(cell.text, x + PAD_X, this.y + (height - textHeight) / 2, {
        width: cell.width - 2 * PAD_X,
        align: cell.align ?? (cell.isLabel ? 'center' : 'left'),
      });
      x += cell.width;
    }
    this.y += height;
  }

  paragraph(text: string, options: { size?: number; color?: string; isBold?: boolean; gap?: number } = {}): void {
    const size = options.size ?? BODY_SIZE;
    this.doc.font(options.isBold ? 'bold' : 'regular').fontSize(size);
    const height = this.doc.heightOfString(text, { width: WIDTH });
    this.ensure(height);
    this.doc.fillColor(options.color ?? INK).text(text, LEFT, this.y, { width: WIDTH });
    this.y += height + (options.gap ?? 3);
  }
}

function drawHeader(layout: Layout, receipt: ReceiptDocument, issuedAt: string): void {
  const doc = layout.doc;
  doc.font('bold').fontSize(14).fillColor(INK);
  const nameHeight = doc.heightOfString(receipt.organizationName, { width: WIDTH });
  doc.text(receipt.organizationName, LEFT, layout.y, { width: WIDTH, align: 'center' });
  layout.y += nameHeight + 1;
  doc.fontSize(18).text('捐赠收据', LEFT, layout.y, { width: WIDTH, align: 'center', characterSpacing: 8 });
  layout.y += 30;
  doc.font('regular').fontSize(9);
  doc.text(`收据编号：${receipt.receiptNumber}`, LEFT, layout.y, { width: HALF, lineBreak: false });
  doc.text(`开具时间：${issuedAt}（北京时间）`, LEFT + HALF, layout.y, {
    width: HALF,
    align: 'right',
    lineBreak: false,
  });
  layout.y += 15;
  if (receipt.replacesNumber) {
    layout.paragraph(`本收据替代收据 ${receipt.replacesNumber}（部分退款后按实际捐赠重开），原收据不再有效。`, {
      size: SMALL_SIZE,
    });
  }
  if (receipt.voided) {
    layout.paragraph(`本收据已作废。作废日期：${receipt.voided.on}；原因：${receipt.voided.reason}`, {
      color: VOID_RED,
      isBold: true,
    });
  }
}

function drawParticulars(layout: Layout, receipt: ReceiptDocument, capitals: string): void {
  const isGoods = receipt.form === 'goods';
  layout.row([
    { text: '捐赠人', width: LEFT_LABEL, isLabel: true },
    { text: receipt.donorDisplay, width: HALF - LEFT_LABEL, isBold: true },
    { text: '捐赠日期', width: RIGHT_LABEL, isLabel: true },
    { text: receipt.businessDate, width: HALF - RIGHT_LABEL },
  ]);
  layout.row([
    { text: '捐赠形式', width: LEFT_LABEL, isLabel: true },
    { text: isGoods ? '物资' : '资金', width: HALF - LEFT_LABEL },
    { text: '公益事业捐赠票据号', width: RIGHT_LABEL, isLabel: true },
    { text: receipt.officialBillNumber ?? '', width: HALF - RIGHT_LABEL },
  ]);
  if (receipt.officialBillNumber === null) {
    // A line to write the number on by hand once the 公益事业捐赠票据 is issued.
    layout.doc
      .lineWidth(0.5)
      .strokeColor(RULE)
      .moveTo(LEFT + HALF + RIGHT_LABEL + PAD_X, layout.y - 5)
      .lineTo(LEFT + WIDTH - PAD_X, layout.y - 5)
      .stroke();
  }
  // 人民币 right before the capitals, no gap (支付结算办法 附件一; 会计基础工作规范 第五十二条).
  layout.row([
    { text: isGoods ? '折合金额（大写）' : '金额（大写）', width: LEFT_LABEL, isLabel: true },
    { text: `人民币${capitals}`, width: HALF - LEFT_LABEL + RIGHT_LABEL, isBold: true },
    { text: `（小写）${yuan(receipt.amountFen)}`, width: HALF - RIGHT_LABEL, isBold: true },
  ]);
  layout.row([
    { text: '捐赠用途', width: LEFT_LABEL, isLabel: true },
    { text: receipt.designationText, width: WIDTH - LEFT_LABEL },
  ]);
}

const ITEM_COLUMNS = [
  { title: '物资名称', width: 130, align: 'left' },
  { title: '数量', width: 50, align: 'right' },
  { title: '单位', width: 36, align: 'center' },
  { title: '单价（元）', width: 72, align: 'right' },
  { title: '金额（元）', width: 84, align: 'right' },
  { title: '估值依据', width: WIDTH - 372, align: 'left' },
] as const;

function drawItems(layout: Layout, items: readonly ReceiptItem[]): void {
  const header = () => {
    layout.row(ITEM_COLUMNS.map((c) => ({ text: c.title, width: c.width, isLabel: true })));
  };
  layout.y += 6;
  layout.paragraph('物资明细', { isBold: true, gap: 3 });
  header();
  for (const item of items) {
    const values = [
      item.name,
      String(item.quantity),
      item.unit ?? '',
      formatFen(item.unitValueFen),
      formatFen(item.quantity * item.unitValueFen),
      item.valuationBasis,
    ];
    layout.row(
      ITEM_COLUMNS.map((c, i) => ({ text: values[i] ?? '', width: c.width, align: c.align })),
      header,
    );
  }
}

/** How to check the receipt and what it is for, beside the place for the organization's seal. */
function drawFooter(layout: Layout, receipt: ReceiptDocument): void {
  const doc = layout.doc;
  const textWidth = WIDTH - STAMP_WIDTH;
  const where = receipt.verificationUrl ? `在 ${receipt.verificationUrl} ` : '在本平台门户“收据查验”页';
  const howToVerify = `查验：${where}输入收据编号 ${receipt.receiptNumber} 和查验码 ${receipt.verificationCode}，可核对本收据的真伪与内容。`;
  const note = '本收据是收到捐赠的确认凭证；公益性捐赠税前扣除以公益事业捐赠票据为准。';
  doc.font('regular').fontSize(BODY_SIZE);
  const verifyHeight = doc.heightOfString(howToVerify, { width: textWidth - 10 });
  doc.fontSize(SMALL_SIZE);
  const noteHeight = doc.heightOfString(note, { width: textWidth - 10 });
  layout.y += 8;
  layout.ensure(Math.max(verifyHeight + noteHeight + 4, 50));
  doc.font('regular').fontSize(BODY_SIZE).fillColor(INK);
  doc.text(howToVerify, LEFT, layout.y, { width: textWidth - 10 });
  doc.fontSize(SMALL_SIZE).fillColor(MUTED);
  doc.text(note, LEFT, layout.y + verifyHeight + 4, { width: textWidth - 10 });
  doc.fontSize(BODY_SIZE).fillColor(INK);
  doc.text('收款单位（盖章）', LEFT + textWidth, layout.y, { width: STAMP_WIDTH, lineBreak: false });
  layout.y += Math.max(verifyHeight + noteHeight + 4, 50);
}

/** 作废 across every page, drawn last and translucent: over the content, so nothing covers it. */
function drawVoidMarks(doc: Doc): void {
  const pages = doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i += 1) {
    doc.switchToPage(i);
    doc.save();
    doc.rotate(-24, { origin: [PAGE_WIDTH / 2, PAGE_HEIGHT / 2] });
    doc.font('bold').fontSize(110).fillColor(VOID_RED).fillOpacity(0.28);
    doc.text('作废', 0, PAGE_HEIGHT / 2 - 75, { width: PAGE_WIDTH, align: 'center', lineBreak: false });
    doc.restore();
  }
}

function drawPageNumbers(doc: Doc): void {
  const pages = doc.bufferedPageRange();
  if (pages.count < 2) return;
  for (let i = pages.start; i < pages.start + pages.count; i += 1) {
    doc.switchToPage(i);
    doc.font('regular').fontSize(7.5).fillColor(MUTED);
    doc.text(`第 ${i - pages.start + 1} 页，共 ${pages.count} 页`, LEFT, PAGE_HEIGHT - MARGIN + 8, {
      width: WIDTH,
      align: 'center',
      lineBreak: false,
    });
  }
}

/**
 * The printable receipt: A5 landscape, Noto Sans SC embedded as a subset of the glyphs used. Throws a RangeError
 * for an amount or an item that is not in whole fen (and whole units), or an issuedAt that is not an instant.
 */
export async function renderReceiptPdf(receipt: ReceiptDocument): Promise<Buffer> {
  const capitals = fenToChineseCapitals(receipt.amountFen);
  const issuedAt = beijingDateTime(receipt.issuedAt);
  checkItems(receipt.items);
  const fonts = await receiptFonts();
  const doc = new PDFDocument({
    size: [PAGE_WIDTH, PAGE_HEIGHT],
    margin: 0,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `捐赠收据 ${receipt.receiptNumber}`,
      Author: receipt.organizationName,
      CreationDate: new Date(receipt.issuedAt),
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const layout = new Layout(doc, `捐赠收据 ${receipt.receiptNumber}（续）`);
  drawHeader(layout, receipt, issuedAt);
  drawParticulars(layout, receipt, capitals);
  if (receipt.form === 'goods' && receipt.items.length > 0) drawItems(layout, receipt.items);
  drawFooter(layout, receipt);
  drawPageNumbers(doc);
  if (receipt.voided) drawVoidMarks(doc);
  doc.end();
  return done;
}
