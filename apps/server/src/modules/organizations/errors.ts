import type { Localized } from '@tongxin/contracts';
import { defineErrors } from '../../platform/errors/index.js';

export const organizationErrors = defineErrors({
  notFound: {
    code: 'ORGANIZATION_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该组织，或它不在你的查看范围内',
      en: 'The organization does not exist or is outside what you may see',
    },
  },
  notWritable: {
    code: 'ORGANIZATION_NOT_WRITABLE',
    status: 403,
    message: {
      'zh-CN': '“{name}”不在你的管理范围内，只能查看；如需修改请联系其上级单位',
      en: '“{name}” is outside what you manage; you may only read it. Ask the organization above it to change it',
    },
  },
  creditCodeTaken: {
    code: 'ORGANIZATION_CREDIT_CODE_TAKEN',
    status: 409,
    message: {
      'zh-CN': '统一社会信用代码 {creditCode} 已被“{name}”使用；同一单位请勿重复登记',
      en: 'Credit code {creditCode} already belongs to “{name}”; do not register the same organization twice',
    },
  },
  moveIntoOwnSubtree: {
    code: 'ORGANIZATION_MOVE_CYCLE',
    status: 409,
    message: {
      'zh-CN': '不能把“{name}”移到它自己或其下级单位之下，请选择其他上级',
      en: '“{name}” cannot move under itself or one of its own sub-organizations; choose another parent',
    },
  },
  moveOwnOrganization: {
    code: 'ORGANIZATION_MOVE_OWN',
    status: 403,
    message: {
      'zh-CN': '不能调整本单位或上级单位的隶属关系，请由上级单位管理员办理',
      en: 'You cannot move your own organization or one above it; an administrator above you can',
    },
  },
  childrenOutsideRegion: {
    code: 'ORGANIZATION_CHILDREN_OUTSIDE_REGION',
    status: 409,
    message: {
      'zh-CN':
        '有 {count} 个下级单位的所在地区不在{region}之内：{names}；请先把它们移到其他上级单位或改正其所在地区，再修改本单位的地区',
      en: 'Sub-organizations lie outside {region} ({count}): {names}; move them to another parent or correct their regions first, then change this organization’s region',
    },
  },
  childrenAboveLevel: {
    code: 'ORGANIZATION_CHILDREN_ABOVE_LEVEL',
    status: 409,
    message: {
      'zh-CN': '有 {count} 个下级单位的层级高于{level}：{names}；请先调整它们的层级或隶属关系，再修改本单位的层级',
      en: 'Sub-organizations rank above the {level} level ({count}): {names}; change their level or move them to another parent first, then change this organization’s level',
    },
  },
  rootNotAllowed: {
    code: 'ORGANIZATION_ROOT_NOT_ALLOWED',
    status: 403,
    message: {
      'zh-CN': '只有平台管理员可以创建顶级组织；请选择一个上级单位',
      en: 'Only the platform administrator creates top-level organizations; choose a parent organization',
    },
  },
  notMemberHost: {
    code: 'MEMBERSHIP_HOST_INVALID',
    status: 400,
    message: {
      'zh-CN': '只有促进会和社会团体可以登记会员单位和理事单位',
      en: 'Only associations and social groups have member and council units',
    },
  },
  membershipNotFound: {
    code: 'MEMBERSHIP_NOT_FOUND',
    status: 404,
    message: { 'zh-CN': '找不到该会员记录', en: 'The membership does not exist' },
  },
});

/** Field messages for VALIDATION_FAILED answers of this module. */
export const organizationFieldMessages = {
  regionUnknown: {
    'zh-CN': '没有行政区划代码 {code}；乡镇、村级区划须先加载',
    en: 'There is no region {code}; township and village levels must be loaded first',
  },
  regionLevel: {
    'zh-CN': '{level}组织的所在地区应为{expected}',
    en: 'A {level} organization must be located in a {expected}',
  },
  regionOutsideParent: {
    'zh-CN': '所在地区应在上级单位“{parent}”的地区（{parentRegion}）之内',
    en: 'The region must lie within the region of the parent “{parent}” ({parentRegion})',
  },
  levelAboveParent: {
    'zh-CN': '层级不能高于上级单位“{parent}”的层级',
    en: 'The level cannot be above the level of the parent “{parent}”',
  },
  parentUnknown: {
    'zh-CN': '找不到所选的上级单位，或它不在你的管理范围内',
    en: 'The chosen parent does not exist or is outside what you manage',
  },
  effectiveBeforeParent: {
    'zh-CN': '生效日期不能早于上级单位“{parent}”的登记日期（{since}）',
    en: 'The effective date cannot be before the parent “{parent}” is on record ({since})',
  },
  memberSelf: {
    'zh-CN': '组织不能成为自己的会员单位',
    en: 'An organization cannot be its own member',
  },
  memberUnknown: {
    'zh-CN': '找不到该会员单位，请先在组织网络中登记它',
    en: 'The member organization does not exist; register it in the network first',
  },
} as const satisfies Record<string, Localized>;
