import type { PassThrough } from 'node:stream';
import {
  ASSISTANCE_WAY,
  formatFen,
  HOUSEHOLD_TYPE,
  MONITORING_CATEGORY,
  POVERTY_CAUSE_LABELS,
  regionPrefix,
  RISK_TYPE,
  ZHouseholdListQuery,
  type THouseholdListQuery,
} from '@tongxin/contracts';
import { scopeOf } from '../../platform/access/index.js';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { streamWorkbook, type SheetColumn } from '../../platform/xlsx-stream.js';
import { idNumberLookupHash } from './identity.js';
import { streamHouseholds } from './household.repository.js';
import { namesFor } from './names.js';
import type { HouseholdRow } from './tables.js';

const COLUMNS: SheetColumn<HouseholdRow, Awaited<ReturnType<typeof namesFor>>>[] = [
  { header: '户编号', width: 18, value: (r) => r.code ?? '' },
  { header: '村', width: 36, value: (r, n) => n.regions.get(r.region_code) ?? r.region_code },
  { header: '户主姓名', width: 10, value: (r) => r.head_name ?? '' },
  { header: '户主身份证号（脱敏）', width: 22, value: (r) => r.head_id_number_masked ?? '' },
  { header: '户类型', width: 12, value: (r) => HOUSEHOLD_TYPE.labels[r.type]['zh-CN'] },
  { header: '识别年度', width: 10, value: (r) => r.identified_year ?? '' },
  {
    header: '主要致贫原因',
    width: 14,
    value: (r) => (r.main_cause ? (POVERTY_CAUSE_LABELS[r.main_cause]?.['zh-CN'] ?? '') : ''),
  },
  {
    header: '人均纯收入（元）',
    width: 14,
    value: (r) => (r.income_per_capita === null ? '' : formatFen(r.income_per_capita)),
  },
  { header: '脱贫年度', width: 10, value: (r) => r.exit_year ?? '' },
  { header: '脱贫方式', width: 12, value: (r) => (r.exit_way ? ASSISTANCE_WAY.labels[r.exit_way]['zh-CN'] : '') },
  {
    header: '监测类型',
    width: 14,
    value: (r) => (r.monitoring_category ? MONITORING_CATEGORY.labels[r.monitoring_category]['zh-CN'] : ''),
  },
  {
    header: '风险类型',
    width: 24,
    value: (r) =>
      (JSON.parse(r.risks) as (keyof typeof RISK_TYPE.labels)[])
        .map((risk) => RISK_TYPE.labels[risk]['zh-CN'])
        .join('、'),
  },
  { header: '风险是否消除', width: 12, value: (r) => (r.risk_eliminated === 1 ? '是' : '否') },
  { header: '联系电话（脱敏）', width: 14, value: (r) => r.phone_masked ?? '' },
  { header: '家庭住址（脱敏）', width: 20, value: (r) => r.address_masked ?? '' },
  { header: '成员数', width: 8, value: (r) => r.member_count },
  { header: '负责单位', width: 28, value: (r, n) => n.organizations.get(r.organization_id) ?? '' },
  { header: '更新时间（UTC）', width: 22, value: (r) => r.updated_at },
];

/**
 * Streams every household the filters select as a workbook, page by page, so memory stays flat whatever
 * the count. ID numbers, phones and addresses are masked; the export itself is audited, for names are
 * personal data too.
 */
export function exportHouseholds(ctx: ServiceContext, input: THouseholdListQuery): PassThrough {
  const query = ZHouseholdListQuery.parse(input);
  const hash = query.idNumber ? idNumberLookupHash(query.idNumber) : undefined;
  const filter = {
    text: query.q,
    villageId: query.villageId,
    regionPrefix: query.regionCode ? regionPrefix(query.regionCode) : undefined,
    type: query.type,
    monitoringCategory: query.monitoringCategory,
    risk: query.risk,
    riskEliminated: query.riskEliminated === undefined ? undefined : query.riskEliminated === 'true',
    mainCause: query.mainCause,
    idNumberHash: hash ?? (query.idNumber ? 'no-such-hash' : undefined),
  };
  const stream = streamWorkbook({
    sheetName: '农户',
    columns: COLUMNS,
    pages: (async function* () {
      for await (const rows of streamHouseholds(ctx.db, scopeOf(ctx.actor), filter)) {
        const context = await namesFor(ctx.db, {
          regionCodes: rows.map((row) => row.region_code),
          organizationIds: rows.map((row) => row.organization_id),
        });
        yield { rows, context };
      }
    })(),
    onDone: (count) =>
      recordAudit(ctx.db, {
        chainId: ctx.actor.organizationId,
        action: 'registry.export_households',
        entityType: 'export',
        entityId: null,
        changes: {
          filters: { before: null, after: { ...input, idNumber: input.idNumber ? '[masked]' : undefined } },
          rows: { before: null, after: count },
        },
        ...auditBy(ctx),
      }),
  });
  return stream;
}
