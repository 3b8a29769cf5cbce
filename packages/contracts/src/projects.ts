import { z } from 'zod';
import { ZBusinessDate, ZFen, ZId, ZPageQuery, ZText, ZTimestamp } from './common.js';
import { codes } from './codes.js';
import { ZOrganizationLevel } from './organizations.js';

export const PROJECT_CATEGORY = codes({
  finance: { 'zh-CN': '金融扶贫', en: 'Finance' },
  education: { 'zh-CN': '教育助学', en: 'Education' },
  health: { 'zh-CN': '健康医疗', en: 'Health' },
  industry: { 'zh-CN': '产业发展', en: 'Industry' },
  employment: { 'zh-CN': '就业帮扶', en: 'Employment' },
  infrastructure: { 'zh-CN': '基础设施', en: 'Infrastructure' },
  consumption: { 'zh-CN': '消费帮扶', en: 'Consumption' },
  public_welfare: { 'zh-CN': '公益慈善', en: 'Public welfare' },
  direct_aid: { 'zh-CN': '直接款物', en: 'Direct cash and goods' },
});
export type TProjectCategory = z.infer<typeof PROJECT_CATEGORY.schema>;

export const INFRASTRUCTURE_KIND = codes({
  road: { 'zh-CN': '道路', en: 'Road' },
  water: { 'zh-CN': '饮水', en: 'Water' },
  telecom: { 'zh-CN': '通信', en: 'Telecom' },
  housing: { 'zh-CN': '住房', en: 'Housing' },
});
export type TInfrastructureKind = z.infer<typeof INFRASTRUCTURE_KIND.schema>;

/** 输血 (direct relief) or 造血 (building the capacity to earn). */
export const ASSISTANCE_MODE = codes({
  relief: { 'zh-CN': '输血式（直接救助）', en: 'Direct relief' },
  capacity: { 'zh-CN': '造血式（能力建设）', en: 'Capacity building' },
});
export type TAssistanceMode = z.infer<typeof ASSISTANCE_MODE.schema>;

export const PARTNER_ROLE = codes({
  implementer: { 'zh-CN': '实施单位', en: 'Implementer' },
  funder: { 'zh-CN': '出资单位', en: 'Funder' },
  bank: { 'zh-CN': '合作银行', en: 'Partner bank' },
  school: { 'zh-CN': '合作学校', en: 'Partner school' },
  other: { 'zh-CN': '其他合作方', en: 'Other partner' },
});
export type TPartnerRole = z.infer<typeof PARTNER_ROLE.schema>;

export const PROJECT_STATUS = codes({
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '已申报', en: 'Submitted' },
  approved: { 'zh-CN': '已立项', en: 'Approved' },
  in_progress: { 'zh-CN': '实施中', en: 'In progress' },
  completed: { 'zh-CN': '已完工', en: 'Completed' },
  accepted: { 'zh-CN': '验收通过', en: 'Accepted' },
  closed: { 'zh-CN': '已结项', en: 'Closed' },
  suspended: { 'zh-CN': '已暂停', en: 'Suspended' },
  terminated: { 'zh-CN': '已终止', en: 'Terminated' },
});
export type TProjectStatus = z.infer<typeof PROJECT_STATUS.schema>;

export const PROJECT_ACTION = codes({
  submit: { 'zh-CN': '申报', en: 'Submit' },
  approve: { 'zh-CN': '立项', en: 'Approve' },
  reject: { 'zh-CN': '退回', en: 'Reject' },
  start: { 'zh-CN': '开始实施', en: 'Start' },
  complete: { 'zh-CN': '完工', en: 'Complete' },
  accept: { 'zh-CN': '验收通过', en: 'Accept' },
  fail_acceptance: { 'zh-CN': '验收不通过', en: 'Fail acceptance' },
  close: { 'zh-CN': '结项', en: 'Close' },
  suspend: { 'zh-CN': '暂停', en: 'Suspend' },
  resume: { 'zh-CN': '恢复', en: 'Resume' },
  terminate: { 'zh-CN': '终止', en: 'Terminate' },
});
export type TProjectAction = z.infer<typeof PROJECT_ACTION.schema>;

