import { defineErrors } from '../../../platform/errors/index.js';

export const importErrors = defineErrors({
  columnsMissing: {
    code: 'IMPORT_COLUMNS_MISSING',
    status: 400,
    message: {
      'zh-CN': '文件缺少必填列：{columns}；请使用导入模板的表头',
      en: 'The file lacks required columns: {columns}; use the headers of the import template',
    },
  },
  notFound: {
    code: 'IMPORT_NOT_FOUND',
    status: 404,
    message: { 'zh-CN': '找不到该导入任务', en: 'The import does not exist' },
  },
  badFile: {
    code: 'IMPORT_FILE_UNSUPPORTED',
    status: 400,
    message: {
      'zh-CN': '只能导入 .xlsx 或 .csv 文件；请用“下载模板”得到的格式',
      en: 'Only .xlsx and .csv files can be imported; use the format of the downloadable template',
    },
  },
  noReport: {
    code: 'IMPORT_NO_ERROR_REPORT',
    status: 404,
    message: {
      'zh-CN': '该导入没有错误报告（所有行均正确）',
      en: 'This import has no error report: every row was valid',
    },
  },
});
