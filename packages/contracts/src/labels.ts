import type { TRole } from './access.js';
import type { TUserStatus } from './accounts.js';
import type { Localized } from './i18n.js';
import type { TMembershipRole, TOrganizationLevel, TOrganizationStatus, TOrganizationType } from './organizations.js';
import type { RegionLevel } from './validation/region-code.js';

/** Names of coded values, shown by the web app and used in server messages. */
export const ORGANIZATION_TYPE_LABELS: Readonly<Record<TOrganizationType, Localized>> = {
  association: { 'zh-CN': '促进会', en: 'Association' },
  social_group: { 'zh-CN': '社会团体', en: 'Social group' },
  foundation: { 'zh-CN': '基金会', en: 'Foundation' },
  social_service: { 'zh-CN': '社会服务机构', en: 'Social service agency' },
  government: { 'zh-CN': '政府部门', en: 'Government department' },
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  bank: { 'zh-CN': '银行', en: 'Bank' },
  school: { 'zh-CN': '学校', en: 'School' },
};

export const ORGANIZATION_LEVEL_LABELS: Readonly<Record<TOrganizationLevel, Localized>> = {
  national: { 'zh-CN': '全国性', en: 'National' },
  provincial: { 'zh-CN': '省级', en: 'Provincial' },
  prefecture: { 'zh-CN': '市级', en: 'Prefecture' },
  county: { 'zh-CN': '县级', en: 'County' },
};

export const ORGANIZATION_STATUS_LABELS: Readonly<Record<TOrganizationStatus, Localized>> = {
  active: { 'zh-CN': '正常', en: 'Active' },
  suspended: { 'zh-CN': '暂停活动', en: 'Suspended' },
  deregistered: { 'zh-CN': '已注销', en: 'Deregistered' },
};

export const REGION_LEVEL_LABELS: Readonly<Record<RegionLevel, Localized>> = {
  province: { 'zh-CN': '省级区划', en: 'province' },
  prefecture: { 'zh-CN': '地市级区划', en: 'prefecture' },
  county: { 'zh-CN': '县级区划', en: 'county' },
  township: { 'zh-CN': '乡镇', en: 'township' },
  village: { 'zh-CN': '村', en: 'village' },
};

export const MEMBERSHIP_ROLE_LABELS: Readonly<Record<TMembershipRole, Localized>> = {
  member: { 'zh-CN': '会员单位', en: 'Member' },
  council: { 'zh-CN': '理事单位', en: 'Council member' },
  standing_council: { 'zh-CN': '常务理事单位', en: 'Standing council member' },
  vice_president: { 'zh-CN': '副会长单位', en: 'Vice-president unit' },
  president: { 'zh-CN': '会长单位', en: 'President unit' },
};

export const ROLE_LABELS: Readonly<Record<TRole, Localized>> = {
  platform_admin: { 'zh-CN': '平台管理员', en: 'Platform administrator' },
  org_admin: { 'zh-CN': '单位管理员', en: 'Organization administrator' },
  org_staff: { 'zh-CN': '工作人员', en: 'Staff' },
  auditor: { 'zh-CN': '审计（只读）', en: 'Auditor (read-only)' },
  supervisor: { 'zh-CN': '监管部门', en: 'Supervisor' },
  cadre: { 'zh-CN': '驻村干部', en: 'Village cadre' },
};

export const USER_STATUS_LABELS: Readonly<Record<TUserStatus, Localized>> = {
  active: { 'zh-CN': '启用', en: 'Active' },
  disabled: { 'zh-CN': '停用', en: 'Disabled' },
};
