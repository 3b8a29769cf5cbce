import { z } from 'zod';
import { ZBusinessDate, ZFen, ZId, ZPageQuery, ZText, ZTimestamp } from './common.js';
import { codes } from './codes.js';
import type { Localized } from './i18n.js';

// Coded values of the 建档立卡 card and the 防返贫监测 form, with their names.

export const HOUSEHOLD_TYPE = codes({
  registered: { 'zh-CN': '建档立卡户', en: 'Registered poor' },
  exited: { 'zh-CN': '脱贫户', en: 'Exited poverty' },
  monitored: { 'zh-CN': '监测对象', en: 'Monitored' },
  ordinary: { 'zh-CN': '一般户', en: 'Ordinary' },
});
export type THouseholdType = z.infer<typeof HOUSEHOLD_TYPE.schema>;

/** National codes of the main causes of poverty. */
export const POVERTY_CAUSE_LABELS: Readonly<Record<number, Localized>> = {
  1: { 'zh-CN': '因病', en: 'Illness' },
  2: { 'zh-CN': '因残', en: 'Disability' },
  3: { 'zh-CN': '因学', en: 'Schooling costs' },
  4: { 'zh-CN': '因灾', en: 'Disaster' },
  5: { 'zh-CN': '缺土地', en: 'Lack of land' },
  6: { 'zh-CN': '缺水', en: 'Lack of water' },
  7: { 'zh-CN': '缺技术', en: 'Lack of skills' },
  8: { 'zh-CN': '缺劳动力', en: 'Lack of labour' },
  9: { 'zh-CN': '缺资金', en: 'Lack of capital' },
  10: { 'zh-CN': '交通条件落后', en: 'Poor transport' },
  11: { 'zh-CN': '自身发展动力不足', en: 'Lack of own drive' },
  99: { 'zh-CN': '其他', en: 'Other' },
};
export const POVERTY_CAUSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 99] as const;
export const ZPovertyCause = z.union(POVERTY_CAUSES.map((code) => z.literal(code)));

export const MONITORING_CATEGORY = codes({
  unstable_exited: { 'zh-CN': '脱贫不稳定户', en: 'Unstable exited' },
  marginal: { 'zh-CN': '边缘易致贫户', en: 'Marginal, prone to poverty' },
  sudden_hardship: { 'zh-CN': '突发严重困难户', en: 'Sudden severe hardship' },
});
export type TMonitoringCategory = z.infer<typeof MONITORING_CATEGORY.schema>;

export const RISK_TYPE = codes({
  illness: { 'zh-CN': '因病', en: 'Illness' },
  disability: { 'zh-CN': '因残', en: 'Disability' },
  schooling: { 'zh-CN': '因学', en: 'Schooling' },
  accident: { 'zh-CN': '因意外事故', en: 'Accident' },
  industry_failure: { 'zh-CN': '因产业项目失败', en: 'Failed business' },
  unstable_employment: { 'zh-CN': '因务工就业不稳', en: 'Unstable employment' },
  disaster: { 'zh-CN': '因自然灾害', en: 'Natural disaster' },
  lack_of_labour: { 'zh-CN': '缺劳动力', en: 'Lack of labour' },
  housing: { 'zh-CN': '住房出现安全问题', en: 'Unsafe housing' },
  drinking_water: { 'zh-CN': '饮水安全问题', en: 'Unsafe drinking water' },
  compulsory_education: { 'zh-CN': '义务教育保障问题', en: 'Compulsory education not secured' },
  medical_insurance: { 'zh-CN': '基本医疗保障问题', en: 'Basic medical cover not secured' },
  other: { 'zh-CN': '其他', en: 'Other' },
});
export type TRiskType = z.infer<typeof RISK_TYPE.schema>;

/** How a household left poverty, or how a risk was removed. */
export const ASSISTANCE_WAY = codes({
  industry: { 'zh-CN': '产业帮扶', en: 'Industry support' },
  employment: { 'zh-CN': '就业帮扶', en: 'Employment support' },
  relocation: { 'zh-CN': '易地搬迁', en: 'Relocation' },
  education: { 'zh-CN': '教育帮扶', en: 'Education support' },
  health: { 'zh-CN': '健康帮扶', en: 'Health support' },
  social_security: { 'zh-CN': '综合保障兜底', en: 'Social security' },
  ecology: { 'zh-CN': '生态补偿', en: 'Ecological compensation' },
  other: { 'zh-CN': '其他', en: 'Other' },
});
export type TAssistanceWay = z.infer<typeof ASSISTANCE_WAY.schema>;

