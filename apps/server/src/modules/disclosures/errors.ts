import { defineErrors } from '../../platform/errors/index.js';

export const disclosureErrors = defineErrors({
  organizationNotVisible: {
    code: 'DISCLOSURE_ORGANIZATION_NOT_VISIBLE',
    status: 404,
    message: {
      'zh-CN': '该单位不存在或不在你的查看范围内；请选择你所辖范围内的单位',
      en: 'That organization does not exist or is outside what you may see; choose one within your scope',
    },
  },
});
