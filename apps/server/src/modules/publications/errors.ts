import type { Localized } from '@tongxin/contracts';
import { defineErrors } from '../../platform/errors/index.js';

export const publicationErrors = defineErrors({
  notFound: {
    code: 'PUBLICATION_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该出版物，或它不在你的查看范围内',
      en: 'The publication does not exist or is outside what you may see',
    },
  },
  publicNotFound: {
    code: 'PUBLIC_PUBLICATION_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该出版物：它不存在或未公开发布；请返回列表查看已发布的出版物',
      en: 'There is no such publication on public view; go back to the list of published ones',
    },
  },
  notWritable: {
    code: 'PUBLICATION_NOT_WRITABLE',
    status: 403,
    message: {
      'zh-CN': '该出版物由其他单位编发，你只能查看；如需更正请联系“{organization}”',
      en: 'Another organization issues this publication and you may only read it; ask “{organization}” for corrections',
    },
  },
  actionNotAllowed: {
    code: 'PUBLICATION_ACTION_NOT_ALLOWED',
    status: 409,
    message: {
      'zh-CN': '出版物当前为“{status}”，不能“{action}”；此时可以：{allowed}',
      en: 'The publication is “{status}” and cannot be “{action}”; what can be done now: {allowed}',
    },
  },
  magazineNeedsPdf: {
    code: 'PUBLICATION_MAGAZINE_PDF_REQUIRED',
    status: 409,
    message: {
      'zh-CN': '期刊须先上传本期 PDF 全文才能发布；请在附件中上传 PDF 后再发布',
      en: 'A magazine issue needs its PDF before it can be published; upload the PDF as an attachment, then publish',
    },
  },
  lastPdfOfPublishedMagazine: {
    code: 'PUBLICATION_LAST_PDF',
    status: 409,
    message: {
      'zh-CN': '这是已发布期刊唯一的 PDF，不能删除；如需替换，请先上传新的 PDF 再删除旧的，或先撤回该期刊',
      en: 'This is the only PDF of a published magazine issue and cannot be removed; upload the replacement first, or withdraw the issue',
    },
  },
  changedMeanwhile: {
    code: 'PUBLICATION_CHANGED_MEANWHILE',
    status: 409,
    message: {
      'zh-CN': '出版物状态刚刚被他人改变，请刷新后再试',
      en: 'Someone changed the publication’s state just now; reload and try again',
    },
  },
});

export const publicationFieldMessages = {
  organizationNotWritable: {
    'zh-CN': '所选单位不在你的管理范围内，不能以它的名义编发',
    en: 'The organization chosen is outside what you manage; you cannot issue publications in its name',
  },
  issueNumberRequired: {
    'zh-CN': '期刊须填写期号，例如“2025年第3期”',
    en: 'A magazine issue needs its issue number, such as “2025年第3期”',
  },
  magazineFieldsOnly: {
    'zh-CN': '只有期刊才填写期号、总期号和印数；请清空此项或把类别改为期刊',
    en: 'Only magazine issues have an issue number, running number and print run; clear this or make it a magazine issue',
  },
  reportYearRequired: {
    'zh-CN': '年度报告须填写所报告的年度，例如 2025',
    en: 'An annual report needs the year it reports on, such as 2025',
  },
  reportYearOnlyAnnual: {
    'zh-CN': '只有年度工作报告和年度财务报告才填写报告年度；请清空此项',
    en: 'Only annual work and financial reports have a report year; clear this',
  },
  reportYearInFuture: {
    'zh-CN': '报告年度 {year} 晚于发布日期所在的年份，请核对',
    en: 'The report year {year} is after the year of the publication date; check it',
  },
  publishedOnInFuture: {
    'zh-CN': '发布日期 {date} 晚于今天（{today}）；请填写今天或更早的日期',
    en: 'The publication date {date} is after today ({today}); give today or an earlier date',
  },
  nothingToPublish: {
    'zh-CN': '正文为空且没有附件；请填写正文或上传附件后再发布',
    en: 'There is no body text and no attachment; write the text or upload an attachment, then publish',
  },
  reasonRequired: {
    'zh-CN': '撤回须填写原因，例如“数据有误，更正后重新发布”',
    en: 'Give the reason for withdrawing, such as “figures wrong, to be corrected and republished”',
  },
  publishedOnRequired: {
    'zh-CN': '已发布过的出版物须保留发布日期；请填写日期',
    en: 'A publication that has been published keeps its publication date; give one',
  },
  fileRole: {
    'zh-CN': '文件用途应为 attachment（附件）或 cover（封面）',
    en: 'The file’s role is attachment or cover',
  },
} as const satisfies Record<string, Localized>;

/** What the upload accepts, for the file-type message. */
export const ACCEPTED_FILES: Readonly<Record<'attachment' | 'cover', string>> = {
  attachment: 'PDF、JPG、PNG、Word (docx)、Excel (xlsx)',
  cover: 'JPG、PNG',
};
