import type { Localized } from '@tongxin/contracts';
import { defineErrors } from '../../platform/errors/index.js';

export const registryErrors = defineErrors({
  villageNotFound: {
    code: 'VILLAGE_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该村，或它不在你的查看范围内',
      en: 'The village does not exist or is outside what you may see',
    },
  },
  villageExists: {
    code: 'VILLAGE_EXISTS',
    status: 409,
    message: {
      'zh-CN': '{name}已经登记过，由“{organization}”负责；请直接在该村下添加农户',
      en: 'The village {name} is already registered, under “{organization}”; add households to it instead',
    },
  },
  householdNotFound: {
    code: 'HOUSEHOLD_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该户，或它不在你的查看范围内',
      en: 'The household does not exist or is outside what you may see',
    },
  },
  personNotFound: {
    code: 'PERSON_NOT_FOUND',
    status: 404,
    message: { 'zh-CN': '找不到该家庭成员', en: 'The household member does not exist' },
  },
  idNumberDuplicate: {
    code: 'ID_NUMBER_DUPLICATE',
    status: 409,
    message: {
      'zh-CN': '该身份证号已登记在另一户中，同一人只能属于一户；如需迁户，请先从原户中移除',
      en: 'This ID number is already registered in another household; a person belongs to one household only. Remove them there first to move them',
    },
  },
  householdCodeTaken: {
    code: 'HOUSEHOLD_CODE_TAKEN',
    status: 409,
    message: { 'zh-CN': '户编号 {code} 已被使用', en: 'Household number {code} is already in use' },
  },
  headCannotBeRemoved: {
    code: 'HEAD_CANNOT_BE_REMOVED',
    status: 409,
    message: {
      'zh-CN': '不能移除户主；请先把其他成员设为户主',
      en: 'The head cannot be removed; make another member the head first',
    },
  },
  cadreCannotRegisterVillage: {
    code: 'CADRE_CANNOT_REGISTER_VILLAGE',
    status: 403,
    message: {
      'zh-CN': '驻村干部不能登记新村；请由本单位管理员登记村，再把你派驻到该村',
      en: 'A village cadre cannot register villages; an administrator registers the village and stations you there',
    },
  },
  notWritable: {
    code: 'REGISTRY_NOT_WRITABLE',
    status: 403,
    message: {
      'zh-CN': '该记录不在你的管理范围内，只能查看',
      en: 'This record is outside what you manage; you may only read it',
    },
  },
});

export const registryFieldMessages = {
  notVillageCode: {
    'zh-CN': '{code} 不是村级区划代码；村级代码为 12 位且最后三位不是 000',
    en: '{code} is not a village code; village codes have 12 digits and do not end in 000',
  },
  regionNotLoaded: {
    'zh-CN': '没有行政区划代码 {code}；请先加载该省的乡村区划（tongxin regions load）',
    en: 'There is no region {code}; load the province’s villages first (tongxin regions load)',
  },
  outsideOrganization: {
    'zh-CN': '该村不在“{organization}”的地区（{region}）之内',
    en: 'The village lies outside the region of “{organization}” ({region})',
  },
  organizationNotWritable: {
    'zh-CN': '所选单位不在你的管理范围内',
    en: 'The chosen organization is outside what you manage',
  },
  cadreNoNewVillage: {
    'zh-CN': '该村尚未登记；驻村干部只能导入所驻村的农户',
    en: 'This village is not registered; a village cadre imports households of their own villages only',
  },
  cadreInvalid: {
    'zh-CN': '帮扶责任人须为本单位或下级单位的在岗用户',
    en: 'The responsible cadre must be an active user of this organization or one below it',
  },
  exitBeforeIdentified: {
    'zh-CN': '脱贫年度不能早于识别年度（{year}）',
    en: 'The exit year cannot be before the year of identification ({year})',
  },
  monitoringNeedsCategory: {
    'zh-CN': '监测对象须填写监测类型',
    en: 'A monitored household needs a monitoring category',
  },
  eliminationNeedsDate: {
    'zh-CN': '风险已消除时须填写消除方式和日期',
    en: 'When the risk is eliminated, give the way and the date',
  },
  causesRepeat: {
    'zh-CN': '次要致贫原因不能与主要原因重复',
    en: 'Other causes cannot repeat the main cause',
  },
} as const satisfies Record<string, Localized>;
