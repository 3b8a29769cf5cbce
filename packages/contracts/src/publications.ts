import { z } from 'zod';
import { codes } from './codes.js';
import { ZBusinessDate, ZId, ZPageQuery, ZText, ZTimestamp } from './common.js';

export const PUBLICATION_KIND = codes({
  news: { 'zh-CN': '新闻', en: 'News' },
  brief: { 'zh-CN': '简报', en: 'Brief' },
  research_report: { 'zh-CN': '调研报告', en: 'Research report' },
  magazine_issue: { 'zh-CN': '期刊', en: 'Magazine issue' },
  annual_work_report: { 'zh-CN': '年度工作报告', en: 'Annual work report' },
  annual_financial_report: { 'zh-CN': '年度财务报告', en: 'Annual financial report' },
});
export type TPublicationKind = z.infer<typeof PUBLICATION_KIND.schema>;

/** Kinds that report on a year (the year they report on, not the year they appear). */
export const ANNUAL_PUBLICATION_KINDS: readonly TPublicationKind[] = ['annual_work_report', 'annual_financial_report'];

export const PUBLICATION_STATUS = codes({
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  published: { 'zh-CN': '已发布', en: 'Published' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
});
export type TPublicationStatus = z.infer<typeof PUBLICATION_STATUS.schema>;

export const PUBLICATION_ACTION = codes({
  publish: { 'zh-CN': '发布', en: 'Publish' },
  withdraw: { 'zh-CN': '撤回', en: 'Withdraw' },
});
export type TPublicationAction = z.infer<typeof PUBLICATION_ACTION.schema>;

/** A cover picture (JPG/PNG) or an attachment (PDF, JPG/PNG, Word docx, Excel xlsx). */
export const PUBLICATION_FILE_ROLE = codes({
  attachment: { 'zh-CN': '附件', en: 'Attachment' },
  cover: { 'zh-CN': '封面', en: 'Cover' },
});
export type TPublicationFileRole = z.infer<typeof PUBLICATION_FILE_ROLE.schema>;

const text = ZText;

const publicationFields = {
  kind: PUBLICATION_KIND.schema,
  title: text(200).min(2),
  summary: text(1000),
  /** Plain text or simple Markdown. */
  body: text(50_000),
  /** The Beijing date it appears; a draft may leave it open, publishing sets today's when it is. */
  publishedOn: ZBusinessDate.nullable(),
  /** Magazine issues: 2025年第3期. */
  issueNumber: text(40).min(1).nullable(),
  /** Magazine issues: the running number (总第N期). */
  issueTotal: z.number().int().min(1).max(100_000).nullable(),
  /** Magazine issues: copies printed, when known. */
  copiesPrinted: z.number().int().min(0).max(100_000_000).nullable(),
  /** Annual work and financial reports: the year reported on. */
  reportYear: z.number().int().min(1949).max(2100).nullable(),
};

export const ZCreatePublicationRequest = z.object({
  organizationId: ZId,
  ...publicationFields,
  summary: publicationFields.summary.default(''),
  body: publicationFields.body.default(''),
  publishedOn: publicationFields.publishedOn.optional(),
  issueNumber: publicationFields.issueNumber.optional(),
  issueTotal: publicationFields.issueTotal.optional(),
  copiesPrinted: publicationFields.copiesPrinted.optional(),
  reportYear: publicationFields.reportYear.optional(),
});
export type TCreatePublicationRequest = z.input<typeof ZCreatePublicationRequest>;

export const ZUpdatePublicationRequest = z.object(publicationFields).partial().strict();
export type TUpdatePublicationRequest = z.input<typeof ZUpdatePublicationRequest>;

export const ZPublicationTransitionRequest = z.object({
  action: PUBLICATION_ACTION.schema,
  /** Required to withdraw. */
  reason: text(1000).nullish(),
  /** Publishing: the publication date, if not the one recorded (or today when none is). */
  on: ZBusinessDate.optional(),
});
export type TPublicationTransitionRequest = z.input<typeof ZPublicationTransitionRequest>;

export const ZPublicationFile = z.object({
  id: ZId,
  role: PUBLICATION_FILE_ROLE.schema,
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: ZTimestamp,
});
export type TPublicationFile = z.infer<typeof ZPublicationFile>;

export const ZPublication = z.object({
  id: ZId,
  kind: PUBLICATION_KIND.schema,
  organizationId: ZId,
  organizationName: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  publishedOn: z.string().nullable(),
  status: PUBLICATION_STATUS.schema,
  issueNumber: z.string().nullable(),
  issueTotal: z.number().int().nullable(),
  copiesPrinted: z.number().int().nullable(),
  reportYear: z.number().int().nullable(),
  cover: ZPublicationFile.nullable(),
  attachments: z.array(ZPublicationFile),
  /** Why it was withdrawn, while it is. */
  withdrawnReason: z.string().nullable(),
  withdrawnAt: ZTimestamp.nullable(),
  firstPublishedAt: ZTimestamp.nullable(),
  /** What the actor may do next. */
  allowedActions: z.array(PUBLICATION_ACTION.schema),
  canEdit: z.boolean(),
  createdBy: z.string(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TPublication = z.infer<typeof ZPublication>;

/** A list row: everything but the body and the attachments. */
export const ZPublicationListItem = ZPublication.omit({ body: true, attachments: true }).extend({
  attachmentCount: z.number().int(),
});
export type TPublicationListItem = z.infer<typeof ZPublicationListItem>;

const ZYear = z.coerce.number().int().min(1949).max(2100);

export const ZPublicationListQuery = ZPageQuery.extend({
  q: z.string().trim().max(60).optional(),
  kind: PUBLICATION_KIND.schema.optional(),
  status: PUBLICATION_STATUS.schema.optional(),
  organizationId: ZId.optional(),
  /** By the year of the publication date. */
  year: ZYear.optional(),
});
export type TPublicationListQuery = z.input<typeof ZPublicationListQuery>;

// ── The public portal: published publications only, nothing about who wrote them ──

export const ZPublicPublicationFile = ZPublicationFile.omit({ createdAt: true });
export type TPublicPublicationFile = z.infer<typeof ZPublicPublicationFile>;

export const ZPublicPublication = ZPublication.pick({
  id: true,
  kind: true,
  organizationId: true,
  organizationName: true,
  title: true,
  summary: true,
  body: true,
  issueNumber: true,
  issueTotal: true,
  copiesPrinted: true,
  reportYear: true,
}).extend({
  publishedOn: z.string(),
  cover: ZPublicPublicationFile.nullable(),
  attachments: z.array(ZPublicPublicationFile),
});
export type TPublicPublication = z.infer<typeof ZPublicPublication>;

export const ZPublicPublicationListItem = ZPublicPublication.omit({ body: true, attachments: true });
export type TPublicPublicationListItem = z.infer<typeof ZPublicPublicationListItem>;

export const ZPublicPublicationListQuery = ZPageQuery.extend({
  kind: PUBLICATION_KIND.schema.optional(),
  organizationId: ZId.optional(),
  year: ZYear.optional(),
});
export type TPublicPublicationListQuery = z.input<typeof ZPublicPublicationListQuery>;
