import { defineErrors } from '../../platform/errors/index.js';

export const statisticsErrors = defineErrors({
  unknownMeasure: {
    code: 'STATISTICS_UNKNOWN_MEASURE',
    status: 400,
    message: {
      'zh-CN': '没有名为“{measure}”的统计指标；可用的指标见 /api/v1/statistics/measures',
      en: 'There is no figure named “{measure}”; the figures there are are listed at /api/v1/statistics/measures',
    },
  },
  notGroupable: {
    code: 'STATISTICS_NOT_GROUPABLE',
    status: 400,
    message: {
      'zh-CN': '指标“{measure}”不能按“{grouping}”分组；请去掉该分组或换一个指标',
      en: 'The figure “{measure}” cannot be grouped by “{grouping}”; drop that grouping or choose another figure',
    },
  },
  badRange: {
    code: 'STATISTICS_BAD_RANGE',
    status: 400,
    message: {
      'zh-CN': '统计期间的开始日期（{from}）晚于结束日期（{to}）；请调换或改正日期',
      en: 'The period starts ({from}) after it ends ({to}); swap or correct the dates',
    },
  },
  organizationNotVisible: {
    code: 'STATISTICS_ORGANIZATION_NOT_VISIBLE',
    status: 404,
    message: {
      'zh-CN': '在 {date} 时该单位不在你的查看范围内（或当时尚未成立）；请选择你所辖范围内的单位或换一个日期',
      en: 'On {date} that organization was outside what you may see (or did not exist yet); choose one within your scope or another date',
    },
  },
  alreadyIssued: {
    code: 'STATISTICS_ANNUAL_ALREADY_ISSUED',
    status: 409,
    message: {
      'zh-CN':
        '{organization} {year} 年度数据已于 {issuedAt} 由 {issuedBy} 签发，不能再次签发；如需更正，请在下一年度账期中冲销并说明',
      en: 'The {year} figures of {organization} were issued on {issuedAt} by {issuedBy} and cannot be issued again; correct them by reversing entries in the next open year, saying what they correct',
    },
  },
  notIssuer: {
    code: 'STATISTICS_NOT_ISSUER',
    status: 403,
    message: {
      'zh-CN': '只有本单位的管理员可以签发年度数据（签发会关闭该年度账期）；请联系本单位管理员',
      en: 'Only an administrator of the organization may issue its annual figures (issuing closes the year’s books); ask your administrator',
    },
  },
});
