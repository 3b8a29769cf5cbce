import { defineErrors } from '../../platform/errors/index.js';

export const portalErrors = defineErrors({
  organizationNotFound: {
    code: 'PORTAL_ORGANIZATION_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该组织；请返回门户首页，从组织列表中选择',
      en: 'There is no such organization; go back to the portal home page and choose one from the list',
    },
  },
  projectNotFound: {
    code: 'PORTAL_PROJECT_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该项目：它不存在或尚未立项公开；请返回项目列表查看已公开的项目',
      en: 'There is no such project on public view (it does not exist or is not approved yet); go back to the list of public projects',
    },
  },
  photoNotFound: {
    code: 'PORTAL_PHOTO_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该照片：它不存在或未公开；请返回项目页面查看已公开的照片',
      en: 'There is no such photo on public view; go back to the project page for the public photos',
    },
  },
  receiptNotVerified: {
    code: 'PORTAL_RECEIPT_NOT_VERIFIED',
    status: 404,
    message: {
      'zh-CN': '收据编号与查验码不匹配：请核对收据上印的收据编号（如 JZ2026-000123）和 8 位查验码后重试',
      en: 'The receipt number and verification code do not match: check the receipt number (such as JZ2026-000123) and the 8-character code printed on the receipt and try again',
    },
  },
});