export const BENEFICIARY_GROUP = codes({
  persons: { 'zh-CN': '人', en: 'people' },
  households: { 'zh-CN': '户', en: 'households' },
  farmers: { 'zh-CN': '农牧民', en: 'farmers and herders' },
  students: { 'zh-CN': '学生', en: 'students' },
  patients: { 'zh-CN': '患者', en: 'patients' },
  disabled: { 'zh-CN': '残疾人', en: 'people with disabilities' },
  villages: { 'zh-CN': '个村', en: 'villages' },
  cooperatives: { 'zh-CN': '个合作社', en: 'cooperatives' },
});
export type TBeneficiaryGroup = z.infer<typeof BENEFICIARY_GROUP.schema>;

const text = ZText;

export const ZPartner = z.object({ organizationId: ZId, role: PARTNER_ROLE.schema });
export const ZBeneficiaryCount = z.object({
  group: BENEFICIARY_GROUP.schema,
  count: z.number().int().min(0).max(1e9),
  note: text(100).nullish(),
});

const projectFields = {
  name: text(120).min(2),
  category: PROJECT_CATEGORY.schema,
  infrastructureKind: INFRASTRUCTURE_KIND.schema.nullable(),
  governmentObligated: z.boolean(),
  assistanceMode: ASSISTANCE_MODE.schema,
  targetRegionCodes: z.array(z.string().regex(/^\d{6}(\d{6})?$/, { error: 'regionCode.format' })).max(50),
  targetVillageIds: z.array(ZId).max(200),
  householdIds: z.array(ZId).max(2000),
  beneficiaryCounts: z.array(ZBeneficiaryCount).max(20),
  partners: z.array(ZPartner).max(20),
  budget: ZFen,
  plannedStart: ZBusinessDate,
  plannedEnd: ZBusinessDate,
  description: text(4000).nullable(),
};

export const ZCreateProjectRequest = z
  .object({
    ownerOrganizationId: ZId,
    ...projectFields,
    infrastructureKind: projectFields.infrastructureKind.optional(),
    governmentObligated: z.boolean().default(false),
    assistanceMode: projectFields.assistanceMode.default('capacity'),
    targetRegionCodes: projectFields.targetRegionCodes.default([]),
    targetVillageIds: projectFields.targetVillageIds.default([]),
    householdIds: projectFields.householdIds.default([]),
    beneficiaryCounts: projectFields.beneficiaryCounts.default([]),
    partners: projectFields.partners.default([]),
    budget: ZFen.default(0),
    description: projectFields.description.optional(),
  })
  .refine((p) => p.plannedEnd >= p.plannedStart, { error: 'dateRange.order', path: ['plannedEnd'] });
export type TCreateProjectRequest = z.input<typeof ZCreateProjectRequest>;

export const ZUpdateProjectRequest = z.object(projectFields).partial().strict();
export type TUpdateProjectRequest = z.input<typeof ZUpdateProjectRequest>;

export const ZTransitionRequest = z.object({
  action: PROJECT_ACTION.schema,
  /** Required for reject, fail_acceptance, suspend and terminate. */
  reason: text(1000).nullish(),
  /** The Beijing date the step happened (today when left out); sets actual start and end dates. */
  on: ZBusinessDate.optional(),
});
export type TTransitionRequest = z.input<typeof ZTransitionRequest>;

