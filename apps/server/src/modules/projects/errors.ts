import type { Localized } from '@tongxin/contracts';
import { defineErrors } from '../../platform/errors/index.js';

export const projectErrors = defineErrors({
  notFound: {
    code: 'PROJECT_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该项目，或它不在你的查看范围内',
      en: 'The project does not exist or is outside what you may see',
    },
  },
  actionNotAllowed: {
    code: 'PROJECT_ACTION_NOT_ALLOWED',
    status: 409,
    message: {
      'zh-CN': '项目当前为“{status}”，不能“{action}”；此时可以：{allowed}',
      en: 'The project is “{status}” and cannot be “{action}”; what can be done now: {allowed}',
    },
  },
  wrongParty: {
    code: 'PROJECT_ACTION_FORBIDDEN',
    status: 403,
    message: {
      'zh-CN': '“{action}”须由{party}办理',
      en: '“{action}” is for {party} to do',
    },
  },
  notEditable: {
    code: 'PROJECT_NOT_EDITABLE',
    status: 409,
    message: {
      'zh-CN': '项目已{status}，基本信息不能再修改；如需更正请联系上级单位',
      en: 'The project is {status}; its details can no longer change. Ask the organization above to correct them',
    },
  },
  notWritable: {
    code: 'PROJECT_NOT_WRITABLE',
    status: 403,
    message: {
      'zh-CN': '该项目由其他单位负责，你只能查看',
      en: 'Another organization runs this project; you may only read it',
    },
  },
  changedMeanwhile: {
    code: 'PROJECT_CHANGED_MEANWHILE',
    status: 409,
    message: {
      'zh-CN': '项目状态刚刚被他人改变，请刷新后再试',
      en: 'Someone changed the project’s state just now; reload and try again',
    },
  },
});

export const PARTY_NAMES: Readonly<Record<'owner' | 'above' | 'either', Localized>> = {
  owner: { 'zh-CN': '项目负责单位', en: 'the organization running the project' },
  above: { 'zh-CN': '上级单位（主管或督导单位）', en: 'an organization above it (the supervising one)' },
  either: { 'zh-CN': '项目负责单位或其上级单位', en: 'the organization running it or one above it' },
};

export const projectFieldMessages = {
  reasonRequired: { 'zh-CN': '请填写原因', en: 'Give the reason' },
  ownerNotWritable: {
    'zh-CN': '所选负责单位不在你的管理范围内',
    en: 'The organization chosen to run the project is outside what you manage',
  },
  regionUnknown: { 'zh-CN': '没有行政区划代码 {code}', en: 'There is no region {code}' },
  villageUnknown: {
    'zh-CN': '所选村不存在或不在你的查看范围内',
    en: 'A chosen village does not exist or is outside what you may see',
  },
  householdUnknown: {
    'zh-CN': '所选农户不存在或不在你的查看范围内',
    en: 'A chosen household does not exist or is outside what you may see',
  },
  partnerUnknown: { 'zh-CN': '合作单位不存在', en: 'A partner organization does not exist' },
  partnerIsOwner: { 'zh-CN': '负责单位不必再列为合作单位', en: 'The owner need not be listed as a partner' },
  infrastructureKind: {
    'zh-CN': '基础设施项目须选择类别（道路、饮水、通信、住房）',
    en: 'An infrastructure project needs its kind (road, water, telecom, housing)',
  },
} as const satisfies Record<string, Localized>;