export const RELATION = codes({
  head: { 'zh-CN': '户主', en: 'Head' },
  spouse: { 'zh-CN': '配偶', en: 'Spouse' },
  child: { 'zh-CN': '子女', en: 'Child' },
  child_in_law: { 'zh-CN': '儿媳/女婿', en: 'Child-in-law' },
  grandchild: { 'zh-CN': '孙子女', en: 'Grandchild' },
  parent: { 'zh-CN': '父母', en: 'Parent' },
  grandparent: { 'zh-CN': '祖父母', en: 'Grandparent' },
  sibling: { 'zh-CN': '兄弟姐妹', en: 'Sibling' },
  other: { 'zh-CN': '其他', en: 'Other' },
});
export type TRelation = z.infer<typeof RELATION.schema>;

export const GENDER = codes({
  male: { 'zh-CN': '男', en: 'Male' },
  female: { 'zh-CN': '女', en: 'Female' },
});
export type TGender = z.infer<typeof GENDER.schema>;

export const EDUCATION = codes({
  illiterate: { 'zh-CN': '文盲或半文盲', en: 'Illiterate' },
  preschool: { 'zh-CN': '学龄前儿童', en: 'Pre-school' },
  primary: { 'zh-CN': '小学', en: 'Primary' },
  junior: { 'zh-CN': '初中', en: 'Junior secondary' },
  senior: { 'zh-CN': '高中', en: 'Senior secondary' },
  vocational: { 'zh-CN': '中专', en: 'Vocational secondary' },
  college: { 'zh-CN': '大专及以上', en: 'College or above' },
});
export type TEducation = z.infer<typeof EDUCATION.schema>;

export const SCHOOL_STATUS = codes({
  not_in_school: { 'zh-CN': '非在校生', en: 'Not in school' },
  preschool: { 'zh-CN': '学前教育', en: 'Pre-school' },
  primary: { 'zh-CN': '小学', en: 'Primary school' },
  junior: { 'zh-CN': '初中', en: 'Junior secondary' },
  senior: { 'zh-CN': '普通高中', en: 'Senior secondary' },
  vocational: { 'zh-CN': '中职', en: 'Vocational' },
  higher: { 'zh-CN': '高职高专及本科以上', en: 'Higher education' },
  dropped_out: { 'zh-CN': '辍学', en: 'Dropped out' },
});
export type TSchoolStatus = z.infer<typeof SCHOOL_STATUS.schema>;

export const HEALTH = codes({
  healthy: { 'zh-CN': '健康', en: 'Healthy' },
  chronic: { 'zh-CN': '长期慢性病', en: 'Chronic illness' },
  serious: { 'zh-CN': '大病', en: 'Serious illness' },
  disabled: { 'zh-CN': '残疾', en: 'Disabled' },
});
export type THealth = z.infer<typeof HEALTH.schema>;

export const LABOUR_ABILITY = codes({
  skilled: { 'zh-CN': '技能劳动力', en: 'Skilled labour' },
  ordinary: { 'zh-CN': '普通劳动力', en: 'Ordinary labour' },
  weak: { 'zh-CN': '弱劳动力或半劳动力', en: 'Weak or half labour' },
  lost: { 'zh-CN': '丧失劳动力', en: 'Lost labour ability' },
  none: { 'zh-CN': '无劳动力', en: 'No labour ability' },
});
export type TLabourAbility = z.infer<typeof LABOUR_ABILITY.schema>;

export const VILLAGE_POVERTY_STATUS = codes({
  not_poor: { 'zh-CN': '非贫困村', en: 'Not a poor village' },
  poor: { 'zh-CN': '贫困村', en: 'Poor village' },
  exited: { 'zh-CN': '已出列', en: 'Exited' },
});
export type TVillagePovertyStatus = z.infer<typeof VILLAGE_POVERTY_STATUS.schema>;

const ZYear = z.number().int().min(1980).max(2100);
const text = ZText;

