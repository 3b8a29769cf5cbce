/**
 * The columns of the import templates, with the Chinese headers this field exchanges data under. The same
 * definitions make the templates, read the files and head the error reports.
 */
export type ColumnSpec = {
  key: string;
  header: string;
  required: boolean;
  /** A value for the template's example row. */
  example: string;
  /** What to write, shown as the header cell's note in the template. */
  hint: string;
  width: number;
};

const column = (
  key: string,
  header: string,
  required: boolean,
  example: string,
  hint: string,
  width = 14,
): ColumnSpec => ({
  key,
  header,
  required,
  example,
  hint,
  width,
});

export const HOUSEHOLD_COLUMNS: readonly ColumnSpec[] = [
  column('code', '户编号', false, '150822990001001', '全国建档立卡户编号；可空，填写时不能重复', 18),
  column('villageCode', '村级区划代码', true, '150822100201', '12 位统计用区划代码，须为本单位地区内的村', 16),
  column('headName', '户主姓名', true, '王建国', ''),
  column(
    'headIdNumber',
    '户主身份证号',
    true,
    '150822196804120019',
    '18 位；请将本列设为“文本”格式，以免末尾数字丢失',
    22,
  ),
  column('headGender', '户主性别', true, '男', '男 / 女', 10),
  column('type', '户类型', true, '建档立卡户', '建档立卡户 / 脱贫户 / 监测对象 / 一般户'),
  column('identifiedYear', '识别年度', false, '2014', '四位年份', 10),
  column(
    'mainCause',
    '主要致贫原因',
    false,
    '因病',
    '因病、因残、因学、因灾、缺土地、缺水、缺技术、缺劳动力、缺资金、交通条件落后、自身发展动力不足、其他',
  ),
  column('otherCauses', '次要致贫原因', false, '缺劳动力', '最多两项，用顿号或分号分隔'),
  column('incomePerCapita', '人均纯收入（元）', false, '8650.00', '元，最多两位小数', 16),
  column('housingSafe', '住房安全', false, '是', '是 / 否', 10),
  column('drinkingWaterSafe', '饮水安全', false, '是', '是 / 否', 10),
  column('exitYear', '脱贫年度', false, '', '四位年份，不早于识别年度', 10),
  column(
    'exitWay',
    '脱贫方式',
    false,
    '',
    '产业帮扶、就业帮扶、易地搬迁、教育帮扶、健康帮扶、综合保障兜底、生态补偿、其他',
  ),
  column(
    'monitoringCategory',
    '监测类型',
    false,
    '',
    '户类型为监测对象时必填：脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户',
    16,
  ),
  column('risks', '风险类型', false, '', '最多五项，用顿号或分号分隔', 16),
  column('riskEliminated', '风险是否消除', false, '', '是 / 否', 12),
  column('phone', '联系电话', false, '13912345678', '', 14),
  column('address', '家庭住址', false, '磴口县某镇某村三组12号', '', 28),
];

export const PERSON_COLUMNS: readonly ColumnSpec[] = [
  column('householdCode', '户编号', true, '150822990001001', '成员所在户的户编号，该户须已登记', 18),
  column('relation', '与户主关系', true, '子女', '户主、配偶、子女、儿媳/女婿、孙子女、父母、祖父母、兄弟姐妹、其他'),
  column('name', '姓名', true, '王小花', ''),
  column('idNumber', '身份证号', true, '150822200509010027', '18 位；请将本列设为“文本”格式', 22),
  column('gender', '性别', true, '女', '男 / 女', 8),
  column('education', '文化程度', false, '初中', '文盲或半文盲、学龄前儿童、小学、初中、高中、中专、大专及以上'),
  column(
    'schoolStatus',
    '在校生情况',
    false,
    '普通高中',
    '非在校生、学前教育、小学、初中、普通高中、中职、高职高专及本科以上、辍学',
  ),
  column('health', '健康状况', false, '健康', '健康、长期慢性病、大病、残疾'),
  column(
    'labourAbility',
    '劳动技能',
    false,
    '无劳动力',
    '技能劳动力、普通劳动力、弱劳动力或半劳动力、丧失劳动力、无劳动力',
  ),
  column('migrantMonths', '务工时间（月）', false, '0', '0–12', 12),
  column('hasMedicalInsurance', '参加医保', false, '是', '是 / 否', 10),
  column('hasPensionInsurance', '参加养老保险', false, '否', '是 / 否', 12),
];

/** Columns an error report adds, which a re-import of that report ignores. */
export const REPORT_COLUMNS = { row: '原行号', reasons: '错误说明' } as const;

export type ImportKind = 'households' | 'persons';

export const COLUMNS_OF: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  households: HOUSEHOLD_COLUMNS,
  persons: PERSON_COLUMNS,
};

/** Headers compare without spaces and with either kind of brackets. */
export function normalizeHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}
