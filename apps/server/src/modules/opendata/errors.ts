import { defineErrors } from '../../platform/errors/index.js';

export const openDataErrors = defineErrors({
  organizationNotFound: {
    code: 'OPEN_DATA_ORGANIZATION_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该组织，无法导出它的开放数据；请检查 organizationId，或不带该参数导出全部公开项目',
      en: 'There is no such organization to export open data for; check organizationId, or leave it out to export every public project',
    },
  },
  noActivities: {
    code: 'OPEN_DATA_NO_ACTIVITIES',
    status: 404,
    message: {
      'zh-CN': '没有符合条件的公开项目（已立项的项目才公开），IATI 文件至少要有一个项目；请换一个组织或年份',
      en: 'No public project matches (projects are public once approved), and an IATI file needs at least one; try another organization or year',
    },
  },
});
