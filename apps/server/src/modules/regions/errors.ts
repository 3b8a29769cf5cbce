import { defineErrors } from '../../platform/errors/index.js';

export const regionErrors = defineErrors({
  notFound: {
    code: 'REGION_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '没有行政区划代码 {code}；乡镇、村级区划须先用 tongxin regions load <省代码> 加载',
      en: 'There is no region {code}; township and village codes must first be loaded with tongxin regions load <province>',
    },
  },
  fileInvalid: {
    code: 'REGION_FILE_INVALID',
    status: 400,
    message: {
      'zh-CN': '区划文件第 {line} 行有误：{problem}',
      en: 'Line {line} of the region file is not valid: {problem}',
    },
  },
  parentMissing: {
    code: 'REGION_PARENT_MISSING',
    status: 400,
    message: {
      'zh-CN': '区划 {code} 的上级 {parent} 既不在文件中也未加载；请先加载上级区划',
      en: 'The parent {parent} of region {code} is neither in the file nor loaded; load the parent level first',
    },
  },
  fileMissing: {
    code: 'REGION_FILE_MISSING',
    status: 404,
    message: {
      'zh-CN': '没有省份 {province} 的区划数据文件；请用 --file 指定一个同格式的文件（见 data/regions/README.md）',
      en: 'No region file ships for province {province}; pass one in the same format with --file (see data/regions/README.md)',
    },
  },
});
