import { z } from 'zod';
import { codes } from './codes.js';
import { ZBusinessDate, ZFen, ZId, ZPageQuery, ZText, ZTimestamp } from './common.js';
import { PROJECT_CATEGORY } from './projects.js';
import { REGION_CODE_PATTERN } from './validation/region-code.js';

export const DONOR_KIND = codes({
  person: { 'zh-CN': '个人', en: 'Person' },
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  organization: { 'zh-CN': '组织', en: 'Organization' },
});
export type TDonorKind = z.infer<typeof DONOR_KIND.schema>;

/** How a donor is named on public pages and receipts, chosen per donation. */
export const DONOR_DISPLAY = codes({
  full_name: { 'zh-CN': '公开全名', en: 'Full name' },
  surname: { 'zh-CN': '仅公开姓氏', en: 'Surname only' },
  anonymous: { 'zh-CN': '匿名', en: 'Anonymous' },
});
export type TDonorDisplay = z.infer<typeof DONOR_DISPLAY.schema>;

export const SALUTATION = codes({
  mr: { 'zh-CN': '先生', en: 'Mr' },
  ms: { 'zh-CN': '女士', en: 'Ms' },
});

export const DONATION_FORM = codes({
  money: { 'zh-CN': '资金', en: 'Money' },
  goods: { 'zh-CN': '物资', en: 'Goods' },
});
export type TDonationForm = z.infer<typeof DONATION_FORM.schema>;

export const PAYMENT_METHOD = codes({
  bank_transfer: { 'zh-CN': '银行转账', en: 'Bank transfer' },
  cash: { 'zh-CN': '现金', en: 'Cash' },
  online: { 'zh-CN': '网络捐赠', en: 'Online' },
});
export type TPaymentMethod = z.infer<typeof PAYMENT_METHOD.schema>;

export const DESIGNATION_KIND = codes({
  unrestricted: { 'zh-CN': '非定向', en: 'Unrestricted' },
  project: { 'zh-CN': '定向项目', en: 'To a project' },
  village: { 'zh-CN': '定向村', en: 'To a village' },
  region: { 'zh-CN': '定向地区', en: 'To a region' },
  category: { 'zh-CN': '定向领域', en: 'To a category' },
});
export type TDesignationKind = z.infer<typeof DESIGNATION_KIND.schema>;

/** What the donor said the money is for (定向). Money goes only where this allows. */
export const ZDesignation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unrestricted') }),
  z.object({ kind: z.literal('project'), projectId: ZId }),
  z.object({ kind: z.literal('village'), villageId: ZId }),
  z.object({
    kind: z.literal('region'),
    regionCode: z.string().regex(REGION_CODE_PATTERN, { error: 'regionCode.format' }),
  }),
  z.object({ kind: z.literal('category'), category: PROJECT_CATEGORY.schema }),
]);
export type TDesignation = z.infer<typeof ZDesignation>;

export const DONATION_STATUS = codes({
  received: { 'zh-CN': '已到账', en: 'Received' },
  partially_refunded: { 'zh-CN': '部分退款', en: 'Partly refunded' },
  refunded: { 'zh-CN': '已退款', en: 'Refunded' },
  reversed: { 'zh-CN': '已冲销', en: 'Reversed' },
});
export type TDonationStatus = z.infer<typeof DONATION_STATUS.schema>;

const ZPhoneText = ZText(30);

export const ZCreateDonorRequest = z.object({
  organizationId: ZId,
  kind: DONOR_KIND.schema,
  name: ZText(100).min(1, { error: 'field.required' }),
  /** Persons: how a surname-only display reads, 张先生 or 张女士. */
  salutation: SALUTATION.schema.nullish(),
  phone: ZPhoneText.nullish(),
  address: ZText(200).nullish(),
  creditCode: ZText(18).nullish(),
  /** 关联方: counted apart in disclosures. */
  isRelatedParty: z.boolean().default(false),
  note: ZText(500).nullish(),
});
export type TCreateDonorRequest = z.input<typeof ZCreateDonorRequest>;