export const ZProject = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  ownerOrganizationId: ZId,
  ownerOrganizationName: z.string(),
  level: ZOrganizationLevel,
  category: PROJECT_CATEGORY.schema,
  infrastructureKind: INFRASTRUCTURE_KIND.schema.nullable(),
  governmentObligated: z.boolean(),
  assistanceMode: ASSISTANCE_MODE.schema,
  status: PROJECT_STATUS.schema,
  suspendedFrom: PROJECT_STATUS.schema.nullable(),
  targetRegionCodes: z.array(z.string()),
  targetRegionNames: z.array(z.string()),
  targetVillageIds: z.array(ZId),
  householdIds: z.array(ZId),
  beneficiaryCounts: z.array(ZBeneficiaryCount),
  partners: z.array(ZPartner.extend({ organizationName: z.string() })),
  budget: z.number().int(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  description: z.string().nullable(),
  /** What the actor may do next, as the state machine and their role allow. */
  allowedActions: z.array(PROJECT_ACTION.schema),
  canEdit: z.boolean(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TProject = z.infer<typeof ZProject>;

export const ZProjectListQuery = ZPageQuery.extend({
  q: z.string().trim().max(60).optional(),
  category: PROJECT_CATEGORY.schema.optional(),
  level: ZOrganizationLevel.optional(),
  status: PROJECT_STATUS.schema.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{6})?$/)
    .optional(),
  organizationId: ZId.optional(),
  /** Projects running in this year (planned start on or before its end, planned end on or after its start). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  sort: z.enum(['code', 'name', 'budget', 'plannedStart', 'updatedAt']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TProjectListQuery = z.input<typeof ZProjectListQuery>;

export const ZProjectTransition = z.object({
  id: ZId,
  action: PROJECT_ACTION.schema,
  fromStatus: PROJECT_STATUS.schema,
  toStatus: PROJECT_STATUS.schema,
  reason: z.string().nullable(),
  on: z.string(),
  actorUsername: z.string(),
  actorOrganizationName: z.string(),
  recordedAt: ZTimestamp,
});
export type TProjectTransition = z.infer<typeof ZProjectTransition>;

// ── Milestones, reports, inspections, acceptance, files ─────────────────────

export const ZProjectFile = z.object({
  id: ZId,
  kind: z.enum(['photo', 'document']),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  isPublic: z.boolean(),
  createdAt: ZTimestamp,
});
export type TProjectFile = z.infer<typeof ZProjectFile>;

export const ZMilestone = z.object({
  id: ZId,
  title: z.string(),
  dueOn: z.string(),
  targetValue: z.number().nullable(),
  unit: z.string().nullable(),
  achievedValue: z.number().nullable(),
  achievedOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type TMilestone = z.infer<typeof ZMilestone>;

export const ZCreateMilestoneRequest = z.object({
  title: text(200).min(1),
  dueOn: ZBusinessDate,
  targetValue: z.number().min(0).max(1e12).nullish(),
  unit: text(20).nullish(),
});
export type TCreateMilestoneRequest = z.input<typeof ZCreateMilestoneRequest>;

export const ZUpdateMilestoneRequest = z
  .object({
    title: text(200).min(1),
    dueOn: ZBusinessDate,
    targetValue: z.number().min(0).max(1e12).nullable(),
    unit: text(20).nullable(),
    achievedValue: z.number().min(0).max(1e12).nullable(),
    achievedOn: ZBusinessDate.nullable(),
  })
  .partial()
  .strict();
export type TUpdateMilestoneRequest = z.input<typeof ZUpdateMilestoneRequest>;

export const REPORT_KIND = codes({
  progress: { 'zh-CN': '进展报告', en: 'Progress report' },
  final: { 'zh-CN': '结项报告', en: 'Final report' },
});
export type TReportKind = z.infer<typeof REPORT_KIND.schema>;

export const ZFigure = z.object({
  label: text(60).min(1),
  value: z.number().min(-1e12).max(1e12),
  unit: text(20).nullish(),
});

export const ZProgressReport = z.object({
  id: ZId,
  kind: REPORT_KIND.schema,
  reportedOn: z.string(),
  text: z.string(),
  figures: z.array(ZFigure),
  isPublic: z.boolean(),
  photos: z.array(ZProjectFile),
  authorUsername: z.string(),
  createdAt: ZTimestamp,
});
export type TProgressReport = z.infer<typeof ZProgressReport>;

export const ZCreateReportRequest = z.object({
  kind: REPORT_KIND.schema.default('progress'),
  reportedOn: ZBusinessDate,
  text: text(8000).min(1),
  figures: z.array(ZFigure).max(30).default([]),
  isPublic: z.boolean().default(false),
  /** Files uploaded beforehand with POST /projects/{id}/files. */
  photoIds: z.array(ZId).max(30).default([]),
});
export type TCreateReportRequest = z.input<typeof ZCreateReportRequest>;