// ── Villages ────────────────────────────────────────────────────────────────

export const ZVillage = z.object({
  id: ZId,
  regionCode: z.string(),
  name: z.string(),
  fullName: z.string(),
  organizationId: ZId,
  organizationName: z.string(),
  isPoorVillage: z.boolean(),
  isOldBaseVillage: z.boolean(),
  isRelocationSite: z.boolean(),
  povertyStatus: VILLAGE_POVERTY_STATUS.schema,
  exitYear: z.number().int().nullable(),
  householdCount: z.number().int().nullable(),
  population: z.number().int().nullable(),
  hasHardenedRoad: z.boolean(),
  hasTapWater: z.boolean(),
  hasElectricity: z.boolean(),
  hasBroadband: z.boolean(),
  collectiveIncome: z.number().int().nullable(),
  workTeam: z.string().nullable(),
  registeredHouseholds: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TVillage = z.infer<typeof ZVillage>;

const villageFields = {
  isPoorVillage: z.boolean(),
  isOldBaseVillage: z.boolean(),
  isRelocationSite: z.boolean(),
  povertyStatus: VILLAGE_POVERTY_STATUS.schema,
  exitYear: ZYear.nullable(),
  householdCount: z.number().int().min(0).max(100_000).nullable(),
  population: z.number().int().min(0).max(1_000_000).nullable(),
  hasHardenedRoad: z.boolean(),
  hasTapWater: z.boolean(),
  hasElectricity: z.boolean(),
  hasBroadband: z.boolean(),
  collectiveIncome: ZFen.nullable(),
  workTeam: text(500).nullable(),
};

export const ZCreateVillageRequest = z
  .object(villageFields)
  .partial()
  .extend({ regionCode: z.string().regex(/^\d{12}$/, { error: 'regionCode.format' }), organizationId: ZId });
export type TCreateVillageRequest = z.input<typeof ZCreateVillageRequest>;

export const ZUpdateVillageRequest = z.object(villageFields).partial().strict();
export type TUpdateVillageRequest = z.input<typeof ZUpdateVillageRequest>;

export const ZVillageListQuery = ZPageQuery.extend({
  q: z.string().trim().max(60).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3}(\d{3})?)?$/)
    .optional(),
  organizationId: ZId.optional(),
  isPoorVillage: z.enum(['true', 'false']).optional(),
  isOldBaseVillage: z.enum(['true', 'false']).optional(),
  povertyStatus: VILLAGE_POVERTY_STATUS.schema.optional(),
  sort: z.enum(['regionCode', 'name', 'registeredHouseholds']).default('regionCode'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TVillageListQuery = z.input<typeof ZVillageListQuery>;

// ── Households and persons ──────────────────────────────────────────────────

export const ZPerson = z.object({
  id: ZId,
  householdId: ZId,
  relation: RELATION.schema,
  name: z.string(),
  /** 1501**********1234; the full number only through the audited reveal action. */
  idNumberMasked: z.string(),
  gender: GENDER.schema,
  birthDate: z.string(),
  education: EDUCATION.schema.nullable(),
  schoolStatus: SCHOOL_STATUS.schema.nullable(),
  health: HEALTH.schema.nullable(),
  labourAbility: LABOUR_ABILITY.schema.nullable(),
  migrantMonths: z.number().int().nullable(),
  hasMedicalInsurance: z.boolean(),
  hasPensionInsurance: z.boolean(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TPerson = z.infer<typeof ZPerson>;

const personFields = {
  relation: RELATION.schema,
  name: text(40).min(1),
  idNumber: z.string().trim().min(1).max(40),
  gender: GENDER.schema,
  education: EDUCATION.schema.nullable(),
  schoolStatus: SCHOOL_STATUS.schema.nullable(),
  health: HEALTH.schema.nullable(),
  labourAbility: LABOUR_ABILITY.schema.nullable(),
  migrantMonths: z.number().int().min(0).max(12).nullable(),
  hasMedicalInsurance: z.boolean(),
  hasPensionInsurance: z.boolean(),
};

export const ZCreatePersonRequest = z.object({
  ...personFields,
  education: personFields.education.optional(),
  schoolStatus: personFields.schoolStatus.optional(),
  health: personFields.health.optional(),
  labourAbility: personFields.labourAbility.optional(),
  migrantMonths: personFields.migrantMonths.optional(),
  hasMedicalInsurance: z.boolean().default(false),
  hasPensionInsurance: z.boolean().default(false),
});
export type TCreatePersonRequest = z.input<typeof ZCreatePersonRequest>;

export const ZUpdatePersonRequest = z.object(personFields).partial().strict();
export type TUpdatePersonRequest = z.input<typeof ZUpdatePersonRequest>;

export const ZHousehold = z.object({
  id: ZId,
  code: z.string().nullable(),
  villageId: ZId,
  regionCode: z.string(),
  villageName: z.string(),
  organizationId: ZId,
  organizationName: z.string(),
  headName: z.string().nullable(),
  headIdNumberMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  type: HOUSEHOLD_TYPE.schema,
  identifiedYear: z.number().int().nullable(),
  identificationScore: z.number().nullable(),
  mainCause: z.number().int().nullable(),
  otherCauses: z.array(z.number().int()),
  incomePerCapita: z.number().int().nullable(),
  wageIncome: z.number().int().nullable(),
  productionIncome: z.number().int().nullable(),
  transferIncome: z.number().int().nullable(),
  propertyIncome: z.number().int().nullable(),
  housingSafe: z.boolean().nullable(),
  drinkingWaterSafe: z.boolean().nullable(),
  exitYear: z.number().int().nullable(),
  exitWay: ASSISTANCE_WAY.schema.nullable(),
  monitoringCategory: MONITORING_CATEGORY.schema.nullable(),
  risks: z.array(RISK_TYPE.schema),
  riskEliminated: z.boolean(),
  riskEliminationWay: ASSISTANCE_WAY.schema.nullable(),
  riskEliminatedOn: z.string().nullable(),
  cadreUserId: ZId.nullable(),
  cadreName: z.string().nullable(),
  memberCount: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type THousehold = z.infer<typeof ZHousehold>;

export const ZHouseholdCard = ZHousehold.extend({ members: z.array(ZPerson) });
export type THouseholdCard = z.infer<typeof ZHouseholdCard>;

const householdFields = {
  code: text(40).nullable(),
  address: text(200).nullable(),
  phone: text(30).nullable(),
  type: HOUSEHOLD_TYPE.schema,
  identifiedYear: ZYear.nullable(),
  identificationScore: z.number().min(0).max(1000).nullable(),
  mainCause: ZPovertyCause.nullable(),
  otherCauses: z.array(ZPovertyCause).max(2),
  incomePerCapita: ZFen.nullable(),
  wageIncome: ZFen.nullable(),
  productionIncome: ZFen.nullable(),
  transferIncome: ZFen.nullable(),
  propertyIncome: ZFen.nullable(),
  housingSafe: z.boolean().nullable(),
  drinkingWaterSafe: z.boolean().nullable(),
  exitYear: ZYear.nullable(),
  exitWay: ASSISTANCE_WAY.schema.nullable(),
  monitoringCategory: MONITORING_CATEGORY.schema.nullable(),
  risks: z.array(RISK_TYPE.schema).max(5),
  riskEliminated: z.boolean(),
  riskEliminationWay: ASSISTANCE_WAY.schema.nullable(),
  riskEliminatedOn: ZBusinessDate.nullable(),
  cadreUserId: ZId.nullable(),
};

/** When a change of type, status or monitoring fields took effect (Beijing date; today when left out). */
const effective = { effectiveOn: ZBusinessDate.optional() };

export const ZCreateHouseholdRequest = z.object({
  villageId: ZId,
  head: ZCreatePersonRequest.omit({ relation: true }),
  ...householdFields,
  code: householdFields.code.optional(),
  address: householdFields.address.optional(),
  phone: householdFields.phone.optional(),
  identifiedYear: householdFields.identifiedYear.optional(),
  identificationScore: householdFields.identificationScore.optional(),
  mainCause: householdFields.mainCause.optional(),
  otherCauses: householdFields.otherCauses.default([]),
  incomePerCapita: householdFields.incomePerCapita.optional(),
  wageIncome: householdFields.wageIncome.optional(),
  productionIncome: householdFields.productionIncome.optional(),
  transferIncome: householdFields.transferIncome.optional(),
  propertyIncome: householdFields.propertyIncome.optional(),
  housingSafe: householdFields.housingSafe.optional(),
  drinkingWaterSafe: householdFields.drinkingWaterSafe.optional(),
  exitYear: householdFields.exitYear.optional(),
  exitWay: householdFields.exitWay.optional(),
  monitoringCategory: householdFields.monitoringCategory.optional(),
  risks: householdFields.risks.default([]),
  riskEliminated: z.boolean().default(false),
  riskEliminationWay: householdFields.riskEliminationWay.optional(),
  riskEliminatedOn: householdFields.riskEliminatedOn.optional(),
  cadreUserId: householdFields.cadreUserId.optional(),
  ...effective,
});
export type TCreateHouseholdRequest = z.input<typeof ZCreateHouseholdRequest>;

export const ZUpdateHouseholdRequest = z
  .object({ ...householdFields, ...effective })
  .partial()
  .strict();
export type TUpdateHouseholdRequest = z.input<typeof ZUpdateHouseholdRequest>;

export const ZHouseholdListQuery = ZPageQuery.extend({
  q: z.string().trim().max(60).optional(),
  villageId: ZId.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3}(\d{3})?)?$/)
    .optional(),
  type: HOUSEHOLD_TYPE.schema.optional(),
  monitoringCategory: MONITORING_CATEGORY.schema.optional(),
  risk: RISK_TYPE.schema.optional(),
  riskEliminated: z.enum(['true', 'false']).optional(),
  mainCause: z.coerce.number().int().optional(),
  /** Exact match on a person's ID number (looked up by its keyed hash; never stored in clear). */
  idNumber: z.string().trim().max(40).optional(),
  asOf: ZBusinessDate.optional(),
  sort: z.enum(['code', 'headName', 'updatedAt', 'incomePerCapita']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type THouseholdListQuery = z.input<typeof ZHouseholdListQuery>;

export const ZHouseholdVersion = z.object({
  id: ZId,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  type: HOUSEHOLD_TYPE.schema,
  monitoringCategory: MONITORING_CATEGORY.schema.nullable(),
  risks: z.array(RISK_TYPE.schema),
  riskEliminated: z.boolean(),
  exitYear: z.number().int().nullable(),
  changedFields: z.array(z.string()),
  recordedAt: ZTimestamp,
  recordedBy: z.string().nullable(),
});
export type THouseholdVersion = z.infer<typeof ZHouseholdVersion>;

export const ZRevealRequest = z.object({ reason: text(200).min(4) });
export const ZRevealResponse = z.object({ value: z.string() });

// ── Imports ─────────────────────────────────────────────────────────────────

export const ZImportKind = z.enum(['households', 'persons']);
export type TImportKind = z.infer<typeof ZImportKind>;
export const ZImportMode = z.enum(['all', 'valid']);
export type TImportMode = z.infer<typeof ZImportMode>;

export const ZImportJob = z.object({
  id: z.string(),
  kind: ZImportKind,
  mode: ZImportMode,
  fileName: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  /** counting (workbooks only), importing (checking and writing each row), done. */
  phase: z.enum(['counting', 'importing', 'done']),
  percent: z.number(),
  totalRows: z.number().nullable(),
  validRows: z.number().nullable(),
  errorRows: z.number().nullable(),
  committedRows: z.number().nullable(),
  committed: z.boolean(),
  problemCount: z.number().nullable(),
  hasErrorReport: z.boolean(),
  /** Why a failed import failed, in the reader's language. */
  message: z.string().nullable(),
  actorUsername: z.string(),
  createdAt: ZTimestamp,
  finishedAt: ZTimestamp.nullable(),
});
export type TImportJob = z.infer<typeof ZImportJob>;

export const ZImportProblem = z.object({
  row: z.number().int(),
  /** The column's header, as the file has it. */
  column: z.string(),
  message: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
export type TImportProblem = z.infer<typeof ZImportProblem>;

export const ZHouseholdSummary = z.object({
  total: z.number().int(),
  byType: z.record(z.string(), z.number().int()),
  byCategory: z.record(z.string(), z.number().int()),
  byRisk: z.record(z.string(), z.number().int()),
});
export type THouseholdSummary = z.infer<typeof ZHouseholdSummary>;