export const ZDonor = z.object({
  id: ZId,
  organizationId: ZId,
  kind: DONOR_KIND.schema,
  name: z.string(),
  salutation: SALUTATION.schema.nullable(),
  phoneMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
  creditCode: z.string().nullable(),
  isRelatedParty: z.boolean(),
  note: z.string().nullable(),
  donationCount: z.number().int(),
  donatedTotal: z.number().int(),
  createdAt: ZTimestamp,
});
export type TDonor = z.infer<typeof ZDonor>;

export const ZDonorListQuery = ZPageQuery.extend({
  q: ZText(100).optional(),
  organizationId: ZId.optional(),
  kind: DONOR_KIND.schema.optional(),
});
export type TDonorListQuery = z.input<typeof ZDonorListQuery>;

export const ZDonationItem = z.object({
  name: ZText(100).min(1, { error: 'field.required' }),
  quantity: z.number().int().min(1).max(1e9),
  unit: ZText(10).nullish(),
  unitValue: ZFen,
  /** How the value was fixed: invoice, market price, appraisal … */
  valuationBasis: ZText(200).min(1, { error: 'field.required' }),
});
export type TDonationItem = z.infer<typeof ZDonationItem>;

export const ZCreateDonationRequest = z
  .object({
    organizationId: ZId,
    donorId: ZId,
    form: DONATION_FORM.schema.default('money'),
    /** Money only: how it arrived (recorded; there is no payment gateway). */
    method: PAYMENT_METHOD.schema.nullish(),
    /** Money: the amount in fen. Goods: left out; the sum of the items' values. */
    amount: ZFen.refine((fen) => fen > 0, { error: 'amount.positive' }).optional(),
    items: z.array(ZDonationItem).max(200).default([]),
    designation: ZDesignation.default({ kind: 'unrestricted' }),
    displayAs: DONOR_DISPLAY.schema.default('full_name'),
    /** The Beijing calendar date the gift was made. */
    receivedOn: ZBusinessDate,
    pledgeId: ZId.nullish(),
    campaignRef: ZText(100).nullish(),
    note: ZText(500).nullish(),
  })
  .superRefine((d, ctx) => {
    if (d.form === 'money' && d.amount === undefined)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'field.required' });
    if (d.form === 'money' && !d.method) ctx.addIssue({ code: 'custom', path: ['method'], message: 'field.required' });
    if (d.form === 'goods' && d.items.length === 0)
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'field.required' });
  });
export type TCreateDonationRequest = z.input<typeof ZCreateDonationRequest>;

export const ZDonation = z.object({
  id: ZId,
  organizationId: ZId,
  organizationName: z.string(),
  donorId: ZId,
  donorName: z.string(),
  /** The donor as the public sees them: 张三, 张先生 or 匿名. */
  publicName: z.string(),
  form: DONATION_FORM.schema,
  method: PAYMENT_METHOD.schema.nullable(),
  amount: z.number().int(),
  refundedAmount: z.number().int(),
  items: z.array(ZDonationItem),
  designation: ZDesignation,
  designationText: z.string(),
  displayAs: DONOR_DISPLAY.schema,
  receivedOn: z.string(),
  pledgeId: ZId.nullable(),
  campaignRef: z.string().nullable(),
  note: z.string().nullable(),
  status: DONATION_STATUS.schema,
  isRelatedParty: z.boolean(),
  entryId: ZId,
  receiptNumber: z.string().nullable(),
  createdAt: ZTimestamp,
});
export type TDonation = z.infer<typeof ZDonation>;