export const INSPECTION_RATING = codes({
  excellent: { 'zh-CN': '优', en: 'Excellent' },
  good: { 'zh-CN': '良', en: 'Good' },
  fair: { 'zh-CN': '中', en: 'Fair' },
  poor: { 'zh-CN': '差', en: 'Poor' },
});
export type TInspectionRating = z.infer<typeof INSPECTION_RATING.schema>;

export const ZFollowUp = z.object({
  action: text(300).min(1),
  owner: text(60).min(1),
  dueOn: ZBusinessDate,
  done: z.boolean().default(false),
});

export const ZInspection = z.object({
  id: ZId,
  visitedOn: z.string(),
  inspectors: z.string(),
  findings: z.string(),
  rating: INSPECTION_RATING.schema,
  followUps: z.array(ZFollowUp.extend({ overdue: z.boolean() })),
  photos: z.array(ZProjectFile),
  authorUsername: z.string(),
  createdAt: ZTimestamp,
});
export type TInspection = z.infer<typeof ZInspection>;

export const ZCreateInspectionRequest = z.object({
  visitedOn: ZBusinessDate,
  inspectors: text(300).min(1),
  findings: text(8000).min(1),
  rating: INSPECTION_RATING.schema,
  followUps: z.array(ZFollowUp).max(30).default([]),
  photoIds: z.array(ZId).max(30).default([]),
});
export type TCreateInspectionRequest = z.input<typeof ZCreateInspectionRequest>;

export const ZAcceptance = z.object({
  id: ZId,
  checkedOn: z.string(),
  verdict: z.enum(['pass', 'fail']),
  checklist: z.array(z.object({ item: z.string(), passed: z.boolean(), note: z.string().nullable() })),
  remarks: z.string().nullable(),
  authorUsername: z.string(),
  createdAt: ZTimestamp,
});
export type TAcceptance = z.infer<typeof ZAcceptance>;

export const ZCreateAcceptanceRequest = z.object({
  checkedOn: ZBusinessDate,
  checklist: z
    .array(z.object({ item: text(200).min(1), passed: z.boolean(), note: text(500).nullish() }))
    .min(1)
    .max(50),
  remarks: text(4000).nullish(),
});
export type TCreateAcceptanceRequest = z.input<typeof ZCreateAcceptanceRequest>;

/** What is due or overdue under the reporting rules and the project's own plan. */
export const ZOverdueItem = z.object({
  kind: z.enum(['progress_report', 'final_report', 'milestone', 'follow_up']),
  dueOn: z.string(),
  title: z.string(),
});
export type TOverdueItem = z.infer<typeof ZOverdueItem>;

export const ZReportingStatus = z.object({
  nextReportDue: z.string().nullable(),
  overdue: z.array(ZOverdueItem),
});
export type TReportingStatus = z.infer<typeof ZReportingStatus>;

export const ZSupervisionRow = z.object({
  project: z.object({
    id: ZId,
    code: z.string(),
    name: z.string(),
    status: PROJECT_STATUS.schema,
    ownerOrganizationName: z.string(),
  }),
  overdue: z.array(ZOverdueItem),
});
export type TSupervisionRow = z.infer<typeof ZSupervisionRow>;
