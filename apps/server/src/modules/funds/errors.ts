import type { Localized } from '@tongxin/contracts';
import { defineErrors } from '../../platform/errors/index.js';

export const fundErrors = defineErrors({
  insufficient: {
    code: 'FUNDS_INSUFFICIENT',
    status: 409,
    message: {
      'zh-CN': '“{account}”可用余额为 ¥{available}，不足 ¥{amount}；请减少金额或先补充资金',
      en: '“{account}” holds ¥{available}, less than ¥{amount}; lower the amount or add money first',
    },
  },
  designationBreach: {
    code: 'FUNDS_DESIGNATION_BREACH',
    status: 409,
    message: {
      'zh-CN': '不能拨给“{project}”：{rule}。请选择符合捐赠人意愿的资金',
      en: 'Cannot pay “{project}”: {rule}. Choose money whose designation fits',
    },
  },
  governmentObligated: {
    code: 'FUNDS_GOVERNMENT_OBLIGATED',
    status: 409,
    message: {
      'zh-CN': '“{project}”属于应由政府承担投资的项目，不得使用捐赠资金',
      en: '“{project}” is investment the government must fund; donated money may not pay it',
    },
  },
  projectNotFundable: {
    code: 'FUNDS_PROJECT_NOT_FUNDABLE',
    status: 409,
    message: {
      'zh-CN': '项目“{project}”当前为“{status}”，不能接收拨款；立项后至完工前才可拨付',
      en: 'The project “{project}” is {status} and cannot receive money; it may from approval until completion',
    },
  },
  periodClosed: {
    code: 'FUNDS_PERIOD_CLOSED',
    status: 409,
    message: {
      'zh-CN': '{organization} 的 {year} 年度账期已关闭，不能再记入该年的业务；更正请记在未关闭的期间并说明更正内容',
      en: 'The {year} books of {organization} are closed; book the correction in an open period and say what it corrects',
    },
  },
  periodAlreadyClosed: {
    code: 'FUNDS_PERIOD_ALREADY_CLOSED',
    status: 409,
    message: { 'zh-CN': '{year} 年度账期已经关闭', en: 'The {year} books are already closed' },
  },
  alreadyReversed: {
    code: 'FUNDS_ALREADY_REVERSED',
    status: 409,
    message: {
      'zh-CN': '这笔记账已被冲销，不能再次冲销',
      en: 'This entry has already been reversed',
    },
  },
  notReversible: {
    code: 'FUNDS_NOT_REVERSIBLE',
    status: 409,
    message: {
      'zh-CN': '冲销记账本身不能再冲销；如需恢复，请重新登记原业务',
      en: 'A reversal cannot itself be reversed; record the original business again instead',
    },
  },
  settleInstead: {
    code: 'FUNDS_SETTLE_INSTEAD',
    status: 409,
    message: {
      'zh-CN': '发放和支付不能直接冲销；未支付成功的款项请在发放批次中标记为“支付失败”，资金将退回项目',
      en: 'Payments are not reversed directly; mark unpaid payees as failed in the batch, which returns the money to the project',
    },
  },
  entryNotFound: {
    code: 'FUNDS_ENTRY_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该笔记账，或它不在你的查看范围内',
      en: 'The entry does not exist or is outside what you may see',
    },
  },
  accountNotFound: {
    code: 'FUNDS_ACCOUNT_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该资金账户，或它不在你的管理范围内',
      en: 'The fund does not exist or is outside what you manage',
    },
  },
  donorNotFound: {
    code: 'FUNDS_DONOR_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该捐赠人，或不在你的查看范围内',
      en: 'The donor does not exist or is outside what you may see',
    },
  },
  donationNotFound: {
    code: 'FUNDS_DONATION_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该笔捐赠，或不在你的查看范围内',
      en: 'The donation does not exist or is outside what you may see',
    },
  },
  refundTooLarge: {
    code: 'FUNDS_REFUND_TOO_LARGE',
    status: 409,
    message: {
      'zh-CN': '这笔捐赠仍在原基金中的金额为 ¥{available}，退款不能超过它；已拨出的资金须先收回',
      en: 'Only ¥{available} of this gift is still in its fund; money already allocated must come back first',
    },
  },
  idempotencyConflict: {
    code: 'IDEMPOTENCY_KEY_REUSED',
    status: 409,
    message: {
      'zh-CN': '幂等键“{key}”已用于另一笔内容不同的请求；新业务请使用新的键',
      en: 'The idempotency key “{key}” was used for a different request; use a new key for new business',
    },
  },
  idempotencyKeyMissing: {
    code: 'IDEMPOTENCY_KEY_MISSING',
    status: 400,
    message: {
      'zh-CN': '记账请求须带 Idempotency-Key 请求头（每笔业务一个随机值，重试时保持不变）',
      en: 'Posting requests need an Idempotency-Key header (one random value per business event, the same on retries)',
    },
  },
  projectNotFound: {
    code: 'FUNDS_PROJECT_NOT_FOUND',
    status: 404,
    message: { 'zh-CN': '找不到该项目', en: 'The project does not exist' },
  },
  projectOfOtherOrganization: {
    code: 'FUNDS_PROJECT_OF_OTHER_ORGANIZATION',
    status: 409,
    message: {
      'zh-CN': '“{project}”由其他单位负责；请把资金划转给该单位并指定该项目',
      en: '“{project}” is run by another organization; transfer the money to it and name the project',
    },
  },
  receiverNotFound: {
    code: 'FUNDS_RECEIVER_NOT_FOUND',
    status: 404,
    message: { 'zh-CN': '找不到接收资金的单位', en: 'The receiving organization does not exist' },
  },
  transferToSelf: {
    code: 'FUNDS_TRANSFER_TO_SELF',
    status: 400,
    message: {
      'zh-CN': '不能划转给本单位；本单位内使用资金请用“拨付项目”',
      en: 'Cannot transfer to the same organization; allocate to one of its projects instead',
    },
  },
  projectNotEnded: {
    code: 'FUNDS_PROJECT_NOT_ENDED',
    status: 409,
    message: {
      'zh-CN': '项目“{project}”当前为“{status}”；结余处理须在结项或终止之后',
      en: 'The project “{project}” is {status}; leftover money is handled once it is closed or terminated',
    },
  },
  paymentsPending: {
    code: 'FUNDS_PAYMENTS_PENDING',
    status: 409,
    message: {
      'zh-CN': '“{project}”还有待支付的发放款项；请先在发放批次中标记支付结果',
      en: '“{project}” still has pending payments; settle them in their batches first',
    },
  },
  nothingLeft: {
    code: 'FUNDS_NOTHING_LEFT',
    status: 409,
    message: { 'zh-CN': '“{project}”没有结余资金', en: '“{project}” has no money left' },
  },
  pledgeNotFound: {
    code: 'FUNDS_PLEDGE_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该认捐，或不在你的查看范围内',
      en: 'The pledge does not exist or is outside what you may see',
    },
  },
  receiptNotFound: {
    code: 'FUNDS_RECEIPT_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该收据，或不在你的查看范围内',
      en: 'The receipt does not exist or is outside what you may see',
    },
  },
  batchNotFound: {
    code: 'FUNDS_BATCH_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该发放批次，或不在你的管理范围内',
      en: 'The payment batch does not exist or is outside what you manage',
    },
  },
  itemsNotPending: {
    code: 'FUNDS_PAYMENTS_NOT_PENDING',
    status: 409,
    message: {
      'zh-CN': '所选的部分付款不属于该批次或已办结；请刷新后只选择“待支付”的付款',
      en: 'Some chosen payments are not in this batch or already settled; reload and choose pending ones only',
    },
  },
  crossForm: {
    code: 'FUNDS_FORM_MISMATCH',
    status: 409,
    message: {
      'zh-CN': '物资与资金不能互相划转',
      en: 'Goods and money cannot be moved into each other',
    },
  },
});

export const fundFieldMessages = {
  organizationNotWritable: {
    'zh-CN': '所选单位不在你的管理范围内',
    en: 'The chosen organization is outside what you manage',
  },
  donorUnknown: {
    'zh-CN': '找不到该捐赠人，请先登记捐赠人',
    en: 'There is no such donor; register the donor first',
  },
  donorOfOtherOrganization: {
    'zh-CN': '该捐赠人登记在其他单位名下',
    en: 'The donor is registered with another organization',
  },
  designationUnknown: {
    'zh-CN': '定向的项目、村或地区不存在',
    en: 'The project, village or region the money is designated to does not exist',
  },
  pledgeUnknown: { 'zh-CN': '找不到该认捐', en: 'There is no such pledge' },
  pledgeOfOtherDonor: {
    'zh-CN': '该认捐属于其他捐赠人或其他单位',
    en: 'The pledge belongs to another donor or organization',
  },
  pledgeDesignation: {
    'zh-CN': '兑现认捐的捐赠须与认捐的定向一致',
    en: 'A gift fulfilling a pledge must have the pledge’s designation',
  },
  itemsSum: {
    'zh-CN': '物资总价值须大于零',
    en: 'The goods must be worth more than zero',
  },
} as const satisfies Record<string, Localized>;