export const ZDonationListQuery = ZPageQuery.extend({
  organizationId: ZId.optional(),
  donorId: ZId.optional(),
  /** The gifts that fulfilled a pledge. */
  pledgeId: ZId.optional(),
  form: DONATION_FORM.schema.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type TDonationListQuery = z.input<typeof ZDonationListQuery>;

export const ZRefundRequest = z.object({
  amount: ZFen.refine((fen) => fen > 0, { error: 'amount.positive' }),
  refundedOn: ZBusinessDate,
  reason: ZText(500).min(1, { error: 'field.required' }),
});
export type TRefundRequest = z.input<typeof ZRefundRequest>;

export const ZAllocationRequest = z.object({
  /** The fund account the money leaves. */
  fundAccountId: ZId,
  projectId: ZId,
  amount: ZFen.refine((fen) => fen > 0, { error: 'amount.positive' }),
  allocatedOn: ZBusinessDate,
  note: ZText(500).nullish(),
});
export type TAllocationRequest = z.input<typeof ZAllocationRequest>;

export const ZTransferRequest = z.object({
  fundAccountId: ZId,
  toOrganizationId: ZId,
  /** Straight into a project of the receiving organization (it must fit the designation). */
  projectId: ZId.nullish(),
  amount: ZFen.refine((fen) => fen > 0, { error: 'amount.positive' }),
  transferredOn: ZBusinessDate,
  isRelatedParty: z.boolean().default(false),
  note: ZText(500).nullish(),
});
export type TTransferRequest = z.input<typeof ZTransferRequest>;

export const ZReversalRequest = z.object({
  /** The date the correction is booked; it must lie in an open period. */
  reversedOn: ZBusinessDate,
  reason: ZText(500).min(1, { error: 'field.required' }),
});
export type TReversalRequest = z.input<typeof ZReversalRequest>;

export const ZClosePeriodRequest = z.object({
  organizationId: ZId,
  year: z.number().int().min(1990).max(2100),
  note: ZText(500).nullish(),
});
export type TClosePeriodRequest = z.input<typeof ZClosePeriodRequest>;

export const ZLedgerPeriodQuery = z.object({ organizationId: ZId.optional() });
export type TLedgerPeriodQuery = z.input<typeof ZLedgerPeriodQuery>;

/** A closed year of an organization's books: no entry may be dated in it any more. */
export const ZLedgerPeriod = z.object({
  organizationId: ZId,
  organizationName: z.string(),
  year: z.number().int(),
  closedAt: ZTimestamp,
  closedBy: z.string(),
  note: z.string().nullable(),
});
export type TLedgerPeriod = z.infer<typeof ZLedgerPeriod>;

export const ACCOUNT_KIND = codes({
  bank: { 'zh-CN': '银行存款及现金', en: 'Bank and cash' },
  inventory: { 'zh-CN': '捐赠物资库存', en: 'In-kind inventory' },
  fund: { 'zh-CN': '基金', en: 'Fund' },
  project_fund: { 'zh-CN': '项目资金', en: 'Project fund' },
  payable: { 'zh-CN': '应付款', en: 'Payables' },
});
export type TAccountKind = z.infer<typeof ACCOUNT_KIND.schema>;

export const ZFundAccount = z.object({
  id: ZId,
  organizationId: ZId,
  organizationName: z.string(),
  kind: ACCOUNT_KIND.schema,
  form: DONATION_FORM.schema,
  designation: ZDesignation.nullable(),
  designationText: z.string(),
  projectId: ZId.nullable(),
  projectName: z.string().nullable(),
  /** What the account holds, in fen, in its normal direction (never negative). */
  balance: z.number().int(),
});
export type TFundAccount = z.infer<typeof ZFundAccount>;

export const ZFundAccountQuery = z.object({
  organizationId: ZId.optional(),
  kind: ACCOUNT_KIND.schema.optional(),
  includeEmpty: z.coerce.boolean().default(false),
});

export const ENTRY_KIND = codes({
  donation: { 'zh-CN': '接收捐赠', en: 'Donation received' },
  refund: { 'zh-CN': '退款', en: 'Refund' },
  allocation: { 'zh-CN': '拨付项目', en: 'Allocation' },
  transfer: { 'zh-CN': '划转', en: 'Transfer' },
  disbursement: { 'zh-CN': '发放', en: 'Disbursement' },
  payment: { 'zh-CN': '支付', en: 'Payment' },
  remainder: { 'zh-CN': '结余处理', en: 'Remainder handling' },
  reversal: { 'zh-CN': '冲销', en: 'Reversal' },
});
export type TEntryKind = z.infer<typeof ENTRY_KIND.schema>;

export const ZJournalLine = z.object({
  accountId: ZId,
  accountText: z.string(),
  organizationId: ZId,
  /** Debit positive, credit negative. */
  amount: z.number().int(),
});

export const ZJournalEntry = z.object({
  id: ZId,
  kind: ENTRY_KIND.schema,
  organizationId: ZId,
  businessDate: z.string(),
  enteredAt: ZTimestamp,
  actorUsername: z.string(),
  memo: z.string(),
  reversesEntryId: ZId.nullable(),
  reversedByEntryId: ZId.nullable(),
  isRelatedParty: z.boolean(),
  lines: z.array(ZJournalLine),
  /** The business records the entry books: the gift, the project, the payment batch. */
  references: z.array(z.object({ kind: z.enum(['donation', 'project', 'payment_batch']), id: ZId, label: z.string() })),
});
export type TJournalEntry = z.infer<typeof ZJournalEntry>;

export const ZJournalQuery = ZPageQuery.extend({
  organizationId: ZId.optional(),
  kind: ENTRY_KIND.schema.optional(),
  from: ZBusinessDate.optional(),
  to: ZBusinessDate.optional(),
});
export type TJournalQuery = z.input<typeof ZJournalQuery>;

export const ZPostingResult = z.object({ entryId: ZId });

/** One step in the life of donated money: where a share of a gift went, first in, first out. */
export const ZTraceStep = z.object({
  entryId: ZId,
  kind: ENTRY_KIND.schema,
  businessDate: z.string(),
  donationId: ZId,
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** in: came into the books; moved: between accounts; out: left the books (paid, refunded). */
  direction: z.enum(['in', 'moved', 'out']),
  amount: z.number().int(),
});
export type TTraceStep = z.infer<typeof ZTraceStep>;

export const ZDonationTrace = z.object({
  donation: ZDonation,
  steps: z.array(ZTraceStep),
  /** Where the gift's money is now, per account, in fen. */
  heldIn: z.array(z.object({ account: z.string(), amount: z.number().int() })),
  spent: z.number().int(),
  refunded: z.number().int(),
  /** What of the gift is still in the fund it came into: the most a refund may give back. */
  refundable: z.number().int(),
});
export type TDonationTrace = z.infer<typeof ZDonationTrace>;

export const ZProjectFunding = z.object({
  projectId: ZId,
  /** Everything that came in (a reversed allocation takes back what it brought). */
  received: z.number().int(),
  /** Of what came in, handed back as money left over (to its fund, or re-designated with consent). */
  returned: z.number().int(),
  spent: z.number().int(),
  held: z.number().int(),
  /** Of what is held: in the project fund, and set aside for payees in open batches. */
  heldInProjectFund: z.number().int(),
  heldForPayees: z.number().int(),
  donations: z.array(
    z.object({ donationId: ZId, publicName: z.string(), receivedOn: z.string(), amount: z.number().int() }),
  ),
});
export type TProjectFunding = z.infer<typeof ZProjectFunding>;

export const PAYEE_KIND = codes({
  household: { 'zh-CN': '农户', en: 'Household' },
  person: { 'zh-CN': '个人', en: 'Person' },
  supplier: { 'zh-CN': '供应商', en: 'Supplier' },
  organization: { 'zh-CN': '单位', en: 'Organization' },
});
export type TPayeeKind = z.infer<typeof PAYEE_KIND.schema>;

export const PAYMENT_STATUS = codes({
  pending: { 'zh-CN': '待支付', en: 'Pending' },
  paid: { 'zh-CN': '已支付', en: 'Paid' },
  failed: { 'zh-CN': '支付失败', en: 'Failed' },
});
export type TPaymentStatus = z.infer<typeof PAYMENT_STATUS.schema>;

export const BATCH_STATUS = codes({
  open: { 'zh-CN': '支付中', en: 'Paying' },
  settled: { 'zh-CN': '已办结', en: 'Settled' },
});
export type TBatchStatus = z.infer<typeof BATCH_STATUS.schema>;

export const ZPaymentItemRequest = z.object({
  payeeKind: PAYEE_KIND.schema,
  payeeName: ZText(100).min(1, { error: 'field.required' }),
  /** A registered household receiving the payment, when it is one. */
  householdId: ZId.nullish(),
  amount: ZFen.refine((fen) => fen > 0, { error: 'amount.positive' }),
  isRelatedParty: z.boolean().default(false),
  note: ZText(200).nullish(),
});

/** 发放批次: the project's money set aside for a list of payees, each then paid or failed. */
export const ZPaymentBatchRequest = z.object({
  projectId: ZId,
  form: DONATION_FORM.schema.default('money'),
  title: ZText(100).min(1, { error: 'field.required' }),
  approvedOn: ZBusinessDate,
  items: z.array(ZPaymentItemRequest).min(1).max(5000),
});
export type TPaymentBatchRequest = z.input<typeof ZPaymentBatchRequest>;

export const ZPaymentItem = z.object({
  id: ZId,
  payeeKind: PAYEE_KIND.schema,
  payeeName: z.string(),
  householdId: ZId.nullable(),
  amount: z.number().int(),
  status: PAYMENT_STATUS.schema,
  settledOn: z.string().nullable(),
  isRelatedParty: z.boolean(),
  note: z.string().nullable(),
});
export type TPaymentItem = z.infer<typeof ZPaymentItem>;

export const ZPaymentBatch = z.object({
  id: ZId,
  organizationId: ZId,
  projectId: ZId,
  projectName: z.string(),
  form: DONATION_FORM.schema,
  title: z.string(),
  approvedOn: z.string(),
  status: BATCH_STATUS.schema,
  total: z.number().int(),
  paidTotal: z.number().int(),
  failedTotal: z.number().int(),
  entryId: ZId,
  items: z.array(ZPaymentItem),
  createdAt: ZTimestamp,
});
export type TPaymentBatch = z.infer<typeof ZPaymentBatch>;

export const ZSettlePaymentsRequest = z.object({
  itemIds: z.array(ZId).min(1).max(5000),
  outcome: z.enum(['paid', 'failed']),
  settledOn: ZBusinessDate,
  note: ZText(200).nullish(),
});
export type TSettlePaymentsRequest = z.input<typeof ZSettlePaymentsRequest>;

export const RECEIPT_STATUS = codes({
  valid: { 'zh-CN': '有效', en: 'Valid' },
  void: { 'zh-CN': '已作废', en: 'Void' },
});

/** 捐赠收据: one per gift, re-issued for what remains after a partial refund. */
export const ZReceipt = z.object({
  id: ZId,
  donationId: ZId,
  number: z.string(),
  verificationCode: z.string(),
  amount: z.number().int(),
  status: RECEIPT_STATUS.schema,
  /** The official 公益事业捐赠票据 number, written in once the paper bill is issued. */
  officialBillNumber: z.string().nullable(),
  replacesNumber: z.string().nullable(),
  issuedAt: ZTimestamp,
  voidedAt: ZTimestamp.nullable(),
  voidReason: z.string().nullable(),
});
export type TReceipt = z.infer<typeof ZReceipt>;

export const ZOfficialBillNumberRequest = z.object({ officialBillNumber: ZText(40).nullable() });

export const PLEDGE_KIND = codes({
  give: { 'zh-CN': '认捐', en: 'Pledge to give' },
  build: { 'zh-CN': '认建', en: 'Pledge to build' },
});

export const INSTALMENT_STATUS = codes({
  due: { 'zh-CN': '未到期', en: 'Not yet due' },
  overdue: { 'zh-CN': '逾期', en: 'Overdue' },
  fulfilled: { 'zh-CN': '已兑现', en: 'Fulfilled' },
});

export const ZCreatePledgeRequest = z.object({
  organizationId: ZId,
  donorId: ZId,
  kind: PLEDGE_KIND.schema,
  /** What is pledged: 认建 a school building, 认捐 ¥50,000 a year for three years … */
  title: ZText(100).min(1, { error: 'field.required' }),
  designation: ZDesignation.default({ kind: 'unrestricted' }),
  displayAs: DONOR_DISPLAY.schema.default('full_name'),
  pledgedOn: ZBusinessDate,
  instalments: z
    .array(z.object({ dueOn: ZBusinessDate, amount: ZFen.refine((fen) => fen > 0, { error: 'amount.positive' }) }))
    .min(1)
    .max(120),
  note: ZText(500).nullish(),
});
export type TCreatePledgeRequest = z.input<typeof ZCreatePledgeRequest>;

export const ZPledge = z.object({
  id: ZId,
  organizationId: ZId,
  organizationName: z.string(),
  donorId: ZId,
  donorName: z.string(),
  kind: PLEDGE_KIND.schema,
  title: z.string(),
  designation: ZDesignation,
  designationText: z.string(),
  displayAs: DONOR_DISPLAY.schema,
  pledgedOn: z.string(),
  total: z.number().int(),
  /** Gifts recorded against the pledge, net of refunds. */
  fulfilled: z.number().int(),
  /** What fell due before today and has not come in. */
  overdue: z.number().int(),
  instalments: z.array(
    z.object({
      id: ZId,
      dueOn: z.string(),
      amount: z.number().int(),
      /** Gifts are counted against instalments in the order they fall due. */
      covered: z.number().int(),
      status: INSTALMENT_STATUS.schema,
    }),
  ),
  note: z.string().nullable(),
  createdAt: ZTimestamp,
});
export type TPledge = z.infer<typeof ZPledge>;

export const ZPledgeListQuery = ZPageQuery.extend({
  organizationId: ZId.optional(),
  donorId: ZId.optional(),
  overdueOnly: z.coerce.boolean().default(false),
});
export type TPledgeListQuery = z.input<typeof ZPledgeListQuery>;

export const REMAINDER_MODE = codes({
  return: { 'zh-CN': '退回原资金', en: 'Returned to its fund' },
  redesignate: { 'zh-CN': '经捐赠人同意改变用途', en: 'Re-designated with the donor’s consent' },
});

/** 结余处理: what a closed or terminated project does with money left over. */
export const ZRemainderRequest = z
  .object({
    mode: REMAINDER_MODE.schema,
    /** For re-designation: the new designation, and how the donors' consent was obtained. */
    designation: ZDesignation.nullish(),
    consent: ZText(500).nullish(),
    handledOn: ZBusinessDate,
  })
  .superRefine((r, ctx) => {
    if (r.mode === 'redesignate' && !r.designation)
      ctx.addIssue({ code: 'custom', path: ['designation'], message: 'field.required' });
    if (r.mode === 'redesignate' && !r.consent)
      ctx.addIssue({ code: 'custom', path: ['consent'], message: 'field.required' });
  });
export type TRemainderRequest = z.input<typeof ZRemainderRequest>;

export const ZRemainder = z.object({
  id: ZId,
  projectId: ZId,
  mode: REMAINDER_MODE.schema,
  amount: z.number().int(),
  designationText: z.string().nullable(),
  consent: z.string().nullable(),
  handledOn: z.string(),
  entryId: ZId,
  /** The reversal that undid this handling (the money went back into the project); null while it stands. */
  reversedByEntryId: ZId.nullable(),
  createdAt: ZTimestamp,
});
export type TRemainder = z.infer<typeof ZRemainder>;
